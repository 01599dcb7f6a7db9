import { defineConfig } from 'tsup';

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
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    target: 'node18',
    platform: 'node',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
