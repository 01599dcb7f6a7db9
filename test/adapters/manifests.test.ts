import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsFromManifests, type ManifestFacts } from '../../src/adapters/manifests.js';
import { CompatError } from '../../src/model/errors.js';
import { ClusterFactsSchema } from '../../src/model/facts.js';
import { parseManifestsText, parseValuesText } from '../../src/text/yaml.js';
import {
  calico,
  calicoConfig,
  CLUSTERS,
  derive,
  FIXTURES,
  installation,
  k8sNode,
  leafPaths,
  loadManifests,
  manifestFiles,
  noteFor,
  winNode,
} from './helpers.js';

const codes = (result: ManifestFacts) => result.notes.map((n) => n.code);

describe('factsFromManifests: input shapes', () => {
  it('accepts a single object, an array, a kubectl List and a typed list whose items omit apiVersion and kind', () => {
    const node = k8sNode('n1', { os: 'linux' });
    const expected = [{ os: 'linux', name: 'n1' }];
    expect(factsFromManifests(node).facts.nodes).toEqual(expected);
    expect(factsFromManifests([node]).facts.nodes).toEqual(expected);
    expect(factsFromManifests({ apiVersion: 'v1', kind: 'List', items: [node] }).facts.nodes).toEqual(expected);
    const { apiVersion: _a, kind: _k, ...bare } = node;
    expect(factsFromManifests({ apiVersion: 'v1', kind: 'NodeList', items: [bare] }).facts.nodes).toEqual(expected);
    expect(factsFromManifests([[node]]).facts.nodes).toEqual(expected);
  });

  it('an empty input gives no facts and a note', () => {
    const result = factsFromManifests([]);
    expect(result.facts).toEqual({});
    expect(codes(result)).toEqual(['empty']);
  });

  it('skips unrelated kinds with one note per kind, and recognises BGPConfiguration without a note', () => {
    const result = derive(
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'calico-node', namespace: 'kube-system' } },
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'kube-proxy', namespace: 'kube-system' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-proxy', namespace: 'kube-system' }, data: {} },
      calico('FelixConfiguration', 'node.win-1', { ipipEnabled: true }),
      calico('BGPConfiguration', 'default', { nodeToNodeMeshEnabled: false }),
    );
    expect(result.facts).toEqual({});
    const skipped = result.notes.filter((n) => n.code === 'skipped');
    expect(skipped.map((n) => n.message)).toEqual([
      'Skipped 2 objects (apps/DaemonSet): DaemonSet/kube-system/calico-node, DaemonSet/kube-system/kube-proxy. They state no fact the requirements use.',
      'Skipped 1 object (ConfigMap other than calico-config): ConfigMap/kube-system/kube-proxy. They state no fact the requirements use.',
      'Skipped 1 object (per-node FelixConfiguration): FelixConfiguration/node.win-1. They state no fact the requirements use.',
    ]);
    expect(skipped.every((n) => n.level === 'info')).toBe(true);
  });

  it('a document that is not a Kubernetes object is an error listing each one with its position', () => {
    const set = parseManifestsText('kind: Node\nmetadata: {name: a}\n---\n- just a string\n---\napiVersion: v1\nkind: List\nitems: [42]\n', {
      file: 'bad.yaml',
    });
    let error: unknown;
    try {
      factsFromManifests(set.objects, { locate: set.locate });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CompatError);
    const issues = (error as CompatError).issues;
    expect(issues.map((i) => [i.path, i.code, i.location])).toEqual([
      ['[0]', 'not-a-kubernetes-object', { file: 'bad.yaml', line: 1, column: 1 }],
      ['[1][0]', 'not-an-object', { file: 'bad.yaml', line: 4, column: 3 }],
      ['[2].items[0]', 'not-an-object', { file: 'bad.yaml', line: 8, column: 9 }],
    ]);
    expect((error as CompatError).message).toMatch(/apiVersion is missing \(bad\.yaml:1:1\)/);
    expect(() => factsFromManifests('text')).toThrow(/expected a Kubernetes object/);
    expect(() => factsFromManifests(null)).toThrow(CompatError);
  });
});

