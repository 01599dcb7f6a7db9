import { CompatError, type InputIssue } from '../model/errors.js';
import type { ClusterFacts, IpPool, WindowsNodeFacts } from '../model/facts.js';
import type { Counts, Evidence, FactSource, Finding, Reference, Report, Subject, Verdict, WaiverResult } from '../model/report.js';
import type { Waiver } from '../model/waiver.js';
import { applyWaivers } from './waivers.js';
import { enabledPools } from '../model/pools.js';
import { parseVersion } from '../model/version.js';
import type { ReleaseProfile } from '../catalog/default.js';
import { patchRange, profileLabel, selectRelease, type SelectedRelease } from './select.js';
import { RULES } from '../catalog/seed-rules.js';
import { RELEASE_RULE_IDS } from '../catalog/ids.js';
import {
  readPath,
  referencesFor,
  type Applicability,
  type Outcome,
  type Rule,
  type RuleContext,
  type RuleFactPath,
} from './rule.js';
import { closest } from '../model/words.js';

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
  /**
   * Accepted exceptions (see {@link parseWaivers}): covered findings keep their status, gain `waived`
   * and no longer affect the verdict; the report's `waivers` says what became of each one.
   */
  readonly waivers?: readonly Waiver[];
  /** Today, for waiver expiry: required when a waiver has `expires` (the engine never reads the clock). */
  readonly now?: Date;
  /**
   * The release to evaluate against: a profile object (`calico-windows-compat/releases` has every
   * release's), or a string resolved against `profiles`: a release line (`'3.27'`), a version
   * (`'v3.27.2'`), `'3.27/manifest'`, or `'auto'`, the line of `calico.version` (the default profile,
   * with a note in `report.profile`, when it is absent). Default: the seed's profile, Calico v3.23
   * (manifest install), so results never change silently. See {@link selectRelease}.
   */
  readonly release?: string | ReleaseProfile;
  /** The profiles a `release` string is resolved against: `CALICO_RELEASES` from `calico-windows-compat/releases`; default: the seed's profile alone. */
  readonly profiles?: readonly ReleaseProfile[];
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
  const selected = selectRelease(options.release, facts, options.profiles);
  const profile = selected.profile;
  const rules = selectRules(options, profile);
  const kubernetesVersion = facts.kubernetes?.version === undefined ? undefined : parseVersion(facts.kubernetes.version);
  const ctx: RuleContext = { profile, kubernetesVersion };
  const sources = options.sources;

  const nodes: Item[] = [];
  // Stryker disable next-line ArrayDeclaration: an item that is no Windows node is skipped
  for (const node of facts.nodes ?? [])
    if (node.os === 'windows') nodes.push(item({ kind: 'node', name: node.name }, node, `nodes[${node.name}].`));
  nodes.sort(bySubjectName);

  const pools: Item[] = [];
  // Stryker disable next-line ArrayDeclaration: without a pool list, pool rules answer before fanning out (noSubjectOutcome)
  for (const { pool, name } of enabledPools(facts.calico?.ipPools ?? []))
    pools.push(item({ kind: 'ip-pool', name }, pool, `calico.ipPools[${name}].`));
  pools.sort(bySubjectName);

  const findings: Finding[] = [];
  for (const rule of rules) {
    const base: FindingBase = { rule, references: referencesFor(rule.sections, profile, rule.references) };
    const compiled = compile(rule);
    const clusterEvidence = clusterEvidenceOf(compiled, facts, sources);

    if (rule.scope === 'cluster') {
      findings.push(toFinding(base, CLUSTER, rule.evaluate(facts, ctx), clusterEvidence, undefined));
      continue;
    }

    const applicability = rule.applies(facts, ctx);
    const fanOut = rule.scope === 'windows-node' ? facts.nodes : facts.calico?.ipPools;
    const noSubjects = noSubjectOutcome(rule, applicability, fanOut === undefined, facts);
    if (noSubjects) {
      findings.push(toFinding(base, CLUSTER, noSubjects, clusterEvidence, undefined));
      continue;
    }
    if (rule.scope === 'windows-node') {
      for (const node of nodes) {
        const value = node.value as WindowsNodeFacts;
        const outcome =
          applicability === true
            ? rule.evaluate(facts, value, ctx)
            : openApplicability(applicability, rule.missing(facts, value));
        findings.push(toFinding(base, node.subject, outcome, itemEvidenceOf(compiled, node, clusterEvidence, sources), node));
      }
    } else {
      const missing = rule.missing(facts);
      for (const pool of pools) {
        const outcome = applicability === true ? rule.evaluate(facts, pool.value as IpPool, ctx) : openApplicability(applicability, missing);
        findings.push(toFinding(base, pool.subject, outcome, itemEvidenceOf(compiled, pool, clusterEvidence, sources), pool));
      }
    }
  }

  if (options.waivers === undefined) return summarize(findings, selected);
  const waived = applyWaivers(findings, options.waivers, options.now);
  return summarize(waived.findings, selected, waived.waivers);
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
    // Stryker disable next-line ArrayDeclaration: listAbsent answered when there is no node list
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
  // Stryker disable next-line ArrayDeclaration,OptionalChaining: listAbsent answered when there is no pool list
  if (!(facts.calico?.ipPools ?? []).some((p) => p.disabled !== true)) {
    if (applicability !== true) return fromApplicability(applicability);
    return { status: 'not-applicable', message: 'No enabled IP pool: every pool is disabled or none is defined.' };
  }
  return undefined;
}

