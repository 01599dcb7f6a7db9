import { describe, expect, it } from 'vitest';
import { mergeFacts } from '../../src/adapters/merge.js';
import { ClusterFactsSchema, type ClusterFacts } from '../../src/model/facts.js';
import type { FactSource } from '../../src/model/report.js';

const derived: ClusterFacts = {
  infrastructure: 'aws',
  networking: 'calico-vxlan',
  kubernetes: { version: 'v1.22.9' },
  calico: { version: 'v3.23.1', bgpEnabled: false, ipPools: [{ name: 'p', cidr: '10.0.0.0/16', encapsulation: 'vxlan' }] },
  nodes: [
    { os: 'linux', name: 'cp-1', roles: ['control-plane'] },
    { os: 'windows', name: 'win-1', osBuild: '10.0.17763.2300', containerRuntime: 'containerd://1.6.6' },
  ],
};
const sources: Record<string, FactSource> = {
  infrastructure: { object: 'Node/cp-1', field: 'spec.providerID' },
  'kubernetes.version': { object: 'Node/cp-1', field: 'status.nodeInfo.kubeletVersion' },
  'calico.ipPools': { object: 'IPPool/p' },
  'calico.ipPools[p].encapsulation': { object: 'IPPool/p', field: 'spec.vxlanMode' },
  'nodes[win-1].osBuild': { object: 'Node/win-1', field: 'status.nodeInfo.kernelVersion' },
  'nodes[win-1].containerRuntime': { object: 'Node/win-1', field: 'status.nodeInfo.containerRuntimeVersion' },
  'nodes[cp-1].roles': { object: 'Node/cp-1', field: 'metadata.labels' },
};

