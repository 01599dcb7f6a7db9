import type { Finding, Report } from '../model/report.js';
import { ruleDocsUrl } from '../model/links.js';
import { subjectKey } from '../model/naming.js';
import { joinChunks, linesInChunks } from './lines.js';

/** Options of {@link formatJunit}. */
export interface JunitFormatOptions {
  /** The facts file the report is about, recorded as a property of the suite. */
  readonly input?: string;
}

/**
 * The report as JUnit XML, the dialect Jenkins, GitLab and GitHub test reporters read: one test case
 * per finding, `classname` the rule id and `name` the subject (`cluster`, `node/win-1`,
 * `ip-pool/default-ipv4-ippool`). Failures are `<failure>` (type = the rule's severity) with the
 * remediation; unknown and not-applicable findings are `<skipped>` saying why; waived findings are
 * `<skipped>` with the waiver's reason, so they no longer fail the suite but stay visible.
 *
 * @example
 * writeFileSync('calico-windows.junit.xml', formatJunit(report, { input: 'cluster.yaml' }));
 */
export function formatJunit(report: Report, options: JunitFormatOptions = {}): string {
  return joinChunks(formatJunitChunks(report, options));
}

/**
 * The XML of {@link formatJunit} in pieces of about 64 KiB, each test case made as it is written: the
 * report of a large cluster is more text than one string holds.
 */
export function formatJunitChunks(report: Report, options: JunitFormatOptions = {}): Iterable<string> {
  return linesInChunks(junitLines(report, options));
}

function* junitLines(report: Report, options: JunitFormatOptions): Generator<string> {
  let failures = 0;
  let skipped = 0;
  for (const f of report.findings) {
    if (f.waived !== undefined || f.status === 'unknown' || f.status === 'not-applicable') skipped++;
    else if (f.status === 'fail') failures++;
  }
  const counts = `tests="${report.findings.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0"`;
  const name = `Calico for Windows v${report.profile.release} requirements`;
  const properties = [
    ['verdict', report.verdict],
    ['tool', `${report.tool.name} ${report.tool.version}`],
    ['schemaVersion', report.schemaVersion],
    ...(options.input === undefined ? [] : [['input', options.input]]),
    ...(report.missingFacts.length > 0 ? [['missingFacts', report.missingFacts.join(', ')]] : []),
    ...(report.waivers ?? [])
      .filter((w) => w.status !== 'applied')
      .map((w) => [`waiver.${w.status}`, `${w.waiver.rule}${w.waiver.subject ? ` ${w.waiver.subject}` : ''}: ${w.message}`]),
  ];
  yield '<?xml version="1.0" encoding="UTF-8"?>';
  yield `<testsuites name="calico-windows-compat" ${counts}>`;
  yield `  <testsuite name="${attr(name)}" ${counts}>`;
  yield '    <properties>';
  for (const [key, value] of properties) yield `      <property name="${attr(key ?? '')}" value="${attr(value ?? '')}"/>`;
  yield '    </properties>';
  for (const f of report.findings) {
    const open = `    <testcase classname="${attr(f.ruleId)}" name="${attr(subjectKey(f.subject))}" time="0"`;
    const body = caseBody(f);
    yield body === undefined ? `${open}/>` : `${open}>\n      ${body}\n    </testcase>`;
  }
  yield '  </testsuite>';
  yield '</testsuites>';
}

function caseBody(f: Finding): string | undefined {
  if (f.waived !== undefined) {
    const owner = f.waived.owner ? `, owner ${f.waived.owner}` : '';
    const expires = f.waived.expires ? `, until ${f.waived.expires}` : '';
    return `<skipped message="${attr(`waived (${f.status}): ${f.waived.reason}${owner}${expires}`)}">${xml(f.message)}</skipped>`;
  }
  switch (f.status) {
    case 'pass':
      return undefined;
    case 'fail': {
      const text = [f.message, ...(f.remediation ? ['', 'Remediation:', f.remediation] : []), '', `Rule: ${ruleDocsUrl(f.ruleId)}`];
      return `<failure type="${f.severity}" message="${attr(f.message)}">${xml(text.join('\n'))}</failure>`;
    }
    case 'unknown':
      return `<skipped message="${attr(`unknown: ${f.message}${f.missingFacts?.length ? ` Needs: ${f.missingFacts.join(', ')}` : ''}`)}"/>`;
    case 'not-applicable':
      return `<skipped message="${attr(`not applicable: ${f.message}`)}"/>`;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe in XML content: markup characters escaped, characters XML 1.0 forbids dropped. */
function xml(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Text safe in an attribute value: line breaks kept as references, which parsers would otherwise fold into spaces. */
function attr(text: string): string {
  return xml(text).replace(/[\n\r\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}
