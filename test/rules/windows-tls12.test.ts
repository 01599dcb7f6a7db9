import { describe, expect, it } from 'vitest';
import type { WindowsNodeFacts } from '../../src/model/facts.js';
import { findingOf, findingsOf, goodWindowsNode, ruleTable } from './harness.js';

type Optional = Exclude<keyof WindowsNodeFacts, 'os' | 'name'>;
const win = (patch: Partial<WindowsNodeFacts> = {}, omit?: Optional): WindowsNodeFacts => {
  const node: WindowsNodeFacts = { ...goodWindowsNode, remoteAccess: [...goodWindowsNode.remoteAccess], ...patch };
  if (omit !== undefined) delete node[omit];
  return node;
};

const TLS12 = '[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12';

describe('windows-tls12', () => {
  ruleTable('windows-tls12', [
    // Rows that pin down messages and remediations, from the mutation-testing review.
    { name: "the remediation gives the PowerShell line for the node", facts: { nodes: [{ ...goodWindowsNode, tls12Enabled: false }] }, status: 'fail', subject: "win-1", remediation: /^Enable TLS 1\.2 in PowerShell on node win-1 before installing: \[Net\.ServicePointManager\]::SecurityProtocol = \[Net\.SecurityProtocolType\]::Tls12$/ },
    { name: 'TLS 1.2 enabled passes', facts: { nodes: [win()] }, subject: 'win-1', status: 'pass', message: /win-1.*TLS 1\.2 is enabled/ },
    {
      name: 'TLS 1.2 disabled fails, with the seed command',
      facts: { nodes: [win({ tls12Enabled: false })] },
      subject: 'win-1',
      status: 'fail',
      message: /win-1.*tls12Enabled is false/,
      remediation: TLS12,
    },
    { name: 'an absent tls12Enabled is unknown', facts: { nodes: [win({}, 'tls12Enabled')] }, subject: 'win-1', status: 'unknown', missing: ['nodes[win-1].tls12Enabled'] },
    { name: 'no nodes at all is unknown for the cluster', facts: {}, status: 'unknown', missing: ['nodes'] },
    { name: 'no Windows node is unknown for the cluster', facts: { nodes: [{ os: 'linux', name: 'l1' }] }, status: 'unknown', missing: ['nodes[os=windows]'] },
    {
      name: 'each Windows node gets its own finding: the failing one',
      facts: { nodes: [win(), win({ name: 'win-2', tls12Enabled: false })] },
      subject: 'win-2',
      status: 'fail',
      message: /win-2/,
      remediation: /win-2/,
    },
    {
      name: 'each Windows node gets its own finding: the passing one',
      facts: { nodes: [win(), win({ name: 'win-2', tls12Enabled: false })] },
      subject: 'win-1',
      status: 'pass',
    },
  ]);

  it('gives one finding per Windows node and none for Linux nodes', () => {
    const findings = findingsOf('windows-tls12', { nodes: [win({ name: 'win-b' }), { os: 'linux', name: 'l1' }, win({ name: 'win-a', tls12Enabled: false })] });
    expect(findings.map((f) => [f.subject, f.status])).toEqual([
      [{ kind: 'node', name: 'win-a' }, 'fail'],
      [{ kind: 'node', name: 'win-b' }, 'pass'],
    ]);
  });

  it('is an error', () => {
    expect(findingOf('windows-tls12', { nodes: [win()] }, 'win-1').severity).toBe('error');
  });
});