describe('mergeFacts', () => {
  it('fills in what the cluster cannot say, node by node, without overrides', () => {
    const explicit: ClusterFacts = {
      platform: 'kubernetes',
      network: { vxlanPortOpen: true },
      nodes: [{ os: 'windows', name: 'win-1', powershellAdmin: true, remoteAccess: ['rdp'], tls12Enabled: true }],
    };
    const result = mergeFacts(derived, explicit, { sources });
    expect(result.notes).toEqual([]);
    expect(result.facts).toEqual({
      ...derived,
      platform: 'kubernetes',
      network: { vxlanPortOpen: true },
      nodes: [
        { os: 'linux', name: 'cp-1', roles: ['control-plane'] },
        { ...derived.nodes?.[1], powershellAdmin: true, remoteAccess: ['rdp'], tls12Enabled: true },
      ],
    });
    expect(result.sources).toEqual(sources);
    expect(ClusterFactsSchema.safeParse(result.facts).success).toBe(true);
  });

  it('explicit facts override derived ones, each override reported and its derived source dropped', () => {
    const explicit: ClusterFacts = {
      kubernetes: { version: '1.22.12' },
      calico: { ipPools: [{ name: 'p', cidr: '10.0.0.0/16', encapsulation: 'none' }] },
      nodes: [{ os: 'windows', name: 'win-1', osBuild: '10.0.17763.3165' }],
    };
    const result = mergeFacts(derived, explicit, { sources });
    expect(result.notes.map((n) => [n.code, n.path, n.derived, n.explicit])).toEqual([
      ['override', 'kubernetes.version', 'v1.22.9', '1.22.12'],
      ['override', 'calico.ipPools', derived.calico?.ipPools, explicit.calico?.ipPools],
      ['override', 'nodes[win-1].osBuild', '10.0.17763.2300', '10.0.17763.3165'],
    ]);
    expect(result.notes[0]?.message).toBe(
      'kubernetes.version: "1.22.12" from the explicit facts replaces "v1.22.9" (from Node/cp-1 status.nodeInfo.kubeletVersion).',
    );
    expect(result.facts.kubernetes?.version).toBe('1.22.12');
    expect(result.facts.calico).toEqual({ ...derived.calico, ipPools: explicit.calico?.ipPools });
    expect(Object.keys(result.sources).sort()).toEqual(['infrastructure', 'nodes[cp-1].roles', 'nodes[win-1].containerRuntime']);
  });

  it('an explicit value equal to the derived one is no override and keeps its source', () => {
    const result = mergeFacts(derived, { infrastructure: 'aws', nodes: [{ os: 'linux', name: 'cp-1', roles: ['control-plane'] }] }, { sources });
    expect(result.notes).toEqual([]);
    expect(result.sources['infrastructure']).toEqual(sources['infrastructure']);
  });

  it('a node named alike but of another OS is a conflict: the explicit node replaces it whole', () => {
    const result = mergeFacts(derived, { nodes: [{ os: 'linux', name: 'win-1' }] }, { sources });
    expect(result.notes.map((n) => [n.code, n.path])).toEqual([['conflict', 'nodes[win-1]']]);
    expect(result.facts.nodes?.[1]).toEqual({ os: 'linux', name: 'win-1' });
    expect(Object.keys(result.sources).some((k) => k.startsWith('nodes[win-1]'))).toBe(false);
  });

  it('adds explicit nodes the cluster does not have (planned nodes) after the derived ones', () => {
    const result = mergeFacts(derived, { nodes: [{ os: 'windows', name: 'win-planned', osBuild: '10.0.17763.3165' }] });
    expect(result.facts.nodes?.map((n) => n.name)).toEqual(['cp-1', 'win-1', 'win-planned']);
    expect(result.notes).toEqual([]);
  });

  it('gives explicit facts their own sources when asked, by path and place in the explicit facts', () => {
    const seen: Array<[string, readonly (string | number)[]]> = [];
    const result = mergeFacts(
      derived,
      { platform: 'kubernetes', eks: { instanceRole: { secretsReadableIn: ['calico-system'] } }, nodes: [{ os: 'windows', name: 'win-1', tls12Enabled: true }] },
      {
        sources,
        explicitSource: (path, segments) => {
          seen.push([path, segments]);
          return { object: 'facts file', field: path, file: 'extra.yaml' };
        },
      },
    );
    expect(seen).toEqual([
      ['platform', ['platform']],
      ['eks.instanceRole.secretsReadableIn', ['eks', 'instanceRole', 'secretsReadableIn']],
      ['nodes[win-1].tls12Enabled', ['nodes', 0, 'tls12Enabled']],
    ]);
    expect(result.sources['nodes[win-1].tls12Enabled']).toEqual({ object: 'facts file', field: 'nodes[win-1].tls12Enabled', file: 'extra.yaml' });
  });

  it('changes neither input', () => {
    const before = JSON.stringify(derived);
    const explicit: ClusterFacts = { nodes: [{ os: 'windows', name: 'win-1', osBuild: '10.0.17763.3165' }] };
    const result = mergeFacts(derived, explicit);
    (result.facts.nodes?.[1] as { osBuild?: string }).osBuild = 'changed';
    expect(JSON.stringify(derived)).toBe(before);
    expect(explicit.nodes?.[0]).toEqual({ os: 'windows', name: 'win-1', osBuild: '10.0.17763.3165' });
  });

  it('refuses a __proto__ key as the unknown key it is, never touching prototypes', () => {
    const explicit = JSON.parse('{"calico": {"__proto__": {"polluted": true}}}') as ClusterFacts;
    expect(() => mergeFacts(derived, explicit)).toThrow(/^Invalid explicit facts:\n {2}calico.__proto__: /);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('mergeFacts: notes, sources and values, exactly', () => {
  it('an override names the source of the derived value, with its field when it has one, or none', () => {
    const explicit: ClusterFacts = {
      infrastructure: 'azure',
      networking: 'calico-bgp',
      calico: { ipPools: [{ name: 'p', cidr: '10.0.0.0/16', encapsulation: 'none' }] },
    };
    expect(mergeFacts(derived, explicit, { sources }).notes.map((n) => n.message)).toEqual([
      'infrastructure: "azure" from the explicit facts replaces "aws" (from Node/cp-1 spec.providerID).',
      'networking: "calico-bgp" from the explicit facts replaces "calico-vxlan".',
      'calico.ipPools: [{"name":"p","cidr":"10.0.0.0/16","encapsulation":"none"}] from the explicit facts replaces [{"name":"p","cidr":"10.0.0.0/16","encapsulation":"vxlan"}] (from IPPool/p).',
    ]);
  });

  it('shows a value of up to 80 characters whole, a longer one cut to 77 and an ellipsis', () => {
    const x78 = 'x'.repeat(78);
    const y79 = 'y'.repeat(79);
    const result = mergeFacts({ calico: { ipam: 'calico-ipam', windowsDataplane: 'HNS' } }, { calico: { ipam: x78, windowsDataplane: y79 } });
    expect(result.notes.map((n) => n.message)).toEqual([
      `calico.ipam: "${x78}" from the explicit facts replaces "calico-ipam".`,
      `calico.windowsDataplane: "${'y'.repeat(76)}... from the explicit facts replaces "HNS".`,
    ]);
  });

  it('lists are equal only with the same items in the same order; pools equal key by key', () => {
    const base: ClusterFacts = {
      calico: { ipPools: [{ name: 'p', encapsulation: 'vxlan' }] },
      nodes: [{ os: 'linux', name: 'cp-1', roles: ['control-plane', 'etcd'] }],
    };
    const same = mergeFacts(base, { calico: { ipPools: [{ encapsulation: 'vxlan', name: 'p' }] }, nodes: [{ os: 'linux', name: 'cp-1', roles: ['control-plane', 'etcd'] }] });
    expect(same.notes).toEqual([]);
    const cases: Array<[ClusterFacts, string]> = [
      [{ calico: { ipPools: [{ name: 'p', encapsulation: 'vxlan', disabled: true }] } }, 'calico.ipPools'],
      [{ calico: { ipPools: [{ name: 'q', encapsulation: 'vxlan' }] } }, 'calico.ipPools'],
      [{ calico: { ipPools: [{ name: 'p', encapsulation: 'vxlan' }, { name: 'q', encapsulation: 'none' }] } }, 'calico.ipPools'],
      [{ nodes: [{ os: 'linux', name: 'cp-1', roles: ['control-plane', 'etcd', 'master'] }] }, 'nodes[cp-1].roles'],
      [{ nodes: [{ os: 'linux', name: 'cp-1', roles: ['control-plane', 'worker'] }] }, 'nodes[cp-1].roles'],
      [{ nodes: [{ os: 'linux', name: 'cp-1', roles: ['control-plane'] }] }, 'nodes[cp-1].roles'],
    ];
    for (const [explicit, path] of cases) expect(mergeFacts(base, explicit).notes.map((n) => [n.code, n.path])).toEqual([['override', path]]);
  });

  it('an explicit key without a value keeps the derived value, and adds no key when there is none', () => {
    const result = mergeFacts({ infrastructure: 'aws' }, { infrastructure: undefined, platform: undefined } as ClusterFacts);
    expect(result.notes).toEqual([]);
    expect(result.facts).toStrictEqual({ infrastructure: 'aws' });
    expect(Object.keys(result.facts)).toEqual(['infrastructure']);
  });

  it('explicit nodes become the nodes when nothing was derived', () => {
    const nodes: ClusterFacts['nodes'] = [{ os: 'windows', name: 'win-1', osBuild: '10.0.17763.3165' }];
    expect(mergeFacts({}, { nodes }).facts).toStrictEqual({ nodes });
  });

  it('merged facts are plain data: every key enumerable, JSON round-trips', () => {
    const result = mergeFacts(derived, { calico: { ipam: 'calico-ipam' }, nodes: [{ os: 'windows', name: 'win-1', tls12Enabled: true }] });
    expect(JSON.parse(JSON.stringify(result.facts))).toEqual({
      ...derived,
      calico: { ...derived.calico, ipam: 'calico-ipam' },
      nodes: [derived.nodes?.[0], { ...derived.nodes?.[1], tls12Enabled: true }],
    });
  });

  it('copies lists too: changing the merged facts changes neither input', () => {
    const explicit: ClusterFacts = { nodes: [{ os: 'windows', name: 'win-2', remoteAccess: ['rdp'] }] };
    const result = mergeFacts(derived, explicit);
    (result.facts.nodes?.[0] as { roles: string[] }).roles.push('worker');
    (result.facts.nodes?.[2] as { remoteAccess: string[] }).remoteAccess.push('winrm');
    (result.facts.calico?.ipPools as unknown[]).push({ name: 'q', encapsulation: 'none' });
    expect(derived.nodes?.[0]).toEqual({ os: 'linux', name: 'cp-1', roles: ['control-plane'] });
    expect(derived.calico?.ipPools).toHaveLength(1);
    expect(explicit.nodes?.[0]).toEqual({ os: 'windows', name: 'win-2', remoteAccess: ['rdp'] });
  });

  it('a conflicting node: its note in words, and the explicit node located field by field', () => {
    const seen: Array<[string, readonly (string | number)[]]> = [];
    const result = mergeFacts(
      derived,
      { nodes: [{ os: 'linux', name: 'win-1', roles: ['worker'] }, { os: 'windows', name: 'win-new', osBuild: '10.0.20348.1' }] },
      { sources, explicitSource: (path, segments) => (seen.push([path, segments]), { object: 'facts file', field: path }) },
    );
    expect(result.notes).toEqual([
      {
        code: 'conflict',
        path: 'nodes[win-1]',
        derived: derived.nodes?.[1],
        explicit: { os: 'linux', name: 'win-1', roles: ['worker'] },
        message: 'nodes[win-1]: the explicit facts describe a linux node, the derived facts a windows node; the explicit node replaces it whole.',
      },
    ]);
    expect(seen).toEqual([
      ['nodes[win-1].roles', ['nodes', 0, 'roles']],
      ['nodes[win-new].osBuild', ['nodes', 1, 'osBuild']],
    ]);
    expect(result.sources['nodes[win-new].osBuild']).toEqual({ object: 'facts file', field: 'nodes[win-new].osBuild' });
  });

  it('facts that are not valid are refused, whichever side (attack 2026-12, defect 20)', () => {
    expect(() => mergeFacts({ calico: 'v3.23' } as unknown as ClusterFacts, { calico: { version: 'v3.23.1' } })).toThrow(
      expect.objectContaining({ name: 'CompatError', code: 'invalid-facts', message: expect.stringMatching(/^Invalid derived facts:\n {2}calico: /) }),
    );
    expect(() => mergeFacts(derived, { nodes: 'x' } as unknown as ClusterFacts)).toThrow(/^Invalid explicit facts:\n {2}nodes: /);
    expect(() => mergeFacts(derived, { nodes: [null] } as unknown as ClusterFacts)).toThrow(/^Invalid explicit facts:\n {2}nodes\[0\]: /);
  });
});

describe('mergeFacts: null, from facts not validated', () => {
  it('is refused: null is no fact', () => {
    expect(() => mergeFacts(derived, { network: null, calico: { ipPools: null } } as unknown as ClusterFacts)).toThrow(/^Invalid explicit facts:/);
  });
});

describe('mergeFacts: the merged facts are ordinary data', () => {
  it('every key can be changed and deleted, as in facts parsed from a file', () => {
    const result = mergeFacts(derived, { platform: 'kubernetes', calico: { ipam: 'calico-ipam' } });
    const facts = result.facts as Record<string, unknown>;
    const calico = result.facts.calico as Record<string, unknown>;
    delete facts['infrastructure'];
    delete facts['platform'];
    delete calico['ipam'];
    calico['version'] = 'v3.24.0';
    expect(Object.keys(facts)).toEqual(['networking', 'kubernetes', 'calico', 'nodes']);
    expect(calico).toEqual({ ...derived.calico, version: 'v3.24.0' });
    for (const key of Object.keys(calico)) expect(Object.getOwnPropertyDescriptor(calico, key)).toMatchObject({ enumerable: true, writable: true, configurable: true });
  });
});
