import { PLATFORMS, isKnownPlatform } from '../tables/platforms.js';
import type { ClusterFacts } from '../../model/facts.js';
import { condition, defineClusterRule } from '../../engine/define.js';
import type { ClusterFactPath } from '../../engine/fact-paths.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** Where the nodes run: `infrastructure`, else what the platform implies (eks → aws, aks → azure). */
function infrastructureOf({ infrastructure, platform }: Pick<ClusterFacts, 'infrastructure' | 'platform'>): { value: string; why: string } | undefined {
  if (infrastructure !== undefined) return { value: infrastructure, why: `infrastructure '${infrastructure}'` };
  // Stryker disable next-line StringLiteral: any string that is no platform's id reads the same
  const known = platform ?? '';
  if (!isKnownPlatform(known)) return undefined;
  const info = PLATFORMS[known];
  return 'impliesInfrastructure' in info
    ? { value: info.impliesInfrastructure, why: `platform '${known}' runs on ${info.impliesInfrastructure}` }
    : undefined;
}

/** Applies to Calico BGP on AWS; hands `check` why the nodes are taken to run on AWS. */
const onAwsWithBgp = condition(['networking', 'infrastructure', 'platform'], (facts) => {
  const { networking } = facts;
  const infrastructure = infrastructureOf(facts);
  if (networking !== undefined && networking !== 'calico-bgp')
    return { notApplicable: `Applies only to Calico BGP on AWS; networking is '${networking}'.` };
  if (infrastructure !== undefined && infrastructure.value !== 'aws')
    return { notApplicable: `Applies only to Calico BGP on AWS; ${infrastructure.why}.` };
  if (networking !== undefined && infrastructure !== undefined) return { given: { where: infrastructure.why } };
  const missing: ClusterFactPath[] = [];
  if (networking === undefined) missing.push('networking');
  if (infrastructure === undefined) missing.push('infrastructure');
  return { unknown: missing, message: `Cannot tell whether the cluster runs Calico BGP on AWS: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not known.` };
});

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'With Calico BGP, pod traffic leaves a node with pod IP addresses, not the node\'s own. EC2 drops traffic whose source or destination is not the instance\'s own address unless the source/destination check is disabled, so each node must have it disabled to forward traffic for its pods.',
  appliesWhen: "networking is calico-bgp and the nodes run on AWS (infrastructure 'aws', or platform eks when infrastructure is absent).",
  passesWhen: 'network.sourceDestCheckDisabled is true: the check is disabled on every node\'s EC2 instance.',
};

export default defineClusterRule({
  id: 'aws-source-dest-check',
  title: 'EC2 source/destination check is off',
  severity: 'error',
  sections: ['CNI and networking options'],
  remediation:
    'Disable the source/destination check on the EC2 instance of every node, Linux and Windows: aws ec2 modify-instance-attribute --instance-id <instance-id> --no-source-dest-check',
  when: onAwsWithBgp,
  requires: ['network.sourceDestCheckDisabled'],
  check: (facts, { given: { where } }) => {
    return facts.network.sourceDestCheckDisabled
      ? pass(`The EC2 source/destination check is disabled on every node (calico-bgp, ${where}).`)
      : fail(`The EC2 source/destination check is not disabled on every node (network.sourceDestCheckDisabled is false; calico-bgp, ${where}).`);
  },
});
