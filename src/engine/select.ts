/**
 * Which release profile facts are evaluated against: a release line (`3.27`), a version (`v3.27.2`),
 * `auto` (the line of `calico.version`), or a profile given as an object. Small and pure, so the core
 * resolves a release string against whatever profiles it is given.
 * @module
 */
import { CompatError, IssueList } from '../model/errors.js';
import type { ClusterFacts, InstallMethod } from '../model/facts.js';
import { INSTALL_METHODS } from '../model/release.js';
import { compareVersions, describeVersionRange, inRange, minorLine, parseVersion, rangeAlternatives } from '../model/version.js';
import { closest, shorten } from '../model/words.js';
import type { ReleaseProfile, Rule } from './rule.js';

/**
 * How `release: 'auto'` chose when the cluster's Calico version did not decide by itself:
 * - `oldest`: the version is older than every profile, so the oldest was used;
 * - `newest`: it is newer than every profile, so the newest was used;
 * - `previous`: no profile covers it (a gap in the profiles given), so the closest older one was used;
 * - `default`: `calico.version` is not known, so the default profile was used.
 */
export type ReleaseFallback = 'oldest' | 'newest' | 'previous' | 'default';

/** The profile chosen for an evaluation, what was asked for, and why when the choice was not plain. */
export interface SelectedRelease {
  readonly profile: ReleaseProfile;
  /** The `release` option as given, when it was a string. */
  readonly requested?: string;
  /** Why this profile, when it was a fallback or a default. */
  readonly note?: string;
  /** Set when `auto` fell back: which profile it took instead of the cluster's own release. */
  readonly fallback?: ReleaseFallback;
}

/**
 * The install-method suffixes a release string may carry, as users say them: `3.27/manual`,
 * `3.27/manifest` and `3.27/zip` name the manual (.zip) install; `3.27/operator` and
 * `3.27/hostprocess` the operator's HostProcess install.
 */
export const INSTALL_METHOD_SUFFIXES = {
  manual: 'manifest',
  manifest: 'manifest',
  zip: 'manifest',
  operator: 'operator',
  hostprocess: 'operator',
} as const satisfies Record<string, InstallMethod>;

// `3.27`, `v3.27.2`, `3.27/manual`.
const RELEASE = /^v?(\d{1,4})\.(\d{1,4})(?:\.(\d{1,6}))?(?:\/([^/]*))?$/;

