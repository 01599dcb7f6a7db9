import { parseVersion } from '../../model/version.js';
import { defineClusterRule } from '../../engine/define.js';
import { fail, pass, unknown, type RuleDocs } from '../../engine/rule.js';

// Kubernetes turned HostProcess containers on by default in 1.23 and made them stable in 1.26
// (kubernetes-sigs/windows-testing#374; the feature gate was removed in 1.28, kubernetes/kubernetes#117570).
const ON_BY_DEFAULT = { major: 1, minor: 23 };

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'HostProcess containers must be enabled for the operator to run Calico for Windows on the nodes. Kubernetes 1.22 has them behind the WindowsHostProcessContainers feature gate, off by default; from 1.23 they are on by default (stable from 1.26), so an unstated setting on 1.23 or later is taken as that default.',
  appliesWhen: 'Always, in the profiles of the operator (HostProcess) install.',
  passesWhen:
    'kubernetes.hostProcessContainersEnabled is true, or it is not stated and kubernetes.version is 1.23 or later (on by default).',
};

export default defineClusterRule({
  id: 'hostprocess-containers-enabled',
  title: 'HostProcess containers are enabled',
  severity: 'error',
  sections: ['Windows platform requirements › Operator install requirements'],
  remediation:
    'Enable HostProcess containers: on Kubernetes 1.22, start the API server and every kubelet with --feature-gates=WindowsHostProcessContainers=true; from 1.23 they are on unless that gate is set to false, so remove it.',
  // Not `requires`: an unstated setting has Kubernetes' default from 1.23 on.
  reads: ['kubernetes.hostProcessContainersEnabled', 'kubernetes.version'],
  check: ({ kubernetes }) => {
    const enabled = kubernetes?.hostProcessContainersEnabled;
    if (enabled === true) return pass('HostProcess containers are enabled (kubernetes.hostProcessContainersEnabled is true).');
    if (enabled === false)
      return fail('HostProcess containers are disabled (kubernetes.hostProcessContainersEnabled is false): the operator cannot run Calico for Windows on the nodes.');
    const version = kubernetes?.version === undefined ? undefined : parseVersion(kubernetes.version);
    if (version === undefined)
      return unknown('Cannot decide: whether HostProcess containers are enabled is not stated, and neither is the Kubernetes version that would give their default.', [
        'kubernetes.hostProcessContainersEnabled',
        'kubernetes.version',
      ]);
    if (version.major > ON_BY_DEFAULT.major || (version.major === ON_BY_DEFAULT.major && version.minor >= ON_BY_DEFAULT.minor))
      return pass(`HostProcess containers are on by default in Kubernetes ${version.major}.${version.minor} (from 1.23; kubernetes.hostProcessContainersEnabled is not stated).`);
    return unknown(
      `Kubernetes ${version.major}.${version.minor} has HostProcess containers behind the WindowsHostProcessContainers feature gate, off by default: state whether it is enabled.`,
      ['kubernetes.hostProcessContainersEnabled'],
    );
  },
});
