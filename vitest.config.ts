import { defineConfig } from 'vitest/config';
import { NODE_DEFINE } from './scripts/build-constants.mjs';

export default defineConfig({
  // The tests run the Node build's code, fast paths included; the browser suite runs the browser build.
  define: NODE_DEFINE,
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
