/**
 * The kubectl plugin's executable, `kubectl-calico_windows`: kubectl runs it for `kubectl calico-windows …`
 * with the arguments after the plugin's name. It is the CLI, marked as the plugin's run (check, facts and plan
 * read the cluster, the help speaks of kubectl calico-windows; `isKubectlPlugin` in ./collect.ts reads the
 * mark). The CLI is loaded from beside this file, not bundled into it, so the package ships it once.
 */
import { join } from 'node:path';

(globalThis as Record<symbol, unknown>)[Symbol.for('calico-windows-compat.kubectl-plugin')] = true;
// A computed path: bundlers leave it alone, and it names the built CLI next to this file.
require(join(__dirname, 'cli.cjs'));
