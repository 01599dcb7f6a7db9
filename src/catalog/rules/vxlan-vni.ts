import { need, networkingIn } from '../conditions.js';
import { defineClusterRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    "Windows does not accept a VXLAN network identifier (VNI) below 4096: Calico's Windows CNI plugin and installer refuse it (\"Windows does not support VXLANVNI < 4096\"). Calico's default VNI is 4096; a Linux cluster that moved it lower cannot take Windows nodes. Changing the VNI later means draining the nodes and deleting their HNS networks.",
  appliesWhen: 'networking is calico-vxlan.',
  passesWhen: 'calico.vxlanVNI is at least 4096.',
};

export default defineClusterRule({
  id: 'vxlan-vni',
  title: 'VXLAN VNI is at least 4096',
  severity: 'error',
  sections: [],
  references: [
    { title: 'projectcalico/calico Windows dataplane (DefaultVNI)', url: 'https://github.com/projectcalico/calico/blob/master/cni-plugin/pkg/dataplane/windows/dataplane_windows.go' },
    { title: 'projectcalico/calico install-calico.ps1', url: 'https://github.com/projectcalico/calico/blob/master/node/windows-packaging/CalicoWindows/install-calico.ps1' },
  ],
  remediation: `Set the VXLAN VNI to 4096 or more: kubectl patch felixconfiguration default --type merge -p '{"spec":{"vxlanVNI":4096}}' (drain the nodes first: the change recreates the VXLAN networks).`,
  when: networkingIn(['calico-vxlan'], 'Calico VXLAN networking'),
  requires: ['calico.vxlanVNI'],
  check: ({ calico }, { profile }) => {
    const minimum = need(profile.minVxlanVni, 'minimum VXLAN VNI', profile);
    return calico.vxlanVNI >= minimum
      ? pass(`The VXLAN VNI is ${calico.vxlanVNI}, at least ${minimum}.`)
      : fail(`The VXLAN VNI is ${calico.vxlanVNI} (calico.vxlanVNI); Windows does not support a VNI below ${minimum}.`);
  },
});
