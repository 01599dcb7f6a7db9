/**
 * The CLI's formats, exit policies and exit codes: small, so the command line loads them at once and
 * everything else when a command needs it.
 */
import type { Report } from '../model/report.js';

/** The report formats of `check --format`. */
export const FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown'] as const;
/** A report format. */
export type Format = (typeof FORMATS)[number];

/** What fails the run (`--fail-on`), from the least strict. */
export const FAIL_ON = ['error', 'warning', 'unknown'] as const;
/** An exit policy. */
export type FailOn = (typeof FAIL_ON)[number];

/** Exit codes, documented in the README and the help text. */
export const EXIT_CODES = { compatible: 0, incompatible: 1, usage: 2, indeterminate: 3, internal: 70 } as const;

/** Whether `value` is one of `choices`. */
export function isOneOf<T extends string>(choices: readonly T[], value: string | undefined): value is T {
  return (choices as readonly string[]).includes(value ?? '');
}

/**
 * The exit code of a report under an exit policy. Waived findings never count.
 * - `error` (the default): 1 when an `error` requirement fails, else 3 when one is unknown, else 0 —
 *   the verdict's code;
 * - `warning`: also 1 when a `warning` requirement fails;
 * - `unknown`: also 3 when any requirement, whatever its severity, is unknown.
 */
export function exitCodeOf(report: Report, failOn: FailOn = 'error'): number {
  if (report.verdict === 'incompatible') return EXIT_CODES.incompatible;
  // The verdict alone decides the default policy: the findings are read only for the others.
  const open = failOn === 'error' ? [] : report.findings.filter((f) => f.waived === undefined);
  if (open.some((f) => f.status === 'fail' && f.severity === 'warning')) return EXIT_CODES.incompatible;
  if (report.verdict === 'indeterminate') return EXIT_CODES.indeterminate;
  if (failOn === 'unknown' && open.some((f) => f.status === 'unknown')) return EXIT_CODES.indeterminate;
  return EXIT_CODES.compatible;
}
