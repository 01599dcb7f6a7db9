import { NETWORKING, cniPluginId, isKnownNetworking } from '../tables/platforms.js';
import { networkingIn } from '../conditions.js';
import { defineNodeRule } from '../../engine/define.js';
import { fail, pass, unknown, type RuleDocs } from '../../engine/rule.js';

const WITH_PLUGIN = ['calico-bgp', 'calico-vxlan', 'cloud-provider'] as const;

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'The networking option decides which CNI plugin networks pods on Windows: calico.exe for Calico BGP and VXLAN networking, win-bridge.exe for cloud-provider networking (Calico policy-only). A node with another plugin does not get the networking the Linux side expects.',
  appliesWhen: 'networking is calico-bgp, calico-vxlan or cloud-provider, on each Windows node.',
  passesWhen: "Calico networking: cniPlugin is 'calico' (calico.exe); cloud-provider: 'win-bridge' (win-bridge.exe).",
};

export default defineNodeRule({
  id: 'windows-cni-plugin',
  title: 'Windows CNI plugin matches the networking',
  severity: 'error',
  sections: ['CNI and networking options'],
  remediation:
    'Configure the node with the CNI plugin its networking needs: calico.exe (installed by Calico for Windows) for Calico BGP or VXLAN, win-bridge.exe for cloud-provider networking.',
  when: networkingIn(WITH_PLUGIN, 'Calico BGP, Calico VXLAN or cloud-provider networking'),
  requires: ['networking', 'node.cniPlugin'],
  check: ({ networking }, node) => {
    const info = isKnownNetworking(networking) ? NETWORKING[networking] : undefined;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: `applies` admits only networking with a plugin, so info is present and names one
    const expected = info !== undefined && 'windowsCniPlugin' in info ? info.windowsCniPlugin : undefined;
    // Unreachable while `applies` admits only options with a plugin; kept honest rather than guessed.
    // Stryker disable next-line ConditionalExpression,StringLiteral,ArrayDeclaration: unreachable while `applies` admits only networking with a plugin
    if (expected === undefined) return unknown(`Networking '${networking}' names no Windows CNI plugin.`, []);
    // Stryker disable next-line LogicalOperator,OptionalChaining: info is present here (see above), so the fallback never runs
    const networkingName = `${networking} (${info?.displayName ?? networking})`;
    return cniPluginId(node.cniPlugin) === expected
      ? pass(`Node ${node.name} uses ${expected}.exe ('${node.cniPlugin}'), as ${networkingName} needs.`)
      : fail(
          `Node ${node.name} uses CNI plugin '${node.cniPlugin}'; ${networkingName} needs ${expected}.exe.`,
          expected === 'calico'
            ? `Install Calico for Windows on node ${node.name} with the networking backend the cluster uses, so its CNI configuration uses calico.exe.`
            : `Configure node ${node.name} for cloud-provider networking with the win-bridge.exe CNI plugin, leaving Calico to policy.`,
        );
  },
});
