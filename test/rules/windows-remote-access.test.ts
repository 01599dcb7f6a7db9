import { describe, expect, it } from 'vitest';
import type { WindowsNodeFacts } from '../../src/model/facts.js';
import { findRelease } from '../../src/catalog/releases.js';
import { CALICO_3_23 } from '../../src/catalog/default.js';
import { findingOf, goodWindowsNode, ruleTable } from './harness.js';

type Optional = Exclude<keyof WindowsNodeFacts, 'os' | 'name'>;
const win = (patch: Partial<WindowsNodeFacts> = {}, ...omit: Optional[]): WindowsNodeFacts => {
  const node: WindowsNodeFacts = { ...goodWindowsNode, remoteAccess: [...goodWindowsNode.remoteAccess], ...patch };
  for (const key of omit) delete node[key];
  return node;
};

describe('windows-remote-access', () => {
  ruleTable('windows-remote-access', [
    { name: 'several unusable methods are listed', facts: { nodes: [{ ...goodWindowsNode, remoteAccess: ['ssh', 'telnet'] as unknown as ['rdp'] }] }, subject: 'win-1', status: 'fail', message: /^Node win-1 can be reached only over ssh, telnet, neither RDP nor WinRM\.$/ },
    // The seed (v3.23) names RDP and WinRM; ssh comes with the v3.27 manual install (upstream-verification.md item 5).
    { name: 'the methods used are listed in order, whatever their order in the facts', facts: { nodes: [{ ...goodWindowsNode, remoteAccess: ['telnet', 'ssh'] as unknown as ['rdp'] }] }, subject: 'win-1', status: 'fail', message: /^Node win-1 can be reached only over ssh, telnet, neither RDP nor WinRM\.$/ },
    { name: 'a release naming one method names it alone', release: { ...CALICO_3_23, remoteAccess: ['rdp'] }, facts: { nodes: [win({ remoteAccess: ['ssh'] })] }, subject: 'win-1', status: 'fail', message: /^Node win-1 can be reached only over ssh, neither RDP\.$/, remediation: /^Enable Remote Desktop on the node, and allow it/ },
    { name: 'ssh alone fails under the seed', facts: { nodes: [win({ remoteAccess: ['ssh'] })] }, subject: 'win-1', status: 'fail', message: /^Node win-1 can be reached only over ssh, neither RDP nor WinRM\.$/, remediation: /^Enable Remote Desktop or WinRM \(Enable-PSRemoting -Force\) on the node/ },
    { name: 'ssh passes under v3.27 (manual): "RDP, WinRM or ssh" (TDW(3.27))', release: findRelease('3.27/manual').profile, facts: { nodes: [win({ remoteAccess: ['ssh'] })] }, subject: 'win-1', status: 'pass', message: /^Node win-1 can be reached over ssh\.$/ },
    { name: 'under v3.30 (manual), nothing usable names all three', release: findRelease('3.30/manual').profile, facts: { nodes: [win({ remoteAccess: [] })] }, subject: 'win-1', status: 'fail', message: /remoteAccess is empty \(none of RDP, WinRM and ssh\)\./, remediation: /^Enable Remote Desktop, WinRM \(Enable-PSRemoting -Force\) or the OpenSSH server on the node/ },
    // Rows that pin down messages and remediations, from the mutation-testing review.
    { name: "a method that is neither RDP nor WinRM (unvalidated input) does not count", facts: { nodes: [{ ...goodWindowsNode, remoteAccess: ['ssh' as 'rdp'] }] }, status: 'fail', subject: "win-1", message: /^Node win-1 can be reached only over ssh, neither RDP nor WinRM\.$/ },
    { name: "both methods are named", facts: { nodes: [{ ...goodWindowsNode, remoteAccess: ['winrm', 'rdp'] }] }, status: 'pass', subject: "win-1", message: /^Node win-1 can be reached over RDP and WinRM\.$/ },
    { name: 'RDP passes', facts: { nodes: [win({ remoteAccess: ['rdp'] })] }, subject: 'win-1', status: 'pass', message: /win-1.*RDP/ },
    { name: 'WinRM passes', facts: { nodes: [win({ remoteAccess: ['winrm'] })] }, subject: 'win-1', status: 'pass', message: /WinRM/ },
    { name: 'both pass', facts: { nodes: [win({ remoteAccess: ['winrm', 'rdp'] })] }, subject: 'win-1', status: 'pass', message: /RDP and WinRM/ },
    {
      name: 'an empty list fails: the node cannot be reached',
      facts: { nodes: [win({ remoteAccess: [] })] },
      subject: 'win-1',
      status: 'fail',
      message: /win-1.*remoteAccess is empty/,
      remediation: /Enable-PSRemoting/,
    },
    { name: 'an absent remoteAccess is unknown, not fine', facts: { nodes: [win({}, 'remoteAccess')] }, subject: 'win-1', status: 'unknown', missing: ['nodes[win-1].remoteAccess'] },
    { name: 'no nodes at all is unknown for the cluster', facts: {}, status: 'unknown', missing: ['nodes'] },
    { name: 'no Windows node is unknown for the cluster', facts: { nodes: [{ os: 'linux', name: 'l1' }] }, status: 'unknown', missing: ['nodes[os=windows]'] },
    {
      name: 'each Windows node gets its own finding',
      facts: { nodes: [win(), win({ name: 'win-2', remoteAccess: [] })] },
      subject: 'win-2',
      status: 'fail',
      message: /win-2/,
    },
    { name: 'a sibling node does not affect this one', facts: { nodes: [win(), win({ name: 'win-2', remoteAccess: [] })] }, subject: 'win-1', status: 'pass' },
  ]);

  it('is an error', () => {
    expect(findingOf('windows-remote-access', { nodes: [win()] }, 'win-1').severity).toBe('error');
  });
});
