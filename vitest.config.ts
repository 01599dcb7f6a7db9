import { defineConfig } from 'vitest/config';
import { DEFINE } from './scripts/build-constants.mjs';

export default defineConfig({
  define: DEFINE,
  test: {
    include: ['test/**/*.test.ts'],
    // The browser suite is its own run: npm run test:browser.
    exclude: ['**/node_modules/**', 'test/browser/**'],
    globalSetup: ['test/setup/build.ts'],
    environment: 'node',
    pool: 'threads',
    testTimeout: 30_000,
  },
});
