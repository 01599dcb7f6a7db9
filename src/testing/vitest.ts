/**
 * `calico-windows-compat/testing/vitest`: registers the matchers with Vitest's `expect` and declares
 * their types. Import it from a setup file (`test.setupFiles` in the Vitest config) that your tsconfig
 * includes, or from a test file.
 * @module
 */
import { expect, type JestAssertion } from 'vitest';
import { matchers, type CompatibilityMatchers } from './matchers.js';

expect.extend(matchers);

declare module 'vitest' {
  // The matchers return what Vitest's own do. Naming a type of 'vitest' also keeps the import of 'vitest'
  // in the published declarations (the declaration bundler drops imports only JavaScript uses), without
  // which the augmentation misses `Assertion` as `expect()` returns it.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends CompatibilityMatchers<ReturnType<JestAssertion<T>['toBe']>> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends CompatibilityMatchers {}
}
