import { compareVersions } from '../../model/version.js';
import { need } from '../conditions.js';
import { defineClusterRule } from '../../engine/define.js';
import { fail, pass, unknown, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'The operator install runs Calico for Windows in HostProcess containers, a Windows container type that runs on the host with its network namespace. Kubernetes has HostProcess containers from v1.22; an older cluster cannot run them.',
  appliesWhen: 'Always, in the profiles of the operator (HostProcess) install: v3.27 and later.',
  passesWhen: 'kubernetes.version is at least the release minimum (1.22).',
};

export default defineClusterRule({
  id: 'hostprocess-kubernetes-version',
  title: 'Kubernetes runs HostProcess containers',
  severity: 'error',
  sections: ['Windows platform requirements › Operator install requirements'],
  remediation: 'Upgrade Kubernetes to v1.22 or later before installing Calico for Windows with the operator.',
  requires: ['kubernetes.version'],
  check: ({ kubernetes }, { profile, kubernetesVersion }) => {
    const minimum = need(profile.hostProcess, 'HostProcess requirements', profile).minKubernetes;
    if (kubernetesVersion === undefined)
      return unknown(`kubernetes.version '${kubernetes.version}' is not a version, so it cannot be compared with ${minimum}.`, ['kubernetes.version']);
    return compareVersions(kubernetesVersion, minimum) >= 0
      ? pass(`Kubernetes ${kubernetesVersion.text} is at least ${minimum}: it runs HostProcess containers.`)
      : fail(
          `Kubernetes ${kubernetesVersion.text} is older than ${minimum}: it has no HostProcess containers, which the operator install runs Calico for Windows in.`,
          `Upgrade Kubernetes to v${minimum} or later before installing Calico for Windows with the operator.`,
        );
  },
});
