import { networkingIn } from '../conditions.js';
import { defineClusterRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'With Calico VXLAN the nodes exchange routes over VXLAN, not BGP. Calico for Windows runs in one mode or the other, so BGP must be turned off on the Linux side when VXLAN is used.',
  appliesWhen: 'networking is calico-vxlan.',
  passesWhen: 'calico.bgpEnabled is false.',
};

export default defineClusterRule({
  id: 'vxlan-bgp-disabled',
  title: 'BGP is off with Calico VXLAN',
  severity: 'error',
  sections: ['CNI and networking options'],
  remediation: [
    'Turn BGP off.',
    `Operator-managed Calico: kubectl patch installation default --type merge -p '{"spec":{"calicoNetwork":{"bgp":"Disabled"}}}'`,
    "Manifest install: set calico_backend to 'vxlan' in the calico-config ConfigMap and remove the BIRD liveness and readiness checks from calico-node.",
  ].join('\n'),
  when: networkingIn(['calico-vxlan'], 'Calico VXLAN networking'),
  requires: ['calico.bgpEnabled'],
  check: ({ calico }) =>
    calico.bgpEnabled
      ? fail('BGP is running (calico.bgpEnabled is true) although networking is calico-vxlan.')
      : pass('BGP is off (calico.bgpEnabled is false), as calico-vxlan needs.'),
});
