import { defineConfig } from 'vitest/config';

// The test run StrykerJS uses for each mutant: the library's tests, without the ones that need the built
// binary (the CLI and hostile-CLI tests run dist/, which mutants never reach) or bundle the sources.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/cli.test.ts', 'test/browser-bundle.test.ts', 'test/hostile/cli.test.ts'],
    environment: 'node',
    pool: 'threads',
    testTimeout: 30_000,
  },
});
