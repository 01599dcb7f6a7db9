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

  it('handles a __proto__ key as data, never touching prototypes', () => {
    const explicit = JSON.parse('{"calico": {"__proto__": {"polluted": true}}}') as ClusterFacts;
    const result = mergeFacts(derived, explicit);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(result.facts.calico)).toBe(Object.prototype);
    expect(Object.keys(result.facts.calico ?? {})).toContain('__proto__');
  });
});
