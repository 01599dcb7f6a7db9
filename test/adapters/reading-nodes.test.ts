import { describe, expect, it } from 'vitest';
import { concatManifests, factsFromManifests, type ManifestNote } from '../../src/adapters/manifests.js';
import { parseManifestsText } from '../../src/text/yaml.js';
import { calico, calicoConfig, derive, k8sNode, noteFor, winNode } from './helpers.js';
import { thrown } from '../support/errors.js';



const NOT_OBJECTS = 'neither an object with apiVersion and kind, nor a List, nor kubectl version output:';
const list = (...items: unknown[]) => ({ apiVersion: 'v1', kind: 'List', items });
const linux = (name: string, labels: Record<string, string> = {}, nodeInfo: Record<string, string> = {}) =>
  k8sNode(name, { os: 'linux', labels, nodeInfo });
/** A Windows node whose build comes only from what is given (winNode always sets kernelVersion). */
const bareWindows = (name: string, nodeInfo: Record<string, string>, labels: Record<string, string> = {}) =>
  k8sNode(name, { os: 'windows', nodeInfo, labels });

describe('walking the input', () => {
  it('an empty input gives exactly one info note', () => {
    expect(factsFromManifests([]).notes).toStrictEqual([
      { code: 'empty', level: 'info', message: 'The input holds no Kubernetes object.' },
    ]);
  });

  it('reads arrays nested four deep, and rejects a fifth level', () => {
    const node = linux('n');
    expect(factsFromManifests([[[[node]]]]).facts.nodes).toEqual([{ os: 'linux', name: 'n' }]);
    const error = thrown(() => factsFromManifests([[[[[node]]]]]));
    expect(error.code).toBe('invalid-input');
    expect(error.issues).toStrictEqual([{ path: '[0][0][0][0]', code: 'nested-too-deep', message: 'lists nested too deeply' }]);
    expect(error.message).toBe(`Not Kubernetes objects: a document is ${NOT_OBJECTS}\n  [0][0][0][0]: lists nested too deeply`);
  });

  it('reads Lists nested four deep, and rejects a fifth level', () => {
    const node = linux('n');
    expect(factsFromManifests(list(list(list(list(node))))).facts.nodes).toEqual([{ os: 'linux', name: 'n' }]);
    const error = thrown(() => factsFromManifests(list(list(list(list(list(node)))))));
    expect(error.issues).toStrictEqual([
      { path: 'items[0].items[0].items[0].items[0]', code: 'nested-too-deep', message: 'lists nested too deeply' },
    ]);
  });

  it('counts the documents that are not Kubernetes objects', () => {
    const error = thrown(() => derive({ kind: 'Node' }, linux('ok'), { apiVersion: 'v1' }));
    expect(error.message).toBe(
      `Not Kubernetes objects: 2 documents are ${NOT_OBJECTS}\n  [0]: not a Kubernetes object: apiVersion is missing\n  [2]: not a Kubernetes object: kind is missing`,
    );
  });

  it.each([
    ['no apiVersion', { kind: 'Node', metadata: { name: 'n' } }, 'apiVersion is missing'],
    ['an empty apiVersion', { apiVersion: '', kind: 'Node', metadata: { name: 'n' } }, 'apiVersion is missing'],
    ['an apiVersion that is not a string', { apiVersion: 1, kind: 'Node', metadata: { name: 'n' } }, 'apiVersion is missing'],
    ['no kind', { apiVersion: 'v1', metadata: { name: 'n' } }, 'kind is missing'],
    ['an empty kind', { apiVersion: 'v1', kind: '', metadata: { name: 'n' } }, 'kind is missing'],
  ])('rejects an object with %s', (_, object, missing) => {
    expect(thrown(() => derive(object)).issues).toStrictEqual([
      { path: '[0]', code: 'not-a-kubernetes-object', message: `not a Kubernetes object: ${missing}` },
    ]);
  });

  it('items of a typed list inherit apiVersion and kind only when they state neither', () => {
    const { apiVersion: _a, kind: _k, ...bare } = calico('IPPool', 'p', { cidr: '10.0.0.0/16', ipipMode: 'Never', vxlanMode: 'Always' });
    const pools = factsFromManifests({ apiVersion: 'crd.projectcalico.org/v1', kind: 'IPPoolList', items: [bare] });
    expect(pools.facts.calico?.ipPools).toEqual([{ name: 'p', cidr: '10.0.0.0/16', encapsulation: 'vxlan' }]);

    const nodeList = (...items: unknown[]) => ({ apiVersion: 'v1', kind: 'NodeList', items });
    expect(thrown(() => factsFromManifests(nodeList({ apiVersion: 'v1', metadata: { name: 'n' } }))).issues).toStrictEqual([
      { path: 'items[0]', code: 'not-a-kubernetes-object', message: 'not a Kubernetes object: kind is missing' },
    ]);
    expect(thrown(() => factsFromManifests(nodeList({ kind: 'Node', metadata: { name: 'n' } }))).issues).toStrictEqual([
      { path: 'items[0]', code: 'not-a-kubernetes-object', message: 'not a Kubernetes object: apiVersion is missing' },
    ]);
    // An item that states its own kind keeps it.
    const own = factsFromManifests(nodeList(calicoConfig({ calico_backend: 'vxlan' })));
    expect(own.facts.calico?.operatorManaged).toBe(false);
    expect(own.facts.nodes).toBeUndefined();
  });

  it('an object whose kind does not end in List is read as itself, even with an items list', () => {
    const node = { ...linux('n'), items: [linux('m')] };
    expect(derive(node).facts.nodes).toEqual([{ os: 'linux', name: 'n' }]);
  });

  it('items of a plain List inherit nothing', () => {
    const { apiVersion: _a, kind: _k, ...bare } = linux('n');
    expect(thrown(() => factsFromManifests(list(bare))).issues).toStrictEqual([
      { path: 'items[0]', code: 'not-a-kubernetes-object', message: 'not a Kubernetes object: apiVersion is missing' },
    ]);
  });

  it('takes kubectl version output with only serverVersion, and skips one with only clientVersion', () => {
    const server = derive({ serverVersion: { gitVersion: 'v1.27.3' } });
    expect(server.facts).toEqual({ kubernetes: { version: 'v1.27.3' } });
    expect(server.sources['kubernetes.version']).toStrictEqual({ object: 'kubectl version', field: 'serverVersion.gitVersion' });
    expect(server.notes).toEqual([]);

    const client = derive({ clientVersion: { gitVersion: 'v1.28.0' } });
    expect(client.facts).toEqual({});
    expect(client.notes).toStrictEqual([
      {
        code: 'skipped',
        level: 'info',
        message:
          'Skipped 1 object (kubectl version output without serverVersion): kubectl version. They state no fact the requirements use.',
        object: 'kubectl version',
      },
    ]);
  });

  it('an invalid serverVersion.gitVersion is left out with a note', () => {
    const result = derive({ serverVersion: { gitVersion: 'devel' } });
    expect(result.facts).toEqual({});
    expect(result.notes).toStrictEqual([
      {
        code: 'invalid-value',
        level: 'warning',
        message: "serverVersion.gitVersion 'devel' is not a version.",
        object: 'kubectl version',
        fact: 'kubernetes.version',
      },
    ]);
  });
});

