import { CompatError, type InputIssue } from './errors.js';
import type { ClusterFacts, IpPool, WindowsNodeFacts } from './model/facts.js';
import type { Counts, Evidence, FactSource, Finding, Reference, Report, Subject, Verdict } from './model/report.js';
import { parseVersion } from './model/version.js';
import { DEFAULT_PROFILE, type ReleaseProfile } from './data/releases.js';
import { hintFor } from './data/fact-hints.js';
import { RULES } from './rules/index.js';
import {
  readPath,
  referencesFor,
  type Applicability,
  type Outcome,
  type Rule,
  type RuleContext,
  type RuleFactPath,
} from './rules/define.js';
import { closest } from './text.js';

/** Options of {@link evaluateCompatibility}. */
export interface EvaluateOptions {
  /** Evaluate only these rules (ids from the catalog). Unknown ids are an error. */
  readonly rules?: readonly string[];
  /** Skip these rules. Unknown ids are an error. */
  readonly skipRules?: readonly string[];
  /**
   * Where facts came from, by fact path as findings name them (`nodes[win-1].osBuild`,
   * `calico.ipipEnabled`): attached to the evidence of every finding that uses the fact.
   */
  readonly sources?: Readonly<Record<string, FactSource>>;
}

const CLUSTER: Subject = Object.freeze({ kind: 'cluster' });

/**
 * Evaluates facts against every rule of the catalog and returns the report: one finding per rule and
 * subject (each Windows node for node rules, each enabled IP pool for pool rules), in catalog order,
 * then subject name.
 *
 * Pure: no I/O, no clock, no environment; the same facts give the same report. A failing requirement
 * is a finding, never an exception. It throws a {@link CompatError} (`invalid-options`) only for misuse,
 * such as an unknown rule id. Facts from untrusted input should go through {@link parseFacts} first.
 *
 * @example
 * const report = evaluateCompatibility({ platform: 'eks', networking: 'eks-vpc-cni' });
 * report.verdict; // 'indeterminate' until the rest is known
 * report.findings.filter((f) => f.status === 'fail');
 */
export function evaluateCompatibility(facts: ClusterFacts, options: EvaluateOptions = {}): Report {
  const profile = DEFAULT_PROFILE;
  const rules = selectRules(options);
  const kubernetesVersion = facts.kubernetes?.version === undefined ? undefined : parseVersion(facts.kubernetes.version);
  const ctx: RuleContext = { profile, kubernetesVersion };
  const sources = options.sources;

  const windowsNodes: WindowsNodeFacts[] = [];
  for (const node of facts.nodes ?? []) if (node.os === 'windows') windowsNodes.push(node);
  windowsNodes.sort((a, b) => compareText(a.name, b.name));

  const pools: Array<{ pool: IpPool; name: string }> = [];
  (facts.calico?.ipPools ?? []).forEach((pool, index) => {
    if (pool.disabled !== true) pools.push({ pool, name: pool.name ?? pool.cidr ?? `calico.ipPools[${index}]` });
  });
  pools.sort((a, b) => compareText(a.name, b.name));

  const findings: Finding[] = [];
  for (const rule of rules) {
    const base = { ruleId: rule.id, severity: rule.severity, title: rule.title, references: referencesFor(rule.sections, profile) };
    const emit = (subject: Subject, outcome: Outcome, evidence: Evidence[], render: (path: string) => string): void => {
      findings.push(toFinding(base, rule, subject, outcome, evidence, render));
    };

    if (rule.scope === 'cluster') {
      const outcome = rule.evaluate(facts, ctx);
      emit(CLUSTER, outcome, evidenceOf(rule, facts, undefined, '', sources), identity);
      continue;
    }

    const applicability = rule.applies(facts, ctx);
    const fanOut = rule.scope === 'windows-node' ? facts.nodes : facts.calico?.ipPools;
    const noSubjects = noSubjectOutcome(rule, applicability, fanOut === undefined, facts);
    if (noSubjects) {
      emit(CLUSTER, noSubjects, evidenceOf(rule, facts, undefined, '', sources), identity);
      continue;
    }
    if (rule.scope === 'windows-node') {
      for (const node of windowsNodes) {
        const prefix = `nodes[${node.name}].`;
        const outcome = applicability === true ? rule.evaluate(facts, node, ctx) : fromApplicability(applicability);
        emit({ kind: 'node', name: node.name }, outcome, evidenceOf(rule, facts, node, prefix, sources), (p) =>
          p.startsWith('node.') ? prefix + p.slice(5) : p,
        );
      }
    } else {
      for (const { pool, name } of pools) {
        const prefix = `calico.ipPools[${name}].`;
        const outcome = applicability === true ? rule.evaluate(facts, pool, ctx) : fromApplicability(applicability);
        emit({ kind: 'ip-pool', name }, outcome, evidenceOf(rule, facts, pool, prefix, sources), (p) =>
          p.startsWith('pool.') ? prefix + p.slice(5) : p,
        );
      }
    }
  }

  return summarize(findings, profile);
}

