import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { evaluateCompatibility } from 'calico-windows-compat';
import { factsFromManifests, mergeFacts } from 'calico-windows-compat/manifests';
import { parseFactsText, parseManifestsText } from 'calico-windows-compat/yaml';
import { PLAYGROUND_DIR, serveDirectory } from '../../playground/build.js';
import { launchChromium } from './chromium.js';

// The playground in Chromium, as a user drives it: paste, read the report, follow an error to its
// position, share the link. The page is the one `npm run playground` builds (dist-playground/).
const ROOT = new URL('../../', import.meta.url);
const fixture = (path: string): string => readFileSync(new URL(`test/fixtures/manifests/${path}`, ROOT), 'utf8');
const KUBECTL_DUMP = `${fixture('eks/nodes.yaml').trimEnd()}\n---\n${fixture('eks/calico.yaml')}`;
// What the EKS cluster's objects cannot say, with TLS 1.2 off on its Windows node: one failure.
const EXTRA = fixture('eks/extra.yaml').replace('tls12Enabled: true', 'tls12Enabled: false');

let server: Awaited<ReturnType<typeof serveDirectory>>;
let chromium: { browser: BrowserContext; close(): Promise<void> };
const requests: string[] = [];
const errors: string[] = [];

async function openPage(url = server.url): Promise<Page> {
  const page = await chromium.browser.newPage();
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
  await page.goto(url);
  await page.waitForFunction(() => Number(document.body.dataset['rendered'] ?? 0) > 0);
  return page;
}

/** Runs an action and waits for the page to render its result (and no further update to be pending). */
async function andRender(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = await page.evaluate(() => Number(document.body.dataset['rendered'] ?? 0));
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset['rendered'] ?? 0) > n && document.body.dataset['pending'] === undefined, before);
}

