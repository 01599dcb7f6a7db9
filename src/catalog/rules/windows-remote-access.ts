import { defineNodeRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

const METHODS = ['rdp', 'winrm'] as const;

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'Installing and operating Calico for Windows means running commands on each Windows node, so the node must be reachable remotely over Remote Desktop Protocol (RDP) or Windows Remote Management (WinRM).',
  appliesWhen: 'Always, on each Windows node.',
  passesWhen: "remoteAccess includes 'rdp' or 'winrm'.",
};

export default defineNodeRule({
  id: 'windows-remote-access',
  title: 'Node is reachable over RDP or WinRM',
  severity: 'error',
  sections: ['Windows platform requirements'],
  remediation:
    'Enable Remote Desktop or WinRM (Enable-PSRemoting -Force) on the node, and allow it through the firewalls and security groups between you and the node.',
  requires: ['node.remoteAccess'],
  check: (_facts, node) => {
    // In one order whatever the facts' order: the message does not change with it.
    const usable = METHODS.filter((m) => (node.remoteAccess as readonly string[]).includes(m));
    return usable.length > 0
      ? pass(`Node ${node.name} can be reached over ${usable.map((m) => m.toUpperCase()).join(' and ')}.`)
      : fail(
          node.remoteAccess.length === 0
            ? `Node ${node.name} cannot be reached remotely: remoteAccess is empty (neither RDP nor WinRM).`
            : `Node ${node.name} can be reached only over ${[...node.remoteAccess].sort().join(', ')}, neither RDP nor WinRM.`,
        );
  },
});
