/**
 * The report as DOM, from the library's report data and its own words: the verdict, failures with their
 * remediation and evidence, unknowns with how to find each fact, passes, the facts with where each came
 * from, and the library's Markdown. Text only ever goes in as text nodes: input is never HTML.
 */
import type { Finding, Report } from 'calico-windows-compat';
import { describeSource, describeSubject, formatMarkdown, hintFor, ruleDocsUrl } from 'calico-windows-compat/format';
import type { Analysis, Problem } from './analyze.js';

type Child = Node | string | false | undefined;

/** An element with attributes and children (strings become text nodes). */
export function h(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child !== false && child !== undefined) element.append(child);
  return element;
}

const VERDICT: Record<Report['verdict'], string> = {
  compatible: 'Compatible: ready for Windows nodes',
  incompatible: 'Incompatible: not ready for Windows nodes',
  indeterminate: 'Indeterminate: facts are missing to decide',
};

/** What the output pane shows for an analysis. */
export function renderAnalysis(analysis: Analysis): HTMLElement {
  if (analysis.kind === 'empty')
    return h('p', { class: 'placeholder' }, 'Paste kubectl output or a facts file, drop files here, or load an example: the report appears here.');
  if (analysis.kind === 'problems') return renderProblems(analysis.problems);
  const { report } = analysis;
  const open = report.findings.filter((f) => f.waived === undefined);
  const failures = open.filter((f) => f.status === 'fail');
  const unknowns = open.filter((f) => f.status === 'unknown');
  const passes = open.filter((f) => f.status === 'pass');
  const notApplicable = open.filter((f) => f.status === 'not-applicable');
  const { counts } = report;
  const markdown = formatMarkdown(report, { input: analysis.description });
  return h(
    'article',
    { id: 'report', 'data-verdict': report.verdict },
    h('h2', { class: `verdict ${report.verdict}`, id: 'verdict' }, VERDICT[report.verdict]),
    h(
      'p',
      { class: 'profile' },
      `Calico v${report.profile.patches ?? report.profile.release} requirements (${report.profile.installMethod} install)`,
      report.profile.requested ? ` — release ${report.profile.requested}` : '',
      report.profile.note ? h('span', { class: 'note' }, ` ${report.profile.note}`) : undefined,
    ),
    h(
      'p',
      { class: 'counts', id: 'counts' },
      `${plural(counts.errors, 'error')} · ${plural(counts.warnings, 'warning')} · ${counts.unknown} unknown · ${counts.pass} passed · ${counts.notApplicable} not applicable`,
    ),
    failures.length > 0 &&
      h('section', { id: 'failures' }, h('h3', {}, `Failing requirements (${failures.length})`), h('ul', {}, ...failures.map(renderFailure))),
    unknowns.length > 0 &&
      h('section', { id: 'unknowns' }, h('h3', {}, `Facts needed (${unknowns.length})`), h('ul', {}, ...unknowns.map(renderUnknown))),
    passes.length > 0 &&
      h(
        'details',
        { id: 'passes' },
        h('summary', {}, `Passed (${passes.length})`),
        h('ul', {}, ...passes.map((f) => h('li', {}, ruleLink(f.ruleId), ` (${describeSubject(f.subject)}): ${f.message}`))),
      ),
    notApplicable.length > 0 &&
      h(
        'details',
        { id: 'not-applicable' },
        h('summary', {}, `Not applicable (${notApplicable.length})`),
        h('ul', {}, ...notApplicable.map((f) => h('li', {}, ruleLink(f.ruleId), ` (${describeSubject(f.subject)}): ${f.message}`))),
      ),
    analysis.notes.length + analysis.overrides.length > 0 &&
      h(
        'details',
        { id: 'notes' },
        h('summary', {}, `Notes on the input (${analysis.notes.length + analysis.overrides.length})`),
        h(
          'ul',
          {},
          ...analysis.notes.map((n) =>
            h('li', { class: n.level }, `[${n.level}] ${n.message}`, n.location ? ` (line ${n.location.line})` : ''),
          ),
          ...analysis.overrides.map((n) => h('li', { class: 'override' }, `[override] ${n.message}`)),
        ),
      ),
    h(
      'details',
      { id: 'facts-out', open: '' },
      h('summary', {}, Object.keys(analysis.sources).length > 0 ? 'The facts, with where each came from' : 'The facts'),
      h('pre', {}, analysis.factsYaml),
    ),
    h(
      'details',
      { id: 'markdown' },
      h('summary', {}, 'Markdown, for a pull request or an issue'),
      h('button', { type: 'button', 'data-copy': 'markdown-text' }, 'Copy the Markdown'),
      h('pre', { id: 'markdown-text' }, markdown),
    ),
  );
}

/** Input problems, each with its input and position; a position is a button that selects it in the input. */
export function renderProblems(problems: readonly Problem[]): HTMLElement {
  return h(
    'section',
    { id: 'problems', role: 'alert' },
    h('h2', {}, 'The input cannot be read'),
    h(
      'ul',
      {},
      ...problems.map((p) =>
        h(
          'li',
          {},
          h('strong', {}, INPUT_NAMES[p.input]),
          ' ',
          p.line === undefined
            ? ''
            : h('button', { type: 'button', class: 'position', 'data-input': p.input, 'data-line': String(p.line), 'data-column': String(p.column ?? 1) }, `line ${p.line}, column ${p.column ?? 1}`),
          `${p.line === undefined ? '' : ' '}${p.path}: ${p.message}`,
        ),
      ),
    ),
  );
}

const INPUT_NAMES: Record<Problem['input'], string> = { objects: 'Cluster objects', facts: 'Facts file', release: 'Release' };

function renderFailure(f: Finding): HTMLElement {
  return h(
    'li',
    { class: `finding ${f.severity}`, 'data-rule': f.ruleId },
    ruleLink(f.ruleId),
    ` (${describeSubject(f.subject)}${f.severity === 'error' ? '' : `, ${f.severity}`}): ${f.message}`,
    f.evidence.length > 0 &&
      h(
        'ul',
        { class: 'evidence' },
        ...f.evidence.map((e) =>
          h('li', {}, h('code', {}, e.fact), ` = ${JSON.stringify(e.value) ?? 'absent'}`, e.source ? ` — ${describeSource(e.source)}` : ''),
        ),
      ),
    f.remediation !== undefined && h('pre', { class: 'remediation' }, f.remediation),
  );
}

function renderUnknown(f: Finding): HTMLElement {
  return h(
    'li',
    { class: 'finding unknown', 'data-rule': f.ruleId },
    ruleLink(f.ruleId),
    ` (${describeSubject(f.subject)}): ${f.message}`,
    (f.missingFacts ?? []).length > 0 &&
      h('ul', { class: 'hints' }, ...(f.missingFacts ?? []).map((path) => h('li', {}, h('code', {}, path), `: ${hintFor(path)}`))),
  );
}

function ruleLink(id: string): HTMLElement {
  return h('a', { href: ruleDocsUrl(id), target: '_blank', rel: 'noreferrer' }, h('code', {}, id));
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
