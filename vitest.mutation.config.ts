import { defineConfig } from 'vitest/config';
import { NODE_DEFINE } from './scripts/build-constants.mjs';

// The test run StrykerJS uses for each mutant (`npm run mutate`): the library's tests in-process, without
// the ones that only drive the built binary or bundle the sources (mutants never reach dist/), the catalog
// and architecture tests (they read the source files' text, which Stryker instruments), the new-rule
// scaffold's (it compiles a copy of the sources), the ones that run kubectl processes against a stand-in
// or drive the plugin (seconds each, and mutants of the adapter meet them in test/node/collect.test.ts), and with
// fewer property-test runs, since the properties run again for every mutant they cover.
export default defineConfig({
  // The tests run the Node build's code, fast paths included; the browser suite runs the browser build.
  define: NODE_DEFINE,
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/catalog.test.ts', 'test/cli.test.ts', 'test/cli-reports.test.ts', 'test/cli-plan.test.ts', 'test/adapters/cli.test.ts', 'test/browser-bundle.test.ts', 'test/hostile/cli.test.ts', 'test/architecture.test.ts', 'test/new-rule.test.ts', 'test/browser/**',
      'test/cli-collect.test.ts', 'test/node/real-kubectl.test.ts', 'test/node/rbac.test.ts',
      'test/cli-outputs.test.ts', 'test/cli-config.test.ts', 'test/cli-sarif.test.ts', 'test/action.test.ts'],
    setupFiles: ['test/setup/mutation.ts'],
    environment: 'node',
    pool: 'threads',
    // Each mutant run loads every test file that covers the mutant: without isolation, their dependencies
    // (zod, yaml, fast-check) are loaded once per run, not once per file; the library itself is loaded
    // afresh for each file (test/setup/mutation.ts). The suite passes either way; `npm test` keeps isolation.
    isolate: false,
    testTimeout: 30_000,
    env: { FC_NUM_RUNS: '40' },
  },
});
