/**
 * What adopting a networking option sets: the facts as they would be under it. The values come from the
 * catalog's networking table (`NETWORKING`), never from a list of requirements: the rules then judge
 * the result.
 * @module
 */
import type { ClusterFacts, IpPool, KnownNetworking, NodeFacts } from '../model/facts.js';
import { enabledPools } from '../model/pools.js';
import { compareText } from '../model/words.js';
import { NETWORKING, cniPluginId, type NetworkingInfo } from '../catalog/tables/platforms.js';
import type { AssumedFact } from './types.js';

/** The facts under an option, and what the option changed to get them. */
export interface Adopted {
  readonly facts: ClusterFacts;
  readonly assumes: readonly AssumedFact[];
}

function assumed(fact: string, from: string | boolean | undefined, to: string | boolean): AssumedFact {
  return from === undefined ? { fact, to } : { fact, from, to };
}

/**
 * The facts as they would be with `option` adopted. The option the facts already use is taken as the
 * facts are: judging it is `evaluateCompatibility`'s answer, and the plan must never contradict it.
 * Any other option sets:
 * - `networking` to the option;
 * - `calico.bgpEnabled` to the table's `bgp` (Calico BGP runs BGP, Calico VXLAN does not);
 * - each enabled IP pool's encapsulation to the table's `poolEncapsulation` (a pool list that is not
 *   known stays unknown);
 * - each Windows node's CNI plugin to the table's `windowsCniPlugin`.
 */
export function adopt(facts: ClusterFacts, option: KnownNetworking): Adopted {
  if (facts.networking === option) return { facts, assumes: [] };
  const info: NetworkingInfo = NETWORKING[option];
  const assumes: AssumedFact[] = [assumed('networking', facts.networking, option)];
  // Pools and nodes are listed by name, as reports list them.
  const poolFacts: AssumedFact[] = [];
  const nodeFacts: AssumedFact[] = [];
  const adopted: ClusterFacts = { ...facts, networking: option };

  let calico = facts.calico;
  if (info.bgp !== undefined && calico?.bgpEnabled !== info.bgp) {
    assumes.push(assumed('calico.bgpEnabled', calico?.bgpEnabled, info.bgp));
    calico = { ...calico, bgpEnabled: info.bgp };
  }
  const wanted = info.poolEncapsulation;
  const pools = calico?.ipPools;
  if (wanted !== undefined && pools !== undefined) {
    const names = new Map(enabledPools(pools).map(({ pool, name }) => [pool, name]));
    const changed = pools.map((pool): IpPool => {
      const name = names.get(pool);
      if (name === undefined || pool.encapsulation === wanted) return pool;
      poolFacts.push(assumed(`calico.ipPools[${name}].encapsulation`, pool.encapsulation, wanted));
      return { ...pool, encapsulation: wanted };
    });
    calico = { ...calico, ipPools: changed };
  }
  if (calico !== undefined) adopted.calico = calico;

  const plugin = info.windowsCniPlugin;
  if (plugin !== undefined && facts.nodes !== undefined)
    adopted.nodes = facts.nodes.map((node): NodeFacts => {
      if (node.os !== 'windows' || (node.cniPlugin !== undefined && cniPluginId(node.cniPlugin) === plugin)) return node;
      nodeFacts.push(assumed(`nodes[${node.name}].cniPlugin`, node.cniPlugin, plugin));
      return { ...node, cniPlugin: plugin };
    });
  const byFact = (a: AssumedFact, b: AssumedFact): number => compareText(a.fact, b.fact);
  return { facts: adopted, assumes: [...assumes, ...poolFacts.sort(byFact), ...nodeFacts.sort(byFact)] };
}
