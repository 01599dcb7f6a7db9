/**
 * The engine's pipeline: select the release and rules → plan the subjects → decide each rule for each
 * subject → findings → waivers → summary. The catalog is handed in (`api.ts` binds the default), so the
 * engine knows how rules run, never which rules there are.
 * @module
 */
import type { ClusterFacts, IpPool, WindowsNodeFacts } from '../model/facts.js';
import type { EvaluatedReport, FactSource, Finding, FindingFilter, Report, ReportInput, ReportTool, Severity, Subject } from '../model/report.js';
import type { Waiver } from '../model/waiver.js';
import { parseVersion } from '../model/version.js';
import { applicabilityOf, decide } from './decide.js';
import { clusterEvidenceOf, compile, itemEvidenceOf } from './evidence.js';
import { findingBase, toFinding } from './findings.js';
import type { CheckContext, ReleaseProfile, RuleContext } from './rule.js';
import { profileLabel, selectProfile, selectRules, type SelectedRelease } from './select.js';
import { CompatError } from '../model/errors.js';
import { noSubjectOutcome, subjectsOf } from './subjects.js';
import { reportHeader, summarize, Tally, type ReportOrigin } from './summary.js';
import { decideNodes, hasMarker, missingFacts, nodeFinding, type Decision, type NodeBatch } from './nodes.js';
import { applyWaivers } from './waivers.js';
import { registerLazy } from './lazy.js';

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
   * (`'v3.27.2'`), `'3.27/manual'`, or `'auto'`, the line of `calico.version` (the oldest or newest
   * profile for a version outside them all, the default profile when it is absent, with `fallback` and a
   * note in `report.profile`). Default: the seed's profile, Calico v3.23
   * (manifest install), so results never change silently. See {@link selectRelease}.
   */
  readonly release?: string | ReleaseProfile;
  /** The profiles a `release` string is resolved against: `CALICO_RELEASES` from `calico-windows-compat/releases`; default: the seed's profile alone. */
  readonly profiles?: readonly ReleaseProfile[];
  /**
   * What the facts came from, recorded as the report's `inputs` so a stored report says what it judged:
   * `[{ kind: 'facts', name: 'clusters/prod.yaml' }]`. Default: none.
   */
  readonly inputs?: readonly ReportInput[];
}

/** What the engine is handed besides the facts: the catalog's default profile and every rule id it knows. */
export interface EngineDefaults {
  /** The profile used when no `release` is given, or `auto` finds no version. */
  readonly profile: ReleaseProfile;
  /** Every rule id of the catalog, in catalog order: what `skipRules` may name. */
  readonly ruleIds: readonly string[];
  /** The tool reports name as their writer. */
  readonly tool: ReportTool;
}

const CLUSTER: Subject = Object.freeze({ kind: 'cluster' });

const isStringList = (value: unknown): boolean => Array.isArray(value) && value.every((v) => typeof v === 'string');

const isInput = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as ReportInput).kind === 'string' && typeof (value as ReportInput).name === 'string';

/** Options of the wrong shape are misuse: a {@link CompatError}, never a `TypeError` from deeper down. */
function checkOptions(options: EvaluateOptions): void {
  const given = options as Record<string, unknown> | null;
  if (given === null || typeof given !== 'object')
    throw new CompatError('invalid-options', 'Invalid options:', [{ path: '(root)', code: 'invalid-type', message: 'expected an object of options' }]);
  const problems: { path: string; message: string }[] = [];
  const { rules, skipRules, sources, waivers, now, release, profiles, inputs } = given;
  if (rules !== undefined && !isStringList(rules)) problems.push({ path: 'rules', message: 'expected a list of rule ids' });
  if (skipRules !== undefined && !isStringList(skipRules)) problems.push({ path: 'skipRules', message: 'expected a list of rule ids' });
  if (sources !== undefined && (sources === null || typeof sources !== 'object')) problems.push({ path: 'sources', message: 'expected an object of fact sources' });
  if (waivers !== undefined && !Array.isArray(waivers)) problems.push({ path: 'waivers', message: 'expected a list of waivers (see parseWaivers)' });
  if (now !== undefined && !(now instanceof Date)) problems.push({ path: 'now', message: 'expected a Date' });
  if (release !== undefined && typeof release !== 'string' && !(typeof release === 'object' && release !== null && Array.isArray((release as { rules?: unknown }).rules)))
    problems.push({ path: 'release', message: "expected a release ('3.27', 'auto') or a release profile" });
  if (profiles !== undefined && !Array.isArray(profiles)) problems.push({ path: 'profiles', message: 'expected a list of release profiles' });
  if (inputs !== undefined && !(Array.isArray(inputs) && inputs.every(isInput))) problems.push({ path: 'inputs', message: "expected a list of inputs ({ kind: 'facts', name: 'cluster.yaml' })" });
  if (problems.length > 0)
    throw new CompatError('invalid-options', 'Invalid options:', problems.map((p) => ({ ...p, code: 'invalid-type' })));
}

