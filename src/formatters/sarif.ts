import { hintFor } from '../catalog/hints.js';
import type { Finding, Report, Severity } from '../model/report.js';
import { REPOSITORY_URL, ruleDocsUrl } from '../model/links.js';
import { DEFAULT_PROFILE, RULES } from '../catalog/default.js';
import { textFor } from '../engine/rule.js';
import { CATALOG } from '../catalog/later-rules.js';
import { ruleDocs } from '../catalog/docs.js';
import { subjectKey } from '../model/naming.js';
import { TOOL } from '../model/tool.js';
import { formatRuleDoc } from './rule-doc.js';
import { artifactLocation, directoryUri, SRCROOT } from './artifact-uri.js';
import type { InputIssue } from '../model/errors.js';
import { jsonChunks } from './json-writer.js';

/** Options of {@link formatSarif}. */
export interface SarifFormatOptions {
  /**
   * The facts file, as a path relative to the repository root (`clusters/prod.yaml`): the location of
   * results whose facts carry no source of their own.
   */
  readonly input?: string;
  /** The tool's version, for `tool.driver.version`; default: the report's `tool.version`. */
  readonly toolVersion?: string;
  /**
   * Where a fact (`nodes[win-1].osBuild`) stands in `input`, for results whose facts carry no source:
   * the CLI passes the facts file's positions. Absent facts may answer with their nearest parent.
   */
  readonly locate?: (fact: string) => { readonly line: number; readonly column?: number } | undefined;
  /**
   * The directory locations are relative to, as an absolute path (`/home/runner/work/repo/repo`,
   * `C:\src\repo`): the run's `originalUriBaseIds` give it as `%SRCROOT%`, files under it get URIs
   * relative to it, files outside it absolute `file://` URIs. Without it, relative paths stay relative to
   * `%SRCROOT%`, which the consumer resolves (GitHub code scanning: the repository root). The CLI passes
   * `--sarif-root`, default the working directory.
   */
  readonly root?: string;
  /** Where the run happened, as an absolute path: relative paths are relative to it (default: `root`), and the invocation records it. */
  readonly workingDirectory?: string;
  /** The command line's arguments, after the program's name, recorded in the run's invocation. */
  readonly arguments?: readonly string[];
  /** The run's exit code, recorded in its invocation. */
  readonly exitCode?: number;
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
 * accepted external suppression with the waiver's reason. Locations are relative to `options.root`
 * (`%SRCROOT%`), or `file://` URIs outside it. The run records its invocation (successful, with the
 * arguments, exit code and working directory given) and, as properties, the report's verdict, counts,
 * missing facts, waivers, schema version and inputs.
 *
 * One string; {@link formatSarifChunks} gives the same text in pieces, for reports of any size.
 *
 * @example
 * writeFileSync('calico-windows.sarif', formatSarif(report, { input: 'cluster.yaml' }));
 */
export function formatSarif(report: Report, options: SarifFormatOptions = {}): string {
  return [...formatSarifChunks(report, options)].join('');
}

/**
 * The text of {@link formatSarif} in pieces of about 64 KiB: each result made as it is written and let
 * go, so a report of any size can be written to a file or a stream. Joined, the pieces are exactly
 * `formatSarif(report, options)`.
 *
 * @example
 * for (const chunk of formatSarifChunks(report, { input: 'cluster.yaml' })) out.write(chunk);
 */
export function formatSarifChunks(report: Report, options: SarifFormatOptions = {}): Iterable<string> {
  const findings = report.findings;
  // The seed's catalog, and the later releases' rules the report has findings of.
  const used = new Set(findings.map((f) => f.ruleId));
  const rules = [...RULES, ...CATALOG.filter((rule) => !RULES.includes(rule) && used.has(rule.id))];
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  function* results(): Generator<object> {
    for (const f of findings) if (f.status === 'fail' || f.status === 'unknown') yield resultOf(f, index.get(f.ruleId), options);
  }
  const run = {
    tool: {
      driver: {
        ...driver(options.toolVersion ?? report.tool.version),
        rules: rules.map(ruleDescriptor),
      },
    },
    invocations: [invocation(true, options)],
    ...originalUriBaseIds(options),
    results: [],
    properties: {
      verdict: report.verdict,
      counts: report.counts,
      missingFacts: report.missingFacts,
      ...(report.waivers ? { waivers: report.waivers } : {}),
      schemaVersion: report.schemaVersion,
      inputs: report.inputs,
    },
  };
  return (function* (): Generator<string> {
    // The log is `{ $schema, version, runs: [run] }`, as JSON.stringify(log, null, 2) writes it.
    yield `{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA)},\n  "version": "2.1.0",\n  "runs": [\n    `;
    yield* jsonChunks(run, 'results', { items: results(), depth: 2, newline: false });
    yield '\n  ]\n}\n';
  })();
}

/** The SARIF result of a `fail` or `unknown` finding. */
function resultOf(f: Finding, ruleIndex: number | undefined, options: SarifFormatOptions): object {
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
}

/** What {@link formatSarifError} reports: a `CompatError`, or any error with a message and the problems it found. */
export interface SarifErrorInput {
  readonly message: string;
  readonly issues?: readonly InputIssue[];
}

/**
 * A SARIF log for a run that could not evaluate (invalid facts, an unreadable file, bad options): no
 * results, an invocation with `executionSuccessful: false`, and each problem as an error notification,
 * located at its file and line when known. An upload step that expects a SARIF file then gets one that
 * says why there are no results, rather than failing on a missing file.
 *
 * @example
 * const parsed = parseFacts(input);
 * if (!parsed.success) writeFileSync('calico-windows.sarif', formatSarifError(parsed.error, { exitCode: 2 }));
 */
export function formatSarifError(error: SarifErrorInput, options: Omit<SarifFormatOptions, 'input' | 'locate'> = {}): string {
  const [heading = '', ...rest] = error.message.split('\n');
  const issues = error.issues ?? [];
  // An error without listed problems is one notification, its whole message.
  const notifications =
    issues.length === 0
      ? [{ level: 'error', message: { text: [heading, ...rest].join('\n') } }]
      : issues.map((issue) => {
          const file = issue.location?.file;
          return {
            level: 'error',
            message: { text: `${heading} ${issue.path}: ${issue.message}` },
            descriptor: { id: issue.code },
            ...(issue.location && file !== undefined && !isStandardInput(file)
              ? {
                  locations: [
                    {
                      physicalLocation: {
                        artifactLocation: artifactLocation(file, options.root, options.workingDirectory),
                        region: { startLine: issue.location.line, startColumn: issue.location.column },
                      },
                    },
                  ],
                }
              : {}),
          };
        });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        // The rules it would have checked: code scanning requires them of every run.
        tool: { driver: { ...driver(options.toolVersion ?? TOOL.version), rules: RULES.map(ruleDescriptor) } },
        invocations: [{ ...invocation(false, options), toolExecutionNotifications: notifications }],
        ...originalUriBaseIds(options),
        results: [],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A rule as SARIF describes it: a friendly name, descriptions, help in text and Markdown, its level. */
function ruleDescriptor(rule: (typeof CATALOG)[number]): object {
  return {
    id: rule.id,
    name: rule.id.replace(/(?:^|-)([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: ruleDocs(rule).description },
    helpUri: ruleDocsUrl(rule.id),
    help: { text: `${ruleDocs(rule).description}\n\nRemediation: ${textFor(rule.remediation, DEFAULT_PROFILE)}`, markdown: formatRuleDoc(rule) },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ['calico', 'windows', 'kubernetes'], scope: rule.scope, sections: rule.sections },
  };
}

function driver(version: string): { name: string; version: string; informationUri: string } {
  return { name: TOOL.name, version, informationUri: REPOSITORY_URL };
}

function invocation(executionSuccessful: boolean, options: Pick<SarifFormatOptions, 'arguments' | 'exitCode' | 'root' | 'workingDirectory'>): object {
  const workingDirectory = directoryUri(options.workingDirectory ?? options.root ?? '');
  return {
    executionSuccessful,
    ...(options.arguments === undefined ? {} : { arguments: [...options.arguments] }),
    ...(options.exitCode === undefined ? {} : { exitCode: options.exitCode }),
    ...(workingDirectory === undefined ? {} : { workingDirectory: { uri: workingDirectory } }),
  };
}

function originalUriBaseIds(options: Pick<SarifFormatOptions, 'root' | 'workingDirectory'>): object {
  const root = options.root === undefined ? undefined : directoryUri(options.root, options.workingDirectory);
  return root === undefined ? {} : { originalUriBaseIds: { [SRCROOT]: { uri: root, description: { text: 'The directory locations are relative to (--sarif-root).' } } } };
}

/** Standard input, as the CLI names it (`(stdin)`): no file a location could point at. */
function isStandardInput(file: string): boolean {
  return /^\(.*\)$/.test(file);
}

/**
 * Where a result stands: the file and line of the first fact with a source of its own, else the line
 * of the deciding fact in the input (for an unknown, the nearest parent of a missing fact), else the
 * input's first line.
 */
function locationOf(finding: Finding, options: SarifFormatOptions): object | undefined {
  const source = finding.evidence.find((e) => e.source?.file !== undefined && !isStandardInput(e.source.file))?.source;
  const file = source?.file ?? options.input;
  if (file === undefined || isStandardInput(file)) return undefined;
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
    physicalLocation: { artifactLocation: artifactLocation(file, options.root, options.workingDirectory), region },
    ...(finding.subject.kind === 'cluster' ? {} : { logicalLocations: [{ fullyQualifiedName: subjectKey(finding.subject), kind: 'resource' }] }),
  };
}
