/**
 * Versions as clusters print them, the way `semver` reads them. Only major.minor.patch matters to the
 * requirements (tested release lines, minimum versions), so a version is read as semver's loose `coerce`
 * reads one at the start of a text, and compared as semver compares them. Version ranges are semver range
 * strings in semver's primitive form (`>=3.30.3 <3.31.5`), the convention of npm and GitHub advisories.
 *
 * `semver` itself is the tests' reference, not a run-time import: its `SemVer` class and regular
 * expressions cost the main entry's browser bundle 3.2 KB gzip (it is CommonJS, so bundlers keep every
 * module imported, used or not) for what is here a comparison of three numbers. `test/model/values.test.ts`
 * checks, over generated versions and ranges, that `parseVersion`, `compareVersions` and `inRange` answer
 * as semver's `coerce`, `compare` and `satisfies` do.
 * @module
 */

/** A version reduced to major.minor.patch. */
export interface Version {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** `major.minor.patch`. */
  readonly text: string;
}

// A version leads the text ('1.22', not 'release 1.22'), with at most three numeric parts
// ('10.0.17763.1432' is a Windows build, not a version) of at most 16 digits (semver's own limit): what
// semver's loose `coerce` reads at the start of a text.
// No control character anywhere (a trailing newline, NUL, ESC): no part of a version anyone printed.
const LEADING = /^(?![^]*[\0-\x1f])\s*v?(\d{1,16})(?:\.(\d{1,16}))?(?:\.(\d{1,16}))?(?![.\d])/;

/**
 * Reads a version the way clusters print them: `1.21.3`, `v1.21.3-eks-0389ca3`, `v3.23`, `1.22+`,
 * Docker's `19.03.14` (as 19.3.14). Missing minor and patch numbers are 0; build and pre-release
 * suffixes are ignored (as semver's loose `coerce` reads them). Returns undefined when the text holds no leading
 * version, or holds a control character (`1.22.9\n`, `v1.22.9\u0000`).
 *
 * @example
 * parseVersion('v1.22.17-eks-48e63af') // { major: 1, minor: 22, patch: 17, text: '1.22.17' }
 */
export function parseVersion(text: string): Version | undefined {
  const match = LEADING.exec(text);
  if (match === null) return undefined;
  const [major, minor, patch] = [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
  // Beyond 2^53 a number is no longer exact: semver refuses such versions too.
  if (![major, minor, patch].every(Number.isSafeInteger)) return undefined;
  return { major, minor, patch, text: `${major}.${minor}.${patch}` };
}

/** Compares two versions: negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: Version | string, b: Version | string): number {
  const x = typeof a === 'string' ? parseVersion(a) : a;
  const y = typeof b === 'string' ? parseVersion(b) : b;
  if (!x || !y) throw new TypeError(`Not a version: ${String(x ? b : a)}`);
  return compare(x, y);
}

// Numbers are exact (at most 16 digits, below 2^53): the triple compares as semver compares it.
function compare(x: Version, y: Version): number {
  return Math.sign(x.major - y.major || x.minor - y.minor || x.patch - y.patch);
}

/** The release line of a version: `1.22` for `1.22.4`. */
export function minorLine(version: Version): string {
  return `${version.major}.${version.minor}`;
}

/** One bound of a range: `>=` 3.30.3. */
export interface RangeBound {
  readonly operator: '>=' | '>' | '<=' | '<' | '=';
  readonly version: string;
}

// A comparator of semver's primitive form: an operator (none: `=`) and a full version. A partial one
// (`3.22`) is an x-range to semver (any 3.22.x), so it is refused rather than read differently.
const COMPARATOR = /^(>=|<=|>|<|=)?(v?\d{1,16}\.\d{1,16}\.\d{1,16})$/;

/**
 * The alternatives of a version range (`a || b`), each as its bounds: `'>=3.28.0 <3.28.2 || 3.31.0'` →
 * `[[>= 3.28.0, < 3.28.2], [= 3.31.0]]`, each with its text, normalised (`>=3.28.0 <3.28.2`).
 *
 * Ranges are written in semver's primitive form — comparators (`>=`, `>`, `<=`, `<`, `=` or none) joined
 * by spaces, alternatives by `||` — which is the form semver itself reads every range into, and the one
 * npm and GitHub advisories print, with full versions. Tilde, caret, hyphen and x-ranges (`3.22`, `*`)
 * are not read.
 *
 * @throws TypeError for a text that is not such a range.
 */
export function rangeAlternatives(range: string): { readonly text: string; readonly bounds: readonly RangeBound[] }[] {
  return range.split('||').map((alternative) => {
    const tokens = alternative.trim().split(/\s+/);
    const bounds = tokens.map((token) => {
      const match = COMPARATOR.exec(token);
      const version = match?.[2] === undefined ? undefined : parseVersion(match[2]);
      if (version === undefined) throw new TypeError(`Not a version range: ${range}`);
      return { operator: (match?.[1] ?? '=') as RangeBound['operator'], version: version.text };
    });
    return { text: bounds.map((b) => `${b.operator === '=' ? '' : b.operator}${b.version}`).join(' '), bounds };
  });
}

/**
 * Whether a version is in a range, as semver's `satisfies` answers for it. Ranges are semver's primitive
 * form with full versions: comparators (`>=`, `>`, `<=`, `<`, `=` or none) joined by spaces, alternatives by
 * `||` (`>=3.30.3 <3.31.5`, `3.22.0`, `>=3.22.1`, `a || b`). Pre-release and build suffixes of the version
 * are ignored, as everywhere here.
 *
 * @throws TypeError for a version or a range it cannot read.
 *
 * @example
 * inRange('v3.30.4', '>=3.30.3 <3.31.5') // true
 */
export function inRange(version: Version | string, range: string): boolean {
  const v = typeof version === 'string' ? parseVersion(version) : version;
  if (v === undefined) throw new TypeError(`Not a version: ${String(version)}`);
  return rangeAlternatives(range).some(({ bounds }) => bounds.every((b) => HOLDS[b.operator](compare(v, parseVersion(b.version) as Version))));
}

const HOLDS: Readonly<Record<RangeBound['operator'], (order: number) => boolean>> = {
  '>=': (o) => o >= 0,
  '>': (o) => o > 0,
  '<=': (o) => o <= 0,
  '<': (o) => o < 0,
  '=': (o) => o === 0,
};

/**
 * A range in words, one alternative after another: `3.19.0–3.19.1` (`>=3.19.0 <=3.19.1`), `3.22.1+`
 * (`>=3.22.1`), `3.22.0` (`3.22.0`), `3.30.3 up to 3.31.5` (`>=3.30.3 <3.31.5`); any other
 * alternative as semver writes it. `show` writes each bound's version (Windows builds drop the patch).
 */
export function describeVersionRange(range: string, show: (version: string) => string = (v) => v): string {
  return rangeAlternatives(range)
    .map(({ text, bounds }) => {
      const [low, high, ...rest] = bounds;
      // Stryker disable next-line ConditionalExpression: rangeAlternatives gives every alternative a bound or throws; the test narrows the type
      if (low === undefined || rest.length > 0) return text;
      if (high === undefined) return low.operator === '=' ? show(low.version) : low.operator === '>=' ? `${show(low.version)}+` : text;
      if (low.operator !== '>=') return text;
      if (high.operator === '<=') return low.version === high.version ? show(low.version) : `${show(low.version)}–${show(high.version)}`;
      return high.operator === '<' ? `${show(low.version)} up to ${show(high.version)}` : text;
    })
    .join(', ');
}
