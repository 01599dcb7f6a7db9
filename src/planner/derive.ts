/**
 * What an option takes, read off two reports of the rules: one of the facts with only the networking
 * switched to the option, one with every fact the option sets. A rule that fails in the first and not in
 * the second is the option's own change; one that fails in the second is a blocker. Every change, its
 * subjects and its remediation come from the findings: nothing is written twice.
 * @module
 */
import type { Finding, Report } from '../model/report.js';
import { subjectKey } from '../model/naming.js';
import { compareText } from '../model/words.js';
import { hintFor } from '../catalog/hints.js';
import type { AssumedFact, NodeChange, NodeReadiness, OpenFact, OptionPlan, PlanChange, PlanStatus } from './types.js';

/** An option's plan before it is ranked. */
export type UnrankedOption = Omit<OptionPlan, 'rank' | 'reason'>;

const STATUS: Readonly<Record<Report['verdict'], PlanStatus>> = { compatible: 'viable', indeterminate: 'open', incompatible: 'blocked' };

const keyOf = (finding: Finding): string => `${finding.ruleId}|${subjectKey(finding.subject)}`;
const isError = (finding: Finding): boolean => finding.severity === 'error';

/**
 * Whether a fact is one of `decided` (the facts findings were decided from), or an item's fact of a list
 * among them: a pool's encapsulation is part of `calico.ipPools`. Looked up, not searched, so a change
 * about thousands of nodes costs one pass.
 */
function decidedFrom(decided: ReadonlySet<string>, fact: string): boolean {
  return decided.has(fact) || decided.has(fact.replace(/\[.*/, ''));
}

/** The findings of one rule as one change: its subjects, messages and remediations, each once. */
function changeOf(findings: readonly Finding[], assumed: boolean, assumes: readonly AssumedFact[]): PlanChange {
  const [first] = findings as [Finding, ...Finding[]];
  const decided = new Set(findings.flatMap((f) => f.evidence.map((e) => e.fact)));
  const facts = assumed ? assumes.filter((a) => decidedFrom(decided, a.fact)).map((a) => a.fact) : [];
  return {
    ruleId: first.ruleId,
    title: first.title,
    assumed,
    subjects: findings.map((f) => f.subject),
    facts,
    messages: findings.map((f) => f.message),
    // Every failing finding has its remediation (the engine's findings do).
    remediation: [...new Set(findings.map((f) => f.remediation))].join('\n'),
  };
}

/** Findings grouped by rule, in report (catalog) order. */
function byRule(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.ruleId);
    if (group) group.push(finding);
    else groups.set(finding.ruleId, [finding]);
  }
  return [...groups.values()];
}

/** The unknown facts of `error` findings, each with its hint and the rules it keeps unknown, in path order. */
export function openFacts(findings: readonly Finding[]): OpenFact[] {
  const rules = new Map<string, string[]>();
  for (const finding of findings) {
    // Only unknown findings have missing facts.
    if (!isError(finding) || finding.missingFacts === undefined) continue;
    for (const fact of finding.missingFacts) {
      const list = rules.get(fact) ?? [];
      if (!list.includes(finding.ruleId)) list.push(finding.ruleId);
      rules.set(fact, list);
    }
  }
  return [...rules].sort(([a], [b]) => compareText(a, b)).map(([fact, ids]) => ({ fact, hint: hintFor(fact), rules: ids }));
}

function nodeChange(finding: Finding, assumed: boolean): NodeChange {
  return {
    ruleId: finding.ruleId,
    title: finding.title,
    severity: finding.severity,
    assumed,
    message: finding.message,
    // Stryker disable next-line StringLiteral: every failing finding has its remediation (the engine's findings do)
    remediation: finding.remediation ?? '',
  };
}

/** Findings about Windows nodes, by node name. */
function byNode(findings: readonly Finding[]): Map<string, Finding[]> {
  const nodes = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.subject.kind !== 'node') continue;
    const list = nodes.get(finding.subject.name);
    if (list) list.push(finding);
    else nodes.set(finding.subject.name, [finding]);
  }
  return nodes;
}

/**
 * Each Windows node under the option: its failing node rules, and the facts still unknown about it. The
 * report names every Windows node, by name, in the findings of each node rule.
 */
function readiness(findings: readonly Finding[], fixed: readonly Finding[]): NodeReadiness[] {
  const fixedOf = byNode(fixed);
  return [...byNode(findings)].map(([name, own]) => {
    const failing = own.filter((f) => f.status === 'fail');
    const changes = [
      ...(fixedOf.get(name) ?? []).map((f) => nodeChange(f, true)),
      ...failing.filter(isError).map((f) => nodeChange(f, false)),
      ...failing.filter((f) => !isError(f)).map((f) => nodeChange(f, false)),
    ];
    const missing = openFacts(own);
    const status = failing.some(isError) ? 'not-ready' : own.some((f) => f.status === 'unknown' && isError(f)) ? 'unknown' : 'ready';
    return { name, status, changes, missing };
  });
}

/**
 * An option's plan from the report of the facts with the networking switched to it (`switched`) and the
 * report of the facts it sets (`adopted`, with those facts and what they changed). For the option the
 * facts already use, both are the report of the facts.
 */
export function deriveOption(
  option: Pick<OptionPlan, 'networking' | 'displayName' | 'current'>,
  switched: Report,
  adopted: { readonly report: Report; readonly assumes: readonly AssumedFact[] },
): UnrankedOption {
  const { report, assumes } = adopted;
  const failingAfter = new Set(report.findings.filter((f) => f.status === 'fail').map(keyOf));
  // Fixed by the option's own facts: failing before they are set, not after.
  const fixed = switched.findings.filter((f) => f.status === 'fail' && isError(f) && !failingAfter.has(keyOf(f)));
  const blocking = report.findings.filter((f) => f.status === 'fail' && isError(f));
  return {
    ...option,
    status: STATUS[report.verdict],
    assumes,
    changes: [...byRule(fixed).map((group) => changeOf(group, true, assumes)), ...byRule(blocking).map((group) => changeOf(group, false, assumes))],
    blocking,
    open: openFacts(report.findings),
    warnings: report.findings.filter((f) => f.status === 'fail' && !isError(f)),
    nodes: readiness(report.findings, fixed),
  };
}