describe('factsFromManifests: Node', () => {
  it('reads os from the kubernetes.io/os label, else from status.nodeInfo.operatingSystem', () => {
    const byInfo = k8sNode('n2', { nodeInfo: { operatingSystem: 'linux' } });
    const result = derive(k8sNode('n1', { os: 'windows' }), byInfo, k8sNode('n3', { labels: { 'beta.kubernetes.io/os': 'linux' } }));
    expect(result.facts.nodes).toEqual([
      { os: 'windows', name: 'n1' },
      { os: 'linux', name: 'n2' },
      { os: 'linux', name: 'n3' },
    ]);
    expect(result.sources['nodes[n1].os']).toEqual({ object: 'Node/n1', field: 'metadata.labels["kubernetes.io/os"]' });
    expect(result.sources['nodes[n2].os']).toEqual({ object: 'Node/n2', field: 'status.nodeInfo.operatingSystem' });
  });

  it('leaves out a node whose OS is unknown, contradictory, or neither linux nor windows', () => {
    const contradictory = k8sNode('c', { labels: { 'kubernetes.io/os': 'linux' }, nodeInfo: { operatingSystem: 'windows' } });
    const result = derive(k8sNode('none'), contradictory, k8sNode('plan9', { os: 'plan9' }), { apiVersion: 'v1', kind: 'Node', metadata: {} });
    expect(result.facts.nodes).toBeUndefined();
    expect(codes(result)).toEqual(['invalid-value', 'undecided', 'conflict', 'undecided']);
    expect(result.notes.map((n) => n.fact)).toEqual([undefined, 'nodes[none]', 'nodes[c].os', 'nodes[plan9]']);
  });

  it('reads roles from node-role.kubernetes.io/* labels, sorted; no labels, no roles', () => {
    const result = derive(
      k8sNode('cp', { os: 'linux', labels: { 'node-role.kubernetes.io/master': '', 'node-role.kubernetes.io/control-plane': '' } }),
      k8sNode('rke', { os: 'linux', labels: { 'node-role.kubernetes.io/worker': 'true', 'node-role.kubernetes.io/etcd': 'true' } }),
      k8sNode('plain', { os: 'linux' }),
    );
    expect(result.facts.nodes).toEqual([
      { os: 'linux', name: 'cp', roles: ['control-plane', 'master'] },
      { os: 'linux', name: 'rke', roles: ['etcd', 'worker'] },
      { os: 'linux', name: 'plain' },
    ]);
    expect(result.sources['nodes[cp].roles']).toEqual({ object: 'Node/cp', field: 'metadata.labels["node-role.kubernetes.io/control-plane"]' });
  });

  describe('Windows build', () => {
    it('comes from status.nodeInfo.kernelVersion', () => {
      const result = derive(winNode('w', { kernelVersion: '10.0.17763.1432' }, { 'node.kubernetes.io/windows-build': '10.0.17763' }));
      expect(result.facts.nodes?.[0]).toMatchObject({ osBuild: '10.0.17763.1432' });
      expect(result.sources['nodes[w].osBuild']).toEqual({ object: 'Node/w', field: 'status.nodeInfo.kernelVersion' });
      expect(result.notes.filter((n) => n.level === 'warning')).toEqual([]);
    });

    it('else from the node.kubernetes.io/windows-build label, without a revision', () => {
      const node = winNode('w', {}, { 'node.kubernetes.io/windows-build': '10.0.19042' });
      delete (node['status'] as { nodeInfo: Record<string, unknown> }).nodeInfo['kernelVersion'];
      const result = derive(node);
      expect(result.facts.nodes?.[0]).toMatchObject({ osBuild: '10.0.19042' });
      expect(result.sources['nodes[w].osBuild']?.field).toBe('metadata.labels["node.kubernetes.io/windows-build"]');
    });

    it.each([
      ['Windows Server 2022 Datacenter', '10.0.20348'],
      ['Windows Server 2019 Standard Evaluation', '10.0.17763'],
      ['Windows Server 2025 Datacenter', '10.0.26100'],
    ])("else from osImage '%s': %s, without a revision, with a note", (osImage, build) => {
      const node = winNode('w', { osImage });
      delete (node['status'] as { nodeInfo: Record<string, unknown> }).nodeInfo['kernelVersion'];
      const result = derive(node);
      expect(result.facts.nodes?.[0]).toMatchObject({ osBuild: build });
      expect(result.sources['nodes[w].osBuild']?.field).toBe('status.nodeInfo.osImage');
      expect(noteFor(result, 'nodes[w].osBuild').map((n) => n.code)).toEqual(['inferred']);
    });

    it('stays absent when osImage names no release (semi-annual releases print none)', () => {
      const node = winNode('w', { osImage: 'Windows Server Datacenter' });
      delete (node['status'] as { nodeInfo: Record<string, unknown> }).nodeInfo['kernelVersion'];
      const result = derive(node);
      expect(result.facts.nodes?.[0]).not.toHaveProperty('osBuild');
      expect(noteFor(result, 'nodes[w].osBuild').map((n) => [n.code, n.level])).toEqual([['undecided', 'warning']]);
    });

    it('keeps kernelVersion when the label names another build (the label is not updated in place), with a note', () => {
      const result = derive(winNode('w', { kernelVersion: '10.0.20348.887' }, { 'node.kubernetes.io/windows-build': '10.0.17763' }));
      expect(result.facts.nodes?.[0]).toMatchObject({ osBuild: '10.0.20348.887' });
      expect(noteFor(result, 'nodes[w].osBuild').map((n) => n.code)).toEqual(['conflict']);
    });

    it('falls back to the label when kernelVersion is not a Windows build, with a note', () => {
      const result = derive(winNode('w', { kernelVersion: '5.4.0-121-generic' }, { 'node.kubernetes.io/windows-build': '10.0.17763' }));
      expect(result.facts.nodes?.[0]).toMatchObject({ osBuild: '10.0.17763' });
      expect(noteFor(result, 'nodes[w].osBuild').map((n) => n.code)).toEqual(['invalid-value']);
    });
  });

  it('reads the container runtime of Windows nodes; one it cannot parse is left out with a note', () => {
    const result = derive(
      winNode('a', { containerRuntimeVersion: 'docker://20.10.9' }),
      winNode('b', { containerRuntimeVersion: 'Docker Engine 20' }),
      k8sNode('l', { os: 'linux', nodeInfo: { containerRuntimeVersion: 'containerd://1.6.6' } }),
    );
    expect(result.facts.nodes).toEqual([
      { os: 'windows', name: 'a', osBuild: '10.0.17763.2300', containerRuntime: 'docker://20.10.9' },
      { os: 'windows', name: 'b', osBuild: '10.0.17763.2300' },
      { os: 'linux', name: 'l' },
    ]);
    expect(result.sources['nodes[a].containerRuntime']?.field).toBe('status.nodeInfo.containerRuntimeVersion');
    expect(noteFor(result, 'nodes[b].containerRuntime').map((n) => n.code)).toEqual(['invalid-value']);
  });

  describe('kubernetes.version from the kubelets', () => {
    const kubelet = (name: string, version: string, controlPlane = false) =>
      k8sNode(name, {
        os: 'linux',
        nodeInfo: { kubeletVersion: version },
        labels: controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {},
      });

    it('is the control plane kubelet when a node has the role', () => {
      const result = derive(kubelet('w1', 'v1.21.14'), kubelet('cp', 'v1.22.9', true));
      expect(result.facts.kubernetes).toEqual({ version: 'v1.22.9' });
      expect(result.sources['kubernetes.version']).toEqual({ object: 'Node/cp', field: 'status.nodeInfo.kubeletVersion' });
      expect(noteFor(result, 'kubernetes.version').map((n) => n.code)).toEqual(['conflict', 'inferred']);
    });

    it('is the lowest kubelet when no node is a control-plane node (managed control planes), with a note when they differ', () => {
      const result = derive(kubelet('a', 'v1.22.17-eks-48e63af'), kubelet('b', 'v1.21.14-eks-fb459a0'), kubelet('c', 'v1.22.17-eks-48e63af'));
      expect(result.facts.kubernetes).toEqual({ version: 'v1.21.14-eks-fb459a0' });
      const differing = noteFor(result, 'kubernetes.version').find((n) => n.code === 'conflict');
      expect(differing?.message).toMatch(/1\.22\.17, 1\.21\.14/);
    });

    it('gives way to kubectl version output, which names the API server', () => {
      const version = { clientVersion: { gitVersion: 'v1.24.0' }, serverVersion: { gitVersion: 'v1.22.12', major: '1', minor: '22' } };
      const result = derive(kubelet('cp', 'v1.21.14', true), version);
      expect(result.facts.kubernetes).toEqual({ version: 'v1.22.12' });
      expect(result.sources['kubernetes.version']).toEqual({ object: 'kubectl version', field: 'serverVersion.gitVersion' });
    });
  });

  it.each([
    ['aws:///us-west-2a/i-0a1b2c3d4e5f60718', 'aws'],
    ['azure:///subscriptions/x/resourceGroups/mc_x/providers/Microsoft.Compute/virtualMachineScaleSets/p/virtualMachines/0', 'azure'],
    ['gce://my-project/us-central1-a/gke-node-1', 'gcp'],
    ['vsphere://4237a1c3-8f6e-5b4d-2c1a-9e8d7f6a5b4c', 'vsphere'],
  ])('reads infrastructure from spec.providerID %s', (providerID, infrastructure) => {
    const result = derive(k8sNode('n', { os: 'linux', providerID }));
    expect(result.facts.infrastructure).toBe(infrastructure);
    expect(result.sources['infrastructure']).toEqual({ object: 'Node/n', field: 'spec.providerID' });
  });

  it('leaves infrastructure out for an unknown providerID scheme, or nodes on different infrastructures', () => {
    const unknown = derive(k8sNode('n', { os: 'linux', providerID: 'kind://docker/kind/kind-control-plane' }));
    expect(unknown.facts.infrastructure).toBeUndefined();
    expect(noteFor(unknown, 'infrastructure').map((n) => n.code)).toEqual(['undecided']);
    const mixed = derive(k8sNode('a', { os: 'linux', providerID: 'aws:///x/i-1' }), k8sNode('b', { os: 'linux', providerID: 'azure:///y' }));
    expect(mixed.facts.infrastructure).toBeUndefined();
    expect(noteFor(mixed, 'infrastructure').map((n) => n.code)).toEqual(['conflict']);
  });

  it.each([
    [{ 'eks.amazonaws.com/nodegroup': 'ng-linux' }, 'eks'],
    [{ 'alpha.eksctl.io/nodegroup-name': 'ng-windows' }, 'eks'],
    [{ 'kubernetes.azure.com/mode': 'system' }, 'aks'],
    [{ 'kubernetes.azure.com/cluster': 'MC_rg_cluster_westeurope' }, 'aks'],
    [{ 'node.openshift.io/os_id': 'rhcos' }, 'openshift'],
  ])('reads the platform from managed-cluster labels %o', (labels, platform) => {
    const result = derive(k8sNode('n', { os: 'linux', labels }));
    expect(result.facts.platform).toBe(platform);
    expect(result.sources['platform']?.field).toBe(`metadata.labels["${Object.keys(labels)[0] ?? ''}"]`);
  });

  it('does not take aks-engine labels (self-managed on Azure) for AKS', () => {
    const result = derive(k8sNode('n', { os: 'linux', labels: { 'kubernetes.azure.com/cluster': 'kubernetes-eastus-49399', 'kubernetes.azure.com/role': 'agent' } }));
    expect(result.facts.platform).toBeUndefined();
  });

  it('marks a route reflector from the projectcalico.org/RouteReflectorClusterID annotation', () => {
    const result = derive(k8sNode('rr', { os: 'linux', annotations: { 'projectcalico.org/RouteReflectorClusterID': '244.0.0.1' } }));
    expect(result.facts.nodes).toEqual([{ os: 'linux', name: 'rr', routeReflector: true }]);
    expect(result.sources['nodes[rr].routeReflector']?.field).toBe('metadata.annotations["projectcalico.org/RouteReflectorClusterID"]');
  });

  it('merges a node given twice; disagreeing fields are left out with a note', () => {
    const a = winNode('w', { kernelVersion: '10.0.17763.2300' });
    const b = winNode('w', { kernelVersion: '10.0.17763.3165' });
    const result = derive(a, a, b);
    expect(result.facts.nodes).toEqual([{ os: 'windows', name: 'w', containerRuntime: 'containerd://1.6.6' }]);
    expect(noteFor(result, 'nodes[w].osBuild').map((n) => n.code)).toEqual(['conflict']);
  });
});

