/**
 * Reading a stored report back: the JSON `formatJson` wrote, kept for weeks as a Backstage fact or a CI
 * artifact, possibly by an older version of the library.
 * @module
 */
import type * as z from 'zod/mini';
import { CompatError, capIssues, type InputIssue } from './errors.js';
import { formatPath } from './parse.js';
import { REPORT_SCHEMA_VERSION, ReportSchema, type Report } from './report.js';
import { TOOL } from './tool.js';

/** The result of {@link parseReport}: the report in the current shape, and the schema version it was written in. */
export type ParseReportResult =
  | {
      readonly success: true;
      /** The report, in the shape of {@link REPORT_SCHEMA_VERSION}. */
      readonly data: Report;
      /** The schema version the input was written in: `1.0.0`, or `unversioned` for a report written before reports had one. */
      readonly schemaVersion: string;
    }
  | { readonly success: false; readonly error: CompatError };

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:[-+][0-9A-Za-z.+-]*)?$/;
const CURRENT_MAJOR = Number(REPORT_SCHEMA_VERSION.split('.')[0]);

/** The tool version an unversioned report is read with: those reports did not name it. */
export const UNKNOWN_TOOL_VERSION = 'unknown';

/**
 * Reads a stored report (its JSON text, or the value `JSON.parse` made of it) into the current
 * {@link Report} shape.
 *
 * - A report of this major schema version (`1.x.y`) is validated and returned; fields a later minor
 *   version added are dropped, so `data` is exactly a {@link Report}.
 * - A report written before reports had a schema version (no `schemaVersion`) is read as version
 *   `unversioned`: its fields are those of `1.0.0` less `schemaVersion`, `tool` and `inputs`, which it
 *   gains (`tool.version` `'unknown'`, `inputs` empty).
 * - Any other version is refused with a {@link CompatError} (`invalid-report`) naming it: a newer major
 *   needs a newer library.
 *
 * Never throws: problems come back as a {@link CompatError} (`invalid-report`) listing every one with its
 * path.
 *
 * @example
 * const stored = parseReport(fact.report);
 * if (stored.success) stored.data.verdict;
 * else console.error(stored.error.message); // "Cannot read the report:\n  schemaVersion: 2.0.0 is newer than …"
 */
export function parseReport(input: unknown): ParseReportResult {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch (error) {
      return refuse('(root)', 'invalid-json', `is not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return refuse('(root)', 'invalid-type', 'expected an object (a report as formatJson writes it)');
  const record = value as Record<string, unknown>;
  const version = record['schemaVersion'];

  if (version === undefined) {
    if (!('verdict' in record) || !('findings' in record)) return refuse('(root)', 'not-a-report', 'has no schemaVersion, verdict or findings: it is not a calico-windows-compat report');
    const upgraded = { schemaVersion: REPORT_SCHEMA_VERSION, tool: { name: TOOL.name, version: UNKNOWN_TOOL_VERSION }, inputs: [], ...record };
    return validate(upgraded, 'unversioned');
  }
  if (typeof version !== 'string' || !SEMVER.test(version))
    return refuse('schemaVersion', 'invalid-value', `${JSON.stringify(version)} is not a schema version (expected one like ${REPORT_SCHEMA_VERSION})`);
  const major = Number(version.split('.')[0]);
  if (major > CURRENT_MAJOR)
    return refuse(
      'schemaVersion',
      'unsupported-version',
      `${version} is newer than this version of calico-windows-compat reads (${CURRENT_MAJOR}.x and unversioned reports); upgrade calico-windows-compat to read it`,
    );
  if (major < CURRENT_MAJOR)
    return refuse('schemaVersion', 'unsupported-version', `${version} is no version calico-windows-compat wrote; it reads ${CURRENT_MAJOR}.x and unversioned reports`);
  return validate(record, version);
}

function validate(value: unknown, schemaVersion: string): ParseReportResult {
  const result = ReportSchema.safeParse(value);
  if (result.success) return { success: true, data: result.data, schemaVersion };
  return { success: false, error: new CompatError('invalid-report', `Invalid report (schema version ${schemaVersion}):`, capIssues(result.error.issues.map(issueOf))) };
}

/**
 * A schema problem of a report in a few words. Reports are written by programs, so a problem is damage,
 * not a typo to explain at length: the path and what was expected (facts get `schemaIssues`' fuller words).
 */
function issueOf(issue: z.core.$ZodIssue): InputIssue {
  // Stryker disable next-line ConditionalExpression: the paths of a JSON value hold numbers and strings, and String() of a string is itself
  const segments = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
  const message =
    issue.code === 'invalid_type'
      ? `expected ${issue.expected}`
      : issue.code === 'invalid_value'
        ? `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
        : issue.message && issue.message !== 'Invalid input'
          ? issue.message
          : 'is invalid';
  return { path: formatPath(segments), code: issue.code.replaceAll('_', '-'), message, segments };
}

function refuse(path: string, code: string, message: string): ParseReportResult {
  return { success: false, error: new CompatError('invalid-report', 'Cannot read the report:', [{ path, code, message }]) };
}
