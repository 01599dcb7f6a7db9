import { platformIs } from '../conditions.js';
import { defineClusterRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'On AKS, Calico for Windows is turned on when the cluster is created (with Calico network policy) and cannot be added to an existing cluster afterwards.',
  appliesWhen: 'platform is aks.',
  passesWhen: 'aks.newCluster is true: Calico for Windows was enabled when the cluster was created.',
};

export default defineClusterRule({
  id: 'aks-new-cluster',
  title: 'AKS cluster was created with Calico for Windows',
  severity: 'error',
  sections: ['AKS requirements'],
  remediation:
    'Create a new AKS cluster with Azure CNI and Calico network policy (az aks create --network-plugin azure --network-policy calico ...), add the Windows node pools to it, and move the workloads over.',
  when: platformIs('aks', 'AKS'),
  requires: ['aks.newCluster'],
  check: ({ aks }) =>
    aks.newCluster
      ? pass('Calico for Windows was enabled when the cluster was created (aks.newCluster is true).')
      : fail('Calico for Windows was not enabled when the cluster was created (aks.newCluster is false); it cannot be added to an existing AKS cluster.'),
});
