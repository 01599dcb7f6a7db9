import { defineConfig } from 'vitest/config';

// The browser suite (npm run test:browser): a real Chromium, driven by playwright-core. Kept out of
// `npm test`; one file at a time, as each drives its own browser.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
