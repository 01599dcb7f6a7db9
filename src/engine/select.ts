/**
 * Which release profile facts are evaluated against: a release line (`3.27`), a version (`v3.27.2`),
 * `auto` (the line of `calico.version`), or a profile given as an object. Small and pure, so the core
 * resolves a release string against whatever profiles it is given.
 * @module
 */
import { CompatError } from '../model/errors.js';
import type { ClusterFacts } from '../model/facts.js';
import { IssueList } from '../model/errors.js';
import { compareVersions, parseVersion } from '../model/version.js';
import { closest, shorten } from '../model/words.js';
import type { ReleaseProfile, Rule } from './rule.js';

/** The profile chosen for an evaluation, what was asked for, and why when the choice was not plain. */
export interface SelectedRelease {
  readonly profile: ReleaseProfile;
  /** The `release` option as given, when it was a string. */
  readonly requested?: string;
  /** Why this profile, when it was a fallback or a default. */
  readonly note?: string;
}

// `3.27`, `v3.27.2`, `3.27/operator`.
const RELEASE = /^v?(\d{1,4})\.(\d{1,4})(?:\.(\d{1,6}))?(?:\/(manifest|operator))?$/;

/** The patch releases a profile covers when not its whole line: `3.19.0–3.19.1`, `3.22.1+`, `3.22.0`. */
export function patchRange({ patches }: ReleaseProfile): string | undefined {
  if (patches === undefined) return undefined;
  const { first, last } = patches;
  return last === undefined ? `${first}+` : last === first ? first : `${first}–${last}`;
}

/** A profile's name for messages: `Calico v3.19.0–3.19.1 (manifest)`, `Calico v3.30 (operator)`. */
export function profileLabel(profile: ReleaseProfile): string {
  return `Calico v${patchRange(profile) ?? profile.release} (${profile.installMethod})`;
}

/**
 * The profile to evaluate against. `undefined` is `fallback`, the default profile; a profile
 * object is used as it is. A string is resolved against `profiles`:
 * - a line (`'3.27'`): the line's profile as its docs are published now;
 * - a version (`'v3.19.1'`): the profile covering that patch release, where the page changed within a
 *   line;
 * - `'auto'`: the version in `calico.version`; when that is absent, `fallback`, with a note
 *   saying so (nothing is guessed from other facts);
 * - where a release documents two install methods, a `/manifest` or `/operator` suffix picks one, else
 *   `calico.installMethod` (or `calico.operatorManaged: false`, which rules the operator out), else the
 *   release's first profile, its recommended install, with a note.
 *
 * @throws {@link CompatError} `invalid-options` for a string that is not a release, or that no profile
 * covers, listing the known release lines.
 */
export function selectProfile(
  release: string | ReleaseProfile | undefined,
  facts: ClusterFacts,
  profiles: readonly ReleaseProfile[],
  fallback: ReleaseProfile,
): SelectedRelease {
  if (typeof release !== 'string') return { profile: release ?? fallback };
  let text = release.trim();
  if (text === 'auto') {
    const version = parseVersion(facts.calico?.version ?? '');
    if (version === undefined)
      return { profile: fallback, requested: release, note: `release auto: calico.version is not known, so the default profile, ${profileLabel(fallback)}, was used` };
    text = version.text;
  }
  const [, major, minor, patch, method] = RELEASE.exec(text) ?? [];
  const line = `${Number(major)}.${Number(minor)}`;
  const version = patch === undefined ? undefined : `${line}.${Number(patch)}`;
  const candidates = profiles.filter((p) => p.release === line && (version === undefined ? p.patches?.last === undefined : covers(p, version)));
  const wanted = method ?? facts.calico?.installMethod ?? (facts.calico?.operatorManaged === false ? 'manifest' : undefined);
  const profile = candidates.find((p) => p.installMethod === wanted) ?? (method === undefined ? candidates[0] : undefined);
  if (major === undefined || profile === undefined) {
    const known = [...new Set(profiles.map((p) => p.release))].join(', ');
    throw new CompatError('invalid-options', 'Invalid options:', [
      { path: 'release', code: 'unknown-release', message: `'${release}' is not a documented release${method ? ` with the ${method} install` : ''}; known releases: ${known}` },
    ]);
  }
  const plain = profile.installMethod === wanted || (wanted === undefined && candidates.length === 1);
  return plain
    ? { profile, requested: release }
    : {
        profile,
        requested: release,
        note: `${wanted === undefined ? 'calico.installMethod is not known' : `Calico v${line} documents no ${wanted} install now`}: the ${profile.installMethod} profile was used`,
      };
}

function covers({ patches }: ReleaseProfile, version: string): boolean {
  return patches === undefined || (compareVersions(version, patches.first) >= 0 && (patches.last === undefined || compareVersions(version, patches.last) <= 0));
}

/** Which rules of a profile to run: `rules` must name rules of the profile; `skipRules` may name any rule id. */
export interface RuleSelection {
  readonly rules?: readonly string[] | undefined;
  readonly skipRules?: readonly string[] | undefined;
}

/**
 * The profile's rules the options select, in catalog order. `knownIds` is every rule id of the catalog,
 * so that `skipRules` may name a rule another release has.
 *
 * @throws {@link CompatError} `invalid-options` naming every unknown id, with the nearest one suggested.
 */
export function selectRules(options: RuleSelection, profile: ReleaseProfile, knownIds: readonly string[]): readonly Rule[] {
  const inProfile = profile.rules.map((r) => r.id);
  const ids = [...new Set([...inProfile, ...knownIds])];
  const issues = new IssueList();
  const all = new Set(ids);
  const check = (list: readonly string[] | undefined, key: string, known: readonly string[]): Set<string> | undefined => {
    if (list === undefined) return undefined;
    const knownSet = new Set(known);
    list.forEach((id, index) => {
      if (knownSet.has(id)) return;
      if (issues.full) return issues.count();
      const suggestion = closest(id, known);
      issues.add({
        path: `${key}[${index}]`,
        code: 'unknown-rule',
        message: all.has(id)
          ? `'${id}' is not a rule of the ${profileLabel(profile)} profile`
          : `'${shorten(id)}' is not a rule id${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`,
      });
    });
    return new Set(list);
  };
  const only = check(options.rules, 'rules', inProfile);
  const skip = check(options.skipRules, 'skipRules', ids);
  if (issues.size > 0) throw new CompatError('invalid-options', 'Invalid options:', issues.issues());
  return profile.rules.filter((rule) => (only === undefined || only.has(rule.id)) && !skip?.has(rule.id));
}
