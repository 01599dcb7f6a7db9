/**
 * The planner: which networking option would work for a cluster, and what each would take, under one
 * release or several. It runs the engine with the default catalog handed in, as `api.ts` does, on the
 * facts as they would be under each option; everything it says comes from those reports.
 * @module
 */
import type { ClusterFacts, KnownNetworking, KnownPlatform } from '../model/facts.js';
import { CompatError, capIssues, type InputIssue } from '../model/errors.js';
import type { FactSource, Report } from '../model/report.js';
import { TOOL } from '../model/tool.js';
import type { EngineDefaults, EvaluateOptions } from '../engine/evaluate.js';
import { evaluateAcross } from '../engine/candidates.js';
import type { ReleaseProfile } from '../engine/rule.js';
import { profileLabel, selectProfile } from '../engine/select.js';
import { DEFAULT_PROFILE } from '../catalog/default.js';
import { RULE_IDS, type RuleId } from '../catalog/ids.js';
import { NETWORKING, PLATFORMS, isKnownPlatform } from '../catalog/tables/platforms.js';
import { adopt } from './adopt.js';
import { deriveOption, openFacts, type UnrankedOption } from './derive.js';
import { rankOptions, summarizeOptions } from './rank.js';
import type { NetworkingPlan, OptionPlan, PlanOptions, ReleasePlan } from './types.js';

const DEFAULTS: EngineDefaults = { profile: DEFAULT_PROFILE, ruleIds: RULE_IDS, tool: TOOL };

/** The rule that says whether the platform is supported: its finding stands for a plan with no option. */
const PLATFORM_RULE: RuleId = 'platform-supported';

type Release = string | ReleaseProfile | undefined;

const isProfile = (value: unknown): value is ReleaseProfile => Array.isArray((value as { rules?: unknown } | null | undefined)?.rules);

/** The releases asked for, checked: one, several (at least one), or the default. */
function releasesOf(options: PlanOptions): Release[] {
  const given = options as unknown;
  if (given === null || typeof given !== 'object')
    throw new CompatError('invalid-options', 'Invalid options:', [{ path: '(root)', code: 'invalid-type', message: 'expected an object of options' }]);
  const issues: InputIssue[] = [];
  // The engine checks the rest of its options; these are read here first.
  if (options.profiles !== undefined && !Array.isArray(options.profiles))
    issues.push({ path: 'profiles', code: 'invalid-type', message: 'expected a list of release profiles' });
  if (options.sources !== undefined && (options.sources === null || typeof options.sources !== 'object'))
    issues.push({ path: 'sources', code: 'invalid-type', message: 'expected an object of fact sources' });
  const release = options.release;
  if (!Array.isArray(release)) {
    if (issues.length > 0) throw new CompatError('invalid-options', 'Invalid options:', issues);
    return [release as Release];
  }
  if (release.length === 0) issues.push({ path: 'release', code: 'too-small', message: 'give at least one release' });
  release.forEach((r: unknown, i) => {
    if (typeof r !== 'string' && !isProfile(r))
      issues.push({ path: `release[${i}]`, code: 'invalid-type', message: "expected a release ('3.28', 'auto') or a release profile" });
  });
  if (issues.length > 0) throw new CompatError('invalid-options', 'Invalid options:', capIssues(issues));
  return release as Release[];
}

/** The evaluation options for one release, with the sources of the facts an option changed left out. */
function evaluateOptions(release: Release, options: PlanOptions, changed: readonly string[]): EvaluateOptions {
  const sources = options.sources;
  const left = new Set(changed);
  const kept: Record<string, FactSource> | undefined =
    sources === undefined ? undefined : Object.fromEntries(Object.entries(sources).filter(([fact]) => !left.has(fact)));
  return {
    // Stryker disable next-line ConditionalExpression: the engine reads an option that is undefined as one that is absent
    ...(release === undefined ? {} : { release }),
    // Stryker disable next-line ConditionalExpression: as above
    ...(options.profiles === undefined ? {} : { profiles: options.profiles }),
    // Stryker disable next-line ConditionalExpression: as above
    ...(kept === undefined ? {} : { sources: kept }),
  };
}

/** The plan of one networking option under the release. */
function planOption(facts: ClusterFacts, option: KnownNetworking, asIs: Report, run: (facts: ClusterFacts, changed: readonly string[]) => Report): UnrankedOption {
  const identity = { networking: option, displayName: NETWORKING[option].displayName, current: facts.networking === option };
  // The option in use changes nothing (`adopt`): its report is the facts' own, evaluated once.
  // Stryker disable next-line ConditionalExpression: a shortcut; evaluating the unchanged facts again gives the same report
  if (identity.current) return deriveOption(identity, asIs, { report: asIs, assumes: [] });
  // Only the findings of this report that fail are read (their messages and remediation), never their
  // evidence, so its sources need no care.
  // Stryker disable next-line ArrayDeclaration,StringLiteral: the switched report's evidence is not shown
  const switched = run({ ...facts, networking: option }, ['networking']);
  const adopted = adopt(facts, option);
  // When the option sets nothing but the networking, the two reports are one.
  // Stryker disable next-line ConditionalExpression: a shortcut; evaluating the same facts again gives the same report
  const report = adopted.assumes.length === 1 ? switched : run(adopted.facts, adopted.assumes.map((a) => a.fact));
  return deriveOption(identity, switched, { report, assumes: adopted.assumes });
}

