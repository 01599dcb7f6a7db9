import { describe, expect, it } from 'vitest';
import { CALICO_3_30 } from '../../src/catalog/releases.js';
import type { ReleaseProfile } from '../../src/catalog/default.js';
import { affectedRange, defineAdvisory, describeRange, type Advisory } from '../../src/catalog/advisory.js';
import { ruleTable } from './harness.js';

// Advisories with more than one range, or a range open at the top, which no advisory of the catalog has
// yet: defined here, and evaluated under a profile that holds them.
const URL = 'https://github.com/example/issue/1';
const base = {
  title: 'An example issue',
  issue: { title: 'example#1', url: URL },
  references: [],
  impact: 'Things break.',
  remediation: 'Upgrade.',
  evidence: 'Seen in a test.',
} as const;
const calicoAdvisory = {
  ...base,
  id: 'advisory-test-calico',
  affects: { calico: '>=3.28.0 <3.28.2 || >=3.30.0 <=3.30.1 || >=3.31.0' },
} as const satisfies Advisory;
const buildAdvisory = {
  ...base,
  id: 'advisory-test-build',
  affects: { windowsBuild: '>=20348.100 <20348.200 || >=20348.300 <=20348.400' },
} as const satisfies Advisory;
const profileOf = (advisory: Advisory): ReleaseProfile => ({ ...CALICO_3_30, rules: [defineAdvisory(advisory)] });

const CALICO_RANGES = '3.28.0 up to 3.28.2, where it is fixed; 3.30.0 to 3.30.1 (no later release known to be fixed); 3.31.0 and later';
const BUILD_RANGES = '20348.100 up to 20348.200, where it is fixed; 20348.300 to 20348.400 (no later release known to be fixed)';
const calico = (version: string) => ({ calico: { version } });
const node = (osBuild: string) => ({ nodes: [{ os: 'windows' as const, name: 'win-1', osBuild }] });

describe('describeRange', () => {
  it.each([
    ['>=3.30.3 <3.31.5', '3.30.3 up to 3.31.5, where it is fixed'],
    ['>=3.32.0 <=3.32.1', '3.32.0 to 3.32.1 (no later release known to be fixed)'],
    ['>=3.32.0', '3.32.0 and later'],
    ['3.32.0', '3.32.0'],
    ['>3.32.0 <3.33.0', '>3.32.0 <3.33.0'],
    ['>=3.30.0 <3.30.3 || >=3.32.0', '3.30.0 up to 3.30.3, where it is fixed; 3.32.0 and later'],
    ['>=3.32.0 >3.32.1', '>=3.32.0 >3.32.1'],
    ['>=3.32.0 <3.33.0 <3.32.5', '>=3.32.0 <3.33.0 <3.32.5'],
  ])('%s', (range, words) => {
    expect(describeRange(range)).toBe(words);
  });

  it('writes Windows builds as <build>.<revision>', () => {
    expect(describeRange('>=20348.2322.0 <20348.2762.0', (v) => v.replace(/\.0$/, ''))).toBe('20348.2322 up to 20348.2762, where it is fixed');
  });
});

describe('affectedRange', () => {
  const ranges = calicoAdvisory.affects.calico;
  it.each([
    ['3.27.9', undefined],
    ['3.28.0', '>=3.28.0 <3.28.2'],
    ['3.28.2', undefined],
    ['3.30.1', '>=3.30.0 <=3.30.1'],
    ['3.30.2', undefined],
    ['3.31.0', '>=3.31.0'],
    ['9.0.0', '>=3.31.0'],
  ])('%s', (version, range) => {
    expect(affectedRange(version, ranges)).toBe(range);
  });
});

describe('an advisory on Calico versions', () => {
  ruleTable(
    calicoAdvisory.id,
    [
      { name: 'a version between the ranges passes, listing them all', facts: calico('v3.29.0'), status: 'pass', message: `Calico 3.29.0 is outside the versions ${URL} covers (${CALICO_RANGES}).` },
      { name: 'a version in a fixed range fails', facts: calico('3.28.1'), status: 'fail', message: `Calico 3.28.1 has a known issue (${URL}, 3.28.0 up to 3.28.2, where it is fixed): Things break.`, remediation: 'Upgrade.' },
      { name: 'a version in an open range fails', facts: calico('3.33.0'), status: 'fail', message: `Calico 3.33.0 has a known issue (${URL}, 3.31.0 and later): Things break.` },
      { name: 'a version that is not one is unknown', facts: calico('latest'), status: 'unknown', missing: ['calico.version'], message: "calico.version 'latest' is not a version." },
    ],
    profileOf(calicoAdvisory),
  );
});

describe('an advisory on Windows builds', () => {
  ruleTable(
    buildAdvisory.id,
    [
      { name: 'a revision between the ranges passes, listing them all', facts: node('10.0.20348.250'), subject: 'win-1', status: 'pass', message: `Node win-1: build 20348.250 is outside the builds ${URL} covers (${BUILD_RANGES}).` },
      { name: 'a revision in a range fails', facts: node('10.0.20348.400'), subject: 'win-1', status: 'fail', message: `Node win-1: build 20348.400 has a known issue (${URL}, 20348.300 to 20348.400 (no later release known to be fixed)): Things break.` },
      { name: 'another build passes', facts: node('10.0.17763.150'), subject: 'win-1', status: 'pass', message: `Node win-1: build 17763 is not one ${URL} covers.` },
      { name: 'the build without a revision is unknown', facts: node('10.0.20348'), subject: 'win-1', status: 'unknown', missing: ['nodes[win-1].osBuild'], message: `Node win-1: build 20348 is affected by ${URL} in some revisions, and '10.0.20348' carries none.` },
      { name: 'an osBuild that is no Windows build does not apply', facts: node('Windows Server 2022'), subject: 'win-1', status: 'not-applicable', message: "Node win-1: 'Windows Server 2022' is not a Windows build." },
    ],
    profileOf(buildAdvisory),
  );
});
