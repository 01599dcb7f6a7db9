/**
 * A page that loads the library as the browser does: the built entry points in dist/, served over HTTP
 * with their dependencies resolved by an import map (as a site that serves node_modules would; a
 * CommonJS dependency as an ES module made of it), and nothing of the library bundled. The scenarios
 * (scenarios.ts) reach the page as JavaScript, transpiled by esbuild.
 */
import { build, transform } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import type { Page } from 'playwright-core';

/** The browser-safe entry points, as the package exports them. */
export const ENTRIES = {
  core: 'calico-windows-compat',
  format: 'calico-windows-compat/format',
  yaml: 'calico-windows-compat/yaml',
  manifests: 'calico-windows-compat/manifests',
  releases: 'calico-windows-compat/releases',
  plan: 'calico-windows-compat/plan',
} as const;

/**
 * Each entry's ES module file, from the package's own `exports`: its plain `import`, what a browser
 * bundler picks (the build without the fast paths), so the suite holds it to Node's answers.
 */
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

/** The bare specifiers the built ES modules import (Node built-ins aside: only the Node entry and the CLI use them). */
export function bareSpecifiers(): string[] {
  const dist = new URL('../../dist/', import.meta.url);
  const found = new Set<string>();
  for (const file of readdirSync(dist).filter((f) => f.endsWith('.js'))) {
    for (const match of readFileSync(new URL(file, dist), 'utf8').matchAll(/^(?:import|export)\b[^'"]*?from\s*["']([^'"./][^'"]*)["']/gm))
      if (match[1] && !isBuiltin(match[1])) found.add(match[1]);
  }
  return [...found].sort();
}

const isBuiltin = (specifier: string): boolean => specifier.startsWith('node:') || builtinModules.includes(specifier);

/**
 * Where each dependency's browser ES module is: zod's and yaml's own (their package.json says where), and
 * for a CommonJS dependency (semver), an ES module esbuild makes of it, as a CDN converting npm packages
 * would serve it.
 */
function importMap(): { imports: Record<string, string>; converted: string[] } {
  const pkg = (name: string) => JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8'));
  const zod = pkg('zod') as { exports: Record<string, { import: string }> };
  const yaml = pkg('yaml') as { browser: Record<string, string>; main: string };
  const zodMini = zod.exports['./mini']?.import;
  const yamlBrowser = yaml.browser[`./${yaml.main.replace(/^\.\//, '')}`];
  if (!zodMini || !yamlBrowser) throw new Error('zod or yaml no longer declares its browser module where expected');
  const esm: Record<string, string> = {
    'zod/mini': `/node_modules/zod/${zodMini.replace(/^\.\//, '')}`,
    yaml: `/node_modules/yaml/${yamlBrowser.replace(/^\.\//, '')}`,
  };
  const converted = bareSpecifiers().filter((s) => !(s in esm) && !Object.values(ENTRIES).includes(s as never));
  return {
    imports: {
      ...Object.fromEntries(Object.entries(ENTRIES).map(([key, specifier]) => [specifier, entryFiles()[key as keyof typeof ENTRIES]])),
      ...esm,
      ...Object.fromEntries(converted.map((s) => [s, `${DEPS_PATH}${s}`])),
    },
    converted,
  };
}

/** A CommonJS module as an ES module with its export as the default one (how the library imports it). */
async function convert(specifier: string): Promise<string> {
  const result = await build({
    stdin: { contents: `export { default } from ${JSON.stringify(specifier)};`, resolveDir: new URL('../../', import.meta.url).pathname },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

const DEPS_PATH = '/__deps/';
export const HARNESS_PATH = '/__harness.html';
export const SCENARIOS_PATH = '/__scenarios.js';

/** Opens the harness page at `origin`: the import map in place, the scenarios module and the converted dependencies served. */
export async function openHarness(page: Page, origin: string): Promise<void> {
  const { imports, converted } = importMap();
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>harness</title>
<script type="importmap">${JSON.stringify({ imports })}</script></head><body></body></html>`;
  const scenarios = (await transform(readFileSync(new URL('./scenarios.ts', import.meta.url), 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' })).code;
  const modules = Object.fromEntries(await Promise.all(converted.map(async (s) => [`${DEPS_PATH}${s}`, await convert(s)] as const)));
  const javascript = (body: string) => ({ contentType: 'text/javascript; charset=utf-8', body });
  await page.route(`${origin}${HARNESS_PATH.slice(1)}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.route(`${origin}${SCENARIOS_PATH.slice(1)}`, (route) => route.fulfill(javascript(scenarios)));
  await page.route(`${origin}${DEPS_PATH.slice(1)}**`, (route) => {
    const body = modules[new URL(route.request().url()).pathname];
    return body === undefined ? route.fulfill({ status: 404 }) : route.fulfill(javascript(body));
  });
  await page.goto(`${origin}${HARNESS_PATH.slice(1)}`);
}
