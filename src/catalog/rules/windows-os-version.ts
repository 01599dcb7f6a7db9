import { WINDOWS_RELEASES } from '../../model/windows-releases.js';
import { parseWindowsBuild } from '../../model/windows.js';
import { defineNodeRule } from '../../engine/define.js';
import { fail, pass, unknown, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'Calico for Windows supports Windows Server 1809 (Windows Server 2019) from build 17763.1432 — the update that brought the direct server return Calico relies on — and Windows Server 20H2 (build 19042).',
  appliesWhen: 'Always, on each Windows node.',
  passesWhen: 'The build is 17763 with revision 1432 or later, or 19042.',
};

export default defineNodeRule({
  id: 'windows-os-version',
  title: 'Windows Server version is supported',
  severity: 'error',
  sections: ['Windows platform requirements'],
  remediation:
    'Run Windows Server 2019 (1809) updated to build 17763.1432 or later (install the latest cumulative update), or Windows Server 20H2 (build 19042).',
  requires: ['node.osBuild'],
  check: (_facts, node, { profile }) => {
    const parsed = parseWindowsBuild(node.osBuild);
    if (parsed === undefined) return fail(`'${node.osBuild}' is not a Windows build.`);
    const supported = profile.windowsBuilds.find((b) => b.build === parsed.build);
    const releaseName = parsed.release?.displayName ?? `build ${parsed.build}`;
    const list = profile.windowsBuilds
      .map((b) => {
        // Stryker disable next-line OptionalChaining: a profile's builds are typed WindowsReleaseId, so every one is in WINDOWS_RELEASES
        const name = WINDOWS_RELEASES.find((r) => r.id === b.release)?.displayName ?? b.release;
        return b.minRevision === undefined ? `${name} (${b.build})` : `${name} (${b.build}.${b.minRevision}+)`;
      })
      .join(', ');
    // The static remediation names the seed's releases; other releases name their own.
    const seedReleases = profile.windowsBuilds.every((b) => (b.release === '1809' && b.minRevision === 1432) || b.release === '20H2');
    const remediation = seedReleases ? undefined : `Run a Windows Server release Calico v${profile.release} supports, with its latest cumulative update: ${list}.`;
    if (supported === undefined) return fail(`${releaseName} (${node.osBuild}) is not supported; supported: ${list}.`, remediation);
    if (supported.minRevision === undefined) return pass(`${releaseName} (${node.osBuild}) is supported.`);
    if (parsed.revision === undefined)
      return unknown(
        `${releaseName} is supported from build ${supported.build}.${supported.minRevision}, but '${node.osBuild}' carries no revision.`,
        ['node.osBuild'],
      );
    return parsed.revision >= supported.minRevision
      ? pass(`${releaseName} build ${parsed.build}.${parsed.revision} is at least ${supported.build}.${supported.minRevision}.`)
      : fail(`${releaseName} build ${parsed.build}.${parsed.revision} is older than ${supported.build}.${supported.minRevision}.`, remediation);
  },
});
