/**
 * The manifests adapter's types: the public ones its face re-exports, and the shapes its stages share.
 * @module
 */
import type { ClusterFacts } from '../../model/facts.js';
import type { FactSource } from '../../model/report.js';
import type { SourceLocation } from '../../model/location.js';

/** A parsed object, read key by key. */
export type Obj = Record<string, unknown>;
/** One step of a path into an object. */
export type Segment = string | number;

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
