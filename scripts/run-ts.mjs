#!/usr/bin/env node
// Runs a TypeScript script of this repository without a build: bundles it with esbuild (dependencies
// left external, resolved from node_modules) and imports the result. Usage: node scripts/run-ts.mjs <file.ts> [args…]
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFINE } from './build-constants.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}
// Inside node_modules, so that the bundle's bare imports resolve to this repository's dependencies.
const dir = resolve('node_modules/.cache/run-ts');
mkdirSync(dir, { recursive: true });
const outfile = resolve(dir, `${basename(entry, '.ts')}-${process.pid}.mjs`);
await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node18', packages: 'external', define: DEFINE, logLevel: 'warning' });
process.argv = [process.argv[0], entry, ...args];
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(outfile, { force: true });
}