/**
 * Reports with up to this many findings are built at once; larger ones build `findings` on first read.
 * Building later costs a little more per finding, and small reports are usually read whole.
 */
export const EAGER_FINDINGS = 2_000;

/** What the evaluation produced, in report order: findings made at once, and node rules' decisions. */
type Part = Finding | NodeBatch;

/**
 * Evaluates facts against the rules of the selected release, with the catalog's defaults handed in.
 * The public face is `evaluateCompatibility`, which binds the default catalog.
 */
export function evaluate(facts: ClusterFacts, options: EvaluateOptions, defaults: EngineDefaults): EvaluatedReport {
  checkOptions(options);
  const selected = selectProfile(options.release, facts, options.profiles ?? [defaults.profile], defaults.profile);
  const profile = selected.profile;
  const rules = selectRules(options, profile, defaults.ruleIds);
  // Nothing evaluated proves nothing: a run that skips every rule is misuse, not "compatible".
  if (rules.length === 0)
    throw new CompatError('invalid-options', 'Invalid options:', [
      { path: options.rules === undefined ? 'skipRules' : 'rules', code: 'no-rules', message: `leave no rule of the ${profileLabel(profile)} profile to evaluate` },
    ]);
  const kubernetesVersion = facts.kubernetes?.version === undefined ? undefined : parseVersion(facts.kubernetes.version);
  const ctx: RuleContext = { profile, kubernetesVersion };
  // Findings may be built after this call returns: from the sources as they are now.
  const sources = options.sources === undefined ? undefined : { ...options.sources };
  const { nodes, pools } = subjectsOf(facts);
  const markedNames = __FAST_PATHS__ && nodes.names.some(hasMarker);

  const parts: Part[] = [];
  // The fast paths count while deciding; the browser build counts the findings it made.
  const tally = __FAST_PATHS__ ? new Tally() : undefined;
  for (const rule of rules) {
    const base = findingBase(rule, profile);
    const compiled = compile(rule);
    const clusterEvidence = clusterEvidenceOf(compiled, facts, sources);
    const applicability = applicabilityOf(rule, facts, ctx);
    const checkCtx: CheckContext<unknown> = { ...ctx, given: 'given' in applicability ? applicability.given : undefined };
    const add = (finding: Finding): void => {
      parts.push(finding);
      if (__FAST_PATHS__) tally?.addFinding(finding);
    };

    if (rule.scope === 'cluster') {
      add(toFinding(base, CLUSTER, decide(rule, facts, undefined, applicability, checkCtx), clusterEvidence, undefined));
      continue;
    }
    const noSubjects = noSubjectOutcome(rule, applicability, facts);
    if (noSubjects) {
      add(toFinding(base, CLUSTER, noSubjects, clusterEvidence, undefined));
      continue;
    }
    if (__FAST_PATHS__ && tally && rule.scope === 'windows-node') {
      const decided = decideNodes(rule, facts, nodes, compiled.item, applicability, checkCtx, markedNames);
      const batch: NodeBatch = { base, clusterEvidence, keys: compiled.item, nodes, ...decided, sources };
      parts.push(batch);
      tallyBatch(tally, batch);
      continue;
    }
    // Pools; and in the browser build, nodes too: each decided on its own, its finding made at once.
    // Stryker disable next-line ArrowFunction,ObjectLiteral: node rules reach this line only in the browser build's (__FAST_PATHS__ false): vitest and Stryker run the Node build's constants; the browser suite (test/browser) runs this in Chromium against Node's answers
    const items = rule.scope === 'ip-pool' ? pools : Array.from({ length: nodes.length }, (_, i) => nodes.item(i));
    for (const on of items)
      add(toFinding(base, on.subject, decide(rule, facts, on.value as WindowsNodeFacts & IpPool, applicability, checkCtx), itemEvidenceOf(compiled, on, clusterEvidence, sources), on));
  }

  // Copies: the report owns its inputs, whatever the caller does with the list later.
  const about = { tool: defaults.tool, inputs: (options.inputs ?? []).map(({ kind, name }) => ({ kind, name })) };
  if (__FAST_PATHS__ && tally) return reportOf(parts, tally, selected, about, options, defaults);
  // The browser build: every part is a finding, no node rule was batched.
  // Stryker disable all: the browser build's (__FAST_PATHS__ false): vitest and Stryker run the Node build's constants; the browser suite (test/browser) runs this in Chromium against Node's answers
  const findings = parts as Finding[];
  if (options.waivers === undefined) return selectable(summarize(findings, selected, about));
  const waived = applyWaivers(findings, options.waivers, options.now, defaults.ruleIds);
  return selectable(summarize(waived.findings, selected, about, waived.waivers));
  // Stryker restore all
}

