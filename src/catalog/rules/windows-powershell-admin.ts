import { defineNodeRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'Calico for Windows is installed and run by PowerShell scripts that create HNS networks, register Windows services and change host networking; all of that needs an elevated (Administrator) PowerShell session on the node.',
  appliesWhen: 'Always, on each Windows node.',
  passesWhen: 'powershellAdmin is true: commands can be run as Administrator in PowerShell on the node.',
};

export default defineNodeRule({
  id: 'windows-powershell-admin',
  title: 'PowerShell can run as Administrator',
  severity: 'error',
  sections: ['Windows platform requirements'],
  remediation:
    'Use an account in the node\'s local Administrators group and start PowerShell with "Run as Administrator" to install and run Calico for Windows.',
  requires: ['node.powershellAdmin'],
  check: (_facts, node) =>
    node.powershellAdmin
      ? pass(`Node ${node.name}: commands can be run as Administrator in PowerShell (powershellAdmin is true).`)
      : fail(`Node ${node.name}: commands cannot be run as Administrator in PowerShell (powershellAdmin is false).`),
});
