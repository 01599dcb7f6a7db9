// derive: a release as the changes its pages made to the one before (how every profile of
// catalog/releases.ts is written). What a release states of itself is not inherited; every datum cites
// the page it comes from. A mistake in the changes (a rule removed that the release before did not have,
// a rule added that the catalog does not hold) stops the module from loading, naming the release and rule.
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../src/catalog/ids.js';
import { CALICO_3_23 } from '../src/catalog/default.js';
import { CALICO_3_27_MANIFEST, derive } from '../src/catalog/releases.js';

describe('derive', () => {
  it('a first release: its own data, commands and rules, each datum citing its page', () => {
    const first = derive(undefined, {
      release: '9.0',
      installMethod: 'manifest',
      page: 'windows page',
      kubernetesPage: 'kubernetes page',
      docsUrl: 'https://example.com/9.0',
      windowsBuilds: [{ release: '1809', build: 17763 }],
      testedKubernetes: ['1.30'],
      networkingByPlatform: { eks: ['eks-vpc-cni'] },
      minLinuxCalico: '3.12.0',
      commands: { tls12: 'tls' },
      cite: { networkingByPlatform: 'the EKS guide' },
      add: ['platform-supported'],
    });
    expect(first).toStrictEqual({
      release: '9.0',
      installMethod: 'manifest',
      docsUrl: 'https://example.com/9.0',
      windowsBuilds: [{ release: '1809', build: 17763 }],
      testedKubernetes: ['1.30'],
      networkingByPlatform: { eks: ['eks-vpc-cni'] },
      minLinuxCalico: '3.12.0',
      commands: { tls12: 'tls' },
      rules: [CALICO_3_23.rules[0]],
      sources: {
        windowsBuilds: 'windows page',
        testedKubernetes: 'kubernetes page',
        networkingByPlatform: 'the EKS guide',
        minLinuxCalico: 'windows page',
        commands: 'windows page',
        rules: 'windows page',
      },
      source: 'windows page',
    });
  });

  it('a later release: inherits data and commands, drops what its page no longer states, and nothing it states of itself', () => {
    const next = derive(CALICO_3_27_MANIFEST, {
      release: '9.1',
      page: 'the 9.1 page',
      typhaLinuxWorkers: 5,
      commands: { tls12: undefined, disablePool: 'disable <pool>' },
      drop: ['aksMinKubernetes'],
      remove: ['windows-tls12'],
    });
    expect(next.release).toBe('9.1');
    expect(next.windowsBuilds).toBe(CALICO_3_27_MANIFEST.windowsBuilds);
    expect(next.typhaLinuxWorkers).toBe(5);
    const { tls12: _gone, ...kept } = CALICO_3_27_MANIFEST.commands;
    expect(next.commands).toStrictEqual({ ...kept, disablePool: 'disable <pool>' });
    expect(Object.keys(next.commands)).not.toContain('tls12');
    expect(next).not.toHaveProperty('aksMinKubernetes');
    // v3.27's manual install is deprecated and has as-released data: neither is the next release's.
    expect(CALICO_3_27_MANIFEST.deprecated).toBe(true);
    expect(next).not.toHaveProperty('deprecated');
    expect(next).not.toHaveProperty('asReleased');
    expect(next.rules.map((r) => r.id)).toEqual(CALICO_3_27_MANIFEST.rules.map((r) => r.id).filter((id) => id !== 'windows-tls12'));
    // Without a Kubernetes page, the tested versions cite the Windows page too; the data dropped cite nothing.
    expect(next.sources.testedKubernetes).toBe('the 9.1 page');
    expect(next.sources.typhaLinuxWorkers).toBe('the 9.1 page');
    expect(next.sources).not.toHaveProperty('aksMinKubernetes');
    expect(next.source).toBe('the 9.1 page');
  });

  it('refuses to remove a rule the release before does not have', () => {
    expect(() => derive(CALICO_3_23, { release: '9.99', page: 'p', remove: ['vxlan-vni'] })).toThrow(
      new Error('[calico-windows-compat] 9.99: no rule vxlan-vni to remove'),
    );
  });

  it('refuses to add rules the catalog does not hold, naming each', () => {
    expect(() => derive(CALICO_3_23, { release: '9.99', page: 'p', add: ['nope-1', 'nope-2'] as unknown as RuleId[] })).toThrow(
      new Error('[calico-windows-compat] 9.99: no rule nope-1, nope-2 in the catalog'),
    );
  });
});
