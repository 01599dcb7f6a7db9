import type { ReleaseData } from '../../model/release.js';
import { compareVersions } from '../../model/version.js';
import { need, platformIs } from '../conditions.js';
import { defineClusterRule } from '../../engine/define.js';
import { fail, pass, unknown, type RuleDocs } from '../../engine/rule.js';

/** The release's AKS minimum as its page writes it: `1.20`. */
const minimumOf = (profile: ReleaseData): string => profile.aksMinKubernetes?.replace(/\.0$/, '') ?? 'the release minimum';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description: (profile) =>
    `AKS offers Calico network policy for Windows node pools only from a minimum Kubernetes version (${minimumOf(profile)} for this release); an older cluster cannot have it.`,
  appliesWhen: 'platform is aks.',
  passesWhen: (profile) => `kubernetes.version is at least the minimum for AKS (${minimumOf(profile)} for v${profile.release}).`,
};

export default defineClusterRule({
  id: 'aks-kubernetes-version',
  title: 'AKS Kubernetes version supports Calico for Windows',
  severity: 'error',
  sections: ['AKS requirements'],
  remediation:
    'Create the AKS cluster with a Kubernetes version at or above the minimum (az aks create --kubernetes-version <version> ...); Calico for Windows can be enabled only on new clusters.',
  when: platformIs('aks', 'AKS'),
  requires: ['kubernetes.version'],
  check: ({ kubernetes }, { profile, kubernetesVersion }) => {
    const minimum = need(profile.aksMinKubernetes, 'AKS Kubernetes minimum', profile);
    if (kubernetesVersion === undefined)
      return unknown(`kubernetes.version '${kubernetes.version}' is not a version, so it cannot be compared with ${minimum}.`, [
        'kubernetes.version',
      ]);
    const shown = kubernetesVersion.text === kubernetes.version ? kubernetes.version : `${kubernetes.version} (${kubernetesVersion.text})`;
    return compareVersions(kubernetesVersion, minimum) >= 0
      ? pass(`Kubernetes ${shown} is at least ${minimum}, the minimum for Calico for Windows on AKS.`)
      : fail(
          `Kubernetes ${shown} is older than ${minimum}, the minimum for Calico for Windows on AKS.`,
          `Create a new AKS cluster with Kubernetes ${minimum} or later (az aks create --kubernetes-version <version> --network-plugin azure --network-policy calico ...); Calico for Windows can be enabled only on new clusters.`,
        );
  },
});