/**
 * While applicability is open (a fact it reads is absent), the finding is unknown: it names both the
 * facts that decide applicability and the rule's own absent facts, so users can fill them in one go.
 */
function openApplicability(applicability: Exclude<Applicability, true>, missing: readonly RuleFactPath[] | undefined): Outcome {
  // Stryker disable next-line ConditionalExpression,StringLiteral,ObjectLiteral: noSubjectOutcome answers a not-applicable applicability first, so only an open one comes here
  if ('notApplicable' in applicability) return { status: 'not-applicable', message: applicability.notApplicable };
  return { status: 'unknown', message: applicability.message, missing: [...new Set([...applicability.unknown, ...(missing ?? [])])] };
}

function fromApplicability(applicability: Exclude<Applicability, true>): Outcome {
  return 'notApplicable' in applicability
    ? { status: 'not-applicable', message: applicability.notApplicable }
    : { status: 'unknown', message: applicability.message, missing: applicability.unknown };
}

/** A node or pool a rule fans out over, with what every rule's finding about it shares. */
interface Item {
  readonly subject: Subject & { readonly name: string };
  readonly value: WindowsNodeFacts | IpPool;
  /** How its facts are named in findings: `nodes[win-1].`, `calico.ipPools[default].`. */
  readonly prefix: string;
  /** Evidence entries made so far, shared by the findings of every rule about this item. */
  readonly evidence: Map<string, Evidence | null>;
}

function item(subject: Item['subject'], value: Item['value'], prefix: string): Item {
  return { subject, value, prefix, evidence: new Map() };
}

function bySubjectName(a: Item, b: Item): number {
  return compareText(a.subject.name, b.subject.name);
}

interface FindingBase {
  readonly rule: Rule;
  readonly references: Reference[];
}

/** A rule's fact paths, split once per rule rather than once per finding. */
interface CompiledFacts {
  readonly cluster: ReadonlyArray<{ readonly name: string; readonly path: readonly string[] }>;
  /** Keys of node or pool facts (`osBuild` for `node.osBuild`). */
  readonly item: readonly string[];
}

const compiledFacts = new WeakMap<Rule, CompiledFacts>();

