/**
 * Waivers: accepted exceptions to rules. A waived finding keeps its real status and stays in every
 * output, marked as waived, but no longer counts against the verdict. Pure: the date that decides
 * whether a waiver has expired is an argument, never the clock.
 * @module
 */
import * as z from 'zod/mini';
import { CompatError, MAX_REPORTED_ISSUES, capIssues, type InputIssue } from '../model/errors.js';
import { describeValue, formatPath, schemaIssues } from '../model/issues.js';
import { WaiverSchema, type Waiver } from '../model/waiver.js';
import type { Finding, FindingWaiver, Subject, WaiverResult } from '../model/report.js';
import { subjectKey } from '../model/naming.js';

export { subjectKey } from '../model/naming.js';
import { closest, shorten } from '../model/words.js';

/** The result of {@link parseWaivers}: the waivers, or an error listing every problem. */
export type ParseWaiversResult =
  | { readonly success: true; readonly data: Waiver[] }
  | { readonly success: false; readonly error: CompatError };

const ListSchema = z.array(WaiverSchema);
const FileSchema = z.strictObject({ waivers: ListSchema });

/** Validates untrusted input as a list of waivers naming rules among `ruleIds`; see the public `parseWaivers`. */
export function parseWaivers(input: unknown, ruleIds: readonly string[]): ParseWaiversResult {
  const issues = waiverIssues(input, [], ruleIds);
  if (issues.length > 0) return { success: false, error: new CompatError('invalid-input', 'Invalid waivers:', issues) };
  return { success: true, data: (Array.isArray(input) ? input : (input as { waivers: Waiver[] }).waivers) as Waiver[] };
}

function waiverIssues(input: unknown, prefix: readonly (string | number)[], ids: readonly string[]): InputIssue[] {
  const list = Array.isArray(input);
  if (!list && (input === null || typeof input !== 'object'))
    return [issue(prefix, 'invalid-type', `expected a list of waivers (or an object with a waivers list), got ${describeValue(input)}`)];
  const schema = list ? ListSchema : FileSchema;
  const result = schema.safeParse(input);
  const issues: InputIssue[] = result.success ? [] : schemaIssues(schema, result.error, input, prefix);
  const entries: unknown = list ? input : (input as { waivers?: unknown }).waivers;
  let uncounted = 0;
  let described = 0;
  if (Array.isArray(entries)) {
    // Every rule of the catalog: a waiver may name a later release's rule.
    const known = new Set(ids);
    entries.forEach((entry: unknown, index) => {
      const rule = (entry as { rule?: unknown } | null)?.rule;
      if (typeof rule !== 'string' || rule === '' || known.has(rule)) return;
      // Past as many as are listed, an unknown rule is counted, not described: those described are the
      // first in the file, so the problems listed are still the first ones, whatever the schema found.
      // Stryker disable next-line ConditionalExpression,EqualityOperator: capIssues lists as many and counts the rest either way; this only spares describing them
      if (described >= MAX_REPORTED_ISSUES) return void uncounted++;
      described++;
      const suggestion = closest(rule, ids);
      const at = [...prefix, ...(list ? [] : ['waivers']), index, 'rule'];
      issues.push(issue(at, 'unknown-rule', `'${shorten(rule)}' is not a rule id${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`));
    });
  }
  // Entry by entry, in the order of the file.
  return capIssues(issues.sort((a, b) => entryIndex(a) - entryIndex(b)), uncounted, formatPath(prefix));
}

/** Whether a waiver covers a finding: same rule, and its subject (when it names one) is the finding's. */
export function waiverMatches(waiver: Waiver, finding: Pick<Finding, 'ruleId' | 'subject'>): boolean {
  if (waiver.rule !== finding.ruleId) return false;
  if (waiver.subject === undefined) return true;
  if (finding.subject.kind === 'cluster') return waiver.subject === 'cluster';
  // `cluster` is the cluster's key, never a bare name: a node named `cluster` is written `node/cluster`.
  return waiver.subject !== 'cluster' && (waiver.subject === subjectKey(finding.subject) || waiver.subject === finding.subject.name);
}

