import { defineConfig } from 'tsup';
import { DEFINE } from './scripts/build-constants.mjs';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      format: 'src/format.ts',
      manifests: 'src/manifests.ts',
      yaml: 'src/yaml.ts',
      node: 'src/node.ts',
      releases: 'src/releases.ts',
      plan: 'src/plan.ts',
      testing: 'src/testing.ts',
      'testing/vitest': 'src/testing/vitest.ts',
      'testing/jest': 'src/testing/jest.ts',
    },
    // The test runners are the user's: testing/vitest imports vitest, never bundles it.
    external: ['vitest'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: true,
    define: DEFINE,
  },
  {
    // The kubectl plugin loads ./cli.js at run time: two executables, one CLI.
    entry: { cli: 'src/cli.ts', 'kubectl-calico_windows': 'src/cli/plugin.ts' },
    format: ['esm'],
    // Each a file of its own: no chunk shared with the library build's (which cleans dist/).
    splitting: false,
    // Self-contained, dependencies included: the package's dist/ runs as it is, which is what a krew
    // install of the npm tarball gets (docs/krew/plugin.yaml).
    noExternal: ['yaml', 'zod'],
    target: 'node18',
    platform: 'node',
    sourcemap: true,
    // yaml's Node build is CommonJS: its require() calls need a require in this ES module.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
    define: DEFINE,
  },
]);
