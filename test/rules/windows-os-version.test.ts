import { describe } from 'vitest';
import { goodWindowsNode, ruleTable } from './harness.js';

const node = (osBuild?: string) => ({
  nodes: [osBuild === undefined ? { os: 'windows' as const, name: 'win-1' } : { os: 'windows' as const, name: 'win-1', osBuild }],
});

describe('windows-os-version', () => {
  ruleTable('windows-os-version', [
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
