/**
 * The CLI's `releases` command and `--release` warnings: what it prints about release profiles. Kept
 * apart from argument parsing, like `output.ts`.
 */
import { INSTALL_METHODS } from '../model/release.js';
import { CALICO_RELEASES } from '../catalog/releases.js';
import { compareReleases, formatReleaseComparison } from '../catalog/compare.js';
import type { ReleaseProfile } from '../catalog/default.js';
import { INSTALL_METHOD_SUFFIXES, patchRange, profileLabel, openEnded } from '../engine/select.js';
import type { ClusterFacts } from '../model/facts.js';
import type { Report } from '../model/report.js';
import { minorLine, parseVersion, rangeAlternatives } from '../model/version.js';


/** A profile as JSON: its data and sources, its rules by id. */
export function profileJson(profile: ReleaseProfile): Record<string, unknown> {
  return { ...profile, label: profileLabel(profile), rules: profile.rules.map((r) => r.id) };
}

// `3.19.0, 3.19.1`; `3.19 (3.19.2+)` for the line's profile as published now when an earlier range has its own.
function namesOf(profile: ReleaseProfile, profiles: readonly ReleaseProfile[]): string {
  const names = releaseNames(profile, profiles);
  const line = names[0]?.split('/')[0] === profile.release;
  return `${names.join(', ')}${line && profile.patches !== undefined ? ` (${patchRange(profile) ?? ''})` : ''}`;
}

/**
 * Every release profile, one a line: what `--release` takes to pick it, install method, Windows builds,
 * runtimes, Kubernetes, platforms; then how release strings resolve.
 */
export function formatReleaseList(profiles: readonly ReleaseProfile[] = CALICO_RELEASES): string {
  const rows = [
    ['--release', 'Install', 'Windows Server', 'Runtime', 'Kubernetes', 'Platforms'],
    ...profiles.map((p) => [
      namesOf(p, profiles),
      `${INSTALL_METHODS[p.installMethod].short}${p.deprecated === true ? ' (deprecated)' : ''}`,
      p.windowsBuilds
        .map((b) => `${b.minRevision === undefined ? b.release : `${b.release} (${b.build}.${b.minRevision}+)`}${b.orLater === true ? ' or later' : ''}`)
        .join(', '),
      p.containerRuntimes?.join(', ') ?? '(not stated)',
      p.testedKubernetes.length > 2 ? `${p.testedKubernetes[0]}–${p.testedKubernetes.at(-1)}` : p.testedKubernetes.join(', '),
      Object.keys(p.networkingByPlatform).join(', '),
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const suffixes = (method: string): string =>
    Object.entries(INSTALL_METHOD_SUFFIXES)
      .filter(([, m]) => m === method)
      .map(([name]) => `/${name}`)
      .join(', ');
  return `${[
    ...rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ')),
    '',
    'A version (v3.27.2) picks the profile of its line that covers it; auto, the profile of calico.version (the oldest',
    'or newest profile, with a warning, when it is older or newer than every one). A line with two install methods',
    `alone (3.27) picks the one calico.installMethod names, else the operator's. Install suffixes: ${suffixes('manifest')}`,
    `(manual); ${suffixes('operator')} (operator).`,
  ].join('\n')}\n`;
}

/** `releases --diff <from> <to>` as text or JSON. */
export function formatDiff(from: string, to: string, format: 'text' | 'json'): string {
  const comparison = compareReleases(from, to);
  if (format === 'text') return formatReleaseComparison(comparison);
  return `${JSON.stringify({ from: profileLabel(comparison.from), to: profileLabel(comparison.to), changes: comparison.changes }, null, 2)}\n`;
}

/**
 * What to warn about on standard error after `check`: the profile's note (a warning when `auto` fell back
 * to the oldest or newest profile, a note otherwise), and a `calico.version` of another release line than
 * the profile's. Without `--release`, only a version of
 * a documented line warns, so clusters older than every profile (the seed's examples) stay quiet.
 */
export function releaseWarnings(report: Report, facts: ClusterFacts, releaseGiven: boolean): string[] {
  const warnings: string[] = [];
  const { note, fallback } = report.profile;
  // auto checked the cluster against another release's requirements than its own: a warning, never an error.
  const other = fallback === 'oldest' || fallback === 'newest' || fallback === 'previous';
  if (note !== undefined) warnings.push(`${other ? 'warning' : 'note'}: ${note}`);
  const version = facts.calico?.version === undefined ? undefined : parseVersion(facts.calico.version);
  if (version === undefined || other) return warnings;
  const line = minorLine(version);
  if (line === report.profile.release) return warnings;
  if (!releaseGiven && !CALICO_RELEASES.some((p) => p.release === line)) return warnings;
  const profile = `Calico v${report.profile.patches ?? report.profile.release} (${report.profile.installMethod})`;
  warnings.push(
    `warning: calico.version ${facts.calico?.version ?? ''} belongs to the ${line} release line, but the report checks the ${profile} requirements; pass --release auto${CALICO_RELEASES.some((p) => p.release === line) ? ` (or --release ${line})` : ''} to check against its own.`,
  );
  return warnings;
}

/**
 * The release strings that pick a profile, as `--release` accepts them: its line (`3.27`) when it is the
 * line's profile as published now, else the patch versions it covers (`3.19.0`, `3.19.1`); where the
 * line documents two install methods, each with its suffix (`3.27/operator`, `3.27/manual`).
 */
function releaseNames(profile: ReleaseProfile, profiles: readonly ReleaseProfile[]): string[] {
  const names = openEnded(profile) ? [profile.release] : patchVersions(profile);
  const methods = new Set(profiles.filter((p) => p.release === profile.release && p.patches === profile.patches).map((p) => p.installMethod));
  if (methods.size < 2) return names;
  const suffix = profile.installMethod === 'manifest' ? 'manual' : 'operator';
  return names.map((name) => `${name}/${suffix}`);
}

// `>=3.19.0 <=3.19.1` → 3.19.0, 3.19.1; a range of its line's patch releases, written out.
function patchVersions(profile: ReleaseProfile): string[] {
  const versions: string[] = [];
  for (const { bounds } of rangeAlternatives(profile.patches ?? '')) {
    const low = bounds.find((b) => b.operator === '>=' || b.operator === '=');
    const high = bounds.find((b) => b.operator === '<=' || b.operator === '=');
    const first = low && parseVersion(low.version);
    const last = high && parseVersion(high.version);
    if (!first || !last || minorLine(first) !== minorLine(last)) continue;
    for (let patch = first.patch; patch <= last.patch; patch++) versions.push(`${minorLine(first)}.${patch}`);
  }
  return versions;
}
