import { advisoryDocs, defineAdvisory, type Advisory } from '../advisory.js';

/** The known issue, as data: its upstream issue, the versions it covers, and the fix or workaround. */
export const advisory = {
  id: 'advisory-windows-bgp-not-configured',
  title: 'Windows BGP: calico-node never configures BGP',
  issue: { title: "projectcalico/calico#11714 Calico-node doesn't configure BGP on Windows when windows-bgp is configured", url: 'https://github.com/projectcalico/calico/issues/11714' },
  references: [
    { title: 'projectcalico/calico#11748 Added check if localBGPPeerWatcher is configured', url: 'https://github.com/projectcalico/calico/pull/11748' },
    { title: 'projectcalico/calico#12063 (the fix on release-v3.31)', url: 'https://github.com/projectcalico/calico/pull/12063' },
  ],
  affects: { calico: '>=3.30.3 <3.31.5' },
  networking: ['calico-bgp'],
  impact:
    "From v3.30.3, confd on Windows waits forever for the local BGP peer watcher it skips on Windows, so it never writes the BGP configuration: Get-BgpPeer answers \"BGP is not configured\" and the Windows nodes exchange no routes.",
  remediation:
    'Upgrade Calico to v3.31.5 or later (or v3.32.0 or later). No v3.30 release has the fix: on v3.30, stay on v3.30.2 or earlier.',
  evidence:
    'The skip came with #10691 (first in v3.31.0, backported as #10703, first in v3.30.3); the fix #11748 is first in v3.32.0 and its backport #12063 first in v3.31.5; no v3.30 tag (up to v3.30.7) has it (git tags of projectcalico/calico).',
} as const satisfies Advisory;

/** What the rule reference says about this rule. */
export const docs = advisoryDocs(advisory);

export default defineAdvisory(advisory);
