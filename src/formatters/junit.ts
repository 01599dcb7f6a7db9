import type { Finding, Report } from '../model/report.js';
import { ruleDocsUrl } from '../model/links.js';
import { subjectKey } from '../model/naming.js';

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
  let failures = 0;
  let skipped = 0;
  const cases = report.findings.map((f) => {
    const open = `    <testcase classname="${attr(f.ruleId)}" name="${attr(subjectKey(f.subject))}" time="0"`;
    const body = caseBody(f);
    if (body === undefined) return `${open}/>`;
    if (body.startsWith('<failure')) failures++;
    else skipped++;
    return `${open}>\n      ${body}\n    </testcase>`;
  });
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
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="calico-windows-compat" ${counts}>`,
    `  <testsuite name="${attr(name)}" ${counts}>`,
    '    <properties>',
    ...properties.map(([key, value]) => `      <property name="${attr(key ?? '')}" value="${attr(value ?? '')}"/>`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
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
