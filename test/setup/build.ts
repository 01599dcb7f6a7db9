import { build } from 'esbuild';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

// The CLI tests run the bundled binary, as users do. It is built once per test run into a directory
// of its own (not dist/, which a concurrent build or test run may be rewriting), next to node_modules
// so its dependencies resolve as they do for an installed package.
export default async function setup(): Promise<() => void> {
  const cache = resolve('node_modules/.cache/calico-windows-compat-test');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'run-'));
  const outfile = join(dir, 'cli.mjs');
  await build({
    entryPoints: ['src/cli.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  process.env['CWC_TEST_CLI'] = outfile;
  return () => rmSync(dir, { recursive: true, force: true });
}
