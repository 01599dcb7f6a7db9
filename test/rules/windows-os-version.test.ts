import { describe } from 'vitest';
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
    { name: '1809 at exactly 17763.1432 passes', facts: node('10.0.17763.1432'), subject: 'win-1', status: 'pass' },
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