/** The patch releases a profile covers when not its whole line: `3.19.0–3.19.1`, `3.22.1+`, `3.22.0`. */
export function patchRange({ patches }: ReleaseProfile): string | undefined {
  return patches === undefined ? undefined : describeVersionRange(patches);
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
 * - `'auto'`: the version in `calico.version`; when that is absent, `fallback`, with a note saying so
 *   (nothing is guessed from other facts). A version no profile covers never fails: older than every
 *   profile, the oldest is used; newer than every profile, the newest; in a gap between profiles, the
 *   closest older one — each with `fallback` and a note saying which and why;
 * - where a release documents two install methods, a suffix picks one (`/manual`, `/manifest` or `/zip`
 *   for the manual install, `/operator` or `/hostprocess` for the operator's), else
 *   `calico.installMethod` (or `calico.operatorManaged: false`, which rules the operator out), else the
 *   release's first profile, its recommended install, with a note.
 *
 * @throws {@link CompatError} `invalid-options` for a string that is not a release, a release no profile
 * covers (listing the known release lines), or an install method the release does not document (listing
 * the ones it does).
 */
export function selectProfile(
  release: string | ReleaseProfile | undefined,
  facts: ClusterFacts,
  profiles: readonly ReleaseProfile[],
  fallback: ReleaseProfile,
): SelectedRelease {
  if (typeof release !== 'string') return { profile: release ?? fallback };
  const text = release.trim();
  if (text === 'auto') return selectAuto(release, facts, profiles, fallback);
  // Stryker disable next-line ArrayDeclaration: with no match every group is undefined, whatever the fallback's first item
  const [, major, minor, patch, suffix] = RELEASE.exec(text) ?? [];
  if (major === undefined) throw unknownRelease(release, profiles);
  const line = `${Number(major)}.${Number(minor)}`;
  const version = patch === undefined ? undefined : `${line}.${Number(patch)}`;
  const method = suffix === undefined ? undefined : lookupSuffix(suffix.toLowerCase());
  const candidates = profiles.filter((p) => p.release === line && (version === undefined ? openEnded(p) : covers(p, version)));
  if (candidates.length === 0) throw unknownRelease(release, profiles);
  if (suffix !== undefined && method === undefined)
    throw invalidRelease(
      `'${shorten(release)}': '${shorten(suffix)}' is not an install method; ${line} takes ${methodsOf(candidates, `${version ?? line}/`)}`,
    );
  if (method !== undefined && !candidates.some((p) => p.installMethod === method))
    throw invalidRelease(
      `'${shorten(release)}': Calico v${line} documents no ${INSTALL_METHODS[method].name} install; it takes ${methodsOf(candidates, `${version ?? line}/`)}`,
    );
  return pickMethod(release, candidates, method, facts, line);
}

// The install method: the suffix's, else the facts', else the release's recommended one, with a note.
function pickMethod(
  release: string,
  candidates: readonly ReleaseProfile[],
  method: InstallMethod | undefined,
  facts: ClusterFacts,
  line: string,
  extra: { readonly note?: string; readonly fallback?: ReleaseFallback } = {},
): SelectedRelease {
  // operatorManaged: false rules the operator out, whatever else the facts say: the operator install needs the operator.
  const wanted = method ?? (facts.calico?.operatorManaged === false ? 'manifest' : facts.calico?.installMethod);
  const profile = candidates.find((p) => p.installMethod === wanted) ?? (candidates[0] as ReleaseProfile);
  const plain = profile.installMethod === wanted || (wanted === undefined && candidates.length === 1);
  const notes = [
    ...(extra.note === undefined ? [] : [extra.note]),
    ...(plain
      ? []
      : [`${wanted === undefined ? 'calico.installMethod is not known' : `Calico v${line} documents no ${wanted} install now`}: the ${profile.installMethod} profile was used`]),
  ];
  return {
    profile,
    requested: release,
    ...(notes.length === 0 ? {} : { note: notes.join('; ') }),
    ...(extra.fallback === undefined ? {} : { fallback: extra.fallback }),
  };
}

// `auto`: the profile covering calico.version; else the closest one, never an error.
function selectAuto(release: string, facts: ClusterFacts, profiles: readonly ReleaseProfile[], fallback: ReleaseProfile): SelectedRelease {
  // Stryker disable next-line StringLiteral: an absent version and any text that is no version both read as none
  const version = parseVersion(facts.calico?.version ?? '');
  if (version === undefined)
    return {
      profile: fallback,
      requested: release,
      fallback: 'default',
      note: `release auto: calico.version is not known, so the default profile, ${profileLabel(fallback)}, was used`,
    };
  const line = minorLine(version);
  const covering = profiles.filter((p) => p.release === line && covers(p, version.text));
  if (covering.length > 0) return pickMethod(release, covering, undefined, facts, line);
  if (profiles.length === 0) throw unknownRelease(release, profiles);
  // The first version each profile covers; auto takes the profiles of the latest one not after the
  // cluster's version, or of the earliest one when the cluster's is older than all.
  const firsts = [...new Set(profiles.map(firstVersion))].sort(compareVersions);
  const earlier = firsts.filter((v) => compareVersions(v, version) <= 0);
  const chosen = earlier.at(-1) ?? (firsts[0] as string);
  const candidates = profiles.filter((p) => firstVersion(p) === chosen);
  const kind: ReleaseFallback = earlier.length === 0 ? 'oldest' : chosen === firsts.at(-1) ? 'newest' : 'previous';
  // Stryker disable next-line Regex: a profile's label has parentheses only around its install method, at its end
  const label = profileLabel(candidates[0] as ReleaseProfile).replace(/ \(\w+\)$/, '');
  const why = {
    oldest: `Calico ${version.text} (calico.version) is older than every release profile, so the oldest, ${label}, was used: its requirements are the nearest known, not ${line}'s own`,
    newest: `Calico ${version.text} (calico.version) is newer than every release profile, so the newest, ${label}, was used: check ${line}'s own requirements page for what it changed`,
    previous: `no release profile covers Calico ${version.text} (calico.version), so the closest older one, ${label}, was used`,
  }[kind];
  // Stryker disable next-line OptionalChaining: candidates holds at least the profile whose first version was chosen
  return pickMethod(release, candidates, undefined, facts, candidates[0]?.release ?? line, { note: `release auto: ${why}`, fallback: kind });
}

function lookupSuffix(suffix: string): InstallMethod | undefined {
  return Object.hasOwn(INSTALL_METHOD_SUFFIXES, suffix) ? INSTALL_METHOD_SUFFIXES[suffix as keyof typeof INSTALL_METHOD_SUFFIXES] : undefined;
}

// `3.27/manual (also manifest, zip) or 3.27/operator (also hostprocess)`.
function methodsOf(candidates: readonly ReleaseProfile[], prefix: string): string {
  const methods = [...new Set(candidates.map((p) => p.installMethod))];
  return methods
    .map((m) => {
      const names = Object.entries(INSTALL_METHOD_SUFFIXES)
        .filter(([, method]) => method === m)
        .map(([name]) => name);
      // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: every install method has two names or more
      return `${prefix}${names[0]}${names.length > 1 ? ` (also ${names.slice(1).join(', ')})` : ''}`;
    })
    .join(' or ');
}

function invalidRelease(message: string): CompatError {
  return new CompatError('invalid-options', 'Invalid options:', [{ path: 'release', code: 'unknown-release', message }]);
}

function unknownRelease(release: string, profiles: readonly ReleaseProfile[]): CompatError {
  const known = [...new Set(profiles.map((p) => p.release))].join(', ');
  return invalidRelease(`'${shorten(release)}' is not a documented release; known releases: ${known}`);
}

function covers({ patches }: ReleaseProfile, version: string): boolean {
  return patches === undefined || inRange(version, patches);
}

// A profile as published now covers the rest of its line: no patch range, or one open at the top.
export function openEnded({ patches }: ReleaseProfile): boolean {
  return patches === undefined || rangeAlternatives(patches).some(({ bounds }) => bounds.every((b) => b.operator === '>=' || b.operator === '>'));
}

/** The first version a profile covers: the lowest bound of its patch range, else its line's `.0`. */
export function firstVersion(profile: ReleaseProfile): string {
  if (profile.patches === undefined) return `${profile.release}.0`;
  const lows = rangeAlternatives(profile.patches).flatMap(({ bounds }) =>
    bounds.filter((b) => b.operator === '>=' || b.operator === '=' || b.operator === '>').map((b) => b.version),
  );
  return lows.sort(compareVersions)[0] ?? `${profile.release}.0`;
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
      // Stryker disable next-line ConditionalExpression: add() counts a problem past the cap too; this only skips describing it
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
