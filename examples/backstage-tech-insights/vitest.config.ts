import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // The entity card's tests choose a DOM themselves (// @vitest-environment happy-dom).
    environment: 'node',
  },
});
