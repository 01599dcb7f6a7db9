import { hintFor } from '../catalog/hints.js';
import type { Finding, Report, Severity } from '../model/report.js';
import { REPOSITORY_URL, ruleDocsUrl } from '../model/links.js';
import { DEFAULT_PROFILE, RULES } from '../catalog/default.js';
import { textFor } from '../engine/rule.js';
import { CATALOG } from '../catalog/later-rules.js';
import { ruleDocs } from '../catalog/docs.js';
import { subjectKey } from '../model/naming.js';
import { formatRuleDoc } from './rule-doc.js';

/** Options of {@link formatSarif}. */
export interface SarifFormatOptions {
  /**
   * The facts file, as a path relative to the repository root (`clusters/prod.yaml`): the location of
   * results whose facts carry no source of their own.
   */
  readonly input?: string;
  /** The tool's version, for `tool.driver.version`. */
  readonly toolVersion?: string;
  /**
   * Where a fact (`nodes[win-1].osBuild`) stands in `input`, for results whose facts carry no source:
   * the CLI passes the facts file's positions. Absent facts may answer with their nearest parent.
   */
  readonly locate?: (fact: string) => { readonly line: number; readonly column?: number } | undefined;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * The report as SARIF 2.1.0, for GitHub code scanning and other SARIF consumers.
 *
 * `tool.driver.rules` lists every rule of the catalog (short and full description, `helpUri` to the
 * rule reference, `help.markdown`, default level). Results are the `fail` findings (level from the
 * rule's severity: error, warning, note) and the `unknown` ones (`kind: "open"`: the tool could not
 * decide; SARIF then defaults `level` to none, GitHub shows them as warnings). Each result is located in
 * the file and line its facts came from when known, else in `options.input`; waived findings carry an
 * accepted external suppression with the waiver's reason.
 *
 * @example
 * writeFileSync('calico-windows.sarif', formatSarif(report, { input: 'cluster.yaml' }));
 */
export function formatSarif(report: Report, options: SarifFormatOptions = {}): string {
  // The seed's catalog, and the later releases' rules the report has findings of.
  const used = new Set(report.findings.map((f) => f.ruleId));
  const rules = [...RULES, ...CATALOG.filter((rule) => !RULES.includes(rule) && used.has(rule.id))];
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = report.findings
    .filter((f) => f.status === 'fail' || f.status === 'unknown')
    .map((f) => {
      const ruleIndex = index.get(f.ruleId);
      const location = locationOf(f, options);
      const text =
        f.status === 'fail'
          ? `${f.message}${f.remediation ? `\nRemediation: ${f.remediation}` : ''}`
          : `Unknown: ${f.message}${(f.missingFacts ?? []).map((path) => `\nNeeds ${path}: ${hintFor(path)}`).join('')}`;
      return {
        ruleId: f.ruleId,
        ...(ruleIndex === undefined ? {} : { ruleIndex }),
        ...(f.status === 'fail' ? { level: LEVEL[f.severity] } : { kind: 'open' }),
        message: { text: `[${subjectKey(f.subject)}] ${text}` },
        ...(location ? { locations: [location] } : {}),
        // Stable across runs and line moves, so code scanning tracks one alert per rule and subject.
        partialFingerprints: { 'calicoWindowsCompat/v1': `${f.ruleId}:${subjectKey(f.subject)}` },
        ...(f.waived ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.waived.reason }] } : {}),
        properties: {
          status: f.status,
          severity: f.severity,
          subject: subjectKey(f.subject),
          ...(f.missingFacts ? { missingFacts: f.missingFacts } : {}),
          ...(f.waived ? { waived: f.waived } : {}),
        },
      };
    });

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'calico-windows-compat',
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            informationUri: REPOSITORY_URL,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.title },
              fullDescription: { text: ruleDocs(rule).description },
              helpUri: ruleDocsUrl(rule.id),
              help: { text: `${ruleDocs(rule).description}\n\nRemediation: ${textFor(rule.remediation, DEFAULT_PROFILE)}`, markdown: formatRuleDoc(rule) },
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: { tags: ['calico', 'windows', 'kubernetes'], scope: rule.scope, sections: rule.sections },
            })),
          },
        },
        results,
        properties: {
          verdict: report.verdict,
          counts: report.counts,
          missingFacts: report.missingFacts,
          ...(report.waivers ? { waivers: report.waivers } : {}),
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/**
 * Where a result stands: the file and line of the first fact with a source of its own, else the line
 * of the deciding fact in the input (for an unknown, the nearest parent of a missing fact), else the
 * input's first line.
 */
function locationOf(finding: Finding, options: SarifFormatOptions): object | undefined {
  const source = finding.evidence.find((e) => e.source?.file !== undefined)?.source;
  const uri = source?.file ?? options.input;
  if (uri === undefined) return undefined;
  let region: { startLine: number; startColumn?: number } = { startLine: 1 };
  if (source?.file !== undefined) {
    if (source.line !== undefined) region = { startLine: source.line, ...(source.column === undefined ? {} : { startColumn: source.column }) };
  } else if (options.locate) {
    // The last evidence is the most specific (a node's or pool's own fact comes after cluster facts).
    const facts = finding.status === 'unknown' ? (finding.missingFacts ?? []) : finding.evidence.map((e) => e.fact).reverse();
    for (const fact of facts) {
      const position = options.locate(fact);
      if (position === undefined) continue;
      region = { startLine: position.line, ...(position.column === undefined ? {} : { startColumn: position.column }) };
      break;
    }
  }
  // GitHub needs a region with a start line to show an alert.
  return {
    physicalLocation: { artifactLocation: { uri: encodeURI(uri.replaceAll('\\', '/')) }, region },
    ...(finding.subject.kind === 'cluster' ? {} : { logicalLocations: [{ fullyQualifiedName: subjectKey(finding.subject), kind: 'resource' }] }),
  };
}
