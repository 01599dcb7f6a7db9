import { describe } from 'vitest';
import { CALICO_3_29 } from '../../src/catalog/releases.js';
import type { IpPool } from '../../src/model/facts.js';
import { ruleTable } from './harness.js';

const vxlan = (ipPools: IpPool[]) => ({ networking: 'calico-vxlan', calico: { ipPools } });

describe('operator-ip-pool-encapsulation', () => {
  ruleTable(
    'operator-ip-pool-encapsulation',
    [
      { name: 'a VXLAN first IPv4 pool passes', facts: vxlan([{ name: 'p', cidr: '10.244.0.0/16', encapsulation: 'vxlan' }]), status: 'pass', message: "The first IPv4 pool, p, uses 'vxlan'." },
      { name: 'an unencapsulated first IPv4 pool passes', facts: { networking: 'calico-bgp', calico: { ipPools: [{ cidr: '10.244.0.0/16', encapsulation: 'none' }] } }, status: 'pass' },
      {
        name: 'an IPIP first IPv4 pool fails, naming it as the operator does',
        facts: vxlan([{ name: 'v6', cidr: 'fd00::/48', encapsulation: 'vxlan' }, { name: 'p', cidr: '10.0.0.0/16', encapsulation: 'ipip' }]),
        status: 'fail',
        message: /first IPv4 pool, p, uses 'ipip' \(IPIP\)/,
        remediation: /\/spec\/calicoNetwork\/ipPools\/<i>\/encapsulation/,
      },
      { name: 'VXLANCrossSubnet fails', facts: vxlan([{ cidr: '10.0.0.0/16', encapsulation: 'vxlan-cross-subnet' }]), status: 'fail', message: /VXLANCrossSubnet/ },
      {
        name: 'only the first IPv4 pool counts',
        facts: vxlan([
          { name: 'p', cidr: '10.2.0.0/16', encapsulation: 'vxlan' },
          { name: 'q', cidr: '10.3.0.0/16', encapsulation: 'ipip' },
        ]),
        status: 'pass',
      },
      // upstream-verification.md item 9: tigera/operator render.GetIPv4Pool (pkg/render/node.go, v1.42.0)
      // takes the first IPv4 pool of spec.calicoNetwork.ipPools with no enabled filter.
      {
        name: 'a disabled IPIP pool listed first is the one the operator checks, and rejects',
        facts: vxlan([
          { name: 'old', cidr: '10.1.0.0/16', encapsulation: 'ipip', disabled: true },
          { name: 'p', cidr: '10.2.0.0/16', encapsulation: 'vxlan' },
        ]),
        status: 'fail',
        message: "The first IPv4 pool, old, is disabled, but the operator checks it all the same: it uses 'ipip' (IPIP); the operator accepts only VXLAN or None for Windows.",
      },
      {
        name: 'a disabled VXLAN pool listed first passes, said to be disabled',
        facts: vxlan([{ name: 'old', cidr: '10.1.0.0/16', encapsulation: 'vxlan', disabled: true }]),
        status: 'pass',
        message: "The first IPv4 pool, old (disabled), uses 'vxlan'.",
      },
      {
        name: 'a first pool without a CIDR is unknown',
        facts: vxlan([{ name: 'p', encapsulation: 'ipip' }]),
        status: 'unknown',
        missing: ['calico.ipPools'],
        message: 'Pool p has no CIDR, so whether it is the first IPv4 pool cannot be told.',
      },
      {
        name: 'a first pool without a name or a CIDR is named by its position',
        facts: vxlan([{ encapsulation: 'ipip' }]),
        status: 'unknown',
        missing: ['calico.ipPools'],
        message: 'Pool calico.ipPools[0] has no CIDR, so whether it is the first IPv4 pool cannot be told.',
      },
      {
        name: 'IPv6 pools only: nothing to check',
        facts: vxlan([{ cidr: 'fd00::/48', encapsulation: 'none' }]),
        status: 'not-applicable',
        message: 'No IPv4 pool: the operator has no pool to check.',
      },
      { name: 'it does not apply without Calico CNI', facts: { networking: 'aks-azure-cni' }, status: 'not-applicable' },
      { name: 'pools absent is unknown', facts: { networking: 'calico-vxlan' }, status: 'unknown', missing: ['calico.ipPools'] },
    ],
    CALICO_3_29,
  );
});
