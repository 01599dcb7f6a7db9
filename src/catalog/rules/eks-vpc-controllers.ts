import { platformIs } from '../conditions.js';
import { defineClusterRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'On EKS, Windows pods get their VPC IP addresses through the VPC resource controller and the VPC admission webhook. Without them Windows pods cannot get an address and do not start.',
  appliesWhen: 'platform is eks.',
  passesWhen: 'eks.vpcControllersInstalled is true.',
};

export default defineClusterRule({
  id: 'eks-vpc-controllers',
  title: 'EKS VPC controllers are installed',
  severity: 'error',
  sections: ['EKS requirements'],
  remediation:
    "Enable Windows support in the cluster: install the VPC resource controller and VPC admission webhook (eksctl utils install-vpc-controllers --cluster <cluster> --approve), or, on current EKS versions, set enable-windows-ipam: \"true\" in the amazon-vpc-cni ConfigMap in kube-system.",
  when: platformIs('eks', 'EKS'),
  requires: ['eks.vpcControllersInstalled'],
  check: ({ eks }) =>
    eks.vpcControllersInstalled
      ? pass('The VPC controllers are installed (eks.vpcControllersInstalled is true).')
      : fail('The VPC controllers are not installed (eks.vpcControllersInstalled is false): Windows pods cannot get VPC addresses.'),
});
