import { describe, expect, it } from 'vitest';
import { findRelease } from '../../src/catalog/releases.js';
import { textFor } from '../../src/engine/rule.js';
import { CALICO_3_23 } from '../../src/catalog/default.js';
import type { ReleaseProfile } from '../../src/catalog/default.js';
import { goodWindowsNode, ruleTable } from './harness.js';

// Profiles whose builds are not exactly the seed's: 1809 without the DSR revision, or another release at 1432.
const with1809AnyRevision: ReleaseProfile = { ...CALICO_3_23, windowsBuilds: [{ release: '1809', build: 17763 }, { release: '20H2', build: 19042 }] };
const with2022At1432: ReleaseProfile = { ...CALICO_3_23, windowsBuilds: [{ release: '2022', build: 20348, minRevision: 1432 }, { release: '20H2', build: 19042 }] };

const node = (osBuild?: string) => ({
  nodes: [osBuild === undefined ? { os: 'windows' as const, name: 'win-1' } : { os: 'windows' as const, name: 'win-1', osBuild }],
});

describe('windows-os-version', () => {
  ruleTable('windows-os-version', [
    // Rows that pin down messages and remediations, from the mutation-testing review.
    { name: "a profile with 1809 at any revision names its own builds in the remediation", release: with1809AnyRevision, facts: { nodes: [{ ...goodWindowsNode, osBuild: '10.0.20348.1' }] }, status: 'fail', subject: 'win-1', remediation: /^Run Windows Server 2019 \(1809\) \(build 17763\), or Windows Server 20H2 \(build 19042\)\.$/ },
    { name: "a profile with another release at revision 1432 names its own builds in the remediation", release: with2022At1432, facts: { nodes: [{ ...goodWindowsNode, osBuild: '10.0.17763.1432' }] }, status: 'fail', subject: 'win-1', remediation: /^Run Windows Server 2022 updated to build 20348\.1432 or later \(install the latest cumulative update\), or Windows Server 20H2 \(build 19042\)\.$/ },
    { name: "the seed's builds keep the rule's own remediation", facts: { nodes: [{ ...goodWindowsNode, osBuild: '10.0.20348.1' }] }, status: 'fail', subject: 'win-1', remediation: /^Run Windows Server 2019 \(1809\) updated to build 17763\.1432 or later/ },
    { name: "another known release fails, listing the supported builds", facts: { nodes: [{ ...goodWindowsNode, osBuild: '10.0.20348.1' }] }, status: 'fail', subject: "win-1", message: /^Windows Server 2022 \(10\.0\.20348\.1\) is not supported; supported: Windows Server 2019 \(1809\) \(17763\.1432\+\), Windows Server 20H2 \(19042\)\.$/ },
    { name: "20H2 passes at any revision, naming the release", facts: { nodes: [{ ...goodWindowsNode, osBuild: '10.0.19042.508' }] }, status: 'pass', subject: "win-1", message: /^Windows Server 20H2 \(10\.0\.19042\.508\) is supported\.$/ },
    { name: "an unvalidated build that is no build fails rather than throwing", facts: { nodes: [{ ...goodWindowsNode, osBuild: 'nope' }] }, status: 'fail', subject: "win-1", message: /^'nope' is not a Windows build\.$/ },
    { name: "1809 without a revision says which revision it needs", facts: { nodes: [{ ...goodWindowsNode, osBuild: '10.0.17763' }] }, status: 'unknown', subject: "win-1", missing: ["nodes[win-1].osBuild"], message: /^Windows Server 2019 \(1809\) is supported from build 17763\.1432, but '10\.0\.17763' carries no revision\.$/ },
    { name: '1809 at exactly 17763.1432 passes', facts: node('10.0.17763.1432'), subject: 'win-1', status: 'pass', message: /^Windows Server 2019 \(1809\) build 17763\.1432 is at least 17763\.1432\.$/ },
    { name: '1809 at a later revision passes', facts: node('17763.5122'), subject: 'win-1', status: 'pass' },
    { name: '20H2 passes with or without a revision', facts: node('10.0.19042'), subject: 'win-1', status: 'pass' },
    { name: '1809 below revision 1432 fails', facts: node('10.0.17763.1431'), subject: 'win-1', status: 'fail', message: /17763\.1431 is older than 17763\.1432/ },
    { name: 'Windows Server 2022 is not in this release', facts: node('10.0.20348.169'), subject: 'win-1', status: 'fail', message: /Windows Server 2022/ },
    { name: 'Windows Server 2004 is not in this release', facts: node('10.0.19041.685'), subject: 'win-1', status: 'fail' },
    { name: 'an unknown build fails', facts: node('10.0.99999'), subject: 'win-1', status: 'fail', message: /build 99999/ },
    { name: '1809 without a revision is unknown', facts: node('10.0.17763'), subject: 'win-1', status: 'unknown', missing: ['nodes[win-1].osBuild'] },
    { name: 'an absent build is unknown', facts: node(), subject: 'win-1', status: 'unknown', missing: ['nodes[win-1].osBuild'] },
    { name: 'no nodes at all is unknown for the cluster', facts: {}, status: 'unknown', missing: ['nodes'] },
    { name: 'no Windows node is unknown for the cluster', facts: { nodes: [{ os: 'linux', name: 'l1' }] }, status: 'unknown', missing: ['nodes[os=windows]'] },
    { name: 'each Windows node gets its own finding', facts: { nodes: [goodWindowsNode, { ...goodWindowsNode, name: 'win-2', osBuild: '10.0.17763.100' }] }, subject: 'win-2', status: 'fail' },
  ]);
});