describe('locations', () => {
  const at = { line: 7, column: 3 };

  it('a locator is asked about objects only: a primitive input gets no location', () => {
    const locate = () => at;
    const expected = {
      path: '(root)',
      code: 'not-an-object',
      message: "expected a Kubernetes object (with apiVersion and kind), got the string 'text'",
    };
    expect(thrown(() => factsFromManifests('text', { locate })).issues).toStrictEqual([expected]);
    expect(thrown(() => factsFromManifests(null, { locate })).issues).toStrictEqual([
      { ...expected, message: 'expected a Kubernetes object (with apiVersion and kind), got null' },
    ]);
    expect(thrown(() => factsFromManifests({ kind: 'Node' }, { locate })).issues).toStrictEqual([
      { path: '(root)', code: 'not-a-kubernetes-object', message: 'not a Kubernetes object: apiVersion is missing', location: at },
    ]);
  });

  it('a locator that throws gives no location', () => {
    const locate = () => {
      throw new Error('broken');
    };
    const result = factsFromManifests([{ apiVersion: 'v1', kind: 'Node', metadata: {} }], { locate });
    expect(result.notes).toStrictEqual([
      { code: 'invalid-value', level: 'warning', message: 'A Node without metadata.name was not read.', object: 'Node/(unnamed)' },
    ]);
  });

  it("a note names its object and the object's place, and carries no fact when it has none", () => {
    const set = parseManifestsText('apiVersion: v1\nkind: Node\nmetadata: {}\n---\napiVersion: v1\nkind: Node\nmetadata:\n  labels: {}\n', {
      file: 'nodes.yaml',
    });
    const result = factsFromManifests(set.objects, { locate: set.locate });
    expect(result.facts).toEqual({});
    const note = (line: number): ManifestNote => ({
      code: 'invalid-value',
      level: 'warning',
      message: 'A Node without metadata.name was not read.',
      object: 'Node/(unnamed)',
      location: { file: 'nodes.yaml', line, column: 1 },
    });
    expect(result.notes).toStrictEqual([note(1), note(5)]);
  });

  it('concatManifests locates documents of each set, by index or by the document itself', () => {
    const a = parseManifestsText('apiVersion: v1\nkind: Node\nmetadata: {name: a}\n', { file: 'a.yaml' });
    const b = parseManifestsText('apiVersion: v1\nkind: Node\nmetadata: {name: b}\n---\napiVersion: v1\nkind: Node\nmetadata:\n  name: c\n', {
      file: 'b.yaml',
    });
    const set = concatManifests([a, b]);
    expect(set.objects).toEqual([...a.objects, ...b.objects]);
    expect(set.locate(set.objects, [0, 'metadata', 'name'])).toEqual({ file: 'a.yaml', line: 3, column: 18 });
    expect(set.locate(set.objects, [1, 'metadata', 'name'])).toEqual({ file: 'b.yaml', line: 3, column: 18 });
    expect(set.locate(set.objects, [2, 'metadata', 'name'])).toEqual({ file: 'b.yaml', line: 8, column: 9 });
    expect(set.locate(set.objects[0] as object, ['metadata', 'name'])).toEqual({ file: 'a.yaml', line: 3, column: 18 });
    expect(set.locate(set.objects[2] as object, ['metadata', 'name'])).toEqual({ file: 'b.yaml', line: 8, column: 9 });
    // A path into the list must start with a document's index.
    expect(set.locate(set.objects, ['1', 'metadata'])).toBeUndefined();
    expect(set.locate(set.objects, [])).toBeUndefined();
    expect(set.locate({}, ['metadata'])).toBeUndefined();
    expect(concatManifests([]).locate([], [0])).toBeUndefined();
  });

  it('concatManifests keeps each set’s locations through factsFromManifests', () => {
    const a = parseManifestsText('apiVersion: v1\nkind: Node\nmetadata: {name: a, labels: {kubernetes.io/os: linux}}\n', { file: 'a.yaml' });
    const b = parseManifestsText('apiVersion: v1\nkind: Node\nmetadata: {}\n', { file: 'b.yaml' });
    const set = concatManifests([a, b]);
    const result = factsFromManifests(set.objects, { locate: set.locate });
    expect(result.notes.map((n) => n.location)).toEqual([{ file: 'b.yaml', line: 1, column: 1 }]);
    expect(result.sources['nodes[a].os']).toMatchObject({ file: 'a.yaml', line: 3 });
  });
});

