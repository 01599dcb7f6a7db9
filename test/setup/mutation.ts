// For the mutation run only (vitest.mutation.config.ts): a property that fails under a mutant ends there.
// Shrinking its counterexample, which a reader of a failure wants, is what a mutant run can do without —
// it decides nothing (the mutant is killed either way) and ran long enough on large generated clusters to
// count as a timeout.
import fc from 'fast-check';

fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });
