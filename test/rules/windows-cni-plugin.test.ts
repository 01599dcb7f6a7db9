import { describe, expect, it } from 'vitest';
import type { WindowsNodeFacts } from '../../src/model/facts.js';
import { findingOf, goodWindowsNode, ruleTable } from './harness.js';

type Optional = Exclude<keyof WindowsNodeFacts, 'os' | 'name'>;
const win = (patch: Partial<WindowsNodeFacts> = {}, ...omit: Optional[]): WindowsNodeFacts => {
  const node: WindowsNodeFacts = { ...goodWindowsNode, remoteAccess: [...goodWindowsNode.remoteAccess], ...patch };
  for (const key of omit) delete node[key];
  return node;
};

const net = (networking: string | undefined, cniPlugin: string | undefined) => {
  const node = cniPlugin === undefined ? win({}, 'cniPlugin') : win({ cniPlugin });
  return networking === undefined ? { nodes: [node] } : { networking, nodes: [node] };
};

describe('windows-cni-plugin', () => {
  ruleTable('windows-cni-plugin', [
    // Rows that pin down messages and remediations, from the mutation-testing review.
    { name: "the plugin is compared without case, spaces or .exe", facts: { networking: 'calico-vxlan', nodes: [{ ...goodWindowsNode, cniPlugin: ' Calico.EXE ' }] }, status: 'pass', subject: "win-1", message: /^Node win-1 uses calico\.exe \(' Calico\.EXE '\), as calico-vxlan \(Calico CNI with VXLAN\) needs\.$/ },
    { name: "'.exe' is dropped only at the end: 'cal.exeico' is not calico", facts: net('calico-vxlan', 'cal.exeico'), subject: 'win-1', status: 'fail', message: /^Node win-1 uses CNI plugin 'cal\.exeico'; calico-vxlan \(Calico CNI with VXLAN\) needs calico\.exe\.$/ },
    { name: 'Calico BGP with calico passes', facts: net('calico-bgp', 'calico'), subject: 'win-1', status: 'pass', message: /win-1 uses calico\.exe.*calico-bgp/ },
    { name: 'Calico VXLAN with calico.exe passes', facts: net('calico-vxlan', 'calico.exe'), subject: 'win-1', status: 'pass' },
    { name: 'the plugin name is read case-insensitively', facts: net('calico-vxlan', 'Calico.EXE'), subject: 'win-1', status: 'pass', message: /'Calico\.EXE'/ },
    { name: 'cloud-provider with win-bridge passes', facts: net('cloud-provider', 'win-bridge'), subject: 'win-1', status: 'pass', message: /win-bridge\.exe/ },
    { name: 'cloud-provider with win-bridge.exe passes', facts: net('cloud-provider', 'win-bridge.exe'), subject: 'win-1', status: 'pass' },
    {
      name: 'Calico VXLAN with win-bridge fails, naming both',
      facts: net('calico-vxlan', 'win-bridge'),
      subject: 'win-1',
      status: 'fail',
      message: /win-1 uses CNI plugin 'win-bridge'; calico-vxlan .* needs calico\.exe/,
      remediation: /calico\.exe/,
    },
    {
      name: 'cloud-provider with calico fails',
      facts: net('cloud-provider', 'calico'),
      subject: 'win-1',
      status: 'fail',
      message: /'calico'; cloud-provider .* needs win-bridge\.exe/,
      remediation: /win-bridge\.exe/,
    },
    { name: 'Calico BGP with another plugin fails', facts: net('calico-bgp', 'flannel'), subject: 'win-1', status: 'fail', message: /'flannel'/ },
    { name: 'an absent plugin is unknown', facts: net('calico-bgp', undefined), subject: 'win-1', status: 'unknown', missing: ['nodes[win-1].cniPlugin'] },
    { name: 'an absent networking is unknown on each node', facts: net(undefined, 'calico'), subject: 'win-1', status: 'unknown', missing: ['networking'] },
    { name: 'EKS VPC CNI is not-applicable', facts: net('eks-vpc-cni', 'vpc-shared-eni'), status: 'not-applicable', message: /eks-vpc-cni/ },
    { name: 'AKS Azure CNI is not-applicable', facts: net('aks-azure-cni', 'azure-vnet'), status: 'not-applicable' },
    { name: 'an unknown networking option is not-applicable', facts: net('flannel', 'flannel'), status: 'not-applicable' },
    { name: 'no nodes at all is unknown for the cluster', facts: { networking: 'calico-vxlan' }, status: 'unknown', missing: ['nodes'] },
    { name: 'no Windows node is unknown for the cluster', facts: { networking: 'calico-vxlan', nodes: [{ os: 'linux', name: 'l1' }] }, status: 'unknown', missing: ['nodes[os=windows]'] },
    {
      name: 'each Windows node gets its own finding',
      facts: { networking: 'calico-vxlan', nodes: [win(), win({ name: 'win-2', cniPlugin: 'win-bridge.exe' })] },
      subject: 'win-2',
      status: 'fail',
      message: /win-2/,
    },
    {
      name: 'a sibling node does not affect this one',
      facts: { networking: 'calico-vxlan', nodes: [win(), win({ name: 'win-2', cniPlugin: 'win-bridge.exe' })] },
      subject: 'win-1',
      status: 'pass',
    },
  ]);

  it('is an error', () => {
    expect(findingOf('windows-cni-plugin', net('calico-bgp', 'calico'), 'win-1').severity).toBe('error');
  });
});
