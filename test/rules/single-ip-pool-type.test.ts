import { describe } from 'vitest';
import { ruleTable } from './harness.js';

describe('single-ip-pool-type', () => {
  ruleTable('single-ip-pool-type', [
    // Rows that pin down messages and remediations, from the mutation-testing review.
    { name: "a mix under calico-vxlan: the remediation disables the others, by command or by field", facts: { networking: 'calico-vxlan', calico: { ipPools: [{ name: 'v', encapsulation: 'vxlan' }, { name: 'b', encapsulation: 'none' }, { cidr: '10.9.0.0/16', encapsulation: 'ipip' }] } }, status: 'fail', message: /^Enabled pools mix encapsulations: 'vxlan' \(v\), 'none' \(b\), 'ipip' \(10\.9\.0\.0\/16\)\.$/, remediation: /^calico-vxlan needs every enabled pool to use 'vxlan'\. Migrate the workloads of the other pools and disable them, or change their encapsulation:\ncalicoctl patch ippool b -p '\{"spec":\{"disabled":true\}\}'\nDisable pool 10\.9\.0\.0\/16 \(spec\.disabled: true\)\.$/ },
    { name: "a mix with networking unknown: the general remediation", facts: { calico: { ipPools: [{ name: 'v', encapsulation: 'vxlan' }, { name: 'b', encapsulation: 'none' }] } }, status: 'fail', message: /^Enabled pools mix encapsulations: 'vxlan' \(v\), 'none' \(b\)\.$/, remediation: /^Keep one encapsulation across the cluster: migrate or disable the enabled pools whose encapsulation differs from the one the networking needs \(vxlan for calico-vxlan, none for calico-bgp\)\.$/ },
    { name: "five pools of one encapsulation are all named, six are cut at five", facts: { calico: { ipPools: [...['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, encapsulation: 'vxlan' as const })), ...['p', 'q', 'r', 's', 't', 'u'].map((name) => ({ name, encapsulation: 'none' as const }))] } }, status: 'fail', message: /^Enabled pools mix encapsulations: 'vxlan' \(a, b, c, d, e\), 'none' \(p, q, r, s, t and 1 more\)\.$/ },
    { name: "nothing known: pools and networking both named", facts: {}, status: 'unknown', missing: ["calico.ipPools", "networking"], message: /^Cannot decide: calico\.ipPools is not known\.$/ },
    { name: "every pool disabled: not applicable, counting them", facts: { networking: 'calico-bgp', calico: { ipPools: [{ name: 'v', encapsulation: 'vxlan', disabled: true }] } }, status: 'not-applicable', message: /^No enabled IP pool \(1 pool, all disabled\)\.$/ },
    { name: "several pools disabled: counted in the plural", facts: { networking: 'calico-bgp', calico: { ipPools: [{ name: 'v', encapsulation: 'vxlan', disabled: true }, { name: 'w', encapsulation: 'none', disabled: true }] } }, status: 'not-applicable', message: /^No enabled IP pool \(2 pools, all disabled\)\.$/ },
    { name: "a mix under calico-bgp: only the pools that are not 'none' get the command", facts: { networking: 'calico-bgp', calico: { ipPools: [{ name: 'b', encapsulation: 'none' }, { name: 'v', encapsulation: 'vxlan' }] } }, status: 'fail', remediation: /^calico-bgp needs every enabled pool to use 'none'\. Migrate the workloads of the other pools and disable them, or change their encapsulation:\ncalicoctl patch ippool v -p '\{"spec":\{"disabled":true\}\}'$/ },
    { name: "one pool passes, named", facts: { networking: 'calico-bgp', calico: { ipPools: [{ name: 'v', encapsulation: 'none' }] } }, status: 'pass', message: /^The only enabled pool, v, uses 'none'\.$/ },
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
