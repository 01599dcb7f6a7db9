#!/usr/bin/env node
// Bundles each browser-safe entry for the browser (esbuild, minified, dependencies included), gzips it
// and checks it against its budget (scripts/bundle-size.mjs). Exits 1 when a bundle is over budget or
// pulls in a Node built-in.
import { builtinModules } from 'node:module';
import { DEFINE } from './build-constants.mjs';
import { BUDGETS, KB, bundleSize } from './bundle-size.mjs';

let failed = false;
for (const [name, budget] of Object.entries(BUDGETS)) {
  const entry = `src/${name}.ts`;
  // What every bundler but Node's gets: the package's dist/*.js (the exports' plain `import`);
  // npm run examples measures the packed build as bundlers resolve it.
  const { minified, gzip, inputs } = await bundleSize({ entryPoints: [entry], platform: 'browser', define: DEFINE });
  const builtins = inputs.filter((p) => p.startsWith('node:') || builtinModules.includes(p));
  const ok = gzip <= budget && builtins.length === 0;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${entry}: ${(minified / KB).toFixed(1)} KB minified, ${(gzip / KB).toFixed(1)} KB gzip [${gzip} B] (budget ${budget / KB} KB)` +
      (builtins.length ? `; Node built-ins: ${builtins.join(', ')}` : ''),
  );
}
process.exitCode = failed ? 1 : 0;
