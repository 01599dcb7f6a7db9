import { enabledPools } from '../../model/pools.js';
import { NETWORKING, isCalicoNetworking } from '../tables/platforms.js';
import { need, poolCommand } from '../conditions.js';
import { condition, defineClusterRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';


/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'A Windows node supports only one IP pool type: its pods sit on one HNS network, an overlay network for VXLAN or an L2 bridge network for BGP. If some pools use VXLAN, every pool in the cluster must use VXLAN, and likewise for unencapsulated (BGP) pools.',
  appliesWhen:
    'Calico networking, or whenever an enabled IP pool is known. With other networking and no pool known it does not apply; with no enabled pool it does not apply.',
  passesWhen: 'Every enabled IP pool has the same encapsulation.',
};

export default defineClusterRule({
  id: 'single-ip-pool-type',
  title: 'All IP pools share one encapsulation',
  severity: 'error',
  sections: ['Windows platform requirements'],
  remediation:
    'Keep one encapsulation across the cluster: migrate or disable the enabled pools whose encapsulation differs from the one the networking needs (vxlan for calico-vxlan, none for calico-bgp).',
  when: condition(['calico.ipPools', 'networking'], ({ calico, networking }) => {
    const pools = calico?.ipPools;
    if (pools === undefined) {
      // Policy-only networking (VPC CNI, Azure CNI, win-bridge) gives pods no Calico pool: with no pool
      // known there is nothing for this rule to check.
      if (networking !== undefined && !isCalicoNetworking(networking))
        return { notApplicable: `No IP pool is known and networking '${networking}' is not Calico networking.` };
      return {
        // Stryker disable next-line ArrayDeclaration: calico.ipPools is in `requires` too, so the engine names it missing either way
        unknown: networking === undefined ? ['calico.ipPools', 'networking'] : ['calico.ipPools'],
        message: 'Cannot decide: calico.ipPools is not known.',
      };
    }
    const [first, ...rest] = enabledPools(pools);
    return first === undefined
      ? { notApplicable: `No enabled IP pool (${pools.length} pool${pools.length === 1 ? '' : 's'}, all disabled).` }
      : { given: { enabled: [first, ...rest] as const } };
  }),
  requires: ['calico.ipPools'],
  reads: ['networking'],
  check: ({ networking }, { profile, given: { enabled } }) => {
    const byEncapsulation = new Map<string, string[]>();
    for (const { pool, name: label } of enabled) {
      const labels = byEncapsulation.get(pool.encapsulation);
      if (labels === undefined) byEncapsulation.set(pool.encapsulation, [label]);
      else labels.push(label);
    }
    const [only] = byEncapsulation.keys();
    const first = enabled[0].name;
    if (byEncapsulation.size === 1)
      return pass(
        enabled.length === 1
          ? `The only enabled pool, ${first}, uses '${only}'.`
          : `All ${enabled.length} enabled pools use '${only}'.`,
      );

    // In the order of the list, at most five names per encapsulation: 100,000 pools make a short message.
    const named = (labels: readonly string[]): string =>
      labels.length <= 5 ? labels.join(', ') : `${labels.slice(0, 5).join(', ')} and ${labels.length - 5} more`;
    const mix = [...byEncapsulation].map(([encapsulation, labels]) => `'${encapsulation}' (${named(labels)})`).join(', ');
    const wanted =
      networking === 'calico-vxlan' || networking === 'calico-bgp' ? NETWORKING[networking].poolEncapsulation : undefined;
    if (wanted === undefined) return fail(`Enabled pools mix encapsulations: ${mix}.`);
    const others = enabled.filter(({ pool }) => pool.encapsulation !== wanted);
    return fail(
      `Enabled pools mix encapsulations: ${mix}.`,
      [
        `${networking} needs every enabled pool to use '${wanted}'. Migrate the workloads of the other pools and disable them, or change their encapsulation:`,
        ...others.map(({ pool, name: label }) =>
          pool.name === undefined
            ? `Disable pool ${label} (spec.disabled: true).`
            : poolCommand(need(profile.commands.disablePool, 'IP pool command', profile), { pool: pool.name }),
        ),
      ].join('\n'),
    );
  },
});
