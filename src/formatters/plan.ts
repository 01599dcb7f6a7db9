/**
 * A networking plan for people: text for a terminal, Markdown for a pull request or a Backstage page.
 * JSON is the plan itself (`JSON.stringify`).
 * @module
 */
import { listForMessage, plural, printable } from '../model/words.js';
import type { Subject } from '../model/report.js';
import type {
  AssumedFact,
  NetworkingPlan,
  NodeReadiness,
  OpenFact,
  OptionPlan,
  PlanChange,
  PlanStatus,
  ReleasePlan,
} from '../planner/types.js';
import { cell, code, escapeMarkdown, markdownText, row, ruleLink } from './markdown.js';

/** Options of {@link formatPlanText}. */
export interface PlanTextOptions {
  /** ANSI colours. Default false: the caller decides (a TTY without `NO_COLOR`). */
  readonly color?: boolean;
  /** A line under the heading naming the input, e.g. `facts: cluster.yaml`. */
  readonly input?: string;
}

/** Options of {@link formatPlanMarkdown}. */
export interface PlanMarkdownOptions {
  /** The facts file the plan is about, shown under the heading. */
  readonly input?: string;
  /** The heading level of the title (2 = `##`, the default: fits a pull-request comment). */
  readonly headingLevel?: 1 | 2 | 3;
}

const ANSI = { red: 31, green: 32, yellow: 33, gray: 90, bold: 1 } as const;
type Style = keyof typeof ANSI;
const STYLE: Readonly<Record<PlanStatus, Style>> = { viable: 'green', open: 'yellow', blocked: 'red' };
const ICON: Readonly<Record<PlanStatus, string>> = { viable: '✅', open: '❔', blocked: '❌' };

/** A value's text in a plan: a string as it is, a boolean as `true`/`false`, an unknown fact as `(unknown)`. */
const valueText = (value: string | boolean | undefined): string => (value === undefined ? '(unknown)' : String(value));

/** The subjects of a change, for a heading: `on 2 Windows nodes: win-1, win-2`, `on IP pool p`, or nothing for the cluster. */
function subjectsText(subjects: readonly Subject[]): string {
  const nodes = subjects.flatMap((s) => (s.kind === 'node' ? [s.name] : []));
  const pools = subjects.flatMap((s) => (s.kind === 'ip-pool' ? [s.name] : []));
  const parts: string[] = [];
  if (nodes.length > 0) parts.push(`on ${nodes.length} Windows ${plural(nodes.length, 'node')}: ${listForMessage(nodes, 10)}`);
  if (pools.length > 0) parts.push(`on ${pools.length} IP ${plural(pools.length, 'pool')}: ${listForMessage(pools, 10)}`);
  return parts.join('; ');
}

/** Whether a fact is one node's: `nodes[win-1].osBuild`. */
const isNodeFact = (fact: string): boolean => /^nodes\[[^\]]+\]\./.test(fact);

/** Whether a change is about Windows nodes alone: its remediation is shown under each node. */
const onNodes = (change: PlanChange): boolean => change.subjects.length > 0 && change.subjects.every((s) => s.kind === 'node');

/** The closing answer, in words. */
function answer(plan: NetworkingPlan): string {
  const best = plan.options[0];
  const where = plan.releases.length > 1 ? ' under every release planned' : '';
  if (best === undefined)
    return plan.status === 'open'
      ? 'no option can be named until the platform is known'
      : 'no networking option: the platform is not supported';
  const name = `${best.networking} (${best.displayName})`;
  switch (plan.status) {
    case 'viable':
      return `${name} works${where}`;
    case 'open':
      return `no option is viable yet; the best, ${name}, waits on unknown facts`;
    case 'blocked':
      return `no option works${where}; the best, ${name}, is blocked`;
  }
}

// ---------------------------------------------------------------------------------------------------
// Text

/**
 * The plan as text for a terminal: per release, each option best first with the reason for its place,
 * the facts it sets, what it takes (its own changes, then each blocker with its fix), the facts still
 * unknown, warnings, and each Windows node's changes; the answer last.
 *
 * @example
 * console.log(formatPlanText(planNetworking(facts), { color: process.stdout.isTTY }));
 */
