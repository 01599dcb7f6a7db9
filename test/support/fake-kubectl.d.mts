// Types of test/support/fake-kubectl.mjs, for the tests that run it in process.

/** What kubectl would print and exit with; or a fault only a process acts out. */
export type FakeAnswer =
  | { readonly exitCode: number; readonly stdout: string; readonly stderr: string; readonly fault?: undefined }
  | { readonly fault: { readonly hang: true } | { readonly delayMs: number } };

export function answer(state: unknown, argv: readonly string[], options?: { readonly faults?: boolean }): FakeAnswer;

/** A rule of a ClusterRole. */
export interface PolicyRule {
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly resourceNames?: readonly string[];
  readonly nonResourceURLs?: readonly string[];
  readonly verbs: readonly string[];
}

export function authorizes(
  rules: readonly PolicyRule[],
  request: { readonly verb: string; readonly group: string; readonly resource: string; readonly name?: string } | { readonly verb: string; readonly path: string },
): boolean;
