/**
 * The default bindings: the engine's functions with the default catalog handed in — the seed's profile
 * (Calico v3.23) and every rule id. The engine itself knows how rules run, never which rules there are.
 * @module
 */
import type { ClusterFacts } from './model/facts.js';
import type { EvaluatedReport, Finding, WaiverResult } from './model/report.js';
import type { Waiver } from './model/waiver.js';
import type { EngineDefaults, EvaluateOptions } from './engine/evaluate.js';
import { evaluateAcross } from './engine/candidates.js';
import type { ReleaseProfile } from './engine/rule.js';
import { selectProfile, type SelectedRelease } from './engine/select.js';
import { applyWaivers as applyWaiversWith, parseWaivers as parseWaiversWith, type ParseWaiversResult } from './engine/waivers.js';
import { DEFAULT_PROFILE } from './catalog/default.js';
import { RULE_IDS } from './catalog/ids.js';
import { TOOL } from './model/tool.js';

const DEFAULTS: EngineDefaults = { profile: DEFAULT_PROFILE, ruleIds: RULE_IDS, tool: TOOL };

/**
 * Evaluates facts against every rule of the catalog and returns the report: one finding per rule and
 * subject (each Windows node for node rules, each enabled IP pool for pool rules), in catalog order,
 * then subject name.
 *
 * A decided finding never changes when more facts arrive, whatever the `release` option: where the
 * facts leave the profile open (`'auto'` without `calico.version`, a release with two install methods
 * without `calico.installMethod`), a finding another profile they could select would decide otherwise is
 * `unknown`, naming the fact that selects it.
 *
 * Pure: no I/O, no clock, no environment; the same facts give the same report. A failing requirement
 * is a finding, never an exception. It throws a {@link CompatError} (`invalid-options`) only for misuse,
 * such as an unknown rule id. Facts from untrusted input should go through {@link parseFacts} first.
 *
 * @example
 * const report = evaluateCompatibility({ platform: 'eks', networking: 'eks-vpc-cni' });
 * report.verdict; // 'indeterminate' until the rest is known
 * report.findings.filter((f) => f.status === 'fail');
 * report.select({ status: 'fail' }); // the same, without building the other findings of a large report
 */
export function evaluateCompatibility(facts: ClusterFacts, options: EvaluateOptions = {}): EvaluatedReport {
  return evaluateAcross(facts, options, DEFAULTS);
}

/**
 * The profile to evaluate against. `undefined` is the default profile (the seed's, v3.23); a profile
 * object is used as it is. A string is resolved against `profiles`:
 * - a line (`'3.27'`): the line's profile as its docs are published now;
 * - a version (`'v3.19.1'`): the profile covering that patch release, where the page changed within a
 *   line;
 * - `'auto'`: the version in `calico.version`; when that is absent, the default profile, with a note
 *   saying so (nothing is guessed from other facts). It never fails for the cluster's version: older than
 *   every profile, the oldest is used, newer than every profile, the newest (`fallback` and `note` say so);
 * - where a release documents two install methods, a suffix picks one (`/manual`, `/manifest`, `/zip`;
 *   `/operator`, `/hostprocess`), else `calico.installMethod` (or `calico.operatorManaged: false`, which
 *   rules the operator out), else the release's first profile, its recommended install, with a note.
 *
 * @throws {@link CompatError} `invalid-options` for a string that is not a release, a release no profile
 * covers (listing the known release lines), or an install method it does not document.
 * @example
 * selectRelease('auto', { calico: { version: 'v3.23.4' } }).profile.release; // '3.23'
 */
export function selectRelease(
  release: string | ReleaseProfile | undefined,
  facts: ClusterFacts,
  profiles: readonly ReleaseProfile[] = [DEFAULT_PROFILE],
): SelectedRelease {
  return selectProfile(release, facts, profiles, DEFAULT_PROFILE);
}

/**
 * Validates untrusted input (a parsed YAML or JSON document) as a list of waivers: either the list
 * itself or an object `{ waivers: [...] }`. Every entry needs `rule` (an id of the catalog) and
 * `reason`; unknown keys are errors with the nearest known key suggested.
 *
 * Never throws: problems come back as a {@link CompatError} (`invalid-input`) listing every one with
 * its path.
 *
 * @example
 * const result = parseWaivers([{ rule: 'windows-tls12', subject: 'node/win-1', reason: 'checked by hand', expires: '2025-06-30' }]);
 * if (result.success) evaluateCompatibility(facts, { waivers: result.data, now: new Date() });
 */
export function parseWaivers(input: unknown): ParseWaiversResult {
  return parseWaiversWith(input, RULE_IDS);
}

/**
 * Applies waivers to findings. A waiver covers the `fail` and `unknown` findings of its rule (and
 * subject); each covered finding gains `waived` and keeps its status. A waiver whose `expires` day is
 * before `now` (compared as UTC dates) covers nothing and is reported `expired`; one that covers no
 * finding is reported `stale`. When several waivers cover a finding, the first one given wins.
 *
 * Used by {@link evaluateCompatibility} (option `waivers`), which is where most callers want it.
 *
 * @throws {@link CompatError} `invalid-options` for invalid waivers, or when a waiver has `expires`
 * and `now` is not given.
 */
export function applyWaivers(findings: readonly Finding[], waivers: readonly Waiver[], now?: Date): { findings: Finding[]; waivers: WaiverResult[] } {
  return applyWaiversWith(findings, waivers, now, RULE_IDS);
}