export function formatPlanText(plan: NetworkingPlan, options: PlanTextOptions = {}): string {
  const paint = (style: Style, text: string): string => (options.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  // Every value from the input goes through `v`: it can never style, rewrite or reorder the lines.
  const v = printable;
  const status = (s: PlanStatus): string => paint(STYLE[s], paint('bold', s.toUpperCase()));
  const lines: string[] = [];
  lines.push(
    paint(
      'bold',
      `Networking plan for Windows nodes: platform ${v(plan.platform ?? '(unknown)')}, networking ${v(plan.networking ?? '(unknown)')}`,
    ),
  );
  if (options.input) lines.push(paint('gray', v(options.input)));

  if (plan.releases.length > 1 && plan.options.length > 0) {
    lines.push('', paint('bold', 'Across the releases'));
    for (const option of plan.options) {
      lines.push(`  ${option.rank}. ${v(option.networking)}  ${status(option.status)}${option.current ? ' (in use)' : ''}`);
      lines.push(`     ${v(option.reason)}`);
    }
  }

  for (const release of plan.releases) lines.push('', ...releaseText(release, paint, status));

  lines.push('', `${paint('bold', 'Answer:')} ${status(plan.status)} — ${v(answer(plan))}.`);
  return `${lines.join('\n')}\n`;
}

type Paint = (style: Style, text: string) => string;

function releaseText(release: ReleasePlan, paint: Paint, status: (s: PlanStatus) => string): string[] {
  const v = printable;
  const { profile } = release;
  const lines = [
    paint('bold', `Calico for Windows v${profile.patches ?? profile.release} (${profile.installMethod} install)`),
    v(release.note),
  ];
  if (profile.note) lines.push(paint('gray', v(`(${profile.note})`)));
  for (const finding of release.blocking) lines.push(`  ${paint('red', '✗')} ${v(finding.ruleId)}  ${v(finding.message)}`, ...indent(v(finding.remediation ?? ''), '→ ', 6));
  for (const fact of release.open) lines.push(`  ${paint('yellow', '?')} ${v(fact.fact)}: ${v(fact.hint)}`);
  for (const option of release.options) lines.push('', ...optionText(option, paint, status));
  return lines;
}

function optionText(option: OptionPlan, paint: Paint, status: (s: PlanStatus) => string): string[] {
  const v = printable;
  const lines = [
    `  ${paint('bold', `${option.rank}. ${option.networking}`)} — ${v(option.displayName)} — ${status(option.status)}${option.current ? ' (in use)' : ''}`,
    ...indent(v(option.reason), 'Why: ', 5),
  ];
  if (option.assumes.length > 0) {
    lines.push(`     The option sets:`);
    const width = Math.max(...option.assumes.map((a) => a.fact.length));
    for (const a of option.assumes) lines.push(`       ${v(a.fact.padEnd(width))}  ${v(valueText(a.from))} → ${v(valueText(a.to))}`);
  }
  if (option.changes.length > 0) {
    lines.push(`     What it takes (${option.changes.length} ${plural(option.changes.length, 'change')}):`);
    for (const change of option.changes) {
      const mark = change.assumed ? paint('green', '•') : paint('red', '✗');
      const where = subjectsText(change.subjects);
      lines.push(`       ${mark} ${v(change.ruleId)}: ${v(change.title)}${where ? ` — ${v(where)}` : ''}${change.assumed ? " (the option's own change)" : ''}`);
      // A node rule's fix is shown under each node, below.
      if (onNodes(change)) continue;
      for (const message of change.messages) lines.push(...indent(v(message), '', 9));
      if (change.remediation) lines.push(...indent(v(change.remediation), '→ ', 9));
    }
  }
  // A node's unknown facts are shown under the node.
  const open = option.open.filter((fact) => !isNodeFact(fact.fact));
  if (open.length > 0) {
    lines.push(`     Unknown (${open.length} ${plural(open.length, 'fact')}):`);
    for (const fact of open) lines.push(...openText(fact, 7, paint));
  }
  if (option.warnings.length > 0) {
    lines.push(`     Warnings (${option.warnings.length}):`);
    for (const w of option.warnings) {
      lines.push(`       ${paint('yellow', '!')} ${v(w.ruleId)}: ${v(w.message)}`);
      if (w.remediation) lines.push(...indent(v(w.remediation), '→ ', 9));
    }
  }
  lines.push(...nodesText(option.nodes, paint));
  return lines;
}

function openText(fact: OpenFact, depth: number, paint: Paint): string[] {
  return indent(printable(`${fact.fact} (${fact.rules.join(', ')}): ${fact.hint}`), `${paint('yellow', '?')} `, depth);
}

function nodesText(nodes: readonly NodeReadiness[], paint: Paint): string[] {
  if (nodes.length === 0) return [];
  const v = printable;
  const plain = nodes.filter((n) => n.status === 'ready' && n.changes.length === 0).map((n) => n.name);
  const lines = [`     Windows nodes:`];
  if (plain.length > 0) lines.push(`       ${paint('green', 'ready')}: ${v(listForMessage(plain, 10))}`);
  for (const node of nodes) {
    if (node.status === 'ready' && node.changes.length === 0) continue;
    const style: Style = node.status === 'ready' ? 'green' : node.status === 'not-ready' ? 'red' : 'yellow';
    lines.push(`       ${v(node.name)}: ${paint(style, node.status)}`);
    for (const change of node.changes) {
      const mark = change.assumed ? paint('green', '•') : change.severity === 'error' ? paint('red', '✗') : paint('yellow', '!');
      lines.push(`         ${mark} ${v(change.ruleId)}: ${v(change.message)}`);
      if (change.remediation) lines.push(...indent(v(change.remediation), '→ ', 11));
    }
    for (const fact of node.missing) lines.push(...openText(fact, 9, paint));
  }
  return lines;
}

function indent(text: string, lead: string, depth: number): string[] {
  if (text === '') return [];
  const pad = ' '.repeat(depth);
  // The lead's width as shown, colour codes aside.
  const width = lead.replace(/\u001b\[[0-9;]*m/g, '').length;
  return text.split('\n').map((line, i) => `${pad}${i === 0 ? lead : ' '.repeat(width)}${line}`);
}

// ---------------------------------------------------------------------------------------------------
// Markdown

/**
 * The plan as Markdown for a pull-request comment or a Backstage page: the answer, a table of the
 * options under each release, then each option's facts, changes (remediation as copyable commands),
 * unknown facts and Windows nodes.
 *
 * @example
 * await octokit.rest.issues.createComment({ ...repo, issue_number, body: formatPlanMarkdown(plan, { input: 'cluster.yaml' }) });
 */
export function formatPlanMarkdown(plan: NetworkingPlan, options: PlanMarkdownOptions = {}): string {
  const h = '#'.repeat(options.headingLevel ?? 2);
  const out: string[] = [
    `${h} ${ICON[plan.status]} Networking plan: ${escapeMarkdown(answer(plan))}`,
    '',
    [
      `platform ${plan.platform === undefined ? '(unknown)' : code(plan.platform)}`,
      `networking ${plan.networking === undefined ? '(unknown)' : code(plan.networking)}`,
      ...(options.input ? [`facts: ${code(options.input)}`] : []),
    ].join(' · '),
  ];
  if (plan.releases.length > 1 && plan.options.length > 0) {
    const labels = plan.options[0]?.releases.map((r) => r.release) ?? [];
    out.push('', `${h}# Across the releases`, '', row('Rank', 'Option', ...labels.map(escapeMarkdown), 'Why'), row(...['---', '---', ...labels.map(() => '---'), '---']));
    for (const option of plan.options)
      out.push(
        row(
          String(option.rank),
          `${code(option.networking)}${option.current ? ' (in use)' : ''}`,
          ...option.releases.map((r) => (r.status === 'not-offered' ? 'not offered' : `${ICON[r.status]} ${r.status}`)),
          cell(option.reason),
        ),
      );
  }
  for (const release of plan.releases) out.push('', ...releaseMarkdown(release, h));
  return `${out.join('\n')}\n`;
}

function releaseMarkdown(release: ReleasePlan, h: string): string[] {
  const { profile } = release;
  const out = [`${h}# Calico for Windows v${profile.patches ?? profile.release} (${profile.installMethod} install)`, '', escapeMarkdown(release.note)];
  if (profile.note) out.push('', `_${escapeMarkdown(profile.note)}_`);
  for (const finding of release.blocking) out.push('', `- ❌ ${ruleLink(finding.ruleId)}: ${escapeMarkdown(finding.message)}`);
  for (const fact of release.open) out.push('', `- ❔ ${code(fact.fact)}: ${escapeMarkdown(fact.hint)}`);
  if (release.options.length === 0) return out;
  out.push('', row('Rank', 'Option', 'Status', 'Changes', 'Why'), row('---', '---', '---', '---', '---'));
  for (const option of release.options)
    out.push(
      row(
        String(option.rank),
        `${code(option.networking)} ${cell(option.displayName)}${option.current ? ' (in use)' : ''}`,
        `${ICON[option.status]} ${option.status}`,
        String(option.changes.length),
        cell(option.reason),
      ),
    );
  for (const option of release.options) out.push('', ...optionMarkdown(option, h));
  return out;
}

function optionMarkdown(option: OptionPlan, h: string): string[] {
  const out = [`${h}## ${option.rank}. ${code(option.networking)} ${escapeMarkdown(option.displayName)}: ${ICON[option.status]} ${option.status}`];
  if (option.assumes.length > 0)
    out.push('', 'The option sets:', '', row('Fact', 'Now', 'Under the option'), row('---', '---', '---'), ...option.assumes.map(assumedRow));
  if (option.changes.length > 0) {
    out.push('', `What it takes (${option.changes.length} ${plural(option.changes.length, 'change')}):`);
    for (const change of option.changes) {
      const where = subjectsText(change.subjects);
      out.push(
        '',
        `- ${change.assumed ? '🔧' : '❌'} ${ruleLink(change.ruleId)} ${escapeMarkdown(change.title)}${where ? ` — ${escapeMarkdown(where)}` : ''}${change.assumed ? " (the option's own change)" : ''}`,
      );
      if (onNodes(change)) continue;
      out.push('', indentMarkdown(change.messages.map(escapeMarkdown).join('<br>')));
      if (change.remediation) out.push('', indentMarkdown(markdownText(change.remediation)));
    }
  }
  if (option.open.length > 0) {
    out.push('', `Unknown (${option.open.length} ${plural(option.open.length, 'fact')}):`, '');
    for (const fact of option.open) out.push(`- ${code(fact.fact)} (${fact.rules.map(code).join(', ')}): ${escapeMarkdown(fact.hint)}`);
  }
  if (option.warnings.length > 0) {
    out.push('', 'Warnings:', '');
    for (const w of option.warnings) out.push(`- ⚠️ ${ruleLink(w.ruleId)}: ${escapeMarkdown(w.message)}`);
  }
  const plain = (n: NodeReadiness): boolean => n.status === 'ready' && n.changes.length === 0;
  const nodes = option.nodes.filter((n) => !plain(n));
  const ready = option.nodes.filter(plain).map((n) => n.name);
  if (ready.length > 0) out.push('', `Windows nodes ready: ${escapeMarkdown(listForMessage(ready, 10))}.`);
  if (nodes.length > 0) {
    out.push('', 'Windows nodes:');
    for (const node of nodes) {
      out.push('', `- ${code(node.name)}: ${node.status === 'not-ready' ? '❌ not ready' : node.status === 'unknown' ? '❔ unknown' : '✅ ready'}`);
      for (const change of node.changes) {
        const mark = change.assumed ? '🔧' : change.severity === 'error' ? '❌' : '⚠️';
        out.push('', `  - ${mark} ${ruleLink(change.ruleId)}: ${escapeMarkdown(change.message)}`);
        if (change.remediation) out.push('', indentMarkdown(markdownText(change.remediation), 4));
      }
      for (const fact of node.missing) out.push('', `  - ❔ ${code(fact.fact)}: ${escapeMarkdown(fact.hint)}`);
    }
  }
  return out;
}

function assumedRow(a: AssumedFact): string {
  return row(code(a.fact), a.from === undefined ? '(unknown)' : code(String(a.from)), code(String(a.to)));
}

/** Markdown indented under a list item (`depth` spaces). */
function indentMarkdown(text: string, depth = 2): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : `${' '.repeat(depth)}${line}`))
    .join('\n');
}
