import { describe, expect, it } from 'vitest';
import type { WindowsNodeFacts } from '../../src/model/facts.js';
import { findingOf, goodWindowsNode, ruleTable } from './harness.js';

type Optional = Exclude<keyof WindowsNodeFacts, 'os' | 'name'>;
const win = (patch: Partial<WindowsNodeFacts> = {}, ...omit: Optional[]): WindowsNodeFacts => {
  const node: WindowsNodeFacts = { ...goodWindowsNode, remoteAccess: [...goodWindowsNode.remoteAccess], ...patch };
  for (const key of omit) delete node[key];
  return node;
};

describe('windows-powershell-admin', () => {
  ruleTable('windows-powershell-admin', [
    { name: 'Administrator PowerShell passes', facts: { nodes: [win()] }, subject: 'win-1', status: 'pass', message: /win-1/ },
    {
      name: 'no Administrator PowerShell fails',
      facts: { nodes: [win({ powershellAdmin: false })] },
      subject: 'win-1',
      status: 'fail',
      message: /win-1.*powershellAdmin is false/,
      remediation: /Run as Administrator/,
    },
    { name: 'an absent powershellAdmin is unknown', facts: { nodes: [win({}, 'powershellAdmin')] }, subject: 'win-1', status: 'unknown', missing: ['nodes[win-1].powershellAdmin'] },
    { name: 'no nodes at all is unknown for the cluster', facts: {}, status: 'unknown', missing: ['nodes'] },
    { name: 'no Windows node is unknown for the cluster', facts: { nodes: [{ os: 'linux', name: 'l1' }] }, status: 'unknown', missing: ['nodes[os=windows]'] },
    {
      name: 'each Windows node gets its own finding',
      facts: { nodes: [win(), win({ name: 'win-2' }, 'powershellAdmin')] },
      subject: 'win-2',
      status: 'unknown',
      missing: ['nodes[win-2].powershellAdmin'],
    },
    { name: 'a sibling node does not affect this one', facts: { nodes: [win(), win({ name: 'win-2', powershellAdmin: false })] }, subject: 'win-1', status: 'pass' },
  ]);

  it('is an error', () => {
    expect(findingOf('windows-powershell-admin', { nodes: [win()] }, 'win-1').severity).toBe('error');
  });
});
