import { parseContainerRuntime } from '../../model/runtime.js';
import { compareVersions, parseVersion } from '../../model/version.js';
import { need } from '../conditions.js';
import { defineNodeRule } from '../../engine/define.js';
import { fail, notApplicable, pass, unknown, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'The operator install runs Calico for Windows in HostProcess containers, which need containerd 1.6.0 or later on the node. Whether the node runs containerd at all is windows-container-runtime; this rule checks its version.',
  appliesWhen: 'On each Windows node that runs containerd, in the profiles of the operator (HostProcess) install.',
  passesWhen: "The node's containerd version is at least 1.6.0.",
};

export default defineNodeRule({
  id: 'windows-containerd-version',
  title: 'containerd is recent enough for HostProcess',
  severity: 'error',
  sections: ['Windows platform requirements › Operator install requirements'],
  remediation: 'Upgrade containerd on the node to v1.6.0 or later (for example with Install-Containerd.ps1 from kubernetes-sigs/sig-windows-tools).',
  requires: ['node.containerRuntime'],
  check: (_facts, node, { profile }) => {
    const minimum = need(profile.hostProcess, 'HostProcess requirements', profile).minContainerd;
    const runtime = parseContainerRuntime(node.containerRuntime);
    if (runtime?.name !== 'containerd')
      return notApplicable(`Node ${node.name} does not run containerd ('${node.containerRuntime}'): windows-container-runtime decides.`);
    // Stryker disable next-line ConditionalExpression: parseVersion(undefined) reads the text 'undefined', no version either
    const version = runtime.version === undefined ? undefined : parseVersion(runtime.version);
    if (version === undefined)
      return unknown(`Node ${node.name} runs containerd of no known version ('${node.containerRuntime}'); HostProcess needs ${minimum} or later.`, ['node.containerRuntime']);
    return compareVersions(version, minimum) >= 0
      ? pass(`Node ${node.name} runs containerd ${version.text}, at least ${minimum}.`)
      : fail(
          `Node ${node.name} runs containerd ${version.text}, older than ${minimum}, which HostProcess containers need.`,
          `Upgrade containerd on node ${node.name} to v${minimum} or later.`,
        );
  },
});
