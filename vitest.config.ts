import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/build.ts'],
    environment: 'node',
    pool: 'threads',
    testTimeout: 30_000,
  },
});
