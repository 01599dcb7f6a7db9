import { networkingIn } from '../conditions.js';
import { defineNodeRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    "With Calico BGP networking, each Windows node exchanges routes through the Windows BGP router, which is part of the RemoteAccess (Routing and Remote Access) service. Without it the node cannot learn or announce pod routes.",
  appliesWhen: 'networking is calico-bgp, on each Windows node.',
  passesWhen: 'remoteAccessServiceInstalled is true.',
};

export default defineNodeRule({
  id: 'windows-remoteaccess-service',
  title: 'RemoteAccess service is installed (Calico BGP)',
  severity: 'error',
  sections: ['Windows platform requirements'],
  remediation:
    'On the node, in PowerShell as Administrator: Install-WindowsFeature RemoteAccess; Install-WindowsFeature RSAT-RemoteAccess-PowerShell; Install-WindowsFeature Routing; then Restart-Computer.',
  when: networkingIn(['calico-bgp'], 'Calico BGP networking'),
  requires: ['node.remoteAccessServiceInstalled'],
  check: (_facts, node) =>
    node.remoteAccessServiceInstalled
      ? pass(`Node ${node.name}: the RemoteAccess service (Windows BGP router) is installed.`)
      : fail(`Node ${node.name}: the RemoteAccess service is not installed, so the Windows BGP router Calico BGP needs is missing.`),
});