/** The outcome of a per-node or per-pool rule when there is nothing to fan out over, else undefined. */
function noSubjectOutcome(
  rule: Rule,
  applicability: Applicability,
  listAbsent: boolean,
  facts: ClusterFacts,
): Outcome | undefined {
  if (applicability !== true && 'notApplicable' in applicability) return fromApplicability(applicability);
  const unknownApplicability = applicability === true ? [] : applicability.unknown;
  if (rule.scope === 'windows-node') {
    if (listAbsent)
      return {
        status: 'unknown',
        message: 'Cannot decide: the nodes are not known. List the Windows nodes (joined or planned).',
        missing: [...unknownApplicability, 'nodes'],
      };
    if (!(facts.nodes ?? []).some((n) => n.os === 'windows'))
      return {
        status: 'unknown',
        message: 'Cannot decide: no Windows node is described. Add the Windows nodes (joined or planned) to the facts.',
        missing: [...unknownApplicability, 'nodes[os=windows]' as RuleFactPath],
      };
    return undefined;
  }
  if (listAbsent)
    return {
      status: 'unknown',
      message: 'Cannot decide: the IP pools are not known.',
      missing: [...unknownApplicability, 'calico.ipPools'],
    };
  if (!(facts.calico?.ipPools ?? []).some((p) => p.disabled !== true)) {
    if (applicability !== true) return fromApplicability(applicability);
    return { status: 'not-applicable', message: 'No enabled IP pool: every pool is disabled or none is defined.' };
  }
  return undefined;
}

function fromApplicability(applicability: Exclude<Applicability, true>): Outcome {
  return 'notApplicable' in applicability
    ? { status: 'not-applicable', message: applicability.notApplicable }
    : { status: 'unknown', message: applicability.message, missing: applicability.unknown };
}

const identity = (path: string): string => path;

function toFinding(
  base: { ruleId: string; severity: Rule['severity']; title: string; references: Reference[] },
  rule: Rule,
  subject: Subject,
  outcome: Outcome,
  evidence: Evidence[],
  render: (path: string) => string,
): Finding {
  const finding: Finding = {
    ruleId: base.ruleId,
    status: outcome.status,
    severity: base.severity,
    subject,
    title: base.title,
    message: outcome.message,
    evidence,
    references: base.references,
  };
  if (outcome.status === 'unknown') {
    const missing = outcome.missing.map(render);
    finding.missingFacts = missing;
    finding.remediation = missing.map((path) => `Provide ${path}: ${hintFor(path)}`).join('\n');
  } else if (outcome.status === 'fail') {
    finding.remediation = outcome.remediation ?? rule.remediation;
  }
  return finding;
}

function evidenceOf(
  rule: Rule,
  facts: ClusterFacts,
  item: WindowsNodeFacts | IpPool | undefined,
  prefix: string,
  sources: EvaluateOptions['sources'],
): Evidence[] {
  const evidence: Evidence[] = [];
  for (const path of rule.facts) {
    let value: unknown;
    let name: string;
    if (path.startsWith('node.') || path.startsWith('pool.')) {
      if (item === undefined) continue;
      value = (item as Record<string, unknown>)[path.slice(5)];
      name = prefix + path.slice(5);
    } else {
      value = readPath(facts, path.split('.'));
      name = path;
    }
    if (value === undefined) continue;
    const source = sources?.[name];
    evidence.push(source === undefined ? { fact: name, value } : { fact: name, value, source });
  }
  return evidence;
}

function summarize(findings: Finding[], profile: ReleaseProfile): Report {
  const counts: Counts = { total: findings.length, pass: 0, fail: 0, unknown: 0, notApplicable: 0, errors: 0, warnings: 0 };
  const missing = new Set<string>();
  for (const finding of findings) {
    switch (finding.status) {
      case 'pass':
        counts.pass++;
        break;
      case 'fail':
        counts.fail++;
        if (finding.severity === 'error') counts.errors++;
        else if (finding.severity === 'warning') counts.warnings++;
        break;
      case 'unknown':
        counts.unknown++;
        if (finding.severity === 'error') for (const path of finding.missingFacts ?? []) missing.add(path);
        break;
      case 'not-applicable':
        counts.notApplicable++;
        break;
    }
  }
  return {
    verdict: verdictOf(findings),
    profile: { release: profile.release, installMethod: profile.installMethod, source: profile.source },
    counts,
    missingFacts: [...missing].sort(compareText),
    findings,
  };
}

/**
 * The verdict of a set of findings: `incompatible` when an `error` finding fails, else `indeterminate`
 * when an `error` finding is unknown, else `compatible`.
 */
export function verdictOf(findings: readonly Pick<Finding, 'status' | 'severity'>[]): Verdict {
  let open = false;
  for (const finding of findings) {
    if (finding.severity !== 'error') continue;
    if (finding.status === 'fail') return 'incompatible';
    if (finding.status === 'unknown') open = true;
  }
  return open ? 'indeterminate' : 'compatible';
}

function selectRules(options: EvaluateOptions): readonly Rule[] {
  const ids = RULES.map((r) => r.id);
  const issues: InputIssue[] = [];
  const check = (list: readonly string[] | undefined, key: string): Set<string> | undefined => {
    if (list === undefined) return undefined;
    list.forEach((id, index) => {
      if (!ids.includes(id)) {
        const suggestion = closest(id, ids);
        issues.push({
          path: `${key}[${index}]`,
          code: 'unknown-rule',
          message: `'${id}' is not a rule id${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`,
        });
      }
    });
    return new Set(list);
  };
  const only = check(options.rules, 'rules');
  const skip = check(options.skipRules, 'skipRules');
  if (issues.length > 0) throw new CompatError('invalid-options', 'Invalid options:', issues);
  return RULES.filter((rule) => (only === undefined || only.has(rule.id)) && !skip?.has(rule.id));
}

// Code-unit order: deterministic whatever the runtime's locale.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
