import { networkingIn } from '../conditions.js';
import { defineClusterRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'VXLAN traffic between nodes travels on UDP port 4789. Any firewall or cloud security group between Calico hosts, Linux and Windows alike, that drops it breaks pod-to-pod traffic across nodes.',
  appliesWhen: 'networking is calico-vxlan.',
  passesWhen: 'network.vxlanPortOpen is true.',
};

export default defineClusterRule({
  id: 'vxlan-port-open',
  title: 'UDP 4789 is open between Calico hosts',
  severity: 'error',
  sections: ['CNI and networking options'],
  remediation:
    'Allow UDP 4789 in both directions between all Calico hosts (Linux and Windows) in every firewall, including Windows Defender Firewall on the Windows nodes, and in every cloud security group or network security group.',
  when: networkingIn(['calico-vxlan'], 'Calico VXLAN networking'),
  requires: ['network.vxlanPortOpen'],
  check: ({ network }) =>
    network.vxlanPortOpen
      ? pass('UDP 4789 is open between all Calico hosts (network.vxlanPortOpen is true).')
      : fail('UDP 4789 is not open between all Calico hosts (network.vxlanPortOpen is false).'),
});
