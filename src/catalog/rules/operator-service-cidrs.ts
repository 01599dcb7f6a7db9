import { networkingIn } from '../conditions.js';
import { defineClusterRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

const VALIDATION = { title: 'tigera/operator Installation validation', url: 'https://github.com/tigera/operator/blob/master/pkg/controller/installation/validation.go' };

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    "With Calico CNI on Windows, the operator needs the cluster's service CIDRs to configure the Windows nodes, and rejects an Installation without spec.serviceCIDRs (\"must be provided when using Calico CNI on Windows\").",
  appliesWhen: 'Calico networking (calico-bgp or calico-vxlan), in the profiles of the operator install.',
  passesWhen: 'calico.serviceCIDRs lists at least one CIDR.',
};

export default defineClusterRule({
  id: 'operator-service-cidrs',
  title: "The Installation lists the service CIDRs",
  severity: 'error',
  sections: [],
  references: [VALIDATION],
  remediation: `kubectl patch installation default --type merge -p '{"spec":{"serviceCIDRs":["<service CIDR>"]}}' (the kube-apiserver's --service-cluster-ip-range)`,
  when: networkingIn(['calico-bgp', 'calico-vxlan'], 'Calico networking'),
  requires: ['calico.serviceCIDRs'],
  check: ({ calico }) =>
    calico.serviceCIDRs.length > 0
      ? pass(`The Installation lists the service CIDRs: ${calico.serviceCIDRs.join(', ')}.`)
      : fail('The Installation lists no service CIDRs (spec.serviceCIDRs is empty): the operator rejects it with Calico CNI on Windows.'),
});
