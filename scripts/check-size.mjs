#!/usr/bin/env node
// Bundles each browser-safe entry for the browser (esbuild, minified, dependencies included), gzips it
// and checks it against its budget. The main entry's budget is an architecture decision: Backstage
// frontends ship it. Exits 1 when a bundle is over budget or pulls in a Node built-in.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { builtinModules } from 'node:module';
import { DEFINE } from './build-constants.mjs';

const KB = 1024;
const entries = [
  // The main entry: the core a browser app ships to evaluate facts. semver is the tests' reference for
  // versions, not a run-time import: its SemVer class and regular-expression tables alone cost 3.2 KB
  // (see src/model/version.ts).
  { entry: 'src/index.ts', budget: 30 * KB },
  // The others are measured so their growth is seen; each includes the core it builds on.
  { entry: 'src/format.ts', budget: 42 * KB },
  { entry: 'src/manifests.ts', budget: 26 * KB },
  { entry: 'src/yaml.ts', budget: 60 * KB },
  // Every release profile, the rules later releases add, the advisories, compareReleases, the matrix.
  { entry: 'src/releases.ts', budget: 45 * KB },
  // The planner: the core, planNetworking, the hints for unknown facts and the plan's text and Markdown
  // (the main entry with planNetworking alone would be over its budget: 33.2 KB gzip).
  { entry: 'src/plan.ts', budget: 38 * KB },
];

let failed = false;
for (const { entry, budget } of entries) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    // What every bundler but Node's gets: the package's dist/*.js (the exports' plain `import`);
    // npm run examples measures the packed build as bundlers resolve it.
    define: DEFINE,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const gz = gzipSync(code, { level: 9 }).length;
  const inputs = Object.keys(result.metafile.inputs);
  const builtins = inputs.filter((p) => p.startsWith('node:') || builtinModules.includes(p));
  const ok = gz <= budget && builtins.length === 0;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${entry}: ${(code.length / KB).toFixed(1)} KB minified, ${(gz / KB).toFixed(1)} KB gzip [${gz} B] (budget ${budget / KB} KB)` +
      (builtins.length ? `; Node built-ins: ${builtins.join(', ')}` : ''),
  );
}
process.exitCode = failed ? 1 : 0;
