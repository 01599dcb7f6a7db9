import { advisoryDocs, defineAdvisory, type Advisory } from '../advisory.js';

/** The known issue, as data: its upstream issue, the versions it covers, and the fix or workaround. */
export const advisory = {
  id: 'advisory-confd-endpoint-status',
  title: 'Windows BGP: confd fails without its endpoint-status folder',
  issue: { title: 'projectcalico/calico#10596 Confd problems in Windows', url: 'https://github.com/projectcalico/calico/issues/10596' },
  references: [
    { title: 'projectcalico/calico#10691 Fix confd on Windows by skipping watching endpoint status files', url: 'https://github.com/projectcalico/calico/pull/10691' },
    { title: 'projectcalico/calico#10703 (the fix on release-v3.30)', url: 'https://github.com/projectcalico/calico/pull/10703' },
  ],
  affects: { calico: '>=3.30.0 <3.30.3' },
  networking: ['calico-bgp'],
  impact:
    "On Windows nodes with Calico BGP, confd watches \\var\\run\\calico\\endpoint-status, which nothing creates on Windows: it logs errors every 30 seconds and finally crashes (\"program exceeds 10000-thread limit\").",
  remediation:
    'Upgrade Calico to v3.30.3 or later. Until then, create the directory \\var\\run\\calico\\endpoint-status on each Windows node (New-Item -ItemType Directory -Force \\var\\run\\calico\\endpoint-status).',
  evidence:
    'The local BGP peer watcher came with #10138, first in v3.30.0 (not in v3.29.x); the fix #10691 is first in v3.31.0 and its backport #10703 first in v3.30.3 (git tags of projectcalico/calico).',
} as const satisfies Advisory;

/** What the rule reference says about this rule. */
export const docs = advisoryDocs(advisory);

export default defineAdvisory(advisory);
