import fc from 'fast-check';
import coerce from 'semver/functions/coerce.js';
import compare from 'semver/functions/compare.js';
import satisfies from 'semver/functions/satisfies.js';
import { describe, expect, it } from 'vitest';
import { parseWindowsBuild, windowsReleaseForBuild, formatWindowsBuild } from '../../src/model/windows.js';
import { parseContainerRuntime } from '../../src/model/runtime.js';
import { parseVersion, compareVersions, minorLine, inRange, rangeAlternatives, describeVersionRange } from '../../src/model/version.js';
import { WINDOWS_RELEASES } from '../../src/model/windows-releases.js';
import { parseFacts } from '../../src/model/parse.js';

describe('parseWindowsBuild', () => {
  it.each([
    ['10.0.17763.1432', 17763, 1432, '1809'],
    ['17763.1432', 17763, 1432, '1809'],
    ['10.0.17763', 17763, undefined, '1809'],
    ['10.0.19042.685', 19042, 685, '20H2'],
    ['10.0.20348.2113', 20348, 2113, '2022'],
    ['  10.0.26100.1  ', 26100, 1, '2025'],
    ['10.0.12345.6', 12345, 6, undefined],
  ])('%s → build %i, revision %s, release %s', (text, build, revision, release) => {
    const parsed = parseWindowsBuild(text);
    expect(parsed?.build).toBe(build);
    expect(parsed?.revision).toBe(revision);
    expect(parsed?.release?.id).toBe(release);
  });

  it.each(['', 'Windows Server 2019', '10.0', '6.3.9600.1', '10.0.17763.1432.5', '10.0.1776', 'v10.0.17763'])('refuses %j', (text) => {
    expect(parseWindowsBuild(text)).toBeUndefined();
  });

  it('formats builds the way Windows prints them', () => {
    expect(formatWindowsBuild({ build: 17763, revision: 1432 })).toBe('17763.1432');
    expect(formatWindowsBuild({ build: 20348 })).toBe('20348');
  });

  it('maps every release in the table by its build, and release names ↔ builds match hcsshim', () => {
    for (const release of WINDOWS_RELEASES) expect(windowsReleaseForBuild(release.build)).toBe(release);
    const byId = Object.fromEntries(WINDOWS_RELEASES.map((r) => [r.id, r.build]));
    expect(byId).toEqual({
      '1607': 14393,
      '1809': 17763,
      '1903': 18362,
      '1909': 18363,
      '2004': 19041,
      '20H2': 19042,
      '21H1': 19043,
      '2022': 20348,
      '23H2': 25398,
      '2025': 26100,
    });
  });
});

describe('parseContainerRuntime', () => {
  it.each([
    ['containerd://1.6.6', 'containerd', '1.6.6'],
    ['docker://19.3.14', 'docker', '19.3.14'],
    ['containerd', 'containerd', undefined],
    ['Docker', 'docker', undefined],
    ['cri-o://1.24.1', 'cri-o', '1.24.1'],
  ])('%s → %s %s', (text, name, version) => {
    expect(parseContainerRuntime(text)).toEqual(version === undefined ? { name } : { name, version });
  });

  it.each(['', '://1.6', 'containerd://', '1.6.6'])('refuses %j', (text) => {
    expect(parseContainerRuntime(text)).toBeUndefined();
  });
});

describe('parseVersion', () => {
  it.each([
    ['1.21.3', '1.21.3'],
    ['v1.21.3-eks-0389ca3', '1.21.3'],
    ['v1.22.4+rke2r1', '1.22.4'],
    ['1.22', '1.22.0'],
    ['v3.23', '3.23.0'],
    ['1.22+', '1.22.0'],
    ['1.6.6+azure', '1.6.6'],
    // Docker prints its year-month versions with a leading zero; semver's loose coerce reads them.
    ['19.03.14', '19.3.14'],
    ['v3.33.0-0.dev', '3.33.0'],
    ['1234567890.1', '1234567890.1.0'],
  ])('%s → %s', (text, version) => {
    expect(parseVersion(text)?.text).toBe(version);
  });

  it.each(['', 'latest', 'release 1.22', 'v', '10.0.17763.1432', '1.22.', '12345678901234567.1', '=1.22'])('refuses %j', (text) => {
    expect(parseVersion(text)).toBeUndefined();
  });

  it('compares and names release lines', () => {
    expect(compareVersions('3.12.0', '3.11.9')).toBeGreaterThan(0);
    expect(compareVersions('3.12.0', '3.12.0')).toBe(0);
    const v = parseVersion('v1.22.17-eks-1');
    expect(v && minorLine(v)).toBe('1.22');
    expect(v && compareVersions(v, '1.23.0')).toBeLessThan(0);
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(() => compareVersions('latest', '1.0.0')).toThrow(TypeError);
    expect(compareVersions('19.03.14', '19.3.13')).toBeGreaterThan(0);
  });
});

