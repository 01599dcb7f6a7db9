import { listForMessage } from '../../model/words.js';
import type { ClusterFacts } from '../../model/facts.js';
import { isLinuxWorker } from '../conditions.js';
import { defineClusterRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

function describeNode(node: NonNullable<ClusterFacts['nodes']>[number]): string {
  // Stryker disable next-line ConditionalExpression: a Windows node has no roles (the facts schema has none), so `true` reads the same
  const roles = node.os === 'linux' ? node.roles : undefined;
  return `${node.name} (${node.os}${roles === undefined ? '' : ` [${roles.join(', ')}]`})`;
}

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    "Calico's cluster-wide components, such as calico-kube-controllers and Typha, do not run on Windows, so a hybrid cluster needs at least one Linux worker node for them. Control-plane nodes are usually tainted against such workloads, so they do not count.",
  appliesWhen: 'Always.',
  passesWhen:
    "At least one Linux node is a worker: its roles are absent, include 'worker', or include none of 'control-plane', 'controlplane', 'master'.",
};

export default defineClusterRule({
  id: 'linux-worker-node',
  title: 'A Linux worker node runs the cluster-wide components',
  severity: 'error',
  sections: ['Linux platform requirements'],
  remediation: (profile) =>
    `Add a Linux worker node that meets the Linux system requirements of Calico and runs Calico v${profile.minLinuxCalico.replace(/\.0$/, '')} or later, or remove the control-plane role (and its taint) from a Linux node meant to run workloads.`,
  requires: ['nodes'],
  check: ({ nodes }) => {
    const workers = nodes.filter(isLinuxWorker);
    if (workers.length > 0)
      return pass(
        `${workers.length} Linux worker node${workers.length === 1 ? '' : 's'}: ${listForMessage(workers.map((n) => n.name))}.`,
      );
    if (nodes.length === 0) return fail('The node list is empty: no Linux worker node.');
    return fail(`No Linux worker node among ${nodes.length} node${nodes.length === 1 ? '' : 's'}: ${listForMessage(nodes.map(describeNode))}.`);
  },
});
