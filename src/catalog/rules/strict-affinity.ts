import { isCalicoNetworking } from '../tables/platforms.js';
import { need } from '../conditions.js';
import { condition, defineClusterRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    "Windows nodes cannot use IP addresses borrowed from another node's block, and Linux nodes must not borrow from a Windows node's blocks. With Calico IPAM, strict affinity stops every node from borrowing addresses from blocks affine to other nodes.",
  appliesWhen:
    "Calico IPAM is used: calico.ipam is 'calico', or calico.ipam is absent and networking is Calico networking (whose default IPAM is Calico's).",
  passesWhen: 'calico.strictAffinity is true.',
};

export default defineClusterRule({
  id: 'strict-affinity',
  title: 'Calico IPAM uses strict affinity',
  severity: 'error',
  sections: ['Linux platform requirements'],
  remediation: (profile) =>
    `Turn on strict affinity in Calico's IPAM configuration with ${profile.commands.strictAffinity?.split(' ').slice(0, 3).join(' ') ?? 'calicoctl or kubectl'}.`,
  when: condition(['calico.ipam', 'networking'], ({ calico, networking }) => {
    const ipam = calico?.ipam;
    if (ipam === 'calico') return { given: { ipam: 'Calico IPAM' } };
    if (ipam !== undefined) return { notApplicable: `Applies only to Calico IPAM; calico.ipam is '${ipam}'.` };
    if (networking === undefined)
      return {
        unknown: ['calico.ipam', 'networking'],
        message: 'Cannot tell whether Calico IPAM is used: calico.ipam and networking are not known.',
      };
    return isCalicoNetworking(networking)
      ? { given: { ipam: `Calico IPAM (the default of ${networking})` } }
      : { notApplicable: `Applies only to Calico IPAM; calico.ipam is not set and networking '${networking}' does not use Calico IPAM.` };
  }),
  requires: ['calico.strictAffinity'],
  check: ({ calico }, { profile, given: { ipam } }) => {
    return calico.strictAffinity
      ? pass(`${ipam} has strict affinity on (calico.strictAffinity is true).`)
      : fail(`${ipam} has strict affinity off (calico.strictAffinity is false).`, need(profile.commands.strictAffinity, 'strict affinity command', profile));
  },
});
