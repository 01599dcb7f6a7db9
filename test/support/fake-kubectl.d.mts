// Types of test/support/fake-kubectl.mjs, for the tests that run it in process.

/** What kubectl would print and exit with; or a fault only a process acts out. */
export type FakeAnswer =
  | { readonly exitCode: number; readonly stdout: string; readonly stderr: string; readonly fault?: undefined }
  | { readonly fault: { readonly hang: true } | { readonly delayMs: number } };

export function answer(state: unknown, argv: readonly string[], options?: { readonly faults?: boolean }): FakeAnswer;