/** Applies waivers to findings, validating their rule ids against `ruleIds`; see the public `applyWaivers`. */
export function applyWaivers(
  findings: readonly Finding[],
  waivers: readonly Waiver[],
  now: Date | undefined,
  ruleIds: readonly string[],
): { findings: Finding[]; waivers: WaiverResult[] } {
  const issues = waiverIssues(waivers, ['waivers'], ruleIds);
  const today = now === undefined || Number.isNaN(now.getTime()) ? undefined : dayOf(now);
  const dated = waivers.findIndex((w) => w.expires !== undefined);
  if (today === undefined && (now !== undefined || dated >= 0))
    issues.push(
      issue(['now'], 'invalid-value', now === undefined ? `is required: waivers[${dated}] has an expiry date` : 'is not a valid date'),
    );
  if (issues.length > 0) throw new CompatError('invalid-options', 'Invalid options:', issues);

  // A dated waiver without a valid `now` was refused above: `today` is known wherever it is read.
  const expired = waivers.map((w) => w.expires !== undefined && isoDay(w.expires) < (today ?? Infinity));
  // Findings covered, by waiver index.
  const covered: number[] = [];
  const out = findings.map((finding) => {
    if (finding.status !== 'fail' && finding.status !== 'unknown') return finding;
    let waived: FindingWaiver | undefined;
    waivers.forEach((waiver, index) => {
      if (!waiverMatches(waiver, finding)) return;
      covered[index] = (covered[index] ?? 0) + 1;
      if (!expired[index] && waived === undefined) waived = findingWaiver(waiver);
    });
    return waived === undefined ? finding : { ...finding, waived };
  });

  const results = waivers.map((waiver, index): WaiverResult => {
    const n = covered[index] ?? 0;
    const what = `${n} ${n === 1 ? 'finding' : 'findings'} of ${waiver.rule}${waiver.subject === undefined ? '' : ` for ${waiver.subject}`}`;
    let status: WaiverResult['status'];
    let message: string;
    if (expired[index]) {
      status = 'expired';
      message =
        n > 0
          ? `Expired on ${waiver.expires}: it no longer waives ${what}. Fix the requirement or renew the waiver.`
          : `Expired on ${waiver.expires}, and it matches no failing or unknown finding: remove it.`;
    } else if (n > 0) {
      status = 'applied';
      message = `Waives ${what}${waiver.expires === undefined ? '' : ` until ${waiver.expires}`}.`;
    } else {
      status = 'stale';
      // Suggest only subjects the waiver could have meant: those with a failing or unknown finding.
      const subjects = findings
        .filter((f): f is NamedFinding => f.ruleId === waiver.rule && f.subject.kind !== 'cluster' && (f.status === 'fail' || f.status === 'unknown'))
        .flatMap((f) => [subjectKey(f.subject), f.subject.name]);
      const suggestion = waiver.subject === undefined ? undefined : closest(waiver.subject, subjects);
      message =
        `Matches no failing or unknown finding of ${waiver.rule}${waiver.subject === undefined ? '' : ` for ${waiver.subject}`}` +
        `${suggestion ? ` (did you mean '${suggestion}'?)` : ''}: the requirement is met, does not apply or was not evaluated. Remove the waiver.`;
    }
    return { waiver, index, status, findings: n, message };
  });
  return { findings: out, waivers: results };
}

/** A finding about a node or an IP pool: one with a name. */
type NamedFinding = Finding & { readonly subject: Exclude<Subject, { kind: 'cluster' }> };

const DAY_MS = 86_400_000;

/** The UTC day of an instant, as a number of days since 1970-01-01: compares rightly in any year. */
function dayOf(instant: Date): number {
  return Math.floor(instant.getTime() / DAY_MS);
}

/** The day a `YYYY-MM-DD` date names (validated by the schema), as {@link dayOf} counts. */
function isoDay(date: string): number {
  const instant = new Date(0);
  instant.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return dayOf(instant);
}

function findingWaiver(waiver: Waiver): FindingWaiver {
  const out: FindingWaiver = { reason: waiver.reason };
  if (waiver.owner !== undefined) out.owner = waiver.owner;
  if (waiver.expires !== undefined) out.expires = waiver.expires;
  return out;
}

function issue(segments: readonly (string | number)[], code: string, message: string): InputIssue {
  return { path: formatPath(segments), segments, code, message };
}

function entryIndex(issue: InputIssue): number {
  const index = issue.segments?.find((s) => typeof s === 'number');
  return typeof index === 'number' ? index : -1;
}
