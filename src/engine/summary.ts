/**
 * The report's summary: counts, the facts whose absence keeps the verdict open, the verdict, and the
 * release the facts were judged against — from findings, or tallied while deciding, before any finding
 * is built.
 * @module
 */
import type { Counts, Finding, FindingStatus, Report, ReportInput, ReportProfile, ReportTool, Severity, Verdict, WaiverResult } from '../model/report.js';
import { REPORT_SCHEMA_VERSION } from '../model/tool.js';
import { compareText } from '../model/words.js';
import type { SelectedRelease } from './select.js';

/** What a report says about itself: the tool that wrote it and what its facts came from. */
export interface ReportOrigin {
  readonly tool: ReportTool;
  readonly inputs: ReportInput[];
}

/** The report's first fields: its schema version, the tool that wrote it and its inputs. */
export function reportHeader(origin: ReportOrigin): Pick<Report, 'schemaVersion' | 'tool' | 'inputs'> {
  return { schemaVersion: REPORT_SCHEMA_VERSION, tool: { name: origin.tool.name, version: origin.tool.version }, inputs: origin.inputs };
}

/** The report's `profile`: the release the facts were judged against. */
export function reportProfile({ profile, requested, note, fallback }: SelectedRelease): ReportProfile {
  return {
    release: profile.release,
    installMethod: profile.installMethod,
    source: profile.source,
    ...(profile.patches === undefined ? {} : { patches: profile.patches }),
    ...(requested === undefined ? {} : { requested }),
    ...(note === undefined ? {} : { note }),
    ...(fallback === undefined ? {} : { fallback }),
  };
}

/**
 * Counts findings by status, the failing errors and warnings, and the missing facts of unknown errors,
 * as they are decided. Waived findings are counted by {@link summarize}.
 */
export class Tally {
  total = 0;
  pass = 0;
  fail = 0;
  unknown = 0;
  notApplicable = 0;
  errors = 0;
  warnings = 0;
  /** Whether an `error` finding is unknown. */
  openErrors = false;
  readonly missing = new Set<string>();

  /** `count` findings of a rule of `severity` with `status`. */
  add(status: FindingStatus, severity: Severity, count = 1): void {
    this.total += count;
    switch (status) {
      case 'pass':
        this.pass += count;
        break;
      case 'fail':
        this.fail += count;
        if (severity === 'error') this.errors += count;
        else if (severity === 'warning') this.warnings += count;
        break;
      case 'unknown':
        this.unknown += count;
        if (severity === 'error') this.openErrors = true;
        break;
      case 'not-applicable':
        this.notApplicable += count;
        break;
    }
  }

  /** The missing facts of an unknown finding of a rule of `severity`: only errors keep the verdict open. */
  addMissing(severity: Severity, paths: readonly string[]): void {
    // Stryker disable next-line ConditionalExpression: only unknown findings name missing facts
    if (severity === 'error') for (const path of paths) this.missing.add(path);
  }

  /** A finding, counted. */
  addFinding(finding: Finding): void {
    this.add(finding.status, finding.severity);
    if (finding.status === 'unknown') this.addMissing(finding.severity, finding.missingFacts ?? []);
  }

  /** The summary's fields, as {@link summarize} makes them. */
  summary(selected: SelectedRelease): Pick<Report, 'verdict' | 'profile' | 'counts' | 'missingFacts'> {
    const counts: Counts = {
      total: this.total,
      pass: this.pass,
      fail: this.fail,
      unknown: this.unknown,
      notApplicable: this.notApplicable,
      errors: this.errors,
      warnings: this.warnings,
    };
    const verdict: Verdict = this.errors > 0 ? 'incompatible' : this.openErrors ? 'indeterminate' : 'compatible';
    return { verdict, profile: reportProfile(selected), counts, missingFacts: [...this.missing].sort(compareText) };
  }
}

/** The report of these findings under the selected release. */
export function summarize(findings: Finding[], selected: SelectedRelease, origin: ReportOrigin, waivers?: WaiverResult[]): Report {
  const counts: Counts = { total: findings.length, pass: 0, fail: 0, unknown: 0, notApplicable: 0, errors: 0, warnings: 0 };
  const missing = new Set<string>();
  if (waivers) counts.waived = 0;
  for (const finding of findings) {
    // A waived finding counts under its status, never against the verdict.
    const waived = finding.waived !== undefined;
    // Stryker disable next-line ConditionalExpression: a finding is waived only when waivers were given, and then counts.waived is set
    if (waived && counts.waived !== undefined) counts.waived++;
    switch (finding.status) {
      case 'pass':
        counts.pass++;
        break;
      case 'fail':
        counts.fail++;
        if (waived) break;
        if (finding.severity === 'error') counts.errors++;
        else if (finding.severity === 'warning') counts.warnings++;
        break;
      case 'unknown':
        counts.unknown++;
        // Stryker disable next-line ArrayDeclaration: every unknown finding has its missingFacts (toFinding)
        if (finding.severity === 'error' && !waived) for (const path of finding.missingFacts ?? []) missing.add(path);
        break;
      case 'not-applicable':
        counts.notApplicable++;
        break;
    }
  }
  const report: Report = {
    ...reportHeader(origin),
    verdict: verdictOf(findings),
    profile: reportProfile(selected),
    counts,
    missingFacts: [...missing].sort(compareText),
    findings,
  };
  if (waivers) report.waivers = waivers;
  return report;
}

/**
 * The verdict of a set of findings: `incompatible` when an `error` finding fails, else `indeterminate`
 * when an `error` finding is unknown, else `compatible`. Waived findings do not count.
 */
export function verdictOf(findings: readonly (Pick<Finding, 'status' | 'severity'> & { readonly waived?: unknown })[]): Verdict {
  let open = false;
  for (const finding of findings) {
    if (finding.severity !== 'error' || finding.waived !== undefined) continue;
    if (finding.status === 'fail') return 'incompatible';
    if (finding.status === 'unknown') open = true;
  }
  return open ? 'indeterminate' : 'compatible';
}
