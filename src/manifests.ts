/**
 * `calico-windows-compat/manifests`: facts from the cluster itself. Kubernetes Node objects and Calico /
 * operator resources (parsed objects: kubectl `List`s, arrays, single objects) become partial facts with
 * the provenance of each, and a hand-written facts file fills in the rest.
 *
 * Pure and browser-safe. For YAML or JSON text, parse it first with `calico-windows-compat/yaml`.
 * @packageDocumentation
 */
export {
  factsFromManifests,
  concatManifests,
  type ManifestFacts,
  type ManifestNote,
  type ManifestNoteCode,
  type ManifestOptions,
  type ManifestLocator,
  type ManifestSet,
  type SourceLocation,
} from './adapters/manifests.js';
export { mergeFacts, type MergeNote, type MergeOptions, type MergeResult } from './adapters/merge.js';

export { CompatError, type ErrorCode, type InputIssue } from './model/errors.js';
