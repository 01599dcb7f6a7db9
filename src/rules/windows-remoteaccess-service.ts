import { defineNodeRule, fail, pass, whenNetworking } from './define.js';

export default defineNodeRule({
  id: 'windows-remoteaccess-service',
  title: 'RemoteAccess service is installed (Calico BGP)',
  description:
    "With Calico BGP networking, each Windows node exchanges routes through the Windows BGP router, which is part of the RemoteAccess (Routing and Remote Access) service. Without it the node cannot learn or announce pod routes.",
  severity: 'error',
  sections: ['Windows platform requirements'],
  appliesWhen: 'networking is calico-bgp, on each Windows node.',
  passesWhen: 'remoteAccessServiceInstalled is true.',
  remediation:
    'On the node, in PowerShell as Administrator: Install-WindowsFeature RemoteAccess; Install-WindowsFeature RSAT-RemoteAccess-PowerShell; Install-WindowsFeature Routing; then Restart-Computer.',
  appliesReads: ['networking'],
  applies: whenNetworking(['calico-bgp'], 'Calico BGP networking'),
  requires: ['node.remoteAccessServiceInstalled'],
  check: (_facts, node) =>
    node.remoteAccessServiceInstalled
      ? pass(`Node ${node.name}: the RemoteAccess service (Windows BGP router) is installed.`)
      : fail(`Node ${node.name}: the RemoteAccess service is not installed, so the Windows BGP router Calico BGP needs is missing.`),
});
