import { parseContainerRuntime } from '../../model/runtime.js';
import { need } from '../conditions.js';
import { defineNodeRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'Calico for Windows sets up pod networking through the container runtime, and it works with two: containerd and Docker. One of them must be installed and running on each Windows node. When containerd is running Calico uses it; otherwise it assumes Docker.',
  appliesWhen: 'Always, on each Windows node.',
  passesWhen: "The node's container runtime is containerd or docker (any version).",
};

export default defineNodeRule({
  id: 'windows-container-runtime',
  title: 'Container runtime is containerd or Docker',
  severity: 'error',
  sections: ['Windows platform requirements'],
  remediation:
    'Install and run containerd (or Docker) on the node, and point the kubelet at it; when both run, Calico uses containerd.',
  requires: ['node.containerRuntime'],
  check: (_facts, node, { profile }) => {
    const runtime = parseContainerRuntime(node.containerRuntime);
    const runtimes = need(profile.containerRuntimes, 'container runtimes', profile);
    const supported = runtimes.join(' or ');
    // The static remediation offers both runtimes; a release with one names it.
    const remediation = runtimes.length === 2 ? undefined : `Install and run ${supported} on node ${node.name}, and point the kubelet at it.`;
    if (runtime === undefined)
      return fail(`Node ${node.name}: '${node.containerRuntime}' is not a container runtime; Calico for Windows needs ${supported}.`, remediation);
    const seen = runtime.version === undefined ? runtime.name : `${runtime.name} ${runtime.version}`;
    if (!runtimes.includes(runtime.name))
      return fail(`Node ${node.name} runs ${seen} ('${node.containerRuntime}'); Calico for Windows needs ${supported}.`, remediation);
    const note =
      runtime.name === 'containerd'
        ? 'Calico uses containerd whenever it is running, even alongside Docker.'
        : 'If containerd also runs on the node, Calico uses containerd instead of Docker.';
    return pass(`Node ${node.name} runs ${seen}, a supported runtime. ${note}`);
  },
});
