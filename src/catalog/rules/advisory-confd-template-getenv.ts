import { advisoryDocs, defineAdvisory, type Advisory } from '../advisory.js';

/** The known issue, as data: its upstream issue, the versions it covers, and the fix or workaround. */
export const advisory = {
  id: 'advisory-confd-template-getenv',
  title: 'Windows BGP: confd templates fail on v3.32',
  issue: { title: 'projectcalico/calico#13139 Calico Windows confd template missing getenv', url: 'https://github.com/projectcalico/calico/issues/13139' },
  references: [
    { title: 'projectcalico/calico#13140 Removed getenv from confd windows template', url: 'https://github.com/projectcalico/calico/pull/13140' },
    { title: 'projectcalico/calico#13163 (the fix picked onto release-v3.32)', url: 'https://github.com/projectcalico/calico/pull/13163' },
  ],
  affects: { calico: '>=3.32.0 <=3.32.1' },
  networking: ['calico-bgp'],
  impact:
    "v3.32 removed confd's getenv template function (#11850), but the Windows BGP templates still call it: confd errors when it starts on the Windows BGP templates, which call a function it no longer has.",
  remediation:
    'Use the v3.32 patch release after v3.32.1 (the fix #13163 is on release-v3.32), or stay on v3.31 until then.',
  evidence:
    "getenv was removed from confd's template functions by #11850, first in v3.32.0; the Windows templates still call it at v3.32.0 and v3.32.1; the fix #13140 was picked onto release-v3.32 (#13163) after v3.32.1 (git tags of projectcalico/calico).",
} as const satisfies Advisory;

/** What the rule reference says about this rule. */
export const docs = advisoryDocs(advisory);

export default defineAdvisory(advisory);
