/**
 * Facts from the cluster itself: Kubernetes `Node` objects, the Tigera operator's `Installation`, Calico's
 * own resources and the manifest install's `calico-config` ConfigMap, as `kubectl get … -o yaml` prints
 * them. Pure and browser-safe: it receives parsed objects (see `parseManifestsText` in
 * `calico-windows-compat/yaml` for text) and returns partial facts, where each came from, and notes.
 *
 * Its one promise is the library's: a fact the objects do not state stays absent. Where objects disagree,
 * the fact is left out and a note says so; nothing is guessed.
 * @module
 */
import type { ManifestLocator, ManifestSet } from '../model/location.js';
import type { ManifestFacts } from './manifests/types.js';
import { collect } from './manifests/collect.js';
import { Context } from './manifests/context.js';
import { read } from './manifests/read.js';
import { assemble } from './manifests/resolve.js';

export type { ManifestLocator, ManifestSet, SourceLocation } from '../model/location.js';
export type { ManifestFacts, ManifestNote, ManifestNoteCode } from './manifests/types.js';

/** Options of {@link factsFromManifests}. */
export interface ManifestOptions {
  /** Locates values in the input, so sources and errors carry file, line and column. */
  readonly locate?: ManifestLocator;
  /**
   * Reads Helm values given as text — RKE2's HelmChartConfig `rke2-calico` carries them in
   * `spec.valuesContent` — into a value: `parseValuesText` from `calico-windows-compat/yaml`. The adapter
   * carries no YAML parser; without one, such values are not read, and a note says so.
   */
  readonly parseValues?: (text: string) => unknown;
}

/**
 * Derives facts from Kubernetes objects: `kubectl get nodes -o yaml`,
 * `kubectl get installation,felixconfiguration,ippool,ipamconfig,bgpconfiguration,clusterinformation -o yaml`,
 * the `calico-config` ConfigMap, the operator's `kubernetes-services-endpoint` ConfigMap (tigera-operator
 * namespace), RKE2's HelmChartConfig `rke2-calico` (with `parseValues`), `calicoctl get nodes -o yaml`,
 * and `kubectl version -o yaml`.
 *
 * Accepts a single object, a `List` (`kind: List` or a typed `NodeList`), an array, or arrays of those.
 * Objects of other kinds are skipped with a note. Pure: no I/O.
 *
 * @throws {@link CompatError} `invalid-input` when a document is not a Kubernetes object (no `apiVersion`
 * and `kind`), listing each with its position.
 * @example
 * const { facts, sources, notes } = factsFromManifests(JSON.parse(kubectlGetNodesJson));
 * evaluateCompatibility(mergeFacts(facts, handWritten).facts, { sources });
 */
export function factsFromManifests(objects: unknown, options: ManifestOptions = {}): ManifestFacts {
  const root = typeof objects === 'object' ? (objects ?? undefined) : undefined;
  const ctx = new Context(root, options.locate, options.parseValues);
  const refs = collect(objects, ctx);
  if (refs.length === 0) ctx.note('empty', 'info', 'The input holds no Kubernetes object.');
  for (const ref of refs) read(ref, ctx);
  return assemble(ctx);
}

/** Joins parsed manifest sets (from several files) into one, keeping each one's locations. */
export function concatManifests(sets: readonly ManifestSet[]): ManifestSet {
  const objects: unknown[] = [];
  const owners: Array<{ set: ManifestSet; offset: number }> = [];
  for (const set of sets) {
    owners.push({ set, offset: objects.length });
    // One at a time, not push(...objects): a set can hold more objects than a call takes arguments.
    for (const object of set.objects) objects.push(object);
  }
  return {
    objects,
    locate(root, path) {
      if (root === objects) {
        const [index, ...rest] = path;
        if (typeof index !== 'number') return undefined;
        // Stryker disable next-line ArithmeticOperator: starting past the end only meets undefined owners, which the loop skips
        for (let i = owners.length - 1; i >= 0; i--) {
          const owner = owners[i];
          if (owner && index >= owner.offset) return owner.set.locate(owner.set.objects, [index - owner.offset, ...rest]);
        }
        return undefined;
      }
      for (const { set } of owners) {
        const found = set.locate(root, path);
        if (found) return found;
      }
      return undefined;
    },
  };
}
