import { networkingIn } from '../conditions.js';
import { defineClusterRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

// Windows' VXLAN (HNS overlay) uses UDP 4789 only; Calico's own default is the same.
const WINDOWS_VXLAN_PORT = 4789;

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    "VXLAN on Windows runs on UDP port 4789 and no other. Calico's VXLAN port is configurable on Linux, so a cluster that moved it (to 8472, say, to avoid a clash) cannot carry traffic to and from Windows nodes.",
  appliesWhen: 'networking is calico-vxlan.',
  passesWhen: "calico.vxlanPort is absent (Calico's default, 4789) or 4789.",
};

export default defineClusterRule({
  id: 'vxlan-port',
  title: 'VXLAN uses port 4789',
  severity: 'error',
  sections: ['CNI and networking options'],
  remediation: `Set the VXLAN port back to ${WINDOWS_VXLAN_PORT}: calicoctl patch felixconfiguration default -p '{"spec":{"vxlanPort":${WINDOWS_VXLAN_PORT}}}'`,
  when: networkingIn(['calico-vxlan'], 'Calico VXLAN networking'),
  // Absent is Calico's documented default (4789), so it decides: no `requires`.
  reads: ['calico.vxlanPort'],
  check: ({ calico }) => {
    const port = calico?.vxlanPort;
    if (port === undefined) return pass(`calico.vxlanPort is not set, so VXLAN uses Calico's default, ${WINDOWS_VXLAN_PORT}.`);
    return port === WINDOWS_VXLAN_PORT
      ? pass(`VXLAN uses port ${port}.`)
      : fail(`VXLAN uses port ${port} (calico.vxlanPort); Windows supports only ${WINDOWS_VXLAN_PORT}.`);
  },
});
