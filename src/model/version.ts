// The one module that imports semver, per function, to keep the browser bundle small.
import coerce from 'semver/functions/coerce.js';
import compare from 'semver/functions/compare.js';
import type { SemVer } from 'semver';

/** A version reduced to major.minor.patch. */
export interface Version {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** `major.minor.patch`. */
  readonly text: string;
}

/**
 * Reads a version the way clusters print them: `1.21.3`, `v1.21.3-eks-0389ca3`, `v3.23`, `1.22+`.
 * Returns undefined when the text holds no version.
 */
export function parseVersion(text: string): Version | undefined {
  // Only a leading version counts: '1.22' but not 'release 1.22'.
  if (!/^\s*v?\d/.test(text)) return undefined;
  const parsed: SemVer | null = coerce(text);
  if (parsed === null) return undefined;
  return { major: parsed.major, minor: parsed.minor, patch: parsed.patch, text: parsed.version };
}

/** Compares two versions: negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: Version | string, b: Version | string): number {
  return compare(typeof a === 'string' ? a : a.text, typeof b === 'string' ? b : b.text);
}

/** The release line of a version: `1.22` for `1.22.4`. */
export function minorLine(version: Version): string {
  return `${version.major}.${version.minor}`;
}
