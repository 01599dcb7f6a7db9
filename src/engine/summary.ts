/**
 * The report's summary: counts, the facts whose absence keeps the verdict open, the verdict, and the
 * release the facts were judged against.
 * @module
 */
import type { Counts, Finding, Report, ReportInput, ReportTool, Verdict, WaiverResult } from '../model/report.js';
import { REPORT_SCHEMA_VERSION } from '../model/tool.js';
import { compareText } from '../model/words.js';
import type { SelectedRelease } from './select.js';

/** What a report says about itself: the tool that wrote it and what its facts came from. */
export interface ReportOrigin {
  readonly tool: ReportTool;
  readonly inputs: ReportInput[];
}

/** The report of these findings under the selected release. */
export function summarize(findings: Finding[], { profile, requested, note, fallback }: SelectedRelease, origin: ReportOrigin, waivers?: WaiverResult[]): Report {
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
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: origin.tool.name, version: origin.tool.version },
    inputs: origin.inputs,
    verdict: verdictOf(findings),
    profile: {
      release: profile.release,
      installMethod: profile.installMethod,
      source: profile.source,
      ...(profile.patches === undefined ? {} : { patches: profile.patches }),
      ...(requested === undefined ? {} : { requested }),
      ...(note === undefined ? {} : { note }),
      ...(fallback === undefined ? {} : { fallback }),
    },
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