describe('which objects are read', () => {
  it('reads an object only for its group, kind and name; others are skipped by reason', () => {
    const secret = (name: string, namespace?: string) => ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name, ...(namespace === undefined ? {} : { namespace }) },
      data: { calico_backend: 'vxlan', KUBERNETES_SERVICE_HOST: 'h' },
    });
    const result = derive(
      secret('calico-config'),
      secret('kubernetes-services-endpoint', 'tigera-operator'),
      { apiVersion: 'example.com/v1', kind: 'ConfigMap', metadata: { name: 'calico-config' }, data: { calico_backend: 'vxlan' } },
      {
        apiVersion: 'example.com/v1',
        kind: 'ConfigMap',
        metadata: { name: 'kubernetes-services-endpoint', namespace: 'tigera-operator' },
        data: { KUBERNETES_SERVICE_HOST: 'h' },
      },
      { apiVersion: 'operator.tigera.io/v1', kind: 'APIServer', metadata: { name: 'default' }, spec: { cni: { type: 'Calico' } } },
      { apiVersion: 'example.com/v1', kind: 'Installation', metadata: { name: 'default' }, spec: { cni: { type: 'Calico' } } },
      { apiVersion: 'example.com/v1', kind: 'IPPool', metadata: { name: 'p' }, spec: { cidr: '10.0.0.0/16', vxlanMode: 'Always' } },
      calico('IPAMConfig', 'other', { strictAffinity: true }),
      calico('IPAMConfiguration', 'other', { strictAffinity: true }),
      calico('ClusterInformation', 'other', { calicoVersion: 'v3.26.1', clusterType: 'k8s,kdd' }),
      calico('Node', 'n', { bgp: { routeReflectorClusterID: '1.0.0.1' } }),
    );
    expect(result.facts).toEqual({});
    expect(result.sources).toEqual({});
    const skipped = (reason: string, ...labels: string[]) => ({
      code: 'skipped',
      level: 'info',
      message: `Skipped ${labels.length} object${labels.length === 1 ? '' : 's'} (${reason}): ${labels.join(', ')}. They state no fact the requirements use.`,
      ...(labels.length === 1 ? { object: labels[0] } : {}),
    });
    expect(result.notes).toStrictEqual([
      skipped('Secret', 'Secret/calico-config', 'Secret/tigera-operator/kubernetes-services-endpoint'),
      skipped('example.com/ConfigMap', 'ConfigMap/calico-config', 'ConfigMap/tigera-operator/kubernetes-services-endpoint'),
      skipped('operator.tigera.io/APIServer', 'APIServer/default'),
      skipped('example.com/Installation', 'Installation/default'),
      skipped('example.com/IPPool', 'IPPool/p'),
      skipped('IPAMConfig other than default', 'IPAMConfig/other'),
      skipped('IPAMConfiguration other than default', 'IPAMConfiguration/other'),
      skipped('ClusterInformation other than default', 'ClusterInformation/other'),
      skipped('crd.projectcalico.org/Node', 'Node.crd.projectcalico.org/n'),
    ]);
  });

  it('reads the default IPAMConfig under either kind name', () => {
    for (const kind of ['IPAMConfig', 'IPAMConfiguration'])
      expect(derive(calico(kind, 'default', { strictAffinity: true })).facts).toEqual({ calico: { strictAffinity: true } });
  });
});

