/**
 * `calico-windows-compat/testing/jest`: registers the matchers with Jest's global `expect` and declares
 * their types for `@types/jest` (`jest.Matchers`). Name it in `setupFilesAfterEnv` and import it (or
 * `import type {} from 'calico-windows-compat/testing/jest'`) where the compiler sees it.
 * @module
 */
import { matchers, type CompatibilityMatchers } from './matchers.js';

declare const expect: { extend(matchers: object): void } | undefined;

if (typeof expect === 'undefined' || typeof expect.extend !== 'function')
  throw new Error(
    '[calico-windows-compat] calico-windows-compat/testing/jest needs Jest\'s global expect: name it in setupFilesAfterEnv, or call expect.extend(matchers) from calico-windows-compat/testing.',
  );
expect.extend(matchers);

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
    interface Matchers<R, T = {}> extends CompatibilityMatchers<R> {}
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Expect extends CompatibilityMatchers {}
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface InverseAsymmetricMatchers extends CompatibilityMatchers {}
  }
}