/** The report of the parts: findings built at once for small reports, when first read for large ones. */
function reportOf(parts: readonly Part[], tally: Tally, selected: SelectedRelease, about: ReportOrigin, options: EvaluateOptions, defaults: EngineDefaults): EvaluatedReport {
  if (options.waivers !== undefined) {
    const waived = applyWaivers(findingsOf(parts), options.waivers, options.now, defaults.ruleIds);
    return withSelect(summarize(waived.findings, selected, about, waived.waivers), parts);
  }
  const summary = { ...reportHeader(about), ...tally.summary(selected) };
  if (tally.total <= EAGER_FINDINGS) return withSelect({ ...summary, findings: findingsOf(parts) }, parts);
  let findings: Finding[] | undefined;
  const report: Report = {
    ...summary,
    // Built on first read (and kept); a plain data property once set.
    get findings(): Finding[] {
      return (findings ??= findingsOf(parts));
    },
    set findings(value: Finding[]) {
      findings = value;
    },
  };
  registerLazy(report, () => eachOf(parts), () => findings !== undefined);
  return withSelect(report, parts, () => findings);
}

/** Counts a node rule's decisions, and names the missing facts of its unknown errors per node. */
function tallyBatch(tally: Tally, batch: NodeBatch): void {
  const { severity } = batch.base.rule;
  let open = false;
  batch.decisions.forEach((decision, index) => {
    tally.add(decision.status, severity, batch.counts[index] as number);
    if (decision.status === 'unknown' && severity === 'error' && (decision.missing?.length ?? 0) > 0) open = true;
  });
  if (!open) return;
  for (let i = 0; i < batch.decided.length; i++) {
    const decision = batch.decisions[batch.decided[i] as number] as Decision;
    if (decision.status === 'unknown') tally.addMissing(severity, missingFacts(decision, batch.nodes.names[i] as string));
  }
}

/** Every finding of the parts, in report order. */
function findingsOf(parts: readonly Part[]): Finding[] {
  const out: Finding[] = [];
  for (const part of parts) {
    if (!('decided' in part)) out.push(part);
    else for (let i = 0; i < part.decided.length; i++) out.push(nodeFinding(part, i));
  }
  return out;
}

/** The findings of the parts, made one at a time. */
function* eachOf(parts: readonly Part[]): Generator<Finding> {
  for (const part of parts) {
    if (!('decided' in part)) yield part;
    else for (let i = 0; i < part.decided.length; i++) yield nodeFinding(part, i);
  }
}

/** A report whose findings are all built, with `select` (which then filters them). */
export function selectable(report: Report): EvaluatedReport {
  if (__FAST_PATHS__) return withSelect(report, []);
  // Stryker disable all: the browser build's (__FAST_PATHS__ false): vitest and Stryker run the Node build's constants; the browser suite (test/browser) runs this in Chromium against Node's answers
  const select = (filter: FindingFilter = {}): Finding[] => report.findings.filter(matcher(filter));
  Object.defineProperty(report, 'select', { value: select, enumerable: false, writable: true, configurable: true });
  return report as EvaluatedReport;
  // Stryker restore all
}

/** Whether a finding matches the filter. */
function matcher(filter: FindingFilter): (f: Pick<Finding, 'status' | 'severity' | 'ruleId'>) => boolean {
  const statuses = asList(filter.status);
  const severities = asList(filter.severity);
  const ruleIds = asList(filter.ruleId);
  return (f) =>
    (statuses === undefined || statuses.includes(f.status)) &&
    (severities === undefined || severities.includes(f.severity)) &&
    (ruleIds === undefined || ruleIds.includes(f.ruleId));
}

const asList = <T>(value: T | readonly T[] | undefined): readonly T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? (value as readonly T[]) : [value as T];

/**
 * Gives the report `select`, not enumerable. Until `findings` is built (`built()` says), `select` builds
 * only the findings it returns; after, it filters them.
 */
function withSelect(report: Report, parts: readonly Part[], built: () => Finding[] | undefined = () => report.findings): EvaluatedReport {
  const select = (filter: FindingFilter = {}): Finding[] => {
    const statuses = asList(filter.status);
    const matches = matcher(filter);
    // A rule's findings share its id and severity: the filter without its statuses says whether any can match.
    const { status: _status, ...byRule } = filter;
    const ruleMatcher = matcher(byRule);
    const ruleMatches = (ruleId: string, severity: Severity): boolean => ruleMatcher({ ruleId, severity, status: 'pass' });
    const findings = built();
    if (findings !== undefined) return findings.filter(matches);
    const out: Finding[] = [];
    for (const part of parts) {
      if (!('decided' in part)) {
        if (matches(part)) out.push(part);
        continue;
      }
      const { rule } = part.base;
      if (!ruleMatches(rule.id, rule.severity)) continue;
      // Which of the rule's decisions match: a whole rule's nodes are skipped when none does.
      const wanted = part.decisions.map((d) => statuses === undefined || statuses.includes(d.status));
      if (!wanted.includes(true)) continue;
      for (let i = 0; i < part.decided.length; i++) if (wanted[part.decided[i] as number] === true) out.push(nodeFinding(part, i));
    }
    return out;
  };
  Object.defineProperty(report, 'select', { value: select, enumerable: false, writable: true, configurable: true });
  return report as EvaluatedReport;
}
