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
import type { ClusterFacts } from '../model/facts.js';
import type { FactSource } from '../model/report.js';
import { collect } from './manifests/collect.js';
import { Context } from './manifests/context.js';
import { read } from './manifests/read.js';
import { assemble } from './manifests/resolve.js';

/** A position in a source text: 1-based line and column, and the file when known. */
export interface SourceLocation {
  readonly file?: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Where the value at `path` inside `root` stands in its source text. `root` is the value given to
 * {@link factsFromManifests} (or a document inside it); `parseManifestsText` returns one.
 */
export type ManifestLocator = (root: object, path: readonly (string | number)[]) => SourceLocation | undefined;

/** Parsed manifests and the way back to their text, as `parseManifestsText` returns them. */
export interface ManifestSet {
  /** The documents, in order: Kubernetes objects, `List`s, or arrays of them. */
  readonly objects: readonly unknown[];
  /** Locates values inside `objects`. */
  readonly locate: ManifestLocator;
}

/** Options of {@link factsFromManifests}. */
export interface ManifestOptions {
  /** Locates values in the input, so sources and errors carry file, line and column. */
  readonly locate?: ManifestLocator;
}

/** What a {@link ManifestNote} is about. */
export type ManifestNoteCode =
  /** Objects of a kind (or a name) that says nothing about the requirements were not read. */
  | 'skipped'
  /** Objects disagree about a fact: it is left out. */
  | 'conflict'
  /** A field holds a value the adapter does not understand: the fact is left out. */
  | 'invalid-value'
  /** The objects come close to a fact but do not decide it: it is left out. */
  | 'undecided'
  /** A fact was inferred from one or more fields, and how. */
  | 'inferred'
  /** A Calico resource names a node no Kubernetes `Node` object describes. */
  | 'unmatched'
  /** The input holds no Kubernetes object. */
  | 'empty';

/** Something the adapter wants users to know: what it skipped, inferred or could not decide. Data, not text. */
export interface ManifestNote {
  readonly code: ManifestNoteCode;
  /** `warning`: a fact is missing or doubtful because of it; `info`: for the record. */
  readonly level: 'info' | 'warning';
  /** The note in English. */
  readonly message: string;
  /** The object it is about: `Node/win-1`, `Installation/default`. */
  readonly object?: string;
  /** The fact it is about: `nodes[win-1].osBuild`, `networking`. */
  readonly fact?: string;
  /** Where the object stands in its source text. */
  readonly location?: SourceLocation;
}

/** What {@link factsFromManifests} returns. */
export interface ManifestFacts {
  /** The facts the objects state: partial, valid against `ClusterFactsSchema`. */
  readonly facts: ClusterFacts;
  /**
   * Where each fact came from, keyed by fact path as findings name them (`nodes[win-1].osBuild`,
   * `calico.ipPools[default-ipv4-ippool].encapsulation`): pass it to `evaluateCompatibility`'s `sources`.
   */
  readonly sources: Record<string, FactSource>;
  /** What was skipped, inferred, or left out and why, in input order. */
  readonly notes: ManifestNote[];
}

/**
 * Derives facts from Kubernetes objects: `kubectl get nodes -o yaml`,
 * `kubectl get installation,felixconfiguration,ippool,ipamconfig,bgpconfiguration,clusterinformation -o yaml`,
 * the `calico-config` ConfigMap, the operator's `kubernetes-services-endpoint` ConfigMap (tigera-operator
 * namespace), `calicoctl get nodes -o yaml`, and `kubectl version -o yaml`.
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
  const ctx = new Context(root, options.locate);
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
    objects.push(...set.objects);
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
