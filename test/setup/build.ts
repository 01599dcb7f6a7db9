import { build } from 'esbuild';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFINE } from '../../scripts/build-constants.mjs';

// The CLI tests run the bundled binaries, as users do: the CLI and the kubectl plugin (which loads the
// CLI from beside it, as in dist/). They are built once per test run into a directory of their own (not
// dist/, which a concurrent build or test run may be rewriting), next to node_modules so their
// dependencies resolve as they do for an installed package.
export default async function setup(): Promise<() => void> {
  const cache = resolve('node_modules/.cache/calico-windows-compat-test');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'run-'));
  // Under node_modules, .js is CommonJS unless a package.json says otherwise.
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  await build({
    entryPoints: { cli: 'src/cli.ts', 'kubectl-calico_windows': 'src/cli/plugin.ts' },
    outdir: dir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
    define: DEFINE,
    logLevel: 'warning',
  });
  process.env['CWC_TEST_CLI'] = join(dir, 'cli.js');
  process.env['CWC_TEST_PLUGIN'] = join(dir, 'kubectl-calico_windows.js');
  return () => rmSync(dir, { recursive: true, force: true });
}
