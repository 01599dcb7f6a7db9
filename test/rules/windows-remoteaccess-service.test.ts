import { describe, expect, it } from 'vitest';
import type { WindowsNodeFacts } from '../../src/model/facts.js';
import { findingOf, goodWindowsNode, ruleTable } from './harness.js';

type Optional = Exclude<keyof WindowsNodeFacts, 'os' | 'name'>;
const win = (patch: Partial<WindowsNodeFacts> = {}, ...omit: Optional[]): WindowsNodeFacts => {
  const node: WindowsNodeFacts = { ...goodWindowsNode, remoteAccess: [...goodWindowsNode.remoteAccess], ...patch };
  for (const key of omit) delete node[key];
  return node;
};

const bgp = (...nodes: WindowsNodeFacts[]) => ({ networking: 'calico-bgp', nodes });

describe('windows-remoteaccess-service', () => {
  ruleTable('windows-remoteaccess-service', [
    { name: 'Calico BGP with the service installed passes', facts: bgp(win()), subject: 'win-1', status: 'pass', message: /win-1.*RemoteAccess/ },
    {
      name: 'Calico BGP without the service fails',
      facts: bgp(win({ remoteAccessServiceInstalled: false })),
      subject: 'win-1',
      status: 'fail',
      message: /win-1.*not installed/,
      remediation: /Install-WindowsFeature RemoteAccess.*Install-WindowsFeature Routing/,
    },
    {
      name: 'Calico BGP with the fact absent is unknown',
      facts: bgp(win({}, 'remoteAccessServiceInstalled')),
      subject: 'win-1',
      status: 'unknown',
      missing: ['nodes[win-1].remoteAccessServiceInstalled'],
    },
    { name: 'an absent networking is unknown on each node', facts: { nodes: [win()] }, subject: 'win-1', status: 'unknown', missing: ['networking'] },
    { name: 'Calico VXLAN does not need it', facts: { networking: 'calico-vxlan', nodes: [win({ remoteAccessServiceInstalled: false })] }, status: 'not-applicable', message: /calico-vxlan/ },
    { name: 'cloud-provider networking does not need it', facts: { networking: 'cloud-provider', nodes: [win()] }, status: 'not-applicable' },
    { name: 'EKS VPC CNI does not need it', facts: { networking: 'eks-vpc-cni' }, status: 'not-applicable' },
    { name: 'Calico BGP with no nodes is unknown', facts: { networking: 'calico-bgp' }, status: 'unknown', missing: ['nodes'] },
    { name: 'neither networking nor nodes known', facts: {}, status: 'unknown', missing: ['networking', 'nodes'] },
    { name: 'Calico BGP with no Windows node is unknown', facts: { networking: 'calico-bgp', nodes: [{ os: 'linux', name: 'l1' }] }, status: 'unknown', missing: ['nodes[os=windows]'] },
    {
      name: 'each Windows node gets its own finding',
      facts: bgp(win(), win({ name: 'win-2', remoteAccessServiceInstalled: false })),
      subject: 'win-2',
      status: 'fail',
      message: /win-2/,
    },
    { name: 'a sibling node does not affect this one', facts: bgp(win(), win({ name: 'win-2', remoteAccessServiceInstalled: false })), subject: 'win-1', status: 'pass' },
  ]);

  it('is an error', () => {
    expect(findingOf('windows-remoteaccess-service', bgp(win()), 'win-1').severity).toBe('error');
  });
});
