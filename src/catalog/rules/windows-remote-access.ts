import type { ReleaseData } from '../../model/release.js';
import { need } from '../conditions.js';
import { defineNodeRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

const NAMES: Readonly<Record<string, string>> = { rdp: 'RDP', winrm: 'WinRM', ssh: 'ssh' };
const LONG: Readonly<Record<string, string>> = {
  rdp: 'Remote Desktop Protocol (RDP)',
  winrm: 'Windows Remote Management (WinRM)',
  ssh: 'ssh',
};
const methodsOf = (profile: ReleaseData): readonly string[] => need(profile.remoteAccess, 'remote access methods', profile);
// `RDP or WinRM`, `RDP, WinRM or ssh`.
const joined = (items: readonly string[], word: string): string =>
  // Stryker disable next-line EqualityOperator,StringLiteral: two items read the same joined either way; the last of three or more is always there
  items.length <= 2 ? items.join(` ${word} `) : `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1) ?? ''}`;
const named = (methods: readonly string[], names = NAMES): string => joined(methods.map((m) => names[m] ?? m), 'or');

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description: (profile) =>
    `Installing and operating Calico for Windows means running commands on each Windows node, so the node must be reachable remotely over ${named(methodsOf(profile), LONG)}.`,
  appliesWhen: 'Always, on each Windows node.',
  passesWhen: (profile) => `remoteAccess includes ${joined(methodsOf(profile).map((m) => `'${m}'`), 'or')}.`,
};

export default defineNodeRule({
  id: 'windows-remote-access',
  title: 'Node is reachable remotely',
  severity: 'error',
  sections: ['Windows platform requirements'],
  remediation: (profile) =>
    `Enable ${joined(
      methodsOf(profile).map((m) => ({ rdp: 'Remote Desktop', winrm: 'WinRM (Enable-PSRemoting -Force)', ssh: 'the OpenSSH server' })[m] ?? m),
      'or',
    )} on the node, and allow it through the firewalls and security groups between you and the node.`,
  requires: ['node.remoteAccess'],
  check: (_facts, node, { profile }) => {
    const methods = methodsOf(profile);
    // In one order whatever the facts' order: the message does not change with it.
    const usable = methods.filter((m) => (node.remoteAccess as readonly string[]).includes(m));
    const names = methods.map((m) => NAMES[m] ?? m);
    const neither = names.length > 2 ? `none of ${joined(names, 'and')}` : `neither ${joined(names, 'nor')}`;
    return usable.length > 0
      ? pass(`Node ${node.name} can be reached over ${usable.map((m) => NAMES[m] ?? m).join(' and ')}.`)
      : fail(
          node.remoteAccess.length === 0
            ? `Node ${node.name} cannot be reached remotely: remoteAccess is empty (${neither}).`
            : `Node ${node.name} can be reached only over ${[...node.remoteAccess].sort().join(', ')}, ${neither}.`,
        );
  },
});
