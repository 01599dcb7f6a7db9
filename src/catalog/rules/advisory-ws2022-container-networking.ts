import { advisoryDocs, defineAdvisory, type Advisory } from '../advisory.js';

/** The known issue, as data: its upstream issue, the versions it covers, and the fix or workaround. */
export const advisory = {
  id: 'advisory-ws2022-container-networking',
  title: 'Windows Server 2022 updates that break Calico networking',
  issue: {
    title: 'projectcalico/calico#8529 calico breaks essential network connectivity on Windows 2022 10.0.20348.2322 and 10.0.20348.2582',
    url: 'https://github.com/projectcalico/calico/issues/8529',
  },
  references: [
    { title: 'projectcalico/calico#9019 Container networking broken after Windows Server 2022 KB5040437 (20348.2582)', url: 'https://github.com/projectcalico/calico/issues/9019' },
    { title: 'microsoft/Windows-Containers#516', url: 'https://github.com/microsoft/Windows-Containers/issues/516' },
  ],
  affects: { windowsBuild: '>=20348.2322 <20348.2762' },
  impact:
    'On Windows Server 2022 builds from 20348.2322 to the July 2024 update 20348.2582, nodes running Calico lose connectivity: the host interface becomes unreachable with BGP, and pods cannot reach other pods or the outside with VXLAN. 20348.1970 and earlier work.',
  remediation:
    'Install the October 2024 cumulative update, KB5044281 (build 20348.2762) or later, which fixes container networking with Calico; or remove the faulty update (for 20348.2322: dism /online /remove-package /PackageName:Package_for_RollupFix~31bf3856ad364e35~amd64~~20348.2322.1.271) and reboot.',
  evidence:
    "#8529 reports 20348.2322 and 20348.2582 broken and 20348.1970 and earlier working; #9019 and microsoft/Windows-Containers#516 report 20348.2582 (KB5040437) broken; a comment on #8529 reports the issue resolved by KB5044281 (20348.2762), whose notes list it as fixed.",
} as const satisfies Advisory;

/** What the rule reference says about this rule. */
export const docs = advisoryDocs(advisory);

export default defineAdvisory(advisory);
