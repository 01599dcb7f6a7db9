import { describe, expect, it } from 'vitest';
import { evaluateCompatibility } from '../../src/api.js';
import { NETWORKING, type KnownNetworking } from '../../src/catalog/tables/platforms.js';
import type { ClusterFacts } from '../../src/model/facts.js';
import { adopt } from '../../src/planner/adopt.js';
import { cluster, linuxNode, windowsNode } from '../../src/testing/builders.js';

// What an option sets comes from the networking table; the rules then judge the result.
describe('adopt: the facts as an option would make them', () => {
  const bgp = cluster.kubernetes({
    networking: 'calico-bgp',
    calico: {
      ipPools: [
        { name: 'default-ipv4-ippool', cidr: '192.168.0.0/16', encapsulation: 'none' },
        { name: 'old', cidr: '10.1.0.0/16', encapsulation: 'ipip', disabled: true },
        { cidr: '10.2.0.0/16', encapsulation: 'vxlan-cross-subnet' },
      ],
    },
    nodes: [linuxNode(), windowsNode({ name: 'win-b', cniPlugin: 'Calico.exe' }), windowsNode({ name: 'win-a', cniPlugin: undefined })],
  });

  it('takes the option the facts use as the facts are', () => {
    const adopted = adopt(bgp, 'calico-bgp');
    expect(adopted.facts).toBe(bgp);
    expect(adopted.assumes).toEqual([]);
  });

  it('Calico VXLAN: networking, BGP off, every enabled pool VXLAN (named as findings name them); a disabled pool and a calico.exe node left alone', () => {
    const adopted = adopt(bgp, 'calico-vxlan');
    expect(adopted.assumes).toStrictEqual([
      { fact: 'networking', from: 'calico-bgp', to: 'calico-vxlan' },
      { fact: 'calico.bgpEnabled', from: true, to: false },
      { fact: 'calico.ipPools[10.2.0.0/16].encapsulation', from: 'vxlan-cross-subnet', to: 'vxlan' },
      { fact: 'calico.ipPools[default-ipv4-ippool].encapsulation', from: 'none', to: 'vxlan' },
      { fact: 'nodes[win-a].cniPlugin', to: 'calico' },
    ]);
    expect(adopted.facts.calico?.ipPools?.map((p) => p.encapsulation)).toEqual(['vxlan', 'ipip', 'vxlan']);
    expect(adopted.facts.nodes?.map((n) => (n.os === 'windows' ? n.cniPlugin : n.os))).toEqual(['linux', 'Calico.exe', 'calico']);
    expect(adopted.facts.calico?.bgpEnabled).toBe(false);
  });

  it('cloud-provider: networking and the nodes\' win-bridge.exe, nothing of Calico\'s networking', () => {
    const adopted = adopt(bgp, 'cloud-provider');
    expect(adopted.assumes.map((a) => a.fact)).toEqual(['networking', 'nodes[win-a].cniPlugin', 'nodes[win-b].cniPlugin']);
    expect(adopted.facts.calico).toEqual(bgp.calico);
  });

  it.each(['eks-vpc-cni', 'aks-azure-cni'] as const)('%s: the networking alone', (option) => {
    expect(adopt(bgp, option).assumes).toEqual([{ fact: 'networking', from: 'calico-bgp', to: option }]);
  });

  it('an unknown fact is set without a from; an unknown pool list stays unknown', () => {
    const facts: ClusterFacts = { platform: 'kubernetes', nodes: [windowsNode({ cniPlugin: undefined })] };
    const adopted = adopt(facts, 'calico-bgp');
    expect(adopted.assumes).toStrictEqual([
      { fact: 'networking', to: 'calico-bgp' },
      { fact: 'calico.bgpEnabled', to: true },
      { fact: 'nodes[win-1].cniPlugin', to: 'calico' },
    ]);
    expect(adopted.facts.calico).toStrictEqual({ bgpEnabled: true });
  });

  it('sets only what differs: a fact that already holds the option\'s value is no assumption', () => {
    const facts = cluster.kubernetes({
      networking: 'cloud-provider',
      calico: { bgpEnabled: false, ipPools: [{ name: 'v', cidr: '10.0.0.0/16', encapsulation: 'vxlan' }, { name: 'n', cidr: '10.1.0.0/16', encapsulation: 'none' }] },
    });
    expect(adopt(facts, 'calico-vxlan').assumes.map((a) => a.fact)).toStrictEqual(['networking', 'calico.ipPools[n].encapsulation', 'nodes[win-1].cniPlugin']);
  });

  it('facts without Calico or nodes: nothing of them is made up where the option sets none', () => {
    expect(adopt({ platform: 'kubernetes' }, 'cloud-provider').facts).toStrictEqual({ platform: 'kubernetes', networking: 'cloud-provider' });
    expect(adopt({ platform: 'eks' }, 'eks-vpc-cni')).toStrictEqual({ facts: { platform: 'eks', networking: 'eks-vpc-cni' }, assumes: [{ fact: 'networking', to: 'eks-vpc-cni' }] });
  });

  it('does not change the facts it is given', () => {
    const before = JSON.stringify(bgp);
    adopt(bgp, 'calico-vxlan');
    adopt(bgp, 'cloud-provider');
    expect(JSON.stringify(bgp)).toBe(before);
  });

  // The table and the rules agree: what an option sets passes the rules about it, from facts that held
  // the other option's values (a BGP cluster for VXLAN, a VXLAN one for the rest).
  it.each(Object.keys(NETWORKING) as KnownNetworking[])('%s: the facts it sets pass the rules about them', (option) => {
    const from =
      option === 'eks-vpc-cni' ? cluster.eks() : option === 'aks-azure-cni' ? cluster.aks() : cluster.kubernetes({ networking: option === 'calico-vxlan' ? 'calico-bgp' : 'calico-vxlan' });
    const adopted = adopt({ ...from, networking: 'something-else' }, option);
    expect(adopted.assumes.length).toBeGreaterThan(option === 'calico-vxlan' || option === 'calico-bgp' ? 2 : 0);
    const failing = evaluateCompatibility(adopted.facts)
      .findings.filter((f) => f.status === 'fail')
      .map((f) => f.ruleId);
    const aboutTheOption = ['networking-supported', 'vxlan-bgp-disabled', 'ip-pool-encapsulation', 'single-ip-pool-type', 'windows-cni-plugin'];
    expect(failing.filter((id) => aboutTheOption.includes(id))).toEqual([]);
  });
});
