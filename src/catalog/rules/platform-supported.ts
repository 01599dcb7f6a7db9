import { PLATFORMS } from '../tables/platforms.js';
import { supportedPlatform } from '../conditions.js';
import { defineClusterRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'Calico for Windows is documented for self-managed Kubernetes (including on-premises), OpenShift, Rancher Kubernetes Engine, EKS and AKS. Other platforms (GKE, for example) are not supported by this release.',
  appliesWhen: 'Always.',
  passesWhen: "platform is 'kubernetes', 'openshift', 'rke', 'eks' or 'aks'.",
};

export default defineClusterRule({
  id: 'platform-supported',
  title: 'Platform is supported',
  severity: 'error',
  sections: ["What's supported in this release › Platforms"],
  remediation:
    'Run the Windows nodes on a supported platform: self-managed Kubernetes, OpenShift, RKE, EKS or AKS. If the platform is one of these under another name, set platform to its id.',
  requires: ['platform'],
  check: ({ platform }, { profile }) => {
    // The release's platforms: v3.16 to v3.19.1 name only Kubernetes and EKS.
    const supported = Object.keys(profile.networkingByPlatform);
    if (supportedPlatform(platform, profile)) return pass(`Platform '${platform}' (${PLATFORMS[platform].displayName}) is supported.`);
    return fail(
      `Platform '${platform}' is not supported; supported: ${supported.join(', ')}.`,
      supported.length < Object.keys(PLATFORMS).length
        ? `Run the Windows nodes on a platform Calico v${profile.release} supports: ${supported.join(', ')}.`
        : undefined,
    );
  },
});
