import { describe, expect, it } from 'vitest';
import type { ClusterFacts, IpPool } from '../../src/model/facts.js';
import { CALICO_3_31 } from '../../src/catalog/releases.js';
import { findingsOf, ruleTable } from './harness.js';

const pools = (networking: string | undefined, ...ipPools: IpPool[]): ClusterFacts =>
  networking === undefined ? { calico: { ipPools } } : { networking, calico: { ipPools } };

const vxlanPool: IpPool = { name: 'default-ipv4-ippool', cidr: '192.168.0.0/16', encapsulation: 'vxlan' };
const plainPool: IpPool = { name: 'bgp-pool', cidr: '10.244.0.0/16', encapsulation: 'none' };

describe('ip-pool-encapsulation', () => {
  ruleTable('ip-pool-encapsulation', [
    // Rows that pin down messages and remediations, from the mutation-testing review.
    { name: "a named pool gets the calicoctl command for VXLAN", facts: { networking: 'calico-vxlan', calico: { ipPools: [{ name: 'p', encapsulation: 'ipip' }] } }, status: 'fail', subject: "p", message: /^Pool p uses 'ipip'; calico-vxlan needs 'vxlan'\.$/, remediation: /^calicoctl patch ippool p -p '\{"spec":\{"ipipMode":"Never","vxlanMode":"Always"\}\}'$/ },
    { name: "an unnamed pool gets the modes to set for BGP", facts: { networking: 'calico-bgp', calico: { ipPools: [{ cidr: '10.0.0.0/8', encapsulation: 'vxlan' }] } }, status: 'fail', subject: "10.0.0.0/8", message: /^Pool 10\.0\.0\.0\/8 uses 'vxlan'; calico-bgp needs 'none'\.$/, remediation: /^Set the pool's ipipMode to Never and vxlanMode to Never\.$/ },
    { name: "an unnamed pool under VXLAN gets the modes for VXLAN", facts: { networking: 'calico-vxlan', calico: { ipPools: [{ cidr: '10.0.0.0/8', encapsulation: 'none' }] } }, status: 'fail', subject: "10.0.0.0/8", message: /^Pool 10\.0\.0\.0\/8 uses 'none'; calico-vxlan needs 'vxlan'\.$/, remediation: /^Set the pool's ipipMode to Never and vxlanMode to Always\.$/ },
    { name: "a pool with neither name nor CIDR is 'the pool' (the subject names it)", facts: { networking: 'calico-vxlan', calico: { ipPools: [{ encapsulation: 'ipip' }] } }, status: 'fail', subject: 'calico.ipPools[0]', message: /^The pool uses 'ipip'; calico-vxlan needs 'vxlan'\.$/ },
    { name: 'a pool with neither name nor CIDR passes as the pool', facts: { networking: 'calico-bgp', calico: { ipPools: [{ encapsulation: 'none' }] } }, status: 'pass', subject: 'calico.ipPools[0]', message: /^The pool uses 'none', as calico-bgp needs\.$/ },
    // v3.31's command patches the Installation too, with the encapsulation by name.
    { name: 'v3.31: a named pool under VXLAN gets VXLAN and vxlanMode Always', release: CALICO_3_31, facts: { networking: 'calico-vxlan', calico: { ipPools: [{ name: 'p', encapsulation: 'ipip' }] } }, status: 'fail', subject: 'p', remediation: /"value":"VXLAN"\}\]'[\s\S]*kubectl patch ippool p -p '\{"spec":\{"ipipMode":"Never","vxlanMode":"Always"\}\}'$/ },
    { name: 'v3.31: a named pool under BGP gets None and vxlanMode Never', release: CALICO_3_31, facts: { networking: 'calico-bgp', calico: { ipPools: [{ name: 'p', encapsulation: 'vxlan' }] } }, status: 'fail', subject: 'p', remediation: /"value":"None"\}\]'[\s\S]*kubectl patch ippool p -p '\{"spec":\{"ipipMode":"Never","vxlanMode":"Never"\}\}'$/ },
    { name: 'Calico VXLAN with a vxlan pool passes', facts: pools('calico-vxlan', vxlanPool), subject: 'default-ipv4-ippool', status: 'pass', message: /default-ipv4-ippool uses 'vxlan'/ },
    { name: 'Calico BGP with an unencapsulated pool passes', facts: pools('calico-bgp', plainPool), subject: 'bgp-pool', status: 'pass', message: /'none'/ },
    {
      name: 'Calico VXLAN with an IPIP pool fails, with a patch for the pool',
      facts: pools('calico-vxlan', { ...vxlanPool, encapsulation: 'ipip' }),
      subject: 'default-ipv4-ippool',
      status: 'fail',
      message: /uses 'ipip'; calico-vxlan needs 'vxlan'/,
      remediation: `calicoctl patch ippool default-ipv4-ippool -p '{"spec":{"ipipMode":"Never","vxlanMode":"Always"}}'`,
    },
    {
      name: 'Calico VXLAN with a vxlan-cross-subnet pool fails',
      facts: pools('calico-vxlan', { ...vxlanPool, encapsulation: 'vxlan-cross-subnet' }),
      subject: 'default-ipv4-ippool',
      status: 'fail',
      message: /'vxlan-cross-subnet'/,
    },
    {
      name: 'Calico BGP with a vxlan pool fails',
      facts: pools('calico-bgp', vxlanPool),
      subject: 'default-ipv4-ippool',
      status: 'fail',
      message: /calico-bgp needs 'none'/,
      remediation: /"vxlanMode":"Never"/,
    },
    {
      name: 'a pool without a name is named by its cidr',
      facts: pools('calico-bgp', { cidr: '10.10.0.0/16', encapsulation: 'ipip-cross-subnet' }),
      subject: '10.10.0.0/16',
      status: 'fail',
      message: /Pool 10\.10\.0\.0\/16 uses 'ipip-cross-subnet'/,
      remediation: /ipipMode to Never and vxlanMode to Never/,
    },
    { name: 'an absent networking is unknown on each pool', facts: pools(undefined, vxlanPool), subject: 'default-ipv4-ippool', status: 'unknown', missing: ['networking'] },
    { name: 'absent pools are one unknown cluster finding', facts: { networking: 'calico-vxlan' }, status: 'unknown', missing: ['calico.ipPools'] },
    { name: 'absent pools and networking name both', facts: {}, status: 'unknown', missing: ['networking', 'calico.ipPools'] },
    { name: 'cloud-provider networking is not-applicable', facts: pools('cloud-provider', { ...vxlanPool, encapsulation: 'ipip' }), status: 'not-applicable', message: /cloud-provider/ },
    { name: 'EKS VPC CNI is not-applicable even without pools', facts: { networking: 'eks-vpc-cni' }, status: 'not-applicable' },
    { name: 'only disabled pools: nothing to check', facts: pools('calico-vxlan', { ...vxlanPool, encapsulation: 'ipip', disabled: true }), status: 'not-applicable' },
    {
      name: 'each enabled pool gets its own finding',
      facts: pools('calico-vxlan', vxlanPool, { name: 'old-ipip', encapsulation: 'ipip' }),
      subject: 'old-ipip',
      status: 'fail',
      message: /old-ipip/,
    },
    { name: 'a sibling pool does not affect this one', facts: pools('calico-vxlan', vxlanPool, { name: 'old-ipip', encapsulation: 'ipip' }), subject: 'default-ipv4-ippool', status: 'pass' },
  ]);

  it('gives one finding per enabled pool, none for disabled ones, sorted by name', () => {
    const findings = findingsOf(
      'ip-pool-encapsulation',
      pools(
        'calico-vxlan',
        { name: 'z-pool', encapsulation: 'vxlan' },
        { name: 'retired', encapsulation: 'ipip', disabled: true },
        { cidr: '10.1.0.0/16', encapsulation: 'none' },
        { name: 'a-pool', encapsulation: 'vxlan', disabled: false },
      ),
    );
    expect(findings.map((f) => [f.subject, f.status])).toEqual([
      [{ kind: 'ip-pool', name: '10.1.0.0/16' }, 'fail'],
      [{ kind: 'ip-pool', name: 'a-pool' }, 'pass'],
      [{ kind: 'ip-pool', name: 'z-pool' }, 'pass'],
    ]);
  });

  it('is an error', () => {
    expect(findingsOf('ip-pool-encapsulation', pools('calico-vxlan', vxlanPool))[0]?.severity).toBe('error');
  });
});
