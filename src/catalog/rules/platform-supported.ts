import type { KnownPlatform } from '../../model/facts.js';
import type { ReleaseData } from '../../model/release.js';
import { PLATFORMS } from '../tables/platforms.js';
import { supportedPlatform } from '../conditions.js';
import { defineClusterRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

const LONG_NAMES: Readonly<Record<KnownPlatform, string>> = {
  kubernetes: 'self-managed Kubernetes (including on-premises)',
  openshift: 'OpenShift',
  rke: 'Rancher Kubernetes Engine',
  eks: 'EKS',
  aks: 'AKS',
};
const SHORT_NAMES: Readonly<Record<KnownPlatform, string>> = { ...LONG_NAMES, kubernetes: 'self-managed Kubernetes', rke: 'RKE' };

/** The release's platforms, in the order the library lists them. */
const platformsOf = (profile: ReleaseData): KnownPlatform[] =>
  (Object.keys(PLATFORMS) as KnownPlatform[]).filter((p) => profile.networkingByPlatform[p] !== undefined);
const joined = (items: readonly string[], last: string): string => {
  // Stryker disable next-line StringLiteral: at most one item is joined with no separator
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
};

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description: (profile) =>
    `Calico for Windows is documented for ${joined(platformsOf(profile).map((p) => LONG_NAMES[p]), 'and')}. Other platforms (GKE, for example) are not supported by this release.`,
  appliesWhen: 'Always.',
  passesWhen: (profile) => `platform is ${joined(platformsOf(profile).map((p) => `'${p}'`), 'or')}.`,
};

export default defineClusterRule({
  id: 'platform-supported',
  title: 'Platform is supported',
  severity: 'error',
  sections: ["What's supported in this release › Platforms"],
  remediation: (profile) =>
    `Run the Windows nodes on a supported platform: ${joined(platformsOf(profile).map((p) => SHORT_NAMES[p]), 'or')}. If the platform is one of these under another name, set platform to its id.`,
  requires: ['platform'],
  check: ({ platform }, { profile }) => {
    // The release's platforms: v3.16 to v3.19.1 name only Kubernetes and EKS.
    const supported = Object.keys(profile.networkingByPlatform);
    if (supportedPlatform(platform, profile)) return pass(`Platform '${platform}' (${PLATFORMS[platform].displayName}) is supported.`);
    return fail(`Platform '${platform}' is not supported; supported: ${supported.join(', ')}.`);
  },
});