describe('version ranges (semver range strings)', () => {
  it.each([
    ['3.30.4', '>=3.30.3 <3.31.5', true],
    ['3.31.5', '>=3.30.3 <3.31.5', false],
    ['v3.32.1', '>=3.32.0 <=3.32.1', true],
    ['3.22.0', '3.22.0', true],
    ['3.22.1', '3.22.0', false],
    ['3.40.0', '>=3.22.1', true],
    ['v3.33.0-0.dev', '>=3.33.0', true],
    ['3.28.1', '>=3.28.0 <3.28.2 || >=3.31.0', true],
    ['3.22.1', '>3.22.1', false],
    ['3.22.2', '>3.22.1', true],
    ['3.22.1', '<3.22.1', false],
    ['3.22.1', '<=3.22.1', true],
    ['3.22.1', '=3.22.1', true],
    ['3.22.3', '>=3.22.1  <3.22.5', true],
    ['3.22.3', ' 3.22.0  ||  >=3.22.2 ', true],
  ])('%s in %s: %s', (version, range, expected) => {
    expect(inRange(version, range)).toBe(expected);
  });

  it("answers as semver's satisfies does, for every range of the form it reads", () => {
    const version = fc.tuple(fc.nat(4), fc.nat(4), fc.nat(4)).map(([a, b, c]) => `${a}.${b}.${c}`);
    const comparator = fc.tuple(fc.constantFrom('>=', '>', '<=', '<', '=', ''), version).map(([op, v]) => `${op}${v}`);
    const range = fc.array(fc.array(comparator, { minLength: 1, maxLength: 3 }).map((c) => c.join(' ')), { minLength: 1, maxLength: 3 }).map((a) => a.join(' || '));
    fc.assert(fc.property(version, range, (v, r) => inRange(v, r) === satisfies(v, r)));
  });

  it('takes a parsed version as well as a text', () => {
    const version = parseVersion('v3.22.3-0.dev');
    expect(version && inRange(version, '>=3.22.1 <3.22.5')).toBe(true);
    expect(version && inRange(version, '3.22.4')).toBe(false);
  });

  it('reads each alternative into bounds, writing a bound without an operator as semver does', () => {
    expect(rangeAlternatives('3.22.0 || =3.22.1  ||  >=3.22.3   <3.22.9')).toEqual([
      { text: '3.22.0', bounds: [{ operator: '=', version: '3.22.0' }] },
      { text: '3.22.1', bounds: [{ operator: '=', version: '3.22.1' }] },
      {
        text: '>=3.22.3 <3.22.9',
        bounds: [
          { operator: '>=', version: '3.22.3' },
          { operator: '<', version: '3.22.9' },
        ],
      },
    ]);
  });

  it('refuses what is no version or no range', () => {
    expect(() => inRange('latest', '>=1.0.0')).toThrow(new TypeError('Not a version: latest'));
    for (const range of ['3.30 or later', '3.22', '*', '~3.19.2', '^3.19.0', '3.19.0 - 3.19.2', '>=3.19', '>= 3.19.0', ''])
      expect(() => rangeAlternatives(range), range).toThrow(new TypeError(`Not a version range: ${range}`));
  });

  it.each([
    ['>=3.19.0 <=3.19.1', '3.19.0–3.19.1'],
    ['>=3.22.1', '3.22.1+'],
    ['3.22.0', '3.22.0'],
    ['>=3.22.0 <=3.22.0', '3.22.0'],
    ['>=3.30.3 <3.31.5', '3.30.3 up to 3.31.5'],
    ['>3.30.3', '>3.30.3'],
    ['<3.30.3', '<3.30.3'],
    ['>3.30.3 <3.31.5', '>3.30.3 <3.31.5'],
    ['>=3.30.3 >3.30.4', '>=3.30.3 >3.30.4'],
    ['>=1.0.0 <2.0.0 >=1.5.0', '>=1.0.0 <2.0.0 >=1.5.0'],
    ['>=3.19.0 <=3.19.1 || >=3.22.1', '3.19.0–3.19.1, 3.22.1+'],
  ])('describes %s as %s', (range, words) => {
    expect(describeVersionRange(range)).toBe(words);
  });

  it.each([
    ['3.22.0', 'v3.22.0'],
    ['>=3.22.1', 'v3.22.1+'],
    ['>=3.19.0 <=3.19.1', 'v3.19.0–v3.19.1'],
    ['>=3.19.0 <=3.19.0', 'v3.19.0'],
    ['>=3.30.3 <3.31.5', 'v3.30.3 up to v3.31.5'],
    ['>3.30.3', '>3.30.3'],
  ])('describes %s with its own way of writing versions as %s', (range, words) => {
    expect(describeVersionRange(range, (v) => `v${v}`)).toBe(words);
  });
});

