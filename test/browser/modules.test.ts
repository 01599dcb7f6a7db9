import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import * as core from 'calico-windows-compat';
import * as format from 'calico-windows-compat/format';
import * as manifests from 'calico-windows-compat/manifests';
import * as releases from 'calico-windows-compat/releases';
import * as plan from 'calico-windows-compat/plan';
import * as yaml from 'calico-windows-compat/yaml';
import { serveDirectory } from '../../playground/build.js';
import { ALL_CASES, EXAMPLE_CASES, FIXTURE_CASES } from './cases.js';
import { launchChromium } from './chromium.js';
import { bareSpecifiers, ENTRIES, entryFiles, openHarness, SCENARIOS_PATH } from './harness.js';
import { runScenarios, type Outputs } from './scenarios.js';

// The library in a real browser: the built ES modules, loaded by Chromium over HTTP, give the same
// answers as in Node, byte for byte, on every example cluster and real-cluster fixture.
const ROOT = new URL('../..', import.meta.url).pathname;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let chromium: { browser: BrowserContext; close(): Promise<void> };
let page: Page;
const errors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  server = await serveDirectory(ROOT);
  chromium = await launchChromium();
  page = await chromium.browser.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
  page.on('request', (request) => requests.push(request.url()));
  await openHarness(page, server.url);
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

describe('the entry points in Chromium', () => {
  it.each(Object.entries(ENTRIES))('%s (%s) loads as an ES module and exports what it exports in Node', async (key, specifier) => {
    const file = entryFiles()[key as keyof typeof ENTRIES];
    const inPage = await page.evaluate(`import(${JSON.stringify(specifier)}).then((m) => Object.keys(m).sort())`);
    const inNode = Object.keys({ core, format, yaml, manifests, releases, plan }[key as keyof typeof ENTRIES]).sort();
    expect(inNode.length).toBeGreaterThan(0);
    expect(inPage).toEqual(inNode);
    expect(requests).toContain(new URL(file, server.url).href);
  });

  it('gives the same reports, plans, facts and errors as Node on the example clusters and the real-cluster fixtures', async () => {
    const inNode = runScenarios({ core, format, yaml, manifests, releases, plan }, ALL_CASES);
    const inPage = (await page.evaluate(
      `Promise.all([${Object.values(ENTRIES).map((s) => `import(${JSON.stringify(s)})`).join(', ')}, import(${JSON.stringify(SCENARIOS_PATH)})])
        .then(([core, format, yaml, manifests, releases, plan, scenarios]) =>
          scenarios.runScenarios({ core, format, yaml, manifests, releases, plan }, ${JSON.stringify(ALL_CASES)}))`,
    )) as Outputs;

    // Every case gave its reports (or its error), on both sides.
    for (const c of [...EXAMPLE_CASES, ...FIXTURE_CASES]) expect(Object.keys(inNode)).toContain(`${c.name}.json`);
    expect(Object.keys(inPage).sort()).toEqual(Object.keys(inNode).sort());
    for (const [name, output] of Object.entries(inNode)) expect(inPage[name], name).toBe(output);

    // And the answers are the library's real ones, not two equal blanks.
    expect(JSON.parse(inNode['examples/broken-cluster.json'] ?? '{}')).toMatchObject({ verdict: 'incompatible' });
    expect(JSON.parse(inNode['fixtures/eks.json'] ?? '{}')).toMatchObject({ verdict: 'compatible' });
    expect(inNode['fixtures/eks.facts.yaml']).toMatch(/# Node\/\S+ status\.nodeInfo\.\w+ \(test\/fixtures\/manifests\/eks\/nodes\.yaml:\d+:\d+\)/);
    expect(JSON.parse(inNode['bad/objects.error'] ?? '{}')).toMatchObject({ name: 'CompatError', code: 'invalid-input', issues: [{ location: { file: 'bad-objects.yaml', line: 5, column: 1 } }] });
    expect(JSON.parse(inNode['error.facts'] ?? '{}')).toMatchObject({ code: 'invalid-facts' });
  });

  it('resolves every dependency the built modules import', async () => {
    const specifiers = bareSpecifiers();
    expect(specifiers).toEqual(expect.arrayContaining(['yaml', 'zod/mini']));
    for (const specifier of specifiers) expect(await page.evaluate(`import(${JSON.stringify(specifier)}).then((m) => typeof m)`), specifier).toBe('object');
  });

  it('throws nothing and logs no error on the way, and asks only its own origin', () => {
    expect(errors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(server.url))).toEqual([]);
  });
});
