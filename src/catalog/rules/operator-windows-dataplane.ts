import { defineClusterRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    "The Tigera operator installs Calico for Windows only when the Installation's spec.calicoNetwork.windowsDataplane is set to HNS. It defaults to Disabled, and then the operator deploys nothing to Windows nodes (tigera/operator WindowsEnabled).",
  appliesWhen: 'Always, in the profiles of the operator (HostProcess) install.',
  passesWhen: "calico.windowsDataplane is 'HNS'.",
};

export default defineClusterRule({
  id: 'operator-windows-dataplane',
  title: 'The operator has Windows turned on',
  severity: 'error',
  sections: [],
  references: [
    { title: 'tigera/operator WindowsEnabled', url: 'https://github.com/tigera/operator/blob/master/pkg/common/windows.go' },
  ],
  remediation: `kubectl patch installation default --type merge -p '{"spec":{"calicoNetwork":{"windowsDataplane":"HNS"}}}'`,
  requires: ['calico.windowsDataplane'],
  check: ({ calico }) =>
    calico.windowsDataplane === 'HNS'
      ? pass("The Installation's windowsDataplane is HNS: the operator installs Calico for Windows.")
      : fail(`The Installation's windowsDataplane is '${calico.windowsDataplane}': the operator installs nothing on Windows nodes unless it is HNS.`),
});
