// Jest with `import { expect } from '@jest/globals'` instead of global types: the matchers' types come
// from a module augmentation of `expect`, as docs/guides/test-your-infrastructure-code.md shows.
import { describe, expect, it } from '@jest/globals';
import { cluster, type CompatibilityMatchers } from 'calico-windows-compat/testing';

declare module 'expect' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
  interface Matchers<R extends void | Promise<void>, T = unknown> extends CompatibilityMatchers<R> {}
}

describe('with @jest/globals', () => {
  it('the matchers registered by the setup module are typed and run', () => {
    expect(cluster.aks()).toBeCompatible();
    expect(cluster.aks({ aks: { newCluster: false } })).toFailRule('aks-new-cluster');
    expect(cluster.aks({ aks: { newCluster: false } })).not.toPassRule('aks-new-cluster');
  });
});

// Never run: the augmentation types the matchers' arguments.
export const typed = (): void => {
  // @ts-expect-error: toFailRule needs a rule id
  expect(cluster.aks()).toFailRule();
};
