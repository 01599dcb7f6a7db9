/**
 * Release selection that the facts leave open. `release: 'auto'` without `calico.version`, or a release
 * line that documents two install methods without `calico.installMethod`, picks a profile the facts do not
 * decide; a finding that would come out otherwise under another profile they could select is then not
 * decided: it is `unknown`, naming the fact that selects the profile. So a decided finding never changes
 * when that fact arrives, whatever the `release` option.
 * @module
 */
import type { ClusterFacts } from '../model/facts.js';
import type { EvaluatedReport, Finding, FindingStatus } from '../model/report.js';
import { subjectKey } from '../model/naming.js';
import type { RuleFactPath } from './fact-paths.js';
import { evaluate, selectable, type EngineDefaults, type EvaluateOptions } from './evaluate.js';
import type { ReleaseProfile } from './rule.js';
import { firstVersion, profileLabel, selectProfile, type SelectedRelease } from './select.js';
import { summarize } from './summary.js';
import { applyWaivers } from './waivers.js';

/** The profiles, besides the selected one, that the facts left unknown could select; and those facts. */
export interface OpenSelection {
  readonly facts: readonly RuleFactPath[];
  readonly others: readonly ReleaseProfile[];
}

/** What the facts leave open in choosing the profile for a `release` string. */
export function openSelection(release: string, facts: ClusterFacts, profiles: readonly ReleaseProfile[], selected: ReleaseProfile): OpenSelection {
  const text = release.trim();
  const versionOpen = text === 'auto' && facts.calico?.version === undefined;
  // The method is settled by a suffix (`3.27/operator`), by calico.operatorManaged: false (no operator, no
  // operator install: it overrides calico.installMethod), by installMethod: manifest, or by installMethod:
  // operator on an operator-managed cluster. Else a fact that may still arrive could change it.
  const { installMethod, operatorManaged } = facts.calico ?? {};
  const methodSettled =
    text.includes('/') || operatorManaged === false || installMethod === 'manifest' || (installMethod === 'operator' && operatorManaged === true);
  const methodOpen = !methodSettled;
  const methodFact: RuleFactPath = installMethod === undefined ? 'calico.installMethod' : 'calico.operatorManaged';
  const open: RuleFactPath[] = [];
  if (versionOpen) open.push('calico.version');
  const others = new Set<ReleaseProfile>();
  const sameRange = (a: ReleaseProfile, b: ReleaseProfile): boolean => a.release === b.release && a.patches === b.patches;
  // Without the version, any release the profiles cover, each chosen as the facts would choose it then.
  const chosen = versionOpen
    ? profiles.map((p) => selectProfile(`v${firstVersion(p)}`, facts, profiles, selected).profile)
    : [selected];
  for (const profile of chosen) {
    // Stryker disable next-line ConditionalExpression: the selected profile as its own alternative decides every finding alike; this spares evaluating it
    if (profile !== selected) others.add(profile);
    // Without the method, the other method's profile of the same release too.
    // Stryker disable next-line ConditionalExpression: as above
    if (methodOpen) for (const p of profiles) if (p !== selected && sameRange(p, profile)) others.add(p);
  }
  if (methodOpen && [...others].some((p) => p.installMethod !== selected.installMethod)) open.push(methodFact);
  return { facts: open, others: [...others] };
}

const DECIDED: ReadonlySet<FindingStatus> = new Set(['pass', 'fail', 'not-applicable']);

/**
 * `evaluate`, with findings that a fact selecting the profile could still change made `unknown`. Used
 * by `evaluateCompatibility` for every `release` string.
 */
export function evaluateAcross(facts: ClusterFacts, options: EvaluateOptions, defaults: EngineDefaults): EvaluatedReport {
  // Options of the wrong shape are the engine's to refuse.
  const release = (options as EvaluateOptions | null)?.release;
  if (typeof release !== 'string') return evaluate(facts, options, defaults);
  const profiles = options.profiles ?? [defaults.profile];
  const selected: SelectedRelease = selectProfile(release, facts, profiles, defaults.profile);
  const open = openSelection(release, facts, profiles, selected.profile);
  // Stryker disable next-line ConditionalExpression: with no alternative, the path below gives the same report; this spares it
  if (open.others.length === 0) return evaluate(facts, options, defaults);

  const { waivers, now, ...rest } = options;
  const base = evaluate(facts, { ...rest, release: selected.profile }, defaults);
  const alternatives = open.others.map((profile) => ({ profile, statuses: statusesUnder(profile, facts, rest, defaults) }));
  const findings = base.findings.map((finding) => {
    if (!DECIDED.has(finding.status)) return finding;
    const key = `${finding.ruleId}|${subjectKey(finding.subject)}`;
    const [first, ...more] = alternatives.filter((a) => a.statuses.get(key) !== finding.status);
    return first === undefined ? finding : undecided(finding, selected.profile, first, more.length, open.facts, key);
  });
  const origin = { tool: base.tool, inputs: base.inputs };
  if (waivers === undefined) return selectable(summarize(findings, selected, origin));
  const waived = applyWaivers(findings, waivers, now, defaults.ruleIds);
  return selectable(summarize(waived.findings, selected, origin, waived.waivers));
}

/** Each finding's status under another profile, by rule and subject; none where the rule is not in it. */
function statusesUnder(profile: ReleaseProfile, facts: ClusterFacts, options: EvaluateOptions, defaults: EngineDefaults): Map<string, FindingStatus> {
  // The rules the options select that this profile has (`rules` may name rules it lacks); statuses are
  // looked up for the selected profile's findings only, so this spares evaluating the others.
  // Stryker disable next-line MethodExpression,ConditionalExpression,LogicalOperator: as said above
  const left = profile.rules.filter((r) => (options.rules === undefined || options.rules.includes(r.id)) && !options.skipRules?.includes(r.id));
  if (left.length === 0) return new Map();
  const { skipRules: _skipped, ...rest } = options;
  const report = evaluate(facts, { ...rest, release: profile, rules: left.map((r) => r.id) }, defaults);
  return new Map(report.findings.map((f) => [`${f.ruleId}|${subjectKey(f.subject)}`, f.status]));
}

/** The finding made unknown: decided under the selected profile, otherwise under `first` and `more` others. */
function undecided(
  finding: Finding,
  selected: ReleaseProfile,
  first: { readonly profile: ReleaseProfile; readonly statuses: ReadonlyMap<string, FindingStatus> },
  more: number,
  open: readonly string[],
  key: string,
): Finding {
  const elsewhere = `${first.statuses.get(key) ?? 'not a rule'} under ${profileLabel(first.profile)}${more > 0 ? ` and ${more} more` : ''}`;
  const { remediation: _remediation, ...rest } = finding;
  return {
    ...rest,
    status: 'unknown',
    message: `Cannot decide until ${open.join(' and ')} ${open.length === 1 ? 'is' : 'are'} known: ${finding.status} under ${profileLabel(selected)}, ${elsewhere}.`,
    missingFacts: [...open],
  };
}
