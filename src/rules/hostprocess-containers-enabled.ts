import { defineClusterRule, fail, pass, type RuleDocs } from './define.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'HostProcess containers must be enabled for the operator to run Calico for Windows on the nodes. Kubernetes 1.22 has them behind the WindowsHostProcessContainers feature gate; from 1.23 they are on by default. Whether a cluster has them on is a fact to state: a default is not assumed, since the gate can be turned off.',
  appliesWhen: 'Always, in the profiles of the operator (HostProcess) install.',
  passesWhen: 'kubernetes.hostProcessContainersEnabled is true.',
};

export default defineClusterRule({
  id: 'hostprocess-containers-enabled',
  title: 'HostProcess containers are enabled',
  severity: 'error',
  sections: ['Windows platform requirements › Operator install requirements'],
  remediation:
    'Enable HostProcess containers: on Kubernetes 1.22, start the API server and every kubelet with --feature-gates=WindowsHostProcessContainers=true; from 1.23 they are on unless that gate is set to false, so remove it.',
  requires: ['kubernetes.hostProcessContainersEnabled'],
  check: ({ kubernetes }) =>
    kubernetes.hostProcessContainersEnabled
      ? pass('HostProcess containers are enabled (kubernetes.hostProcessContainersEnabled is true).')
      : fail('HostProcess containers are disabled (kubernetes.hostProcessContainersEnabled is false): the operator cannot run Calico for Windows on the nodes.'),
});
