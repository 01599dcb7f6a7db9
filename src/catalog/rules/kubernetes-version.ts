import { minorLine } from '../../model/version.js';
import { defineClusterRule } from '../../engine/define.js';
import { fail, pass, unknown, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'Each Calico release is tested against a few Kubernetes minor versions. Earlier or later versions may work, but they are not tested with Calico for Windows and may have known issues and incompatibilities, so running one is a warning rather than an error.',
  appliesWhen: 'Always.',
  passesWhen: (profile) =>
    `The minor line of kubernetes.version (1.22 for v1.22.4-eks-0389ca3) is one the release was tested against (${profile.testedKubernetes.join(', ')} for v${profile.release}).`,
};

export default defineClusterRule({
  id: 'kubernetes-version',
  title: 'Kubernetes version is one the release was tested with',
  severity: 'warning',
  sections: ['Kubernetes version'],
  remediation: 'Run a Kubernetes version the Calico release was tested against, or accept the risk of an untested combination.',
  requires: ['kubernetes.version'],
  check: ({ kubernetes }, { profile, kubernetesVersion }) => {
    const tested = profile.testedKubernetes.join(', ');
    if (kubernetesVersion === undefined)
      return unknown(`kubernetes.version '${kubernetes.version}' is not a version.`, ['kubernetes.version']);
    const line = minorLine(kubernetesVersion);
    return profile.testedKubernetes.includes(line)
      ? pass(`Kubernetes ${kubernetes.version} (${line}) is one Calico ${profile.release} was tested against (${tested}).`)
      : fail(
          `Kubernetes ${kubernetes.version} (${line}) is not one Calico ${profile.release} was tested against (${tested}); earlier or later versions may work but are untested.`,
          `Run Kubernetes ${tested} for a tested combination, or accept the risk of running ${line} untested.`,
        );
  },
});
