/**
 * Where a value stands in its source text, and parsed manifests with the way back to it: shared by the
 * text readers, which make locators, and the manifests adapter, which uses them.
 * @module
 */

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
