import { parseContainerRuntime } from '../../model/runtime.js';
import type { ReleaseData } from '../../model/release.js';
import { need } from '../conditions.js';
import { defineNodeRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

const RUNTIME_NAMES: Readonly<Record<string, string>> = { containerd: 'containerd', docker: 'Docker' };
/** The release's runtimes; a release whose page names none (v3.16) does not check them. */
const runtimesOf = (profile: ReleaseData): readonly string[] => profile.containerRuntimes ?? [];
const both = (profile: ReleaseData): boolean => runtimesOf(profile).length > 1;
const named = (profile: ReleaseData): string => runtimesOf(profile).map((r) => RUNTIME_NAMES[r] ?? r).join(' and ');
// Which runtime Calico picks when both run: stated from v3.22.1 (upstream.md §1, revision F) only.
const first = (profile: ReleaseData): boolean => both(profile) && profile.containerdFirst === true;

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description: (profile) => {
    const start = 'Calico for Windows sets up pod networking through the container runtime';
    if (runtimesOf(profile).length === 0) return `${start}. The requirements of v${profile.release} name no container runtime, so this release does not check it.`;
    return both(profile)
      ? `${start}, and it works with two: ${named(profile)}. One of them must be installed and running on each Windows node.${first(profile) ? ' When containerd is running Calico uses it; otherwise it assumes Docker.' : ''}`
      : `${start}, and this release works with ${named(profile)} only. It must be installed and running on each Windows node.`;
  },
  appliesWhen: 'Always, on each Windows node.',
  passesWhen: (profile) =>
    runtimesOf(profile).length === 0
      ? `The node's container runtime is one the release supports (v${profile.release} names none).`
      : `The node's container runtime is ${runtimesOf(profile).join(' or ')} (any version).`,
};

export default defineNodeRule({
  id: 'windows-container-runtime',
  title: 'Container runtime is supported',
  severity: 'error',
  sections: ['Windows platform requirements'],
  remediation: (profile) => {
    if (runtimesOf(profile).length === 0) return 'Install and run a container runtime Calico for Windows supports on the node, and point the kubelet at it.';
    return both(profile)
      ? `Install and run containerd (or Docker) on the node, and point the kubelet at it${first(profile) ? '; when both run, Calico uses containerd' : ''}.`
      : `Install and run ${named(profile)} on the node, and point the kubelet at it.`;
  },
  requires: ['node.containerRuntime'],
  check: (_facts, node, { profile }) => {
    const runtime = parseContainerRuntime(node.containerRuntime);
    const runtimes = need(profile.containerRuntimes, 'container runtimes', profile);
    const supported = runtimes.join(' or ');
    if (runtime === undefined)
      return fail(`Node ${node.name}: '${node.containerRuntime}' is not a container runtime; Calico for Windows needs ${supported}.`);
    const seen = runtime.version === undefined ? runtime.name : `${runtime.name} ${runtime.version}`;
    if (!runtimes.includes(runtime.name))
      return fail(`Node ${node.name} runs ${seen} ('${node.containerRuntime}'); Calico for Windows needs ${supported}.`);
    // Which runtime Calico picks when both run matters only where the release supports both, and says so.
    if (runtimes.length < 2) return pass(`Node ${node.name} runs ${seen}, the runtime Calico v${profile.release} supports.`);
    if (!first(profile)) return pass(`Node ${node.name} runs ${seen}, a supported runtime.`);
    const note =
      runtime.name === 'containerd'
        ? 'Calico uses containerd whenever it is running, even alongside Docker.'
        : 'If containerd also runs on the node, Calico uses containerd instead of Docker.';
    return pass(`Node ${node.name} runs ${seen}, a supported runtime. ${note}`);
  },
});