function compile(rule: Rule): CompiledFacts {
  let compiled = compiledFacts.get(rule);
  // Stryker disable next-line ConditionalExpression: a cache miss computes the same value again
  if (!compiled) {
    const isItem = (path: string): boolean => path.startsWith('node.') || path.startsWith('pool.');
    compiled = {
      // Stryker disable next-line MethodExpression: a node or pool path (node.…, pool.…) reads nothing at the root of the facts
      cluster: rule.facts.filter((p) => !isItem(p)).map((name) => ({ name, path: name.split('.') })),
      // Stryker disable next-line MethodExpression: no cluster path of the rules, cut after five characters, names a node or pool field
      item: rule.facts.filter(isItem).map((p) => p.slice(5)),
    };
    compiledFacts.set(rule, compiled);
  }
  return compiled;
}

function toFinding(base: FindingBase, subject: Subject, outcome: Outcome, evidence: Evidence[], on: Item | undefined): Finding {
  const { rule } = base;
  const finding: Finding = {
    ruleId: rule.id,
    status: outcome.status,
    severity: rule.severity,
    subject,
    title: rule.title,
    message: outcome.message,
    evidence,
    references: base.references,
  };
  if (outcome.status === 'unknown') {
    const missing = outcome.missing.map((path) => renderPath(path, on));
    // How to find each missing fact is help text: `hintFor` in calico-windows-compat/format, which every
    // formatter shows; the core stays small.
    finding.missingFacts = missing;
  } else if (outcome.status === 'fail') {
    finding.remediation = outcome.remediation ?? rule.remediation;
  }
  return finding;
}

/** A rule path as findings name it: `node.osBuild` → `nodes[win-1].osBuild`. */
function renderPath(path: string, on: Item | undefined): string {
  // Stryker disable next-line ConditionalExpression: a finding about the cluster never misses a node or pool fact
  return on !== undefined && (path.startsWith('node.') || path.startsWith('pool.')) ? on.prefix + path.slice(5) : path;
}

function clusterEvidenceOf(compiled: CompiledFacts, facts: ClusterFacts, sources: EvaluateOptions['sources']): Evidence[] {
  const evidence: Evidence[] = [];
  for (const { name, path } of compiled.cluster) {
    const value = readPath(facts, path);
    if (value !== undefined) evidence.push(withSource({ fact: name, value: evidenceValue(name, value) }, sources));
  }
  return evidence;
}

function itemEvidenceOf(
  compiled: CompiledFacts,
  on: Item,
  clusterEvidence: readonly Evidence[],
  sources: EvaluateOptions['sources'],
): Evidence[] {
  const evidence = clusterEvidence.slice();
  for (const key of compiled.item) {
    let entry = on.evidence.get(key);
    // Stryker disable next-line ConditionalExpression: a cache miss computes an equal entry again
    if (entry === undefined) {
      const value = (on.value as Record<string, unknown>)[key];
      entry = value === undefined ? null : withSource({ fact: on.prefix + key, value: evidenceValue(key, value) }, sources);
      on.evidence.set(key, entry);
    }
    if (entry !== null) evidence.push(entry);
  }
  return evidence;
}

/**
 * Evidence values are independent of the input's key order, and the node list is summarised rather than
 * copied into findings (a 10,000-node list would otherwise be repeated in every finding that reads it).
 */
function evidenceValue(fact: string, value: unknown): unknown {
  if (fact === 'nodes' && Array.isArray(value)) {
    const nodes = value as ReadonlyArray<{ os: string }>;
    const windows = nodes.filter((n) => n.os === 'windows').length;
    return { total: nodes.length, linux: nodes.length - windows, windows };
  }
  return canonical(value);
}

function canonical(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(canonical);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = canonical((value as Record<string, unknown>)[key]);
  return out;
}

function withSource(evidence: { fact: string; value: unknown }, sources: EvaluateOptions['sources']): Evidence {
  const source = sources?.[evidence.fact];
  return source === undefined ? evidence : { ...evidence, source };
}

