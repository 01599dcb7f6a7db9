import { plural } from '../model/words.js';
import { hintFor } from '../catalog/hints.js';
import type { Report } from '../model/report.js';
import { ruleDocsUrl } from '../model/links.js';
import { describeSubject } from './text.js';
import { joinChunks, linesInChunks } from './lines.js';

/** Options of {@link formatMarkdown}. */
export interface MarkdownFormatOptions {
  /** The facts file the report is about, shown under the heading. */
  readonly input?: string;
  /** The heading level of the title (2 = `##`, the default: fits a pull-request comment). */
  readonly headingLevel?: 1 | 2 | 3;
}

const VERDICT: Record<Report['verdict'], string> = {
  compatible: '✅ Compatible: ready for Windows nodes',
  incompatible: '❌ Incompatible: not ready for Windows nodes',
  indeterminate: '❔ Indeterminate: facts are missing to decide',
};

/**
 * The report as Markdown for a pull-request comment or a Backstage page: the verdict, a table of
 * failures and one of unknowns, remediation grouped by rule, waived findings and waiver notices, the
 * passes folded away, and a footer naming the tool and its version, the report's schema version and
 * its inputs.
 *
 * @example
 * await octokit.rest.issues.createComment({ ...repo, issue_number, body: formatMarkdown(report, { input: 'cluster.yaml' }) });
 */
export function formatMarkdown(report: Report, options: MarkdownFormatOptions = {}): string {
  return joinChunks(formatMarkdownChunks(report, options));
}

/**
 * The text of {@link formatMarkdown} in pieces of about 64 KiB, made as they are read: the report of a
 * large cluster is more text than one string holds.
 */
export function formatMarkdownChunks(report: Report, options: MarkdownFormatOptions = {}): Iterable<string> {
  return linesInChunks(markdownLines(report, options));
}

function* markdownLines(report: Report, options: MarkdownFormatOptions): Generator<string> {
  const h = '#'.repeat(options.headingLevel ?? 2);
  const { counts } = report;
  const open = report.findings.filter((f) => f.waived === undefined);
  const fails = open.filter((f) => f.status === 'fail');
  const unknowns = open.filter((f) => f.status === 'unknown');
  const waived = report.findings.filter((f) => f.waived !== undefined);
  yield `${h} ${VERDICT[report.verdict]}`;
  yield '';
  yield `Calico for Windows v${report.profile.release} requirements (${report.profile.installMethod} install)` +
    (options.input ? ` · facts: ${code(options.input)}` : '');
  yield '';
  yield [
    `**${counts.errors} ${plural(counts.errors, 'error')}**`,
    `${counts.warnings} ${plural(counts.warnings, 'warning')}`,
    `${unknowns.length} unknown`,
    `${counts.pass} passed`,
    `${counts.notApplicable} not applicable`,
    ...(waived.length > 0 ? [`${waived.length} waived`] : []),
  ].join(' · ');

  if (fails.length > 0) {
    yield* ['', `${h}# Failures`, '', '| Severity | Rule | Subject | Finding |', '| --- | --- | --- | --- |'];
    for (const f of fails) yield row(f.severity, ruleLink(f.ruleId), cell(describeSubject(f.subject)), cell(f.message));
  }
  if (unknowns.length > 0) {
    yield* ['', `${h}# Unknown: facts needed`, '', '| Severity | Rule | Subject | Facts needed |', '| --- | --- | --- | --- |'];
    for (const f of unknowns)
      yield row(f.severity, ruleLink(f.ruleId), cell(describeSubject(f.subject)), (f.missingFacts ?? []).map(code).join(', ') || cell(f.message));
    if (report.missingFacts.length > 0) {
      yield '';
      yield `Facts still needed to decide the verdict: ${report.missingFacts.map(code).join(', ')}`;
    }
  }

  if (fails.length > 0) {
    yield '';
    yield `${h}# Remediation`;
    // One entry per rule and remediation: the same fix on five nodes is written once.
    const groups = new Map<string, { ruleId: string; remediation: string; subjects: string[] }>();
    for (const f of fails) {
      if (!f.remediation) continue;
      const key = `${f.ruleId}\n${f.remediation}`;
      const group = groups.get(key) ?? { ruleId: f.ruleId, remediation: f.remediation, subjects: [] };
      group.subjects.push(describeSubject(f.subject));
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      yield '';
      yield `**${ruleLink(group.ruleId)}** · ${escapeMarkdown(group.subjects.join(', '))}`;
      yield '';
      yield markdownText(group.remediation);
    }
  }
  // A loop, not [...new Set(flatMap)] spread into a call: a large cluster's unknowns are more than a call takes arguments.
  const hints = new Set<string>();
  for (const f of unknowns) for (const path of f.missingFacts ?? []) hints.add(`${path}: ${hintFor(path)}`);
  if (hints.size > 0) {
    yield* ['', '<details><summary>How to find the missing facts</summary>', ''];
    for (const line of hints) yield `- ${escapeMarkdown(line)}`;
    yield* ['', '</details>'];
  }

  if (waived.length > 0) {
    yield* ['', `${h}# Waived`, '', '| Status | Rule | Subject | Reason | Owner | Expires |', '| --- | --- | --- | --- | --- | --- |'];
    for (const f of waived)
      yield row(f.status, ruleLink(f.ruleId), cell(describeSubject(f.subject)), cell(f.waived?.reason ?? ''), cell(f.waived?.owner ?? ''), f.waived?.expires ?? '');
  }
  const notices = (report.waivers ?? []).filter((w) => w.status !== 'applied');
  if (notices.length > 0) {
    yield* ['', `${h}# Waivers to review`, ''];
    for (const w of notices)
      yield `- **${w.status}**: ${code(w.waiver.rule)}${w.waiver.subject ? ` for ${code(w.waiver.subject)}` : ''}: ${escapeMarkdown(w.message)}`;
  }

  const rest = report.findings.filter((f) => f.status === 'pass' || f.status === 'not-applicable');
  if (rest.length > 0) {
    yield* [
      '',
      `<details><summary>Passed (${counts.pass}) and not applicable (${counts.notApplicable})</summary>`,
      '',
      '| Result | Rule | Subject | Finding |',
      '| --- | --- | --- | --- |',
    ];
    for (const f of rest) yield row(f.status === 'pass' ? 'pass' : 'n/a', ruleLink(f.ruleId), cell(describeSubject(f.subject)), cell(f.message));
    yield* ['', '</details>'];
  }
  yield '';
  yield footer(report);
}

