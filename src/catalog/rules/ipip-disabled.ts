import { enabledPools } from '../../model/pools.js';
import type { IpPool } from '../../model/facts.js';
import { need, networkingIn, poolCommand } from '../conditions.js';
import { defineClusterRule } from '../../engine/define.js';
import { type ClusterFactPath } from '../../engine/fact-paths.js';
import { fail, pass, unknown, type RuleDocs } from '../../engine/rule.js';
import type { ReleaseData } from '../../model/release.js';

const IPIP: ReadonlySet<IpPool['encapsulation']> = new Set(['ipip', 'ipip-cross-subnet']);
// The manual install's Windows installer refuses FelixConfiguration ipipEnabled "true" (v3.17 and later,
// shared/spec/upstream.md §3a); the pages up to v3.26 give this command, and it still clears the setting after.
const FELIX_IPIP = `calicoctl patch felixconfiguration default -p '{"spec":{"ipipEnabled":false}}'`;

// From v3.27 the page's only instruction is on the IP pools (v3.31: in the Installation for pools the
// operator manages); the operator install has no installer reading FelixConfiguration, so its profiles
// decide from the pools alone (docs/upstream-verification.md, item 8).
const readsFelix = (profile: ReleaseData): boolean => profile.installMethod !== 'operator';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description: (profile) =>
    `Windows has no IPIP support: with Calico CNI only VXLAN, or BGP without encapsulation, works. IPIP is Calico's default encapsulation, so a Linux cluster set up with defaults has it on its default IP pool, and Windows nodes cannot reach pods behind it. ${
      readsFelix(profile)
        ? "The manual install's Windows installer also refuses a FelixConfiguration with ipipEnabled true."
        : 'The operator install reads the IP pools alone: FelixConfiguration ipipEnabled is not part of this requirement.'
    }`,
  appliesWhen: 'Calico networking (calico-bgp or calico-vxlan).',
  passesWhen: (profile) =>
    `${readsFelix(profile) ? 'calico.ipipEnabled is not true and no' : 'No'} enabled IP pool uses ipip or ipip-cross-subnet.`,
};

export default defineClusterRule({
  id: 'ipip-disabled',
  title: 'IPIP is turned off',
  severity: 'error',
  sections: ['Linux platform requirements'],
  remediation: (profile) =>
    profile.commands.disableIpip === FELIX_IPIP
      ? 'Turn IPIP off in the default FelixConfiguration (spec.ipipEnabled: false) and set ipipMode to Never on every enabled IP pool.'
      : `Set ipipMode to Never on every enabled IP pool, the default one as the page says: ${need(profile.commands.disableIpip, 'IPIP command', profile)}${
          readsFelix(profile) ? '\nKeep spec.ipipEnabled false in the default FelixConfiguration: the Windows installer refuses true.' : ''
        }`,
  when: networkingIn(['calico-bgp', 'calico-vxlan'], 'Calico networking'),
  // Not `requires`: either fact alone can prove a failure, so the other may still be absent.
  reads: ['calico.ipipEnabled', 'calico.ipPools'],
  check: ({ calico }, { profile, given: { networking } }) => {
    const felix = readsFelix(profile);
    const ipipEnabled = felix ? calico?.ipipEnabled : undefined;
    const pools = calico?.ipPools;
    const ipipPools = pools === undefined ? [] : enabledPools(pools).filter(({ pool }) => IPIP.has(pool.encapsulation));

    if (ipipEnabled === true || ipipPools.length > 0) {
      const problems: string[] = [];
      const fixes: string[] = [];
      if (ipipEnabled === true) {
        problems.push('calico.ipipEnabled is true');
        fixes.push(FELIX_IPIP);
      }
      if (ipipPools.length > 0) {
        problems.push(
          `enabled pool${ipipPools.length === 1 ? '' : 's'} ${ipipPools.map(({ pool, name: label }) => `${label} (${pool.encapsulation})`).join(', ')} use${ipipPools.length === 1 ? 's' : ''} IPIP`,
        );
        const vxlan = networking === 'calico-vxlan';
        const vxlanMode = vxlan ? 'Always' : 'Never';
        const command = need(profile.commands.setPoolEncapsulation, 'IP pool command', profile);
        for (const { pool, name: label } of ipipPools)
          fixes.push(
            pool.name === undefined
              ? `Set ipipMode to Never and vxlanMode to ${vxlanMode} on pool ${label}.`
              : poolCommand(command, { pool: pool.name, vxlanMode, encapsulation: vxlan ? 'VXLAN' : 'None' }),
          );
      }
      return fail(`IPIP is in use: ${problems.join('; ')}. Windows does not support IPIP.`, fixes.join('\n'));
    }

    const missing: ClusterFactPath[] = [];
    if (felix && ipipEnabled === undefined) missing.push('calico.ipipEnabled');
    if (pools === undefined) missing.push('calico.ipPools');
    if (missing.length > 0)
      return unknown(
        `Cannot decide: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not known${
          pools !== undefined ? '; no enabled pool uses IPIP' : ipipEnabled === false ? '; calico.ipipEnabled is false' : ''
        }.`,
        missing,
      );

    // Stryker disable next-line ArrayDeclaration: calico.ipPools is known here (else the rule answered unknown above)
    const count = enabledPools(pools ?? []).length;
    const poolsClean = count === 0 ? 'no IP pool is enabled' : `none of the ${count} enabled pool${count === 1 ? '' : 's'} uses IPIP`;
    if (felix) return pass(`calico.ipipEnabled is false and ${poolsClean}.`);
    return pass(
      `${poolsClean.charAt(0).toUpperCase()}${poolsClean.slice(1)}${
        // Stryker disable next-line OptionalChaining: calico.ipPools is known here, so calico is
        calico?.ipipEnabled === true ? ' (calico.ipipEnabled is true: the operator install decides from the pools alone)' : ''
      }.`,
    );
  },
});
