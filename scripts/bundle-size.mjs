// What a browser app ships of an entry: the bundle esbuild makes of it (minified, dependencies included),
// gzipped. Shared by `npm run size` (the sources) and `npm run examples` (the packed package as bundlers
// resolve it), so both measure alike and hold the same budgets.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

export const KB = 1024;

/** The gzip budget of each browser-safe entry, by name (`src/<name>.ts`, `dist/<name>.js`). */
export const BUDGETS = {
  // The main entry: the core a browser app ships to evaluate facts; an architecture decision, since
  // Backstage frontends ship it. semver is the tests' reference for versions, not a run-time import: its
  // SemVer class and regular-expression tables alone cost 3.2 KB (see src/model/version.ts).
  index: 30 * KB,
  // The others are measured so their growth is seen; each includes the core it builds on.
  format: 42 * KB,
  manifests: 26 * KB,
  yaml: 60 * KB,
  // Every release profile, the rules later releases add, the advisories, compareReleases, the matrix.
  releases: 45 * KB,
  // The planner: the core, planNetworking, the hints for unknown facts and the plan's text and Markdown
  // (the main entry with planNetworking alone would be over its budget: 33.2 KB gzip).
  plan: 38 * KB,
};

/** Bundles with esbuild (`options` added: the entry, platform, define…) and gzips the bundle at level 9. */
export async function bundleSize(options) {
  const result = await build({ bundle: true, minify: true, format: 'esm', write: false, metafile: true, logLevel: 'silent', ...options });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length, inputs: Object.keys(result.metafile.inputs) };
}
