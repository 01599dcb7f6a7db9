/**
 * Versions as clusters print them. Only major.minor.patch matters to the requirements (tested release
 * lines, minimum versions), so a small parser does here what semver's `coerce` does — without its
 * regular-expression tables, which would cost the browser bundle 3.4 KB gzip of its 25 KB budget.
 */

/** A version reduced to major.minor.patch. */
export interface Version {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** `major.minor.patch`. */
  readonly text: string;
}

// A leading version: '1.22' but not 'release 1.22'; build and pre-release suffixes are ignored
// ('v1.21.3-eks-0389ca3', 'v1.22.4+rke2r1', '1.6.6+azure').
const VERSION = /^\s*v?(\d{1,9})(?:\.(\d{1,9}))?(?:\.(\d{1,9}))?(?![\d.]*\d)/;

/**
 * Reads a version the way clusters print them: `1.21.3`, `v1.21.3-eks-0389ca3`, `v3.23`, `1.22+`.
 * Missing minor and patch numbers are 0. Returns undefined when the text holds no leading version.
 *
 * @example
 * parseVersion('v1.22.17-eks-48e63af') // { major: 1, minor: 22, patch: 17, text: '1.22.17' }
 */
export function parseVersion(text: string): Version | undefined {
  const match = VERSION.exec(text);
  if (!match) return undefined;
  const major = Number(match[1]);
  const minor = Number(match[2] ?? 0);
  const patch = Number(match[3] ?? 0);
  return { major, minor, patch, text: `${major}.${minor}.${patch}` };
}

/** Compares two versions: negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: Version | string, b: Version | string): number {
  const x = typeof a === 'string' ? parseVersion(a) : a;
  const y = typeof b === 'string' ? parseVersion(b) : b;
  if (!x || !y) throw new TypeError(`Not a version: ${String(x ? b : a)}`);
  return x.major - y.major || x.minor - y.minor || x.patch - y.patch;
}

/** The release line of a version: `1.22` for `1.22.4`. */
export function minorLine(version: Version): string {
  return `${version.major}.${version.minor}`;
}