describe('factsFromManifests: operator Installation', () => {
  type Expected = { networking: string; platform?: string; bgpEnabled?: boolean; ipam?: string; encapsulation?: string };
  it.each<[string, Expected]>([
    ['vxlan.yaml', { networking: 'calico-vxlan', bgpEnabled: false, ipam: 'calico', encapsulation: 'vxlan' }],
    ['bgp.yaml', { networking: 'calico-bgp', bgpEnabled: true, ipam: 'calico', encapsulation: 'none' }],
    ['eks.yaml', { networking: 'eks-vpc-cni', platform: 'eks' }],
    ['aks.yaml', { networking: 'aks-azure-cni', platform: 'aks', bgpEnabled: false, ipam: 'azure-vnet' }],
  ])('installations/%s', (file, expected) => {
    const set = loadManifests([`${FIXTURES}/installations/${file}`]);
    const result = factsFromManifests(set.objects, { locate: set.locate });
    expect(result.facts.networking).toBe(expected.networking);
    expect(result.facts.platform).toBe(expected.platform);
    expect(result.facts.calico?.operatorManaged).toBe(true);
    expect(result.facts.calico?.bgpEnabled).toBe(expected.bgpEnabled);
    expect(result.facts.calico?.ipam).toBe(expected.ipam);
    expect(result.facts.calico?.ipPools?.map((p) => p.encapsulation)).toEqual(expected.encapsulation ? [expected.encapsulation] : undefined);
    expect(result.sources['networking']?.object).toBe('Installation/default');
    expect(result.sources['networking']?.file).toBe(`${FIXTURES}/installations/${file}`);
    expect(result.notes.filter((n) => n.level === 'warning')).toEqual([]);
  });

  it.each([
    ['EKS', 'eks'],
    ['AKS', 'aks'],
    ['OpenShift', 'openshift'],
    ['GKE', 'gke'],
    ['RKE2', 'rke2'],
    ['DockerEnterprise', 'docker-enterprise'],
  ])('maps spec.kubernetesProvider %s to platform %s', (provider, platform) => {
    expect(derive(installation({ kubernetesProvider: provider })).facts.platform).toBe(platform);
  });

  it("an empty kubernetesProvider says nothing of the platform", () => {
    expect(derive(installation({ kubernetesProvider: '' })).facts.platform).toBeUndefined();
  });

  it('reads status.computed (the operator filled in defaults) when the spec leaves a field out', () => {
    const result = derive(
      installation({ cni: { type: 'Calico' } }, { status: { calicoVersion: 'v3.23.3', computed: { calicoNetwork: { bgp: 'Disabled' }, cni: { ipam: { type: 'Calico' }, type: 'Calico' } } } }),
    );
    expect(result.facts).toMatchObject({ networking: 'calico-vxlan', calico: { bgpEnabled: false, ipam: 'calico', version: 'v3.23.3', operatorManaged: true } });
    expect(result.sources['calico.bgpEnabled']?.field).toBe('status.computed.calicoNetwork.bgp');
    expect(result.sources['calico.version']?.field).toBe('status.calicoVersion');
  });

  it.each([
    [{ cni: { type: 'Calico' } }, 'spec.calicoNetwork.bgp is not set'],
    [{}, 'spec.cni.type is not set'],
    [{ cni: { type: 'Calico', ipam: { type: 'HostLocal' } }, calicoNetwork: { bgp: 'Disabled' } }, 'IPAM HostLocal'],
    [{ cni: { type: 'GKE' } }, "'GKE' is no networking option"],
  ])('leaves networking out when the Installation does not decide it: %o', (spec, message) => {
    const result = derive(installation(spec));
    expect(result.facts.networking).toBeUndefined();
    expect(noteFor(result, 'networking').map((n) => n.message).join()).toContain(message);
  });

  it('maps each pool encapsulation; a pool without one leaves calico.ipPools out', () => {
    const pools = ['IPIP', 'IPIPCrossSubnet', 'VXLAN', 'VXLANCrossSubnet', 'None'].map((encapsulation, i) => ({ cidr: `10.${i}.0.0/16`, encapsulation }));
    const result = derive(installation({ calicoNetwork: { ipPools: pools } }));
    expect(result.facts.calico?.ipPools).toEqual([
      { cidr: '10.0.0.0/16', encapsulation: 'ipip' },
      { cidr: '10.1.0.0/16', encapsulation: 'ipip-cross-subnet' },
      { cidr: '10.2.0.0/16', encapsulation: 'vxlan' },
      { cidr: '10.3.0.0/16', encapsulation: 'vxlan-cross-subnet' },
      { cidr: '10.4.0.0/16', encapsulation: 'none' },
    ]);
    expect(result.sources['calico.ipPools[10.2.0.0/16].encapsulation']?.field).toBe('spec.calicoNetwork.ipPools[2].encapsulation');
    const partial = derive(installation({ calicoNetwork: { ipPools: [{ cidr: '10.0.0.0/16', encapsulation: 'VXLAN' }, { cidr: '10.1.0.0/16' }] } }));
    expect(partial.facts.calico?.ipPools).toBeUndefined();
    expect(noteFor(partial, 'calico.ipPools').map((n) => n.code)).toEqual(['undecided']);
  });

  it('two Installations that disagree leave the disputed facts out, with notes', () => {
    const result = derive(
      installation({ cni: { type: 'Calico' }, calicoNetwork: { bgp: 'Enabled' } }),
      installation({ cni: { type: 'Calico' }, calicoNetwork: { bgp: 'Disabled' } }, {}, 'overlay'),
    );
    expect(result.facts.calico?.bgpEnabled).toBeUndefined();
    expect(result.facts.calico?.operatorManaged).toBe(true);
    expect(codes(result)).toContain('conflict');
    expect(result.notes.some((n) => n.message.startsWith('2 Installations'))).toBe(true);
  });
});