describe('Node', () => {
  it('a Node without a name is not read, with a note', () => {
    const result = derive({ apiVersion: 'v1', kind: 'Node', metadata: { labels: { 'kubernetes.io/os': 'linux' } } });
    expect(result.facts).toEqual({});
    expect(result.notes).toStrictEqual([
      { code: 'invalid-value', level: 'warning', message: 'A Node without metadata.name was not read.', object: 'Node/(unnamed)' },
    ]);
  });

  it.each([
    [{ 'kubernetes.azure.com/node-image-version': 'AKSWindows-2019-containerd-17763.2989.220610' }, 'aks'],
    [{ 'kubernetes.azure.com/mode': 'system' }, 'aks'],
    [{ 'kubernetes.azure.com/cluster': 'MC_rg_cluster_westeurope' }, 'aks'],
    [{ 'kubernetes.azure.com/cluster': 'aks-engine-cluster' }, undefined],
    [{ 'kubernetes.azure.com/role': 'agent' }, undefined],
    [{ 'example.com/resource-group': 'MC_rg_cluster_westeurope' }, undefined],
    [{ 'eks.amazonaws.com/nodegroup': 'ng-1' }, 'eks'],
    [{ 'alpha.eksctl.io/cluster-name': 'c' }, 'eks'],
    [{ 'node.openshift.io/os_id': 'rhcos' }, 'openshift'],
  ])('platform from the labels %j: %s', (labels, platform) => {
    const result = derive(linux('n', labels));
    expect(result.facts.platform).toBe(platform);
    if (platform === undefined) expect(result.sources).not.toHaveProperty('platform');
    else
      expect(result.sources['platform']).toStrictEqual({
        object: 'Node/n',
        field: `metadata.labels[${JSON.stringify(Object.keys(labels)[0])}]`,
      });
  });

  it('roles come only from node-role.kubernetes.io/<role> labels with a role after the slash', () => {
    const result = derive(
      linux('none', {
        'node-role.kubernetes.io/': '',
        'topology.kubernetes.io/zone': 'eu-west-1a',
        'node.kubernetes.io/instance-type': 'm5.large',
      }),
      linux('worker', { 'node-role.kubernetes.io/worker': 'true', 'topology.kubernetes.io/zone': 'eu-west-1a' }),
    );
    expect(result.facts.nodes).toStrictEqual([
      { os: 'linux', name: 'none' },
      { os: 'linux', name: 'worker', roles: ['worker'] },
    ]);
  });

  it('a kubeletVersion that is not a version is left out with a note', () => {
    const result = derive(linux('n', {}, { kubeletVersion: 'unknown' }));
    expect(result.facts).toEqual({ nodes: [{ os: 'linux', name: 'n' }] });
    expect(result.notes).toStrictEqual([
      { code: 'invalid-value', level: 'warning', message: "status.nodeInfo.kubeletVersion 'unknown' is not a version.", object: 'Node/n' },
    ]);
  });

  it.each([
    ['aws:///eu-west-1a/i-0abc', 'aws'],
    ['AWS:///eu-west-1a/i-0abc', 'aws'],
    ['azure:///subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm', 'azure'],
    ['gce://project/europe-west1-b/vm', 'gcp'],
    ['vsphere://4237a3b1-0000', 'vsphere'],
  ])('infrastructure from spec.providerID %s: %s', (providerID, infrastructure) => {
    const result = derive(k8sNode('n', { os: 'linux', providerID }));
    expect(result.facts.infrastructure).toBe(infrastructure);
    expect(result.sources['infrastructure']).toStrictEqual({ object: 'Node/n', field: 'spec.providerID' });
    expect(result.notes).toEqual([]);
  });

  it.each([
    ['kind://docker/kind/kind-worker', 'kind://docker/kind/kind-worker'],
    ['i-0abc', 'i-0abc'],
    ['-aws://eu-west-1a/i-0abc', '-aws://eu-west-1a/i-0abc'],
    ['constructor://x', 'constructor://x'],
    [`aws-outposts://${'x'.repeat(100)}`, `aws-outposts://${'x'.repeat(62)}...`],
  ])('a providerID that names no known infrastructure (%s) is left out with a note', (providerID, shown) => {
    const result = derive(k8sNode('n', { os: 'linux', providerID }));
    expect(result.facts).toEqual({ nodes: [{ os: 'linux', name: 'n' }] });
    expect(result.sources).not.toHaveProperty('infrastructure');
    expect(result.notes).toStrictEqual([
      {
        code: 'undecided',
        level: 'info',
        message: `spec.providerID '${shown}' names no infrastructure the library knows.`,
        object: 'Node/n',
        fact: 'infrastructure',
      },
    ]);
  });

  it('reads the Windows facts of a node that says it is Windows only in status.nodeInfo', () => {
    const node = k8sNode('w', {
      nodeInfo: { operatingSystem: 'windows', kernelVersion: '10.0.17763.2300', containerRuntimeVersion: 'containerd://1.6.6' },
    });
    expect(derive(node).facts.nodes).toStrictEqual([
      { os: 'windows', name: 'w', osBuild: '10.0.17763.2300', containerRuntime: 'containerd://1.6.6' },
    ]);
  });

  it('a container runtime it cannot parse is left out with a note', () => {
    const result = derive(winNode('w', { containerRuntimeVersion: 'Docker Engine 20' }));
    expect(result.facts.nodes).toStrictEqual([{ os: 'windows', name: 'w', osBuild: '10.0.17763.2300' }]);
    expect(result.notes).toStrictEqual([
      {
        code: 'invalid-value',
        level: 'warning',
        message: "status.nodeInfo.containerRuntimeVersion 'Docker Engine 20' is not a container runtime.",
        object: 'Node/w',
        fact: 'nodes[w].containerRuntime',
      },
    ]);
  });
});

