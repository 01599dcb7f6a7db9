import { plural, printable } from '../model/words.js';
import { hintFor } from '../catalog/hints.js';
import type { Finding, FindingStatus, Report, Subject } from '../model/report.js';
import { describeSource } from '../model/naming.js';
import { joinChunks, linesInChunks } from './lines.js';

/** Options of {@link formatText}. */
export interface TextFormatOptions {
  /** ANSI colours. Default false: the caller decides (a TTY without `NO_COLOR`). */
  readonly color?: boolean;
  /** Only failures and the verdict. */
  readonly quiet?: boolean;
  /** A line under the heading naming the input, e.g. `facts: cluster.yaml`. */
  readonly input?: string;
}

const ANSI = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90, bold: 1 } as const;
type Style = keyof typeof ANSI;

const SECTIONS: ReadonlyArray<{ status: FindingStatus; heading: string; mark: string; style: Style }> = [
  { status: 'fail', heading: 'Failed', mark: '✗', style: 'red' },
  { status: 'unknown', heading: 'Unknown — facts needed', mark: '?', style: 'yellow' },
  { status: 'pass', heading: 'Passed', mark: '✓', style: 'green' },
  { status: 'not-applicable', heading: 'Not applicable', mark: '-', style: 'gray' },
];

/**
 * The report as text for a terminal: failures first with their remediation, then unknowns with the
 * facts they need, then passes and rules that do not apply, each grouped by subject; the verdict last.
 *
 * @example
 * console.log(formatText(evaluateCompatibility(facts), { color: process.stdout.isTTY }));
 */
export function formatText(report: Report, options: TextFormatOptions = {}): string {
  return joinChunks(formatTextChunks(report, options));
}

/**
 * The text of {@link formatText} in pieces of about 64 KiB, made as they are read: the report of a large
 * cluster is more text than one string holds.
 *
 * @example
 * for (const chunk of formatTextChunks(report)) process.stdout.write(chunk);
 */
export function formatTextChunks(report: Report, options: TextFormatOptions = {}): Iterable<string> {
  return linesInChunks(textLines(report, options));
}

function* textLines(report: Report, options: TextFormatOptions): Generator<string> {
  const paint = (style: Style, text: string): string => (options.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  // Every value from the input goes through `v` (printable): input can never style, rewrite or reorder
  // the terminal's lines, with or without colour.
  const v = printable;
  yield paint('bold', `Calico for Windows v${report.profile.release} requirements (${report.profile.installMethod} install)`);
  if (options.input) yield paint('gray', v(options.input));
  // A loop, not Math.max(...): a report of a large cluster has more findings than a call takes arguments.
  let idWidth = 0;
  for (const finding of report.findings) idWidth = Math.max(idWidth, finding.ruleId.length);

  for (const section of SECTIONS) {
    if (options.quiet && section.status !== 'fail') continue;
    const findings = report.findings.filter((f) => f.status === section.status);
    if (findings.length === 0) continue;
    yield '';
    yield paint(section.style, paint('bold', `${section.heading} (${findings.length})`));
    for (const [subject, group] of groupBySubject(findings)) {
      yield `  ${paint('bold', v(subject))}`;
      for (const finding of group) {
        const severity = finding.status === 'fail' && finding.severity !== 'error' ? paint('yellow', ` [${finding.severity}]`) : '';
        const waived = finding.waived ? paint('cyan', ` [waived: ${v(finding.waived.reason)}]`) : '';
        yield `    ${paint(section.style, section.mark)} ${v(finding.ruleId.padEnd(idWidth))}  ${v(finding.message)}${severity}${waived}`;
        if (finding.status === 'fail') {
          // Where the deciding facts came from, so users know which object to change.
          for (const { fact, source } of finding.evidence)
            if (source) yield* indent(paint('gray', v(`${fact} from ${describeSource(source)}`)), '', idWidth);
          if (finding.remediation) yield* indent(v(finding.remediation), '→ ', idWidth);
        }
        if (finding.status === 'unknown')
          for (const path of finding.missingFacts ?? []) yield* indent(v(`needs ${path}: ${hintFor(path)}`), '', idWidth);
      }
    }
  }

  const notices = (report.waivers ?? []).filter((w) => w.status !== 'applied');
  if (notices.length > 0) {
    yield '';
    yield paint('yellow', paint('bold', `Waivers to review (${notices.length})`));
    for (const w of notices)
      yield `  ${paint('yellow', '!')} ${w.status} waiver for ${v(w.waiver.rule)}${w.waiver.subject ? ` (${v(w.waiver.subject)})` : ''}: ${v(w.message)}`;
  }

  const { counts } = report;
  const verdictStyle: Style = report.verdict === 'compatible' ? 'green' : report.verdict === 'incompatible' ? 'red' : 'yellow';
  yield '';
  yield `${paint('bold', 'Verdict:')} ${paint(verdictStyle, paint('bold', report.verdict.toUpperCase()))} — ` +
    `${counts.errors} ${plural(counts.errors, 'error')}, ${counts.warnings} ${plural(counts.warnings, 'warning')}, ` +
    `${counts.unknown} unknown, ${counts.pass} passed, ${counts.notApplicable} not applicable` +
    (counts.waived ? `, ${counts.waived} waived` : '');
  if (report.verdict === 'indeterminate' && report.missingFacts.length > 0) yield `Facts still needed to decide: ${v(report.missingFacts.join(', '))}`;
}

/** How a subject is named in output: `cluster`, `node win-1`, `IP pool default-ipv4-ippool`. */
export function describeSubject(subject: Subject): string {
  switch (subject.kind) {
    case 'cluster':
      return 'cluster';
    case 'node':
      return `node ${subject.name}`;
    case 'ip-pool':
      return `IP pool ${subject.name}`;
  }
}

function groupBySubject(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = describeSubject(finding.subject);
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  return groups;
}

function indent(text: string, lead: string, idWidth: number): string[] {
  const pad = ' '.repeat(6 + idWidth + 2);
  return text.split('\n').map((line, i) => `${pad}${i === 0 ? lead : ' '.repeat(lead.length)}${line}`);
}

