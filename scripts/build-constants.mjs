// The constants the sources are built with, as a bundler `define` (tsup, esbuild, Vitest): the package's
// version, read from package.json when the code is built, so the library never reads a file at run time to
// know which version it is. Every build and test run of the sources uses this one object.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * `define` for esbuild, tsup and Vite: identifiers replaced by JSON literals. `__FAST_PATHS__`: whether
 * the build carries the fast paths for large inputs (facts accepted by hand, node rules decided once per
 * distinct value, findings built when read). Off by default, as browsers get it: the main entry's 30 KB
 * budget has no room for them (about 4 KB gzip), and a browser evaluates one cluster, not a fleet.
 */
export const DEFINE = { __CALICO_WINDOWS_COMPAT_VERSION__: JSON.stringify(pkg.version), __FAST_PATHS__: 'false' };

/** The Node builds' (dist/node/*.js and dist/*.cjs, the exports' `node` and `require`; the CLI) and the tests': with the fast paths. */
export const NODE_DEFINE = { ...DEFINE, __FAST_PATHS__: 'true' };