describe('factsFromManifests: Calico resources', () => {
  it.each(['crd.projectcalico.org/v1', 'projectcalico.org/v3'])('FelixConfiguration default (%s): ipipEnabled, vxlanPort', (group) => {
    const result = derive(calico('FelixConfiguration', 'default', { ipipEnabled: false, vxlanPort: 4790 }, group));
    expect(result.facts.calico).toEqual({ ipipEnabled: false, vxlanPort: 4790 });
    expect(result.sources['calico.ipipEnabled']).toEqual({ object: 'FelixConfiguration/default', field: 'spec.ipipEnabled' });
    expect(result.sources['calico.vxlanPort']).toEqual({ object: 'FelixConfiguration/default', field: 'spec.vxlanPort' });
  });

  it('FelixConfiguration values of the wrong type are left out with notes', () => {
    const result = derive(calico('FelixConfiguration', 'default', { ipipEnabled: 'yes', vxlanPort: 70000 }));
    expect(result.facts.calico).toBeUndefined();
    expect(codes(result)).toEqual(['invalid-value', 'invalid-value']);
  });

  describe('IPPool', () => {
    it.each([
      ['Always', 'Never', 'ipip'],
      ['CrossSubnet', 'Never', 'ipip-cross-subnet'],
      ['Never', 'Always', 'vxlan'],
      ['Never', 'CrossSubnet', 'vxlan-cross-subnet'],
      ['Never', 'Never', 'none'],
    ])('ipipMode %s, vxlanMode %s → %s', (ipipMode, vxlanMode, encapsulation) => {
      const result = derive(calico('IPPool', 'p', { cidr: '10.0.0.0/16', ipipMode, vxlanMode, disabled: true }));
      expect(result.facts.calico?.ipPools).toEqual([{ name: 'p', cidr: '10.0.0.0/16', encapsulation, disabled: true }]);
      expect(result.sources['calico.ipPools[p].disabled']?.field).toBe('spec.disabled');
      expect(result.sources['calico.ipPools[p].cidr']?.field).toBe('spec.cidr');
      expect(result.sources['calico.ipPools']?.object).toBe('IPPool/p');
    });

    it('an unset mode counts as Never on projectcalico.org/v3 (calicoctl defaults it) but not on a CRD object', () => {
      const v3 = derive(calico('IPPool', 'p', { cidr: '10.0.0.0/16', ipipMode: 'Never' }, 'projectcalico.org/v3'));
      expect(v3.facts.calico?.ipPools).toEqual([{ name: 'p', cidr: '10.0.0.0/16', encapsulation: 'none' }]);
      const crd = derive(calico('IPPool', 'p', { cidr: '10.0.0.0/16', ipipMode: 'Never' }), calico('IPPool', 'q', { cidr: '10.1.0.0/16', ipipMode: 'Never', vxlanMode: 'Never' }));
      expect(crd.facts.calico?.ipPools).toBeUndefined();
      expect(noteFor(crd, 'calico.ipPools')[0]?.message).toMatch(/projectcalico\/calico#6301/);
    });

    it.each([
      [{ ipipMode: 'Always', vxlanMode: 'Always' }, /both/],
      [{ ipipMode: 'Sometimes', vxlanMode: 'Never' }, /not Never, Always or CrossSubnet/],
    ])('a pool Calico would reject leaves calico.ipPools out: %o', (spec, message) => {
      const result = derive(calico('IPPool', 'p', spec));
      expect(result.facts.calico?.ipPools).toBeUndefined();
      expect(noteFor(result, 'calico.ipPools')[0]?.message).toMatch(message);
    });

    it('the same pool from both API groups counts once; two different ones with one name are a conflict', () => {
      const spec = { cidr: '10.0.0.0/16', ipipMode: 'Never', vxlanMode: 'Always' };
      const same = derive(calico('IPPool', 'p', spec), calico('IPPool', 'p', spec, 'projectcalico.org/v3'));
      expect(same.facts.calico?.ipPools).toHaveLength(1);
      const different = derive(calico('IPPool', 'p', spec), calico('IPPool', 'p', { ...spec, vxlanMode: 'CrossSubnet' }));
      expect(different.facts.calico?.ipPools).toBeUndefined();
      expect(noteFor(different, 'calico.ipPools').map((n) => n.code)).toEqual(['conflict']);
    });

    it('IPPool objects win over the Installation, with a note when they differ from it', () => {
      const result = derive(
        installation({ calicoNetwork: { ipPools: [{ cidr: '10.0.0.0/16', encapsulation: 'VXLAN' }] } }),
        calico('IPPool', 'default-ipv4-ippool', { cidr: '10.0.0.0/16', ipipMode: 'Always', vxlanMode: 'Never' }),
      );
      expect(result.facts.calico?.ipPools).toEqual([{ name: 'default-ipv4-ippool', cidr: '10.0.0.0/16', encapsulation: 'ipip' }]);
      expect(noteFor(result, 'calico.ipPools').map((n) => n.code)).toEqual(['conflict']);
    });
  });

  it.each([
    ['IPAMConfig', 'crd.projectcalico.org/v1'],
    ['IPAMConfiguration', 'projectcalico.org/v3'],
  ])('%s default: strictAffinity; unset is left out with a note', (kind, group) => {
    const result = derive(calico(kind, 'default', { strictAffinity: true, autoAllocateBlocks: true }, group));
    expect(result.facts.calico).toEqual({ strictAffinity: true });
    expect(result.sources['calico.strictAffinity']).toEqual({ object: `${kind}/default`, field: 'spec.strictAffinity' });
    const unset = derive(calico(kind, 'default', { autoAllocateBlocks: true }, group));
    expect(unset.facts.calico).toBeUndefined();
    expect(noteFor(unset, 'calico.strictAffinity').map((n) => n.code)).toEqual(['undecided']);
  });

  it.each([
    ['k8s,bgp,kubeadm,kdd', { datastore: 'kubernetes' }],
    ['typha,kdd,k8s,operator,kubeadm', { datastore: 'kubernetes', operatorManaged: true }],
    ['k8s,bgp', { datastore: 'etcd' }],
  ])('ClusterInformation default: calicoVersion, and clusterType %s', (clusterType, expected) => {
    const result = derive(calico('ClusterInformation', 'default', { calicoVersion: 'v3.23.1', clusterType, datastoreReady: true }));
    expect(result.facts.calico).toEqual({ version: 'v3.23.1', ...expected });
    expect(result.sources['calico.version']).toEqual({ object: 'ClusterInformation/default', field: 'spec.calicoVersion' });
    expect(result.sources['calico.datastore']).toEqual({ object: 'ClusterInformation/default', field: 'spec.clusterType' });
  });

  it('Calico Node: spec.bgp.routeReflectorClusterID marks the matching node a route reflector', () => {
    const calicoNode = (name: string, bgp: Record<string, unknown>) => ({ apiVersion: 'projectcalico.org/v3', kind: 'Node', metadata: { name }, spec: { bgp } });
    const result = derive(
      winNode('win-1'),
      k8sNode('rr-1', { os: 'linux' }),
      calicoNode('win-1', { ipv4Address: '10.0.0.21/24', routeReflectorClusterID: '244.0.0.1' }),
      calicoNode('rr-1', { ipv4Address: '10.0.0.11/24' }),
      calicoNode('elsewhere', { routeReflectorClusterID: '244.0.0.1' }),
    );
    expect(result.facts.nodes?.map((n) => [n.name, n.routeReflector])).toEqual([
      ['win-1', true],
      ['rr-1', false],
    ]);
    expect(result.sources['nodes[win-1].routeReflector']).toEqual({ object: 'Node.projectcalico.org/win-1', field: 'spec.bgp.routeReflectorClusterID' });
    expect(codes(result)).toContain('unmatched');
  });
});

describe('factsFromManifests: calico-config ConfigMap', () => {
  it.each([
    ['bird', { bgpEnabled: true }],
    ['vxlan', { bgpEnabled: false }],
    ['none', { bgpEnabled: false }],
  ])('calico_backend %s', (backend, expected) => {
    const result = derive(calicoConfig({ calico_backend: backend }));
    expect(result.facts.calico).toEqual({ operatorManaged: false, ...expected });
    expect(result.sources['calico.bgpEnabled']).toEqual({ object: 'ConfigMap/kube-system/calico-config', field: 'data.calico_backend' });
  });

  it('calico_backend bird or vxlan decides networking; none leaves it to the user', () => {
    expect(derive(calicoConfig({ calico_backend: 'bird' })).facts.networking).toBe('calico-bgp');
    expect(derive(calicoConfig({ calico_backend: 'vxlan' })).facts.networking).toBe('calico-vxlan');
    const none = derive(calicoConfig({ calico_backend: 'none' }));
    expect(none.facts.networking).toBeUndefined();
    expect(noteFor(none, 'networking').map((n) => n.code)).toEqual(['undecided']);
  });

  it('etcd_endpoints means the etcd datastore; the CNI template names the IPAM plugin', () => {
    const cni = '{"plugins": [{"type": "calico", "mtu": __CNI_MTU__, "ipam": {"type": "host-local", "subnet": "usePodCidr"}}]}';
    const result = derive(calicoConfig({ calico_backend: 'bird', etcd_endpoints: 'https://10.0.1.10:2379', cni_network_config: cni }));
    expect(result.facts.calico).toMatchObject({ datastore: 'etcd', ipam: 'host-local' });
    expect(result.sources['calico.ipam']?.field).toBe('data.cni_network_config');
    expect(derive(calicoConfig({ cni_network_config: '{"ipam": {"type": "calico-ipam"}}' })).facts.calico?.ipam).toBe('calico');
  });

  it('an unknown calico_backend is left out with a note', () => {
    const result = derive(calicoConfig({ calico_backend: 'flannel' }));
    expect(result.facts.networking).toBeUndefined();
    expect(codes(result)).toEqual(['invalid-value']);
  });
});

describe('factsFromManifests: networking, as the installers decide it', () => {
  const vxlanPool = calico('IPPool', 'vx', { cidr: '10.0.0.0/16', ipipMode: 'Never', vxlanMode: 'Always' });
  const ipipPool = calico('IPPool', 'ip', { cidr: '10.1.0.0/16', ipipMode: 'Always', vxlanMode: 'Never' });
  const plainPool = calico('IPPool', 'pl', { cidr: '10.2.0.0/16', ipipMode: 'Never', vxlanMode: 'Never' });

  it("FelixConfiguration vxlanEnabled: true is Calico VXLAN (the Windows installer's first question)", () => {
    const result = derive(calico('FelixConfiguration', 'default', { vxlanEnabled: true }));
    expect(result.facts.networking).toBe('calico-vxlan');
    expect(result.sources['networking']).toEqual({ object: 'FelixConfiguration/default', field: 'spec.vxlanEnabled' });
  });

  it('else an enabled VXLAN pool is Calico VXLAN', () => {
    const result = derive(vxlanPool);
    expect(result.facts.networking).toBe('calico-vxlan');
    expect(result.sources['networking']).toEqual({ object: 'IPPool/vx', field: 'spec.vxlanMode' });
    expect(noteFor(result, 'networking').map((n) => n.code)).toEqual(['inferred']);
  });

  it('a BGP answer needs the Installation or calico_backend: the installer assumes Calico networks the pods', () => {
    const alone = derive(plainPool);
    expect(alone.facts.networking).toBeUndefined();
    expect(noteFor(alone, 'networking').map((n) => n.code)).toEqual(['undecided']);
    const felixFalse = derive(calico('FelixConfiguration', 'default', { vxlanEnabled: false }));
    expect(felixFalse.facts.networking).toBeUndefined();
    expect(derive(plainPool, calicoConfig({ calico_backend: 'bird' })).facts.networking).toBe('calico-bgp');
    expect(derive(ipipPool, calicoConfig({ calico_backend: 'bird' })).facts.networking).toBe('calico-bgp');
  });

  it.each([
    ['calico_backend bird against a VXLAN pool', [calicoConfig({ calico_backend: 'bird' }), vxlanPool]],
    ['calico_backend vxlan against an IPIP pool', [calicoConfig({ calico_backend: 'vxlan' }), vxlanPool, ipipPool]],
    ['vxlanEnabled false against calico_backend vxlan', [calico('FelixConfiguration', 'default', { vxlanEnabled: false }), calicoConfig({ calico_backend: 'vxlan' })]],
    ['the Installation against calico_backend', [installation({ cni: { type: 'Calico' }, calicoNetwork: { bgp: 'Enabled' } }), calicoConfig({ calico_backend: 'vxlan' })]],
    ['an Installation with BGP against its VXLAN pool', [installation({ cni: { type: 'Calico' }, calicoNetwork: { bgp: 'Enabled', ipPools: [{ cidr: '10.0.0.0/16', encapsulation: 'VXLAN' }] } })]],
    ['Amazon VPC CNI against a VXLAN pool', [installation({ cni: { type: 'AmazonVPC' }, kubernetesProvider: 'EKS' }), vxlanPool]],
    ['policy-only calico_backend against vxlanEnabled', [calicoConfig({ calico_backend: 'none' }), calico('FelixConfiguration', 'default', { vxlanEnabled: true })]],
  ])('conflicting objects leave it out with a note: %s', (_name, objects) => {
    const result = derive(...objects);
    expect(result.facts.networking).toBeUndefined();
    expect(noteFor(result, 'networking').map((n) => [n.code, n.level])).toEqual([['conflict', 'warning']]);
  });

  it('disabled pools do not contradict the backend', () => {
    const disabledVxlan = calico('IPPool', 'old', { cidr: '10.9.0.0/16', ipipMode: 'Never', vxlanMode: 'Always', disabled: true });
    expect(derive(plainPool, disabledVxlan, calicoConfig({ calico_backend: 'bird' })).facts.networking).toBe('calico-bgp');
  });

  it('policy-only calico_backend agrees with a cloud CNI', () => {
    const result = derive(calicoConfig({ calico_backend: 'none' }), installation({ cni: { type: 'AzureVNET' }, kubernetesProvider: 'AKS' }));
    expect(result.facts.networking).toBe('aks-azure-cni');
  });
});

describe('factsFromManifests on the example clusters', () => {
  // RKE2's HelmChartConfig states BGP and the pools but leaves IPAM to the chart's defaults: read alone, its
  // values do not decide networking (the Installation the chart renders does).
  const WARNINGS: Partial<Record<(typeof CLUSTERS)[number], string[]>> = {
    'rke2-vxlan': ['Calico CNI with BGP disabled and no IPAM type set: Calico does not network the pods on Windows; networking is left for you to state.'],
  };
  it.each(CLUSTERS)('%s: facts valid against the schema, every fact with its object, field, file and line', (cluster) => {
    const set = loadManifests(manifestFiles(cluster));
    const result = factsFromManifests(set.objects, { locate: set.locate, parseValues: parseValuesText });
    expect(ClusterFactsSchema.safeParse(result.facts).success).toBe(true);
    const paths = leafPaths(result.facts);
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) {
      const source = result.sources[path];
      expect(source, path).toBeDefined();
      expect(source?.object, path).toMatch(/\//);
      expect(source?.file, path).toMatch(new RegExp(`^${FIXTURES}/${cluster}/`));
      expect(source?.line, path).toBeGreaterThan(0);
    }
    expect(result.notes.filter((n) => n.level === 'warning').map((n) => n.message)).toEqual(WARNINGS[cluster] ?? []);
  });

  it('sources point at the line of the field in its file', () => {
    const file = `${FIXTURES}/self-managed-vxlan/nodes.yaml`;
    const set = loadManifests([file]);
    const result = factsFromManifests(set.objects, { locate: set.locate });
    const lines = readFileSync(file, 'utf8').split('\n');
    const source = result.sources['nodes[win-1].osBuild'];
    expect(source).toMatchObject({ object: 'Node/win-1', field: 'status.nodeInfo.kernelVersion', file });
    expect(lines[(source?.line ?? 0) - 1]).toContain('kernelVersion: 10.0.17763.2300');
    const located = result.sources['nodes[win-2].containerRuntime'];
    expect(lines[(located?.line ?? 0) - 1]?.slice((located?.column ?? 1) - 1)).toBe('containerd://1.6.6');
  });

  it('JSON input (kubectl get -o json) is located too', () => {
    const file = `${FIXTURES}/self-managed-bgp/nodes.json`;
    const set = loadManifests([file]);
    const source = factsFromManifests(set.objects, { locate: set.locate }).sources['nodes[win-20h2-a].osBuild'];
    const line = readFileSync(file, 'utf8').split('\n')[(source?.line ?? 0) - 1];
    expect(line).toContain('"kernelVersion": "10.0.19042.1706"');
  });
});