// upstream-verification.md item 3: W16 and W17 say "Windows Server 1903 (AKA 19H1) build 18317 or greater"
// and "Windows Server 2019 / 1809 (RS5) or greater"; Calico's own DSR test takes every release from 1903
// (scripts/install-calico-windows.ps1:219 @release-v3.19).
describe('windows-os-version on v3.16 to v3.19.1: "or greater"', () => {
  for (const release of ['3.16', '3.17', '3.18', 'v3.19.1']) {
    describe(release, () => {
      ruleTable(
        'windows-os-version',
        [
          { name: '1809 at any revision passes', facts: node('10.0.17763.100'), subject: 'win-1', status: 'pass', message: /^Windows Server 2019 \(1809\) \(10\.0\.17763\.100\) is supported\.$/ },
          { name: '1909 passes, later than 1903', facts: node('10.0.18363.1556'), subject: 'win-1', status: 'pass', message: /^Windows Server 1909 \(10\.0\.18363\.1556\) is supported: the page supports Windows Server 1903 "or greater"\.$/ },
          { name: '2004 passes', facts: node('10.0.19041.685'), subject: 'win-1', status: 'pass' },
          { name: '20H2 passes', facts: node('10.0.19042.1110'), subject: 'win-1', status: 'pass' },
          { name: 'Windows Server 2016 fails, older than 1809', facts: node('10.0.14393.4046'), subject: 'win-1', status: 'fail', message: /^Windows Server 2016 \(1607\) \(10\.0\.14393\.4046\) is not supported; supported: Windows Server 2019 \(1809\) \(17763 or a later release\), Windows Server 1903 \(18362 or a later release\)\.$/ },
        ],
        findRelease(release).profile,
      );
    });
  }

  it('says "or a later release" in its remediation', () => {
    const profile = findRelease('3.17').profile;
    expect(textFor(profile.rules.find((r) => r.id === 'windows-os-version')?.remediation ?? '', profile)).toBe(
      'Run Windows Server 2019 (1809) (build 17763) or a later release, or Windows Server 1903 (build 18362) or a later release.',
    );
  });
});

// upstream-verification.md item 4: W21 at release-v3.24 (6504b892ec) and release-v3.25 (9437c4e93e), and the
// tags, list 20H2; node/Makefile built 20H2 images (WINDOWS_VERSIONS?=1809 2004 20H2 ltsc2022). The docs
// switched to 2022 afterwards (tigera/docs 16ac57a62): both are accepted.
describe('windows-os-version on v3.24 and v3.25: 20H2 as released, 2022 as served now', () => {
  for (const release of ['3.24', '3.25'])
    ruleTable(
      'windows-os-version',
      [
        { name: `${release}: 20H2 passes`, facts: node('10.0.19042.1110'), subject: 'win-1', status: 'pass', message: /^Windows Server 20H2 \(10\.0\.19042\.1110\) is supported\.$/ },
        { name: `${release}: 2022 from 20348.169 passes`, facts: node('10.0.20348.169'), subject: 'win-1', status: 'pass' },
        { name: `${release}: 2004 fails`, facts: node('10.0.19041.685'), subject: 'win-1', status: 'fail', message: /supported: Windows Server 2019 \(1809\) \(17763\.1432\+\), Windows Server 20H2 \(19042\), Windows Server 2022 \(20348\.169\+\)\.$/ },
      ],
      findRelease(release).profile,
    );
  ruleTable('windows-os-version', [{ name: '3.26: 20H2 fails, as its page never listed it', facts: node('10.0.19042.1110'), subject: 'win-1', status: 'fail' }], findRelease('3.26').profile);
});

