import { need } from '../conditions.js';
import { defineNodeRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    "The Calico for Windows install scripts download components over HTTPS and talk to the Kubernetes API server; endpoints that accept only TLS 1.2 refuse older Windows defaults, so TLS 1.2 must be enabled in the node's PowerShell (.NET) session.",
  appliesWhen: 'Always, on each Windows node.',
  passesWhen: 'tls12Enabled is true.',
};

export default defineNodeRule({
  id: 'windows-tls12',
  title: 'TLS 1.2 is enabled',
  severity: 'error',
  sections: ['Windows platform requirements'],
  remediation:
    'Enable TLS 1.2 in PowerShell on the node before installing: [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12',
  requires: ['node.tls12Enabled'],
  check: (_facts, node, { profile }) =>
    node.tls12Enabled
      ? pass(`Node ${node.name}: TLS 1.2 is enabled (tls12Enabled is true).`)
      : fail(
          `Node ${node.name}: TLS 1.2 is not enabled (tls12Enabled is false).`,
          `Enable TLS 1.2 in PowerShell on node ${node.name} before installing: ${need(profile.commands.tls12, 'TLS 1.2 command', profile)}`,
        ),
});
