// For the mutation run only (vitest.mutation.config.ts).
import fc from 'fast-check';
import { vi } from 'vitest';

// A property that fails under a mutant ends there. Shrinking its counterexample, which a reader of a
// failure wants, is what a mutant run can do without — it decides nothing (the mutant is killed either
// way) and ran long enough on large generated clusters to count as a timeout.
fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });

// Without test isolation the runner keeps the library's modules from one test file, and one mutant run,
// to the next — and with them what they cache at module level (a rule's compiled fact paths, the parsed
// builds, the rules' tables). A mutant in cached code would then be judged on a value computed before,
// under another mutant or none: `compile()`'s mutants survived so. Each test file loads the library
// afresh; its dependencies (zod, yaml, fast-check) stay loaded.
vi.resetModules();