describe('parsed values carry only the parts given', () => {
  it.each([
    ['10.0.17763.1432', { build: 17763, revision: 1432, release: windowsReleaseForBuild(17763) }],
    ['10.0.17763', { build: 17763, release: windowsReleaseForBuild(17763) }],
    ['12345.6', { build: 12345, revision: 6 }],
    ['12345', { build: 12345 }],
  ])('parseWindowsBuild(%j)', (text, parsed) => {
    expect(parseWindowsBuild(text)).toStrictEqual(parsed);
  });

  it.each([
    ['containerd', { name: 'containerd' }],
    ['containerd://1.6.6', { name: 'containerd', version: '1.6.6' }],
    [' containerd://1.6.6\n', { name: 'containerd', version: '1.6.6' }],
    ['  Docker ', { name: 'docker' }],
  ])('parseContainerRuntime(%j)', (text, parsed) => {
    expect(parseContainerRuntime(text)).toStrictEqual(parsed);
  });
});

describe('versions as semver reads them (semver is the reference, not a run-time import)', () => {
  const number = fc.oneof(fc.nat(40), fc.constantFrom(0, 3, 19, 23, 9_007_199_254_740_991, 9_007_199_254_740_992), fc.bigInt({ min: 0n, max: 10n ** 17n }).map(Number));
  const text = fc
    .tuple(
      fc.constantFrom('', 'v', ' ', '  v'),
      number,
      fc.option(number, { nil: undefined }),
      fc.option(number, { nil: undefined }),
      fc.constantFrom('', '-eks-0389ca3', '+rke2r1', '-0.dev', '.', 'x', ' tail'),
    )
    .map(([prefix, a, b, c, suffix]) => `${prefix}${a}${b === undefined ? '' : `.${b}`}${b === undefined || c === undefined ? '' : `.${c}`}${suffix}`);

  it("parseVersion reads a leading version as semver's loose coerce does", () => {
    fc.assert(
      fc.property(text, (t) => {
        const ours = parseVersion(t);
        // A version must lead the text and end there (a fourth part is a Windows build, `1.22.` no version).
        if (ours !== undefined) expect(ours.text).toBe(coerce(t, { loose: true })?.version);
      }),
    );
    for (const t of ['19.03.14', 'v1.22.17-eks-48e63af', '  3.23', '1.22+']) expect(parseVersion(t)?.text).toBe(coerce(t, { loose: true })?.version);
  });

  it("compareVersions orders versions as semver's compare does", () => {
    const version = fc.tuple(number, number, number).filter((parts) => parts.every(Number.isSafeInteger)).map((p) => p.join('.'));
    fc.assert(fc.property(version, version, (a, b) => compareVersions(a, b) === compare(a, b)));
  });
});

describe('compareVersions', () => {
  it.each([
    ['latest', '1.0.0', 'Not a version: latest'],
    ['1.0.0', 'latest', 'Not a version: latest'],
    ['next', 'latest', 'Not a version: next'],
  ])('compareVersions(%j, %j) throws a TypeError naming the text that is no version', (a, b, message) => {
    expect(() => compareVersions(a, b)).toThrow(new TypeError(message));
  });
});

describe('fact values at their limits, word for word', () => {
  it('a slip of a known platform or networking option names what was meant and every known value', () => {
    const result = parseFacts({ platform: 'kubernets', networking: 'calico-vxaln' });
    expect(result.success ? [] : result.error.issues.map(({ path, code, message }) => ({ path, code, message }))).toEqual([
      {
        path: 'platform',
        code: 'custom',
        message: 'is not a known platform (did you mean \'kubernetes\'?); known: kubernetes, openshift, rke, eks, aks, got "kubernets"',
      },
      {
        path: 'networking',
        code: 'custom',
        message:
          'is not a known networking option (did you mean \'calico-vxlan\'?); known: calico-bgp, calico-vxlan, cloud-provider, eks-vpc-cni, aks-azure-cni, got "calico-vxaln"',
      },
    ]);
  });

  it('a Kubernetes object name may be 253 characters long, not 254', () => {
    expect(parseFacts({ nodes: [{ os: 'windows', name: 'a'.repeat(253) }] }).success).toBe(true);
    expect(parseFacts({ nodes: [{ os: 'windows', name: 'a'.repeat(254) }] }).success).toBe(false);
  });
});