function summarize(findings: Finding[], { profile, requested, note }: SelectedRelease, waivers?: WaiverResult[]): Report {
  const counts: Counts = { total: findings.length, pass: 0, fail: 0, unknown: 0, notApplicable: 0, errors: 0, warnings: 0 };
  const missing = new Set<string>();
  if (waivers) counts.waived = 0;
  for (const finding of findings) {
    // A waived finding counts under its status, never against the verdict.
    const waived = finding.waived !== undefined;
    // Stryker disable next-line ConditionalExpression: a finding is waived only when waivers were given, and then counts.waived is set
    if (waived && counts.waived !== undefined) counts.waived++;
    switch (finding.status) {
      case 'pass':
        counts.pass++;
        break;
      case 'fail':
        counts.fail++;
        if (waived) break;
        if (finding.severity === 'error') counts.errors++;
        else if (finding.severity === 'warning') counts.warnings++;
        break;
      case 'unknown':
        counts.unknown++;
        // Stryker disable next-line ArrayDeclaration: every unknown finding has its missingFacts (toFinding)
        if (finding.severity === 'error' && !waived) for (const path of finding.missingFacts ?? []) missing.add(path);
        break;
      case 'not-applicable':
        counts.notApplicable++;
        break;
    }
  }
  const report: Report = {
    verdict: verdictOf(findings),
    profile: {
      release: profile.release,
      installMethod: profile.installMethod,
      source: profile.source,
      ...(profile.patches === undefined ? {} : { patches: patchRange(profile) }),
      ...(requested === undefined ? {} : { requested }),
      ...(note === undefined ? {} : { note }),
    },
    counts,
    missingFacts: [...missing].sort(compareText),
    findings,
  };
  if (waivers) report.waivers = waivers;
  return report;
}

/**
 * The verdict of a set of findings: `incompatible` when an `error` finding fails, else `indeterminate`
 * when an `error` finding is unknown, else `compatible`. Waived findings do not count.
 */
export function verdictOf(findings: readonly (Pick<Finding, 'status' | 'severity'> & { readonly waived?: unknown })[]): Verdict {
  let open = false;
  for (const finding of findings) {
    if (finding.severity !== 'error' || finding.waived !== undefined) continue;
    if (finding.status === 'fail') return 'incompatible';
    if (finding.status === 'unknown') open = true;
  }
  return open ? 'indeterminate' : 'compatible';
}

// `rules` must name rules of the profile; `skipRules` may name any rule of the catalog.
function selectRules(options: EvaluateOptions, profile: ReleaseProfile): readonly Rule[] {
  const inProfile = profile.rules.map((r) => r.id);
  const ids = [...new Set([...inProfile, ...RULES.map((r) => r.id), ...RELEASE_RULE_IDS])];
  const issues: InputIssue[] = [];
  const check = (list: readonly string[] | undefined, key: string, known: readonly string[]): Set<string> | undefined => {
    if (list === undefined) return undefined;
    list.forEach((id, index) => {
      if (!known.includes(id)) {
        const suggestion = closest(id, known);
        issues.push({
          path: `${key}[${index}]`,
          code: 'unknown-rule',
          message: ids.includes(id)
            ? `'${id}' is not a rule of the ${profileLabel(profile)} profile`
            : `'${id}' is not a rule id${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`,
        });
      }
    });
    return new Set(list);
  };
  const only = check(options.rules, 'rules', inProfile);
  const skip = check(options.skipRules, 'skipRules', ids);
  if (issues.length > 0) throw new CompatError('invalid-options', 'Invalid options:', issues);
  return profile.rules.filter((rule) => (only === undefined || only.has(rule.id)) && !skip?.has(rule.id));
}

// Code-unit order: deterministic whatever the runtime's locale.
function compareText(a: string, b: string): number {
  if (a < b) return -1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: Array.prototype.sort only asks whether a result is negative, so 1 and 0 sort alike (and the names sorted are unique)
  return a > b ? 1 : 0;
}