describe('Windows build', () => {
  const note = (code: string, level: string, message: string) => ({ code, level, message, object: 'Node/w', fact: 'nodes[w].osBuild' });

  it('a kernelVersion that is not a Windows build is left out with a note', () => {
    const result = derive(bareWindows('w', { kernelVersion: '5.4.0-121-generic' }));
    expect(result.facts.nodes).toStrictEqual([{ os: 'windows', name: 'w' }]);
    expect(result.notes).toStrictEqual([
      note('invalid-value', 'warning', "status.nodeInfo.kernelVersion '5.4.0-121-generic' is not a Windows build."),
    ]);
  });

  it('a windows-build label that is not a Windows build gets a note; kernelVersion is used', () => {
    const result = derive(winNode('w', {}, { 'node.kubernetes.io/windows-build': 'ltsc2019' }));
    expect(result.facts.nodes?.[0]).toMatchObject({ osBuild: '10.0.17763.2300' });
    expect(result.notes).toStrictEqual([
      note('invalid-value', 'warning', "label node.kubernetes.io/windows-build 'ltsc2019' is not a Windows build."),
    ]);
  });

  it('a label alone that is not a Windows build gives no osBuild', () => {
    const result = derive(bareWindows('w', {}, { 'node.kubernetes.io/windows-build': 'ltsc2019' }));
    expect(result.facts.nodes).toStrictEqual([{ os: 'windows', name: 'w' }]);
    expect(result.notes).toStrictEqual([
      note('invalid-value', 'warning', "label node.kubernetes.io/windows-build 'ltsc2019' is not a Windows build."),
    ]);
  });

  it('a label naming another build than kernelVersion: kernelVersion wins, with a note quoting both', () => {
    const result = derive(winNode('w', { kernelVersion: '10.0.20348.887' }, { 'node.kubernetes.io/windows-build': '10.0.17763' }));
    expect(result.facts.nodes?.[0]).toMatchObject({ osBuild: '10.0.20348.887' });
    expect(result.sources['nodes[w].osBuild']).toStrictEqual({ object: 'Node/w', field: 'status.nodeInfo.kernelVersion' });
    expect(result.notes).toStrictEqual([
      note(
        'conflict',
        'warning',
        "label node.kubernetes.io/windows-build says 10.0.17763 but status.nodeInfo.kernelVersion says 10.0.20348.887: kernelVersion, the kubelet's current report, is used.",
      ),
    ]);
  });

  it('the label alone gives the build', () => {
    const result = derive(bareWindows('w', {}, { 'node.kubernetes.io/windows-build': '10.0.17763' }));
    expect(result.facts.nodes).toStrictEqual([{ os: 'windows', name: 'w', osBuild: '10.0.17763' }]);
    expect(result.notes).toEqual([]);
  });

  it('osImage naming a long-term release gives the build without its revision, with a note', () => {
    const result = derive(bareWindows('w', { osImage: 'Windows Server 2019 Datacenter' }));
    expect(result.facts.nodes).toStrictEqual([{ os: 'windows', name: 'w', osBuild: '10.0.17763' }]);
    expect(result.notes).toStrictEqual([
      note(
        'inferred',
        'info',
        "nodes[w].osBuild 10.0.17763 from osImage 'Windows Server 2019 Datacenter' (Windows Server 2019 (1809)), without the revision: status.nodeInfo.kernelVersion would give it.",
      ),
    ]);
  });

  it('osImage naming no release leaves the build out, with a note', () => {
    const result = derive(bareWindows('w', { osImage: 'Windows Server Datacenter' }));
    expect(result.facts.nodes).toStrictEqual([{ os: 'windows', name: 'w' }]);
    expect(noteFor(result, 'nodes[w].osBuild')).toStrictEqual([
      note(
        'undecided',
        'warning',
        "status.nodeInfo.osImage 'Windows Server Datacenter' does not name the Windows Server release, and neither kernelVersion nor the windows-build label is set.",
      ),
    ]);
  });

  it('a Linux node is not read for Windows facts', () => {
    const result = derive(linux('l', { 'node.kubernetes.io/windows-build': 'x' }, { kernelVersion: '5.4.0', containerRuntimeVersion: 'x' }));
    expect(result.facts.nodes).toStrictEqual([{ os: 'linux', name: 'l' }]);
    expect(result.notes).toEqual([]);
  });
});
