import { describe } from 'vitest';
import { ruleTable } from './harness.js';

describe('single-ip-pool-type', () => {
  ruleTable('single-ip-pool-type', [
    {
      name: 'one enabled pool passes',
      facts: { networking: 'calico-vxlan', calico: { ipPools: [{ name: 'a', encapsulation: 'vxlan' }] } },
      status: 'pass',
      message: /only enabled pool, a, uses 'vxlan'/,
    },
    {
      name: 'several pools of one encapsulation pass',
      facts: { networking: 'calico-bgp', calico: { ipPools: [{ name: 'a', encapsulation: 'none' }, { name: 'b', encapsulation: 'none' }] } },
      status: 'pass',
      message: /All 2 enabled pools use 'none'/,
    },
    {
      name: 'a disabled pool of another encapsulation is ignored',
      facts: { networking: 'calico-vxlan', calico: { ipPools: [{ name: 'a', encapsulation: 'vxlan' }, { name: 'old', encapsulation: 'ipip', disabled: true }] } },
      status: 'pass',
    },
    {
      name: 'known pools decide without networking',
      facts: { calico: { ipPools: [{ name: 'a', encapsulation: 'vxlan' }] } },
      status: 'pass',
    },
    {
      name: 'mixed encapsulations fail, naming each pool; the fix disables the pools the networking does not want',
      facts: {
        networking: 'calico-vxlan',
        calico: { ipPools: [{ name: 'a', encapsulation: 'vxlan' }, { name: 'b', encapsulation: 'none' }, { cidr: '10.9.0.0/16', encapsulation: 'none' }] },
      },
      status: 'fail',
      message: /mix encapsulations: 'vxlan' \(a\), 'none' \(b, 10\.9\.0\.0\/16\)/,
      remediation: /calico-vxlan needs every enabled pool to use 'vxlan'[\s\S]*calicoctl patch ippool b -p '\{"spec":\{"disabled":true\}\}'[\s\S]*Disable pool 10\.9\.0\.0\/16/,
    },
    {
      name: 'vxlan and vxlan-cross-subnet are different types',
      facts: { networking: 'calico-vxlan', calico: { ipPools: [{ name: 'a', encapsulation: 'vxlan' }, { name: 'b', encapsulation: 'vxlan-cross-subnet' }] } },
      status: 'fail',
      message: /'vxlan' \(a\), 'vxlan-cross-subnet' \(b\)/,
    },
    {
      name: 'mixed pools fail without networking too, with the general remediation',
      facts: { calico: { ipPools: [{ name: 'a', encapsulation: 'vxlan' }, { name: 'b', encapsulation: 'none' }] } },
      status: 'fail',
      remediation: /Keep one encapsulation across the cluster/,
    },
    {
      name: 'mixed enabled pools fail even with policy-only networking',
      facts: { networking: 'cloud-provider', calico: { ipPools: [{ name: 'a', encapsulation: 'vxlan' }, { name: 'b', encapsulation: 'ipip' }] } },
      status: 'fail',
    },
    { name: 'pools absent with Calico networking is unknown', facts: { networking: 'calico-bgp' }, status: 'unknown', missing: ['calico.ipPools'] },
    { name: 'pools and networking absent is unknown, naming both', facts: {}, status: 'unknown', missing: ['calico.ipPools', 'networking'] },
    // An enabled pool added later would make it apply, so policy-only networking alone does not settle it.
    { name: 'pools absent with policy-only networking does not apply', facts: { networking: 'eks-vpc-cni' }, status: 'not-applicable', message: /eks-vpc-cni/ },
    { name: 'pools absent with Calico networking is unknown', facts: { networking: 'calico-vxlan' }, status: 'unknown', missing: ['calico.ipPools'] },
    {
      name: 'no enabled pool is not applicable',
      facts: { networking: 'calico-vxlan', calico: { ipPools: [{ name: 'old', encapsulation: 'ipip', disabled: true }] } },
      status: 'not-applicable',
      message: /No enabled IP pool \(1 pool, all disabled\)/,
    },
    { name: 'an empty pool list is not applicable', facts: { networking: 'eks-vpc-cni', calico: { ipPools: [] } }, status: 'not-applicable' },
  ]);
});
