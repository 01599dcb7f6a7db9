import { networkingIn } from '../conditions.js';
import { defineClusterRule } from '../../engine/define.js';
import { fail, notApplicable, pass, unknown, type RuleDocs } from '../../engine/rule.js';

const ACCEPTED = ['vxlan', 'none'];
const OPERATOR_NAME: Readonly<Record<string, string>> = {
  none: 'None',
  vxlan: 'VXLAN',
  'vxlan-cross-subnet': 'VXLANCrossSubnet',
  ipip: 'IPIP',
  'ipip-cross-subnet': 'IPIPCrossSubnet',
};

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    "The operator rejects an Installation with Calico CNI on Windows unless its first IPv4 IP pool is VXLAN or unencapsulated (None): IPIP, IPIPCrossSubnet and VXLANCrossSubnet are \"not supported by Calico for Windows\". The pools' order is the Installation's spec.calicoNetwork.ipPools order, and the operator takes the first IPv4 one whether or not it is disabled (tigera/operator render.GetIPv4Pool).",
  appliesWhen: 'Calico networking (calico-bgp or calico-vxlan), in the profiles of the operator install.',
  passesWhen: 'The first IPv4 pool of calico.ipPools, disabled or not, has encapsulation vxlan or none.',
};

export default defineClusterRule({
  id: 'operator-ip-pool-encapsulation',
  title: 'The first IPv4 pool is VXLAN or unencapsulated',
  severity: 'error',
  sections: [],
  references: [
    { title: 'tigera/operator Installation validation', url: 'https://github.com/tigera/operator/blob/master/pkg/controller/installation/validation.go' },
  ],
  remediation: `Set the pool's encapsulation in the Installation: kubectl patch installation default --type=json -p '[{"op":"replace","path":"/spec/calicoNetwork/ipPools/<i>/encapsulation","value":"VXLAN"}]' (<i>: its position in spec.calicoNetwork.ipPools; None for BGP without encapsulation).`,
  when: networkingIn(['calico-bgp', 'calico-vxlan'], 'Calico networking'),
  requires: ['calico.ipPools'],
  check: ({ calico }) => {
    // The first pool that is IPv4, disabled or not: the operator's render.GetIPv4Pool (v1.42.0) filters on
    // the CIDR alone (docs/upstream-verification.md, item 9). A pool without a CIDR cannot be told.
    for (const [index, pool] of calico.ipPools.entries()) {
      const name = pool.name ?? pool.cidr ?? `calico.ipPools[${index}]`;
      if (pool.cidr === undefined)
        return unknown(`Pool ${name} has no CIDR, so whether it is the first IPv4 pool cannot be told.`, ['calico.ipPools']);
      if (pool.cidr.includes(':')) continue;
      return ACCEPTED.includes(pool.encapsulation)
        ? pass(`The first IPv4 pool, ${name}${pool.disabled === true ? ' (disabled)' : ''}, uses '${pool.encapsulation}'.`)
        : fail(
            `The first IPv4 pool, ${name}${pool.disabled === true ? ', is disabled, but the operator checks it all the same: it' : ','} uses '${pool.encapsulation}' (${OPERATOR_NAME[pool.encapsulation] ?? pool.encapsulation}); the operator accepts only VXLAN or None for Windows.`,
          );
    }
    return notApplicable('No IPv4 pool: the operator has no pool to check.');
  },
});
