import { windowsBuildOf } from '../../model/windows.js';
import { need } from '../conditions.js';
import { defineNodeRule } from '../../engine/define.js';
import { fail, notApplicable, pass, unknown, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    "Calico v3.17 to v3.19.1 support Windows Server 1809, 1903 and 1909 \"with some limitations\" below the builds that brought direct server return (DSR): 17763.1432, 18362.1049 and 18363.1049. Without DSR, kube-proxy source-NATs traffic from pods to service IPs, so policies that select the client pod do not match it. Running below those builds is a limitation, not a failure: a warning.",
  appliesWhen: 'On each Windows node of a release the DSR list names (1809, 1903, 1909), in the profiles of v3.17 to v3.19.1.',
  passesWhen: "The node's build revision is at least its release's DSR build.",
};

export default defineNodeRule({
  id: 'windows-dsr-support',
  title: 'Windows build supports DSR',
  severity: 'warning',
  sections: ['Windows platform requirements'],
  remediation: 'Install the latest cumulative update on the node: DSR needs 1809 build 17763.1432, 1903 build 18362.1049 or 1909 build 18363.1049 or later.',
  requires: ['node.osBuild'],
  check: (_facts, node, { profile }) => {
    const parsed = windowsBuildOf(node.osBuild);
    const floor = need(profile.dsrBuilds, 'DSR builds', profile).find((b) => b.build === parsed?.build);
    if (
      floor?.minRevision === undefined ||
      // Stryker disable next-line ConditionalExpression: without a parsed build no DSR floor matches, so the first test has answered
      parsed === undefined
    )
      return notApplicable(`Node ${node.name}: '${node.osBuild}' is no release the DSR list names (windows-os-version decides whether it is supported).`);
    const wanted = `${floor.build}.${floor.minRevision}`;
    if (parsed.revision === undefined)
      return unknown(`Node ${node.name}: DSR needs build ${wanted} or later, and '${node.osBuild}' carries no revision.`, ['node.osBuild']);
    return parsed.revision >= floor.minRevision
      ? pass(`Node ${node.name}: build ${parsed.build}.${parsed.revision} supports DSR (${wanted} or later).`)
      : fail(
          `Node ${node.name}: build ${parsed.build}.${parsed.revision} is older than ${wanted}, so it has no DSR: kube-proxy source-NATs pod traffic to service IPs.`,
          `Install the latest cumulative update on node ${node.name} (DSR needs build ${wanted} or later).`,
        );
  },
});