/** The last line: what wrote the report, the report's schema version and what it read. */
function footer(report: Report): string {
  const inputs = report.inputs.map((input) => `${escapeMarkdown(input.kind)} ${code(input.name)}`).join(', ');
  return `<sub>${escapeMarkdown(report.tool.name)} ${escapeMarkdown(report.tool.version)} · report schema ${escapeMarkdown(report.schemaVersion)}${inputs ? ` · ${inputs}` : ''}</sub>`;
}

/** A rule id linked to its page of the rule reference. */
export function ruleLink(id: string): string {
  return `[\`${id}\`](${ruleDocsUrl(id)})`;
}

/** A table row of cells that are Markdown already. */
export function row(...cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Text for a table cell: escaped, on one line. */
export function cell(text: string): string {
  return escapeMarkdown(text).replaceAll('\n', '<br>');
}

/**
 * A code span that stays one span on one line, in a table cell too: no backtick to close it, `|` escaped
 * (GitHub splits cells on it even inside code), control characters dropped, newlines as spaces.
 */
export function code(text: string): string {
  return `\`${text.replace(CONTROL, '').replace(/[\r\n]+/g, ' ').replaceAll('`', "'").replaceAll('|', '\\|')}\``;
}

// C0 control characters but tab and newline, and DEL.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** Text for a cell of a generated table, where the text is Markdown already: only `|` escaped. */
export function escapeTableCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** Text that renders as itself: Markdown and HTML syntax characters escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/[\\`*_[\]|]/g, '\\$&')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/**
 * Remediation or rule text as Markdown: prose lines escaped, command lines (those not ending like a
 * sentence, or what follows the colon of `Do this: <command>`) in a fenced `sh` block so they can be
 * copied as they are.
 */
export function markdownText(text: string): string {
  const blocks: string[] = [];
  let commands: string[] = [];
  const flush = (): void => {
    // A fence longer than any run of backticks in the commands: no command can close it.
    let longest = 0;
    for (const command of commands) for (const run of command.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
    const fence = '`'.repeat(Math.max(3, longest + 1));
    if (commands.length > 0) blocks.push([`${fence}sh`, ...commands.map((c) => c.replace(CONTROL, '')), fence].join('\n'));
    commands = [];
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (/[.:!?]\s*$/.test(line)) {
      flush();
      blocks.push(escapeMarkdown(line));
      continue;
    }
    // "Do this: <command>": the sentence stays prose, the command goes in the block.
    const lead = /^([A-Z][^:]*:) (.+)$/.exec(line);
    if (lead?.[1] !== undefined && lead[2] !== undefined) {
      flush();
      blocks.push(escapeMarkdown(lead[1]));
      commands.push(lead[2]);
    } else commands.push(line);
  }
  flush();
  return blocks.join('\n\n');
}