beforeAll(async () => {
  server = await serveDirectory(PLAYGROUND_DIR);
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

describe('the playground', () => {
  it('renders the verdict for a pasted kubectl dump and facts file, as Node evaluates them', async () => {
    const page = await openPage();
    await andRender(page, async () => {
      await page.fill('#objects', KUBECTL_DUMP);
      await page.fill('#facts', EXTRA);
    });

    // Node, on the same text, through the same public entry points.
    const derived = factsFromManifests(parseManifestsText(KUBECTL_DUMP).objects);
    const explicit = parseFactsText(EXTRA);
    if (!explicit.success) throw explicit.error;
    const report = evaluateCompatibility(mergeFacts(derived.facts, explicit.data, { sources: derived.sources }).facts);
    expect(report.verdict).toBe('incompatible');

    expect(await page.getAttribute('#report', 'data-verdict')).toBe(report.verdict);
    expect(await page.textContent('#verdict')).toBe('Incompatible: not ready for Windows nodes');
    const c = report.counts;
    expect(c).toMatchObject({ errors: 1, warnings: 0 });
    expect(await page.textContent('#counts')).toBe(`1 error · 0 warnings · ${c.unknown} unknown · ${c.pass} passed · ${c.notApplicable} not applicable`);
    const failing = report.findings.filter((f) => f.status === 'fail').map((f) => f.ruleId);
    expect(await page.$$eval('#failures li.finding', (items) => items.map((li) => li.getAttribute('data-rule')))).toEqual(failing);
    // The failure with its remediation, and the evidence traced to the line of the pasted output.
    const tls = page.locator('#failures li[data-rule="windows-tls12"]');
    expect(await tls.locator('pre.remediation').textContent()).toMatch(/TLS/);
    expect(await tls.locator('.evidence').textContent()).toMatch(/facts file:\d+:\d+/);
    // The facts, each derived one commented with the object, field and position it came from.
    expect(await page.textContent('#facts-out pre')).toMatch(/# Node\/\S+ status\.nodeInfo\.\w+ \(cluster objects:\d+:\d+\)/);
    // Passes are listed too, and the Markdown is the library's.
    expect(await page.locator('#passes li').count()).toBe(c.pass);
    expect(await page.textContent('#markdown-text')).toContain('Incompatible');
    await page.close();
  });

  it('shows an input error with its line and column, and takes the caret there', async () => {
    const page = await openPage();
    await andRender(page, () => page.fill('#objects', 'apiVersion: v1\nkind: Node\nmetadata:\n  name: w\nkind: Node\n'));
    const problem = page.locator('#problems li', { hasText: 'Cluster objects' });
    expect(await problem.locator('button.position').textContent()).toBe('line 5, column 1');
    expect(await problem.textContent()).toBe('Cluster objects line 5, column 1 document 1: Map keys must be unique');
    await problem.locator('button.position').click();
    expect(await page.evaluate(() => {
      const area = document.getElementById('objects') as HTMLTextAreaElement;
      return [document.activeElement?.id, area.value.slice(0, area.selectionStart).split('\n').length];
    })).toEqual(['objects', 5]);

    await andRender(page, async () => {
      await page.fill('#objects', '');
      await page.fill('#facts', 'platform: eks\nnodes:\n  - os: windows\n    name: w\n    osBuild: 42\n');
    });
    const factsProblem = page.locator('#problems li', { hasText: 'Facts file' });
    expect(await factsProblem.textContent()).toMatch(/^Facts file line 5, column 14 nodes\[0\]\.osBuild: /);
    await page.close();
  });

  it('keeps the state in the URL fragment, and a shared link restores the report', async () => {
    const page = await openPage();
    await andRender(page, async () => {
      await page.fill('#objects', KUBECTL_DUMP);
      await page.fill('#facts', EXTRA);
    });
    await andRender(page, () => page.selectOption('#release', '3.27'));
    const link = page.url();
    expect(new URL(link).hash).toMatch(/^#release=3\.27&objects=z\.[\w-]+&facts=z\.[\w-]+$/);
    // The link is short enough to share: the text deflated.
    expect(link.length).toBeLessThan(KUBECTL_DUMP.length / 3);
    const verdict = await page.textContent('#verdict');
    const profile = await page.textContent('.profile');
    expect(profile).toMatch(/^Calico v3\.27\b/);
    await page.close();

    const shared = await openPage(link);
    expect(await shared.inputValue('#objects')).toBe(KUBECTL_DUMP);
    expect(await shared.inputValue('#facts')).toBe(EXTRA);
    expect(await shared.inputValue('#release')).toBe('3.27');
    expect(await shared.textContent('#verdict')).toBe(verdict);
    expect(await shared.textContent('.profile')).toBe(profile);
    await shared.close();

    // A link cut short says so, instead of showing a report of half the input.
    const cut = await openPage(link.slice(0, link.length - 25));
    expect(await cut.textContent('#problems')).toMatch(/cannot be read: it was cut short or changed/);
    await cut.close();
  });

  it('loads an example', async () => {
    const page = await openPage();
    await andRender(page, () => page.selectOption('#example', 'aks-kubectl'));
    expect(await page.inputValue('#objects')).toMatch(/^# kubectl get nodes -o yaml — AKS/);
    expect(await page.inputValue('#release')).toBe('auto');
    expect(await page.getAttribute('#report', 'data-verdict')).toBe('incompatible');
    expect(await page.$$eval('#failures li.finding', (items) => items.map((li) => li.getAttribute('data-rule')))).toEqual(['windows-os-version']);
    await page.close();
  });

  it('renders failures with their fix and the facts still needed with how to find each (the screenshot kept in CI and in docs/)', async () => {
    const page = await openPage();
    await andRender(page, async () => {
      await page.fill('#objects', KUBECTL_DUMP);
      // Without what only the AWS account can say: the EKS facts are still needed.
      await page.fill('#facts', EXTRA.replace(/^eks:[\s\S]*?(?=^\S)/m, ''));
    });
    expect(await page.getAttribute('#report', 'data-verdict')).toBe('incompatible');
    expect(await page.locator('#failures li.finding').count()).toBe(1);
    const hints = await page.$$eval('#unknowns .hints li', (items) => items.map((li) => li.textContent ?? ''));
    expect(hints.length).toBeGreaterThan(0);
    for (const hint of hints) expect(hint).toMatch(/^eks\.[\w.]+: \S/);

    // As a user sees it after pasting: the page and both inputs at their top.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      for (const id of ['objects', 'facts']) document.getElementById(id)?.scrollTo(0, 0);
      window.scrollTo(0, 0);
    });
    const png = await page.screenshot({ type: 'png' });
    mkdirSync(new URL('reports/', ROOT), { recursive: true });
    writeFileSync(new URL('reports/playground.png', ROOT), png);
    if (process.env['UPDATE_SCREENSHOTS']) writeFileSync(new URL('docs/playground.png', ROOT), png);
    await page.close();

    // The screenshot in docs/ is there, and is one of the page (a PNG of its viewport).
    const docs = readFileSync(new URL('docs/playground.png', ROOT));
    expect(docs.subarray(1, 4).toString()).toBe('PNG');
    expect([docs.readUInt32BE(16), docs.readUInt32BE(20)]).toEqual([1280, 900]);
  });

  it('sends nothing anywhere: its own files are all it asks for, and its policy forbids any request', async () => {
    const page = await openPage();
    await andRender(page, () => page.fill('#facts', 'platform: eks\n'));
    const attempts = await page.evaluate(async () => {
      const tries = ['https://example.com/', `${location.origin}/collect`];
      return Promise.all(tries.map((url) => fetch(url, { method: 'POST', body: 'x' }).then(() => 'sent', () => 'blocked')));
    });
    expect(attempts).toEqual(['blocked', 'blocked']);
    expect(await page.textContent('#privacy')).toMatch(/nothing you paste is sent anywhere/);
    const origin = new URL(server.url).origin;
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    // Only the page and the files the build wrote (its script, style and chunks).
    const built = readdirSync(PLAYGROUND_DIR, { recursive: true, encoding: 'utf8' }).map((f) => `/${f.split(sep).join('/')}`);
    const asked = new Set(requests.map((url) => new URL(url).pathname));
    expect([...asked].filter((path) => path !== '/' && !built.includes(path))).toEqual([]);
    expect([...asked]).toEqual(expect.arrayContaining(['/', '/app.js', '/style.css']));
    await page.close();
  });

  it('runs without a script error', () => {
    // The CSP violations of the test above are reported on the console as errors: they are expected.
    expect(errors.filter((e) => !/Content Security Policy/.test(e) && !/Failed to fetch/.test(e))).toEqual([]);
  });
});
