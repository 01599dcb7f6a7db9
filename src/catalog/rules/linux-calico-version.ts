import { compareVersions, parseVersion } from '../../model/version.js';
import { defineClusterRule } from '../../engine/define.js';
import { fail, pass, unknown, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'Calico for Windows joins the Calico installation that runs on the Linux side and shares its datastore, resources and IPAM. Linux Calico older than the minimum does not have what the Windows components of this release expect.',
  appliesWhen: 'Always.',
  passesWhen: (profile) => `calico.version is at least the release minimum (${profile.minLinuxCalico} for v${profile.release}).`,
};

export default defineClusterRule({
  id: 'linux-calico-version',
  title: 'Calico on Linux is recent enough',
  severity: 'error',
  sections: ['Linux platform requirements'],
  remediation:
    'Upgrade Calico on the Linux side to the minimum version or later; the same release as the Windows components is best.',
  requires: ['calico.version'],
  check: ({ calico }, { profile }) => {
    const seen = parseVersion(calico.version);
    if (seen === undefined)
      return unknown(`calico.version '${calico.version}' is not a version, so it cannot be compared with ${profile.minLinuxCalico}.`, [
        'calico.version',
      ]);
    const shown = seen.text === calico.version ? seen.text : `${calico.version} (${seen.text})`;
    return compareVersions(seen, profile.minLinuxCalico) >= 0
      ? pass(`Calico ${shown} is at least ${profile.minLinuxCalico}.`)
      : fail(
          `Calico ${shown} is older than ${profile.minLinuxCalico}.`,
          `Upgrade Calico on the Linux side to ${profile.minLinuxCalico} or later; v${profile.release}, the release of the Windows components, is best.`,
        );
  },
});
