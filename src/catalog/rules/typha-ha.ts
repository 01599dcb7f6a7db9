import { listForMessage, numberWord } from '../../model/words.js';
import { isLinuxWorker, need } from '../conditions.js';
import { condition, defineClusterRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description: (profile) =>
    `On operator-managed Calico, the Tigera operator runs Typha, which fans datastore updates out to the Calico nodes. Typha is highly available only with ${profile.typhaLinuxWorkers === undefined ? 'several' : numberWord(profile.typhaLinuxWorkers)} Linux worker nodes to spread its replicas over; with fewer, losing one node can cut nodes off from policy and routing updates.`,
  appliesWhen: 'calico.operatorManaged is true.',
  passesWhen: (profile) => `At least ${profile.typhaLinuxWorkers === undefined ? 'the release profile\'s number of' : numberWord(profile.typhaLinuxWorkers)} Linux worker nodes (the release profile sets the number).`,
};

export default defineClusterRule({
  id: 'typha-ha',
  title: 'Enough Linux workers for Typha high availability',
  severity: 'warning',
  sections: ['Linux platform requirements'],
  remediation: 'Add Linux worker nodes until there are enough for Typha high availability.',
  when: condition(['calico.operatorManaged'], ({ calico }, { profile }) => {
    // v3.17 to v3.19.1 state the note for every install, not only operator-managed ones.
    // Stryker disable next-line ObjectLiteral: check reads nothing the condition hands it, so an empty answer applies alike
    if (profile.typhaAnyInstall === true) return { given: {} };
    const managed = calico?.operatorManaged;
    if (managed === undefined)
      return {
        unknown: ['calico.operatorManaged'],
        message: 'Cannot tell whether the Tigera operator manages Calico: calico.operatorManaged is not known.',
      };
    if (!managed) return { notApplicable: 'Applies only to operator-managed Calico; calico.operatorManaged is false.' };
    // Stryker disable next-line ObjectLiteral: check reads nothing the condition hands it, so an empty answer applies alike
    return { given: {} };
  }),
  requires: ['nodes'],
  check: ({ nodes }, { profile }) => {
    const needed = need(profile.typhaLinuxWorkers, 'Typha worker count', profile);
    const workers = nodes.filter(isLinuxWorker);
    const list = workers.length === 0 ? '' : ` (${listForMessage(workers.map((n) => n.name))})`;
    const counted = `${workers.length} Linux worker node${workers.length === 1 ? '' : 's'}${list}`;
    return workers.length >= needed
      ? pass(`${counted}; Typha high availability needs ${needed}.`)
      : fail(
          `Only ${counted}; Typha high availability needs ${needed}.`,
          `Add ${needed - workers.length} Linux worker node${needed - workers.length === 1 ? '' : 's'} so that Typha has ${needed} to run on.`,
        );
  },
});
