/**
 * `calico-windows-compat/testing/vitest`: registers the matchers with Vitest's `expect` and declares
 * their types. Import it from a setup file (`test.setupFiles` in the Vitest config) that your tsconfig
 * includes, or from a test file.
 * @module
 */
import { expect } from 'vitest';
import { matchers, type CompatibilityMatchers } from './matchers.js';

expect.extend(matchers);

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
  interface Assertion<T = any> extends CompatibilityMatchers<void> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends CompatibilityMatchers {}
}
