import type { IpPool } from './facts.js';

/** An enabled IP pool with the name findings give it. */
export interface NamedPool {
  readonly pool: IpPool;
  /** Its name, else its CIDR; its index (`calico.ipPools[2]`) when that would name two pools alike. */
  readonly name: string;
}

/**
 * The enabled pools (disabled ones are ignored by every rule), each named the one way the engine and the
 * rules' messages name it.
 */
export function enabledPools(pools: readonly IpPool[]): NamedPool[] {
  const named: NamedPool[] = [];
  const taken = new Set<string>();
  pools.forEach((pool, index) => {
    if (pool.disabled === true) return;
    let name = pool.name ?? pool.cidr ?? `calico.ipPools[${index}]`;
    if (taken.has(name)) name = `calico.ipPools[${index}]`;
    taken.add(name);
    named.push({ pool, name });
  });
  return named;
}
