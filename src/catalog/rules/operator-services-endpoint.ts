import { defineClusterRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    "Calico for Windows reaches the Kubernetes API server directly, not through a service IP: the operator reads its host and port from the kubernetes-services-endpoint ConfigMap in the tigera-operator namespace, and refuses to configure Windows nodes when either is missing.",
  appliesWhen: 'Always, in the profiles of the operator (HostProcess) install.',
  passesWhen: 'calico.kubernetesServicesEndpoint has both host and port.',
};

export default defineClusterRule({
  id: 'operator-services-endpoint',
  title: 'The API server endpoint ConfigMap is set',
  severity: 'error',
  sections: [],
  references: [
    { title: 'tigera/operator Installation validation', url: 'https://github.com/tigera/operator/blob/master/pkg/controller/installation/validation.go' },
  ],
  remediation:
    'kubectl create configmap kubernetes-services-endpoint -n tigera-operator --from-literal=KUBERNETES_SERVICE_HOST=<API server host> --from-literal=KUBERNETES_SERVICE_PORT=<API server port>',
  requires: ['calico.kubernetesServicesEndpoint'],
  check: ({ calico }) => {
    const { host, port } = calico.kubernetesServicesEndpoint;
    if (host !== undefined && port !== undefined) return pass(`The kubernetes-services-endpoint ConfigMap points at ${host}:${port}.`);
    const lacking = [host === undefined ? 'KUBERNETES_SERVICE_HOST' : undefined, port === undefined ? 'KUBERNETES_SERVICE_PORT' : undefined].filter(Boolean);
    return fail(`The kubernetes-services-endpoint ConfigMap lacks ${lacking.join(' and ')}: the operator does not configure Windows nodes without both.`);
  },
});
