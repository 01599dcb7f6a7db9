/**
 * What rules share: the applicability conditions most of them use, and the helpers that fill a release's
 * data into remediation.
 * @module
 */
import type { ClusterFacts, KnownNetworking, KnownPlatform, LinuxNodeFacts } from '../model/facts.js';
import { CONTROL_PLANE_ROLES } from '../model/names.js';
import type { ReleaseData } from '../model/release.js';
import { quoteForShell } from '../model/words.js';
import { condition } from '../engine/define.js';
import type { Condition } from '../engine/rule.js';
import { isKnownPlatform } from './tables/platforms.js';

/**
 * Applies when `networking` is one of `options`; unknown while `networking` is absent. Hands `check` the
 * networking, narrowed to `options`.
 */
export function networkingIn<const N extends KnownNetworking>(options: readonly N[], label: string): Condition<{ readonly networking: N }> {
  return condition(['networking'], ({ networking }) => {
    if (networking === undefined)
      return { unknown: ['networking'], message: `Cannot tell whether the cluster uses ${label}: networking is not known.` };
    return (options as readonly string[]).includes(networking)
      ? { given: { networking: networking as N } }
      : { notApplicable: `Applies only to ${label}; networking is '${networking}'.` };
  });
}

/** Applies when `platform` is `platform`; unknown while `platform` is absent. */
export function platformIs(platform: KnownPlatform, label: string): Condition<{ readonly platform: KnownPlatform }> {
  return condition(['platform'], (facts) => {
    if (facts.platform === undefined)
      return { unknown: ['platform'], message: `Cannot tell whether the cluster is ${label}: platform is not known.` };
    return facts.platform === platform
      ? { given: { platform } }
      : { notApplicable: `Applies only to ${label}; platform is '${facts.platform}'.` };
  });
}

/**
 * A release command with one pool's values filled in, the pool's name quoted for the shell.
 *
 * @example
 * poolCommand(CALICO_3_23.commands.disablePool, { pool: 'default-ipv4-ippool' });
 */
export function poolCommand(template: string, values: { readonly pool: string; readonly vxlanMode?: string; readonly encapsulation?: string }): string {
  return template
    .replaceAll('<pool>', quoteForShell(values.pool, 'posix'))
    .replaceAll('<vxlanMode>', values.vxlanMode ?? '')
    .replaceAll('<encapsulation>', values.encapsulation ?? '');
}

/** Whether the release supports the platform: one it lists networking options for. */
export function supportedPlatform(platform: string, profile: ReleaseData): platform is KnownPlatform {
  return isKnownPlatform(platform) && profile.networkingByPlatform[platform] !== undefined;
}

/**
 * A datum a rule needs from the release's data. A profile that lists the rule without the datum is
 * misuse, and throws rather than deciding from nothing.
 */
export function need<T>(value: T | undefined, what: string, profile: ReleaseData): T {
  if (value === undefined) throw new Error(`[calico-windows-compat] the v${profile.release} ${profile.installMethod} profile has no ${what}`);
  return value;
}

/**
 * Whether a node is a Linux worker: a Linux node whose roles are absent, include `worker`, or include
 * no control-plane role. `linux-worker-node` asks for one, `typha-ha` counts them.
 */
export function isLinuxWorker(node: NonNullable<ClusterFacts['nodes']>[number]): node is LinuxNodeFacts {
  if (node.os !== 'linux') return false;
  if (node.roles === undefined || node.roles.includes('worker')) return true;
  return !node.roles.some((role) => CONTROL_PLANE_ROLES.includes(role));
}
