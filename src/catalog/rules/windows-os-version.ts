import { supportedBuild, type ReleaseData, type SupportedWindowsBuild } from '../../model/release.js';
import { windowsBuildOf, windowsReleaseName } from '../../model/windows.js';
import { alternatives } from '../../model/words.js';
import { defineNodeRule } from '../../engine/define.js';
import { fail, pass, unknown, type RuleDocs } from '../../engine/rule.js';

const builds = (profile: ReleaseData, describe: (build: SupportedWindowsBuild, name: string) => string): string =>
  alternatives(profile.windowsBuilds.map((b) => `${describe(b, windowsReleaseName(b.release))}${b.orLater === true ? ' or a later release' : ''}`));

const supportedLists = new WeakMap<ReleaseData, string>();

/** The release's supported builds for messages, made once per release: `Windows Server 2019 (1809) (17763.1432+), …`. */
function supportedList(profile: ReleaseData): string {
  let list = supportedLists.get(profile);
  if (list === undefined) {
    list = profile.windowsBuilds
      .map((b) => {
        const name = windowsReleaseName(b.release);
        const build = b.minRevision === undefined ? `${b.build}` : `${b.build}.${b.minRevision}+`;
        return `${name} (${build}${b.orLater === true ? ' or a later release' : ''})`;
      })
      .join(', ');
    supportedLists.set(profile, list);
  }
  return list;
}

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description: (profile) =>
    `Calico for Windows v${profile.release} supports ${builds(profile, (b, name) => (b.minRevision === undefined ? `${name} (build ${b.build})` : `${name} from build ${b.build}.${b.minRevision}`))}.${profile.windowsBuilds.some((b) => b.build === 17763 && b.minRevision === 1432) ? ' Build 17763.1432 is the Windows Server 1809 update that brought the direct server return Calico relies on.' : ''}`,
  appliesWhen: 'Always, on each Windows node.',
  passesWhen: (profile) =>
    `The build is ${builds(profile, (b) => (b.minRevision === undefined ? `${b.build}` : `${b.build} with revision ${b.minRevision} or later`))}.`,
};

export default defineNodeRule({
  id: 'windows-os-version',
  title: 'Windows Server version is supported',
  severity: 'error',
  sections: ['Windows platform requirements'],
  remediation: (profile) =>
    `Run ${builds(profile, (b, name) => (b.minRevision === undefined ? `${name} (build ${b.build})` : `${name} updated to build ${b.build}.${b.minRevision} or later (install the latest cumulative update)`))}.`,
  requires: ['node.osBuild'],
  check: (_facts, node, { profile }) => {
    const parsed = windowsBuildOf(node.osBuild);
    if (parsed === undefined) return fail(`'${node.osBuild}' is not a Windows build.`);
    const supported = supportedBuild(profile.windowsBuilds, parsed.build);
    const releaseName = parsed.release?.displayName ?? `build ${parsed.build}`;
    if (supported === undefined) return fail(`${releaseName} (${node.osBuild}) is not supported; supported: ${supportedList(profile)}.`);
    if (supported.build !== parsed.build)
      return pass(`${releaseName} (${node.osBuild}) is supported: the page supports ${windowsReleaseName(supported.release)} "or greater".`);
    if (supported.minRevision === undefined) return pass(`${releaseName} (${node.osBuild}) is supported.`);
    if (parsed.revision === undefined)
      return unknown(
        `${releaseName} is supported from build ${supported.build}.${supported.minRevision}, but '${node.osBuild}' carries no revision.`,
        ['node.osBuild'],
      );
    return parsed.revision >= supported.minRevision
      ? pass(`${releaseName} build ${parsed.build}.${parsed.revision} is at least ${supported.build}.${supported.minRevision}.`)
      : fail(`${releaseName} build ${parsed.build}.${parsed.revision} is older than ${supported.build}.${supported.minRevision}.`);
  },
});
