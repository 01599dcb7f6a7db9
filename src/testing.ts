/**
 * `calico-windows-compat/testing`: assertions about a cluster's compatibility for your own test suite,
 * and fact builders with valid defaults, for Vitest and Jest alike.
 *
 * ```ts
 * expect(factsFromManifests(renderedManifests)).toBeCompatible();
 * expect(cluster.kubernetes({ calico: { strictAffinity: false } })).toFailRule('strict-affinity');
 * expect(report).toPassRule('windows-tls12', { node: 'win-1' });
 * ```
 *
 * Register the matchers once, in a setup file: `import 'calico-windows-compat/testing/vitest'` (Vitest)
 * or `setupFilesAfterEnv: ['calico-windows-compat/testing/jest']` (Jest); either registers them with
 * `expect.extend` and declares their types for that runner. Or call `expect.extend(matchers)` yourself.
 * This entry imports neither runner.
 * @packageDocumentation
 */
export {
  matchers,
  type CompatibilityInput,
  type CompatibilityOptions,
  type CompatibilityMatchers,
  type CompatibilityMatcher,
  type CompatibilityMatcherFunctions,
  type MatcherContext,
  type MatcherResult,
  type RuleMatcherOptions,
} from './testing/matchers.js';
export {
  windowsNode,
  linuxNode,
  cluster,
  type BuildOptions,
  type ClusterBuilders,
  type ClusterOverrides,
  type FactOverrides,
  type SelfManagedNetworking,
} from './testing/builders.js';
