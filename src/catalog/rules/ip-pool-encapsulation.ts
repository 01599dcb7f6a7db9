import { NETWORKING } from '../tables/platforms.js';
import { need, networkingIn, poolCommand } from '../conditions.js';
import { definePoolRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    "Windows supports VXLAN, or BGP without encapsulation; IPIP, Calico's default encapsulation, is not supported. With Calico VXLAN every enabled pool must be a VXLAN pool; with Calico BGP every enabled pool must be unencapsulated.",
  appliesWhen: 'Calico networking (calico-bgp or calico-vxlan), on each enabled IP pool.',
  passesWhen: "calico-vxlan: the pool's encapsulation is vxlan; calico-bgp: it is none.",
};

export default definePoolRule({
  id: 'ip-pool-encapsulation',
  title: 'IP pool encapsulation matches the networking',
  severity: 'error',
  sections: ['Linux platform requirements', 'CNI and networking options'],
  remediation: 'Change the pool to the encapsulation the networking needs.',
  when: networkingIn(['calico-bgp', 'calico-vxlan'], 'Calico networking'),
  requires: ['networking'],
  reads: ['pool.encapsulation'],
  check: ({ networking }, pool, { profile }) => {
    const wanted = networking === 'calico-vxlan' ? NETWORKING['calico-vxlan'].poolEncapsulation : NETWORKING['calico-bgp'].poolEncapsulation;
    const name = pool.name ?? pool.cidr;
    // A pool with neither name nor CIDR is named by the finding's subject alone (`calico.ipPools[0]`).
    const which = name === undefined ? 'The pool' : `Pool ${name}`;
    if (pool.encapsulation === wanted) return pass(`${which} uses '${pool.encapsulation}', as ${networking} needs.`);
    return fail(
      `${which} uses '${pool.encapsulation}'; ${networking} needs '${wanted}'.`,
      pool.name === undefined
        ? `Set the pool's ipipMode to Never and vxlanMode to ${wanted === 'vxlan' ? 'Always' : 'Never'}.`
        : poolCommand(need(profile.commands.setPoolEncapsulation, 'IP pool command', profile), {
            pool: pool.name,
            vxlanMode: wanted === 'vxlan' ? 'Always' : 'Never',
            encapsulation: wanted === 'vxlan' ? 'VXLAN' : 'None',
          }),
    );
  },
});
