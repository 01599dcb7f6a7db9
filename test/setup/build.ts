import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'tsup';
import { CLI_BUILDS } from '../../tsup.config.js';

// The CLI tests run the bundled binaries, as users do: built from the options tsup.config.ts builds them
// with (dist/cli.cjs, the YAML parser beside it, and the kubectl plugin, which loads the CLI from beside
// it), once per test run, into a directory of their own (not dist/, which a concurrent build or test run
// may be rewriting).
export default async function setup(): Promise<() => void> {
  const cache = resolve('node_modules/.cache/calico-windows-compat-test');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'run-'));
  for (const options of CLI_BUILDS) await build({ ...options, outDir: dir, sourcemap: false, silent: true, config: false });
  process.env['CWC_TEST_CLI'] = join(dir, 'cli.cjs');
  process.env['CWC_TEST_PLUGIN'] = join(dir, 'kubectl-calico_windows.cjs');
  return () => rmSync(dir, { recursive: true, force: true });
}
