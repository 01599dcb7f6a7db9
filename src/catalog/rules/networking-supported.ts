import type { ReleaseData } from '../../model/release.js';
import { NETWORKING, PLATFORMS, isKnownPlatform } from '../tables/platforms.js';
import { condition, defineClusterRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** The release's networking options, platforms with the same options together: `eks: eks-vpc-cni`. */
function optionsByPlatform(profile: ReleaseData): string {
  const groups = new Map<string, { platforms: string[]; options: readonly string[] }>();
  for (const [platform, options] of Object.entries(profile.networkingByPlatform)) {
    const key = JSON.stringify(options);
    const group = groups.get(key);
    if (group) group.platforms.push(platform);
    else groups.set(key, { platforms: [platform], options });
  }
  const or = (items: readonly string[]): string => {
    // Stryker disable next-line StringLiteral: at most one item is joined with no separator
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
  };
  return [...groups.values()].map(({ platforms, options }) => `${platforms.join(', ')}: ${or(options)}`).join('; ');
}

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    "Each platform supports its own networking options on Windows: Calico CNI with BGP or VXLAN, cloud-provider networking (Calico for policy only, with win-bridge.exe), or a managed platform's own CNI (the VPC CNI on EKS, Azure CNI on AKS). The release's requirements page lists the options of each platform.",
  appliesWhen: 'The platform is a supported one.',
  passesWhen: (profile) => `${optionsByPlatform(profile)}.`,
};

export default defineClusterRule({
  id: 'networking-supported',
  title: 'Networking is supported on the platform',
  severity: 'error',
  sections: ["What's supported in this release › Networking", 'CNI and networking options'],
  remediation: 'Choose a networking option the platform supports for Windows nodes (see the rule reference).',
  when: condition(['platform'], ({ platform }, { profile }) => {
    if (platform === undefined)
      // Stryker disable next-line ArrayDeclaration: platform is in `requires` too, so the engine names it missing either way
      return { unknown: ['platform'], message: 'Cannot decide: platform is not known.' };
    const allowed = isKnownPlatform(platform) ? profile.networkingByPlatform[platform] : undefined;
    return allowed === undefined || !isKnownPlatform(platform)
      ? { notApplicable: `Platform '${platform}' is not a supported one.` }
      : { given: { platform, allowed } };
  }),
  requires: ['platform', 'networking'],
  check: ({ networking }, { given: { platform, allowed } }) => {
    const name = (id: string): string => (id in NETWORKING ? `${id} (${NETWORKING[id as keyof typeof NETWORKING].displayName})` : id);
    return (allowed as readonly string[]).includes(networking)
      ? pass(`Networking ${name(networking)} is supported on ${PLATFORMS[platform].displayName}.`)
      : fail(
          `Networking '${networking}' is not supported on ${PLATFORMS[platform].displayName}; supported: ${allowed.join(', ')}.`,
          `Use ${allowed.map(name).join(' or ')} on ${PLATFORMS[platform].displayName}.`,
        );
  },
});
