import { defineConfig, type Options } from 'tsup';
import { DEFINE, NODE_DEFINE } from './scripts/build-constants.mjs';

/**
 * The command line, as CommonJS (which skips the ES module loader's start-up): `dist/cli.cjs` with zod
 * and the library in it, and the YAML parser in `dist/cli-yaml.cjs` beside it, read only by commands that
 * parse YAML. Starting the CLI reads one file and resolves no package, and a module of the bundle is
 * evaluated only when a command first imports it. The kubectl plugin, `dist/kubectl-calico_windows.cjs`,
 * loads `cli.cjs` from beside it: two executables, one CLI. Self-contained, dependencies included: the
 * package's dist/ runs as it is, which is what a krew install of the npm tarball gets
 * (docs/krew/plugin.yaml). test/setup/build.ts builds the CLI the tests run from these same options.
 */
export const CLI_BUILDS: Options[] = [
  {
    entry: { cli: 'src/cli.ts' },
    format: ['cjs'],
    target: 'node18',
    platform: 'node',
    // zod inside; yaml too, though only as the file beside it (the plugin below).
    noExternal: ['zod', 'yaml'],
    splitting: false,
    sourcemap: true,
    minify: true,
    banner: { js: '#!/usr/bin/env node' },
    define: NODE_DEFINE,
    esbuildPlugins: [
      {
        name: 'yaml-beside',
        setup(build) {
          build.onResolve({ filter: /^yaml$/ }, () => ({ path: './cli-yaml.cjs', external: true }));
        },
      },
    ],
  },
  {
    entry: { 'cli-yaml': 'src/cli/yaml-parser.ts' },
    format: ['cjs'],
    target: 'node18',
    platform: 'node',
    noExternal: ['yaml'],
    splitting: false,
    minify: true,
  },
  {
    entry: { 'kubectl-calico_windows': 'src/cli/plugin.ts' },
    format: ['cjs'],
    target: 'node18',
    platform: 'node',
    splitting: false,
    minify: true,
    banner: { js: '#!/usr/bin/env node' },
  },
];

/** Every entry point of the package, each built twice below. */
const ENTRIES = {
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
};

const LIBRARY: Options = {
  entry: ENTRIES,
  // The test runners are the user's: testing/vitest imports vitest, never bundles it.
  external: ['vitest'],
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  splitting: true,
};

export default defineConfig([
  {
    // dist/*.js and their types: the ES modules every resolver but Node's gets (the exports' plain
    // `import`), browsers and bundlers included. Without the fast paths for large inputs (see
    // scripts/build-constants.mjs), so the main entry keeps within its 30 KB budget, whoever bundles it.
    ...LIBRARY,
    format: ['esm'],
    dts: true,
    clean: true,
    define: DEFINE,
    // Constant branches folded and their dead code dropped, names and layout kept readable.
    esbuildOptions(options) {
      options.minifySyntax = true;
    },
  },
  {
    // dist/node/*.js: the same ES modules with the fast paths, for the exports' `node` condition.
    ...LIBRARY,
    format: ['esm'],
    outDir: 'dist/node',
    define: NODE_DEFINE,
  },
  {
    // dist/*.cjs and their types: CommonJS, with the fast paths (`require`, which browsers do not bundle
    // by; Jest's jsdom environment loads it untransformed).
    ...LIBRARY,
    format: ['cjs'],
    dts: true,
    define: NODE_DEFINE,
  },
  ...CLI_BUILDS,
]);
