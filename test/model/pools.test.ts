import { describe, expect, it } from 'vitest';
import { enabledPools } from '../../src/model/pools.js';

describe('enabledPools', () => {
  it('drops disabled pools and names the rest by name, else CIDR, else index', () => {
    const pools = enabledPools([
      { name: 'a', encapsulation: 'vxlan' },
      { name: 'off', encapsulation: 'ipip', disabled: true },
      { cidr: '10.0.0.0/16', encapsulation: 'none' },
      { encapsulation: 'none' },
      { encapsulation: 'none', disabled: false },
    ]);
    expect(pools.map((p) => p.name)).toEqual(['a', '10.0.0.0/16', 'calico.ipPools[3]', 'calico.ipPools[4]']);
  });

  it('names a pool by its index when its name would repeat another subject', () => {
    const pools = enabledPools([
      { name: '10.0.0.0/16', encapsulation: 'vxlan' },
      { cidr: '10.0.0.0/16', encapsulation: 'vxlan' },
    ]);
    expect(pools.map((p) => p.name)).toEqual(['10.0.0.0/16', 'calico.ipPools[1]']);
  });
});
