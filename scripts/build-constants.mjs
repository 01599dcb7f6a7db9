// The constants the sources are built with, as a bundler `define` (tsup, esbuild, Vitest): the package's
// version, read from package.json when the code is built, so the library never reads a file at run time to
// know which version it is. Every build and test run of the sources uses this one object.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** `define` for esbuild, tsup and Vite: identifiers replaced by JSON literals. */
export const DEFINE = { __CALICO_WINDOWS_COMPAT_VERSION__: JSON.stringify(pkg.version) };
