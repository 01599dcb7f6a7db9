/**
 * A page that loads the library as the browser does: the built entry points in dist/, served over HTTP
 * with their dependencies resolved by an import map (as a site that serves node_modules would), and
 * nothing bundled. The scenarios (scenarios.ts) reach the page as JavaScript, transpiled by esbuild.
 */
import { transform } from 'esbuild';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** The browser-safe entry points, as the package exports them. */
export const ENTRIES = {
  core: 'calico-windows-compat',
  format: 'calico-windows-compat/format',
  yaml: 'calico-windows-compat/yaml',
  manifests: 'calico-windows-compat/manifests',
  releases: 'calico-windows-compat/releases',
} as const;

/** Each entry's ES module file, from the package's own `exports` (its `import` condition). */
export function entryFiles(): Record<keyof typeof ENTRIES, string> {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const file = (specifier: string) => {
    const entry = pkg.exports[specifier === 'calico-windows-compat' ? '.' : `./${specifier.split('/')[1]}`];
    if (!entry) throw new Error(`package.json exports no ${specifier}`);
    return entry.import.default.replace(/^\.\//, '/');
  };
  return Object.fromEntries(Object.entries(ENTRIES).map(([key, specifier]) => [key, file(specifier)])) as Record<keyof typeof ENTRIES, string>;
}

/** The dependencies' browser ES modules, where their own package.json says they are. */
function importMap(): Record<string, string> {
  const pkg = (name: string) => JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8'));
  const zod = pkg('zod') as { exports: Record<string, { import: string }> };
  const yaml = pkg('yaml') as { browser: Record<string, string>; main: string };
  const zodMini = zod.exports['./mini']?.import;
  const yamlBrowser = yaml.browser[`./${yaml.main.replace(/^\.\//, '')}`];
  if (!zodMini || !yamlBrowser) throw new Error('zod or yaml no longer declares its browser module where expected');
  return {
    ...Object.fromEntries(Object.entries(ENTRIES).map(([key, specifier]) => [specifier, entryFiles()[key as keyof typeof ENTRIES]])),
    'zod/mini': `/node_modules/zod/${zodMini.replace(/^\.\//, '')}`,
    yaml: `/node_modules/yaml/${yamlBrowser.replace(/^\.\//, '')}`,
  };
}

export const HARNESS_PATH = '/__harness.html';
export const SCENARIOS_PATH = '/__scenarios.js';

/** Opens the harness page at `origin`: the import map in place, the scenarios module served. */
export async function openHarness(page: Page, origin: string): Promise<void> {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>harness</title>
<script type="importmap">${JSON.stringify({ imports: importMap() })}</script></head><body></body></html>`;
  const scenarios = (await transform(readFileSync(new URL('./scenarios.ts', import.meta.url), 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' })).code;
  await page.route(`${origin}${HARNESS_PATH.slice(1)}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.route(`${origin}${SCENARIOS_PATH.slice(1)}`, (route) => route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: scenarios }));
  await page.goto(`${origin}${HARNESS_PATH.slice(1)}`);
}
