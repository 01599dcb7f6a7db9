import { defineNodeRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'Calico BGP can use route reflectors, including in-cluster ones, but a Windows node cannot act as one: the Windows BGP router does not reflect routes. Route reflectors must be Linux nodes (or external routers). A node with no routeReflector fact is taken as not a route reflector, which is the default.',
  appliesWhen: 'Always, on each Windows node.',
  passesWhen: 'routeReflector is not true (absent means not a route reflector).',
};

export default defineNodeRule({
  id: 'windows-not-route-reflector',
  title: 'Windows node is not a route reflector',
  severity: 'error',
  sections: ['CNI and networking options'],
  remediation:
    "Make Linux nodes the route reflectors: remove spec.bgp.routeReflectorClusterID from the Windows node's Calico Node resource (calicoctl edit node <node>), and make sure no route-reflector label or BGPPeer selector picks it.",
  reads: ['node.routeReflector'],
  check: (_facts, node) =>
    node.routeReflector === true
      ? fail(
          `Node ${node.name} is configured as a route reflector (routeReflector is true); Windows nodes cannot be route reflectors.`,
          `Remove spec.bgp.routeReflectorClusterID from node ${node.name} (calicoctl edit node ${node.name}), drop it from any route-reflector label or BGPPeer selector, and use Linux nodes as route reflectors.`,
        )
      : pass(
          node.routeReflector === false
            ? `Node ${node.name} is not a route reflector (routeReflector is false).`
            : `Node ${node.name} is not a route reflector (routeReflector absent: the default, not a route reflector).`,
        ),
});
