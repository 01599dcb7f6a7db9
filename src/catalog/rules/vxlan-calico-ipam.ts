import { networkingIn } from '../conditions.js';
import { defineClusterRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    "Calico VXLAN on Windows routes each node's Calico IPAM blocks: with another IPAM (host-local) the Windows installer and CNI plugin refuse to start (\"Calico VXLAN requires IPAM type calico-ipam\"), and the operator rejects VXLAN pools with HostLocal IPAM.",
  appliesWhen: 'networking is calico-vxlan.',
  passesWhen: "calico.ipam is 'calico'.",
};

export default defineClusterRule({
  id: 'vxlan-calico-ipam',
  title: 'Calico VXLAN uses Calico IPAM',
  severity: 'error',
  sections: [],
  references: [
    { title: 'projectcalico/calico CNI install (Windows)', url: 'https://github.com/projectcalico/calico/blob/master/cni-plugin/pkg/install/install_windows.go' },
    { title: 'projectcalico/calico calico.psm1 Test-CalicoConfiguration', url: 'https://github.com/projectcalico/calico/blob/master/node/windows-packaging/CalicoWindows/libs/calico/calico.psm1' },
    { title: 'tigera/operator Installation validation', url: 'https://github.com/tigera/operator/blob/master/pkg/controller/installation/validation.go' },
  ],
  remediation:
    "Use Calico IPAM with Calico VXLAN: spec.cni.ipam.type: Calico in the Installation, or ipam type calico-ipam in the CNI configuration (CNI_IPAM_TYPE = calico-ipam on Windows).",
  when: networkingIn(['calico-vxlan'], 'Calico VXLAN networking'),
  requires: ['calico.ipam'],
  check: ({ calico }) =>
    calico.ipam === 'calico'
      ? pass('Calico VXLAN uses Calico IPAM (calico.ipam is calico).')
      : fail(`Calico VXLAN with IPAM '${calico.ipam}': Windows supports Calico VXLAN only with Calico IPAM.`),
});