/** The plan under one release (`profile`: the one `release` resolves to for these facts). */
function planRelease(facts: ClusterFacts, release: Release, profile: ReleaseProfile, options: PlanOptions): ReleasePlan {
  // As evaluateCompatibility evaluates: a finding that a fact selecting the profile could change is unknown.
  const run = (input: ClusterFacts, changed: readonly string[]): Report => evaluateAcross(input, evaluateOptions(release, options, changed), DEFAULTS);
  // Stryker disable next-line ArrayDeclaration: no fact is changed, and no source is named like the mutant's
  const asIs = run(facts, []);
  const label = profileLabel(profile);
  const platform = facts.platform;
  if (platform === undefined)
    return {
      profile: asIs.profile,
      status: 'open',
      note: `The platform is not known, so neither are its networking options under ${label}.`,
      options: [],
      blocking: [],
      open: openFacts(asIs.findings).filter((o) => o.fact === 'platform'),
    };
  // A platform the library does not know (or an Object.prototype word) has no options.
  const list = isKnownPlatform(platform) ? (profile.networkingByPlatform[platform] ?? []) : [];
  if (list.length === 0)
    return {
      profile: asIs.profile,
      status: 'blocked',
      note: `Platform '${platform}' is not supported by ${label}: it has no networking option for Windows.`,
      options: [],
      // Stryker disable next-line ConditionalExpression: the platform rule fails for a platform the release does not support
      blocking: asIs.findings.filter((f) => f.ruleId === PLATFORM_RULE && f.status === 'fail'),
      open: [],
    };

  const name = PLATFORMS[platform as KnownPlatform].displayName;
  const ranked = rankOptions(
    list.map((option) => planOption(facts, option, asIs, run)),
    name,
  );
  const offered = list.map((option) => `${option} (${NETWORKING[option].displayName})`).join(', ');
  const note = `${name} has ${list.length === 1 ? 'one networking option' : `${list.length} networking options`} for Windows under ${label}: ${offered}.`;
  // A platform with options has a best one.
  const best = ranked[0] as OptionPlan;
  return { profile: asIs.profile, status: best.status, note, options: ranked, blocking: [], open: [] };
}

/** A release plan's label in the summary: `v3.23 (manifest)`. */
const labelOf = (plan: ReleasePlan): string => `v${plan.profile.patches ?? plan.profile.release} (${plan.profile.installMethod})`;

/**
 * Which networking options would work for the cluster, and what each would take. For every option the
 * platform supports under the release (the release profile's platform × networking data), the facts
 * are evaluated as if that option were chosen — its own facts set (`networking`, `calico.bgpEnabled`,
 * the enabled pools' encapsulation, the Windows nodes' CNI plugin) — and each option says:
 * - `status`: `viable` (no `error` requirement fails or is unknown), `open` (none fails, facts are
 *   missing) or `blocked` (at least one fails);
 * - `changes`: what adopting it takes, from the rules' own findings and remediations: the option's own
 *   changes (`assumed`), then each blocker's fix;
 * - `blocking`, `open` (each unknown fact with how to find it), `warnings`, and each Windows node's
 *   readiness.
 *
 * Options come best first: viable, open, blocked; then fewest changes; each with the reason for its
 * place. The option the facts already use is judged as the facts are, so its status is always
 * `evaluateCompatibility`'s verdict. With several releases (`release: ['3.23', '3.28']`), each is planned
 * and `options` ranks each option by its worst status over them.
 *
 * Pure: no I/O, the same facts give the same plan; it never throws for valid facts.
 *
 * @throws `CompatError` (from `calico-windows-compat`), code `invalid-options`, for misuse: a release no profile covers, an empty list
 * of releases, options of the wrong shape.
 * @example
 * const plan = planNetworking(facts);
 * plan.best;                                  // 'calico-vxlan'
 * plan.releases[0]?.options.map((o) => `${o.networking}: ${o.status}`);
 *
 * import { CALICO_RELEASES } from 'calico-windows-compat/releases';
 * planNetworking(facts, { release: ['3.23', '3.28'], profiles: CALICO_RELEASES }).options[0]?.reason;
 */
export function planNetworking(facts: ClusterFacts, options: PlanOptions = {}): NetworkingPlan {
  const asked = releasesOf(options);
  const profiles = options.profiles ?? [DEFAULT_PROFILE];
  const chosen: Array<{ release: Release; profile: ReleaseProfile }> = [];
  for (const release of asked) {
    const { profile } = selectProfile(release, facts, profiles, DEFAULT_PROFILE);
    // Two names of one profile ('3.23', 'v3.23.1') plan it once.
    if (!chosen.some((c) => c.profile === profile)) chosen.push({ release, profile });
  }
  const releases = chosen.map(({ release, profile }) => planRelease(facts, release, profile, options));
  const summary = summarizeOptions(releases.map((plan) => ({ label: labelOf(plan), options: plan.options })));
  const best = summary[0];
  return {
    ...(facts.platform === undefined ? {} : { platform: facts.platform }),
    ...(facts.networking === undefined ? {} : { networking: facts.networking }),
    // No release offers an option: the platform is not known (open), or no release supports it (blocked).
    status: best?.status ?? (facts.platform === undefined ? 'open' : 'blocked'),
    ...(best === undefined ? {} : { best: best.networking }),
    options: summary,
    releases,
  };
}
