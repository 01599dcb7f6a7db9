import { describe, expect, it } from 'vitest';
import { factsFromManifests, type ManifestFacts } from '../../src/adapters/manifests.js';
import { parseManifestsText } from '../../src/text/yaml.js';
import { calico, calicoConfig, derive, installation, k8sNode, noteFor, winNode } from './helpers.js';

// How claims from several objects become facts: which object a fact cites, and the exact notes when the
// objects disagree or do not decide.

const fromText = (text: string, file = 'cluster.yaml'): ManifestFacts => {
  const set = parseManifestsText(text, { file });
  return factsFromManifests(set.objects, { locate: set.locate });
};

const CONFIG = 'ConfigMap/kube-system/calico-config';
const kubectlVersion = (gitVersion: string) => ({ clientVersion: { gitVersion: 'v1.30.0' }, serverVersion: { gitVersion } });
const calicoNode = (name: string | undefined, bgp: Record<string, unknown>) => ({
  apiVersion: 'projectcalico.org/v3',
  kind: 'Node',
  metadata: name === undefined ? {} : { name },
  spec: { bgp },
});
const pool = (name: string, spec: Record<string, unknown>) => calico('IPPool', name, spec, 'projectcalico.org/v3');
const VXLAN_HOW = "an enabled IP pool has vxlanMode Always or CrossSubnet (Calico's Windows installer then picks the vxlan backend)";
const BGP_HOW = "no enabled IP pool uses VXLAN (Calico's Windows installer then picks the bgp backend)";

describe('claims that agree cite the best-ranked object; claims that disagree leave the fact out', () => {
  it.each([
    ['ClusterInformation first', true],
    ['the Installation first', false],
  ])('calico.operatorManaged cites the Installation over ClusterInformation (%s)', (_name, clusterInformationFirst) => {
    const objects = [calico('ClusterInformation', 'default', { clusterType: 'k8s,kdd,operator' }), installation({})];
    const result = derive(...(clusterInformationFirst ? objects : objects.reverse()));
    expect(result.facts.calico?.operatorManaged).toBe(true);
    expect(result.sources['calico.operatorManaged']).toStrictEqual({ object: 'Installation/default' });
  });

  it.each([
    ['calico-config first', true],
    ['ClusterInformation first', false],
  ])('calico.datastore cites ClusterInformation over etcd_endpoints (%s)', (_name, configFirst) => {
    const objects = [calicoConfig({ etcd_endpoints: 'https://10.0.1.10:2379' }), calico('ClusterInformation', 'default', { clusterType: 'k8s,bgp' })];
    const result = derive(...(configFirst ? objects : objects.reverse()));
    expect(result.facts.calico?.datastore).toBe('etcd');
    expect(result.sources['calico.datastore']).toStrictEqual({ object: 'ClusterInformation/default', field: 'spec.clusterType' });
  });

  it.each([
    ['calico-config first', true],
    ['ClusterInformation first', false],
  ])('a conflict lists the best-ranked claim first (%s)', (_name, configFirst) => {
    const objects = [calicoConfig({ etcd_endpoints: 'https://10.0.1.10:2379' }), calico('ClusterInformation', 'default', { clusterType: 'k8s,kdd' })];
    const result = derive(...(configFirst ? objects : objects.reverse()));
    expect(result.facts.calico).toStrictEqual({ operatorManaged: false });
    expect(result.sources['calico.datastore']).toBeUndefined();
    expect(result.notes).toStrictEqual([
      {
        code: 'conflict',
        level: 'warning',
        message: `calico.datastore: the objects disagree (ClusterInformation/default spec.clusterType says 'kubernetes'; ${CONFIG} data.etcd_endpoints says 'etcd'); it is left out: state it in your facts.`,
        fact: 'calico.datastore',
      },
    ]);
  });

  it('a conflict names each object with its file and line, and values that are not strings as JSON', () => {
    const config = (backend: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: calico-config, namespace: kube-system}\ndata:\n  calico_backend: ${backend}\n`;
    const result = fromText(`${config('bird')}---\n${config('vxlan')}`, 'a.yaml');
    expect(result.facts).toStrictEqual({ calico: { operatorManaged: false } });
    expect(result.sources).toStrictEqual({ 'calico.operatorManaged': { object: CONFIG, file: 'a.yaml', line: 1, column: 1 } });
    expect(result.notes).toStrictEqual([
      {
        code: 'conflict',
        level: 'warning',
        message: `calico.bgpEnabled: the objects disagree (${CONFIG} data.calico_backend (a.yaml:5) says true; ${CONFIG} data.calico_backend (a.yaml:11) says false); it is left out: state it in your facts.`,
        fact: 'calico.bgpEnabled',
      },
      {
        code: 'conflict',
        level: 'warning',
        message: `networking: the objects disagree (${CONFIG} data.calico_backend (a.yaml:5): data.calico_backend is bird → calico-bgp; ${CONFIG} data.calico_backend (a.yaml:11): data.calico_backend is vxlan → calico-vxlan); it is left out: state it in your facts.`,
        fact: 'networking',
      },
    ]);
  });

  it('a conflict names an object without a field by the object alone', () => {
    const result = derive(installation({}), calicoConfig({}));
    // Nothing contradicts the datastore the Installation implies.
    expect(result.facts).toStrictEqual({ calico: { datastore: 'kubernetes' } });
    expect(noteFor(result, 'calico.operatorManaged')).toStrictEqual([
      {
        code: 'conflict',
        level: 'warning',
        message: `calico.operatorManaged: the objects disagree (Installation/default says true; ${CONFIG} says false); it is left out: state it in your facts.`,
        fact: 'calico.operatorManaged',
      },
    ]);
  });

  it('lists agree when they hold the same items in the same order', () => {
    const same = derive(k8sNode('n1', { os: 'linux', labels: { 'node-role.kubernetes.io/a': '' } }), k8sNode('n1', { os: 'linux', labels: { 'node-role.kubernetes.io/a': '' } }));
    expect(same.facts.nodes).toStrictEqual([{ os: 'linux', name: 'n1', roles: ['a'] }]);
    expect(same.notes).toStrictEqual([]);
  });

  it.each([
    [['a'], ['a', 'b'], '["a"]', '["a","b"]'],
    [['a', 'b'], ['a'], '["a","b"]', '["a"]'],
    [['a', 'b'], ['a', 'c'], '["a","b"]', '["a","c"]'],
  ])('lists disagree when their items differ: roles %j and %j', (first, second, shownFirst, shownSecond) => {
    const node = (roles: string[]) => k8sNode('n1', { os: 'linux', labels: Object.fromEntries(roles.map((r) => [`node-role.kubernetes.io/${r}`, ''])) });
    const result = derive(node(first), node(second));
    expect(result.facts.nodes).toStrictEqual([{ os: 'linux', name: 'n1' }]);
    expect(result.notes).toStrictEqual([
      {
        code: 'conflict',
        level: 'warning',
        message: `nodes[n1].roles: the objects disagree (Node/n1 metadata.labels["node-role.kubernetes.io/a"] says ${shownFirst}; Node/n1 metadata.labels["node-role.kubernetes.io/a"] says ${shownSecond}); it is left out: state it in your facts.`,
        fact: 'nodes[n1].roles',
      },
    ]);
  });

  it('two Installations: a note that the operator reads only default, naming them', () => {
    const result = derive(installation({}), installation({}, {}, 'other'));
    expect(result.facts).toStrictEqual({ calico: { operatorManaged: true, datastore: 'kubernetes' } });
    expect(noteFor(result, 'calico.operatorManaged')).toStrictEqual([
      {
        code: 'conflict',
        level: 'warning',
        message: "2 Installations (Installation/default, Installation/other): the operator reads only 'default'; facts they disagree on are left out.",
        fact: 'calico.operatorManaged',
      },
    ]);
  });
});

describe('nodes', () => {
  it('a node given twice is cited once, by its first object', () => {
    const result = derive(k8sNode('n1', { os: 'linux' }), k8sNode('n1', { os: 'linux' }), k8sNode('n2', { os: 'linux' }));
    expect(result.sources['nodes']).toStrictEqual({ object: 'Node/n1, Node/n2' });
  });

  it('the nodes list names five objects, then counts them', () => {
    const names = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'];
    const result = derive(...names.map((n) => k8sNode(n, { os: 'linux' })));
    expect(result.sources['nodes']).toStrictEqual({ object: 'Node/n1, Node/n2, Node/n3, Node/n4, Node/n5, … (6 objects)' });
    const five = derive(...names.slice(0, 5).map((n) => k8sNode(n, { os: 'linux' })));
    expect(five.sources['nodes']).toStrictEqual({ object: 'Node/n1, Node/n2, Node/n3, Node/n4, Node/n5' });
  });

  it('the nodes list cites the file and line of its first object', () => {
    const result = fromText('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n---\napiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n  labels: {kubernetes.io/os: linux}\n');
    expect(result.sources['nodes']).toStrictEqual({ object: 'Node/n1', file: 'cluster.yaml', line: 5, column: 1 });
  });

  it('a node that states no OS is left out with a note', () => {
    const result = derive(k8sNode('n1'));
    expect(result).toStrictEqual({
      facts: {},
      sources: {},
      notes: [
        {
          code: 'undecided',
          level: 'warning',
          message: 'Node/n1 states no OS (no kubernetes.io/os label, no status.nodeInfo.operatingSystem): it is left out.',
          object: 'Node/n1',
          fact: 'nodes[n1]',
        },
      ],
    });
  });

  it('a node whose OS is neither linux nor windows is left out with a note, and its OS source with it', () => {
    const result = derive(k8sNode('n1', { os: 'plan9' }));
    expect(result).toStrictEqual({
      facts: {},
      sources: {},
      notes: [
        {
          code: 'undecided',
          level: 'warning',
          message: "Node/n1 runs 'plan9', neither linux nor windows: it is left out.",
          object: 'Node/n1',
          fact: 'nodes[n1]',
        },
      ],
    });
  });

  it('a Calico Node without a Kubernetes Node is noted; one without a name is passed over', () => {
    const result = derive(winNode('win-1'), calicoNode('elsewhere', { routeReflectorClusterID: '244.0.0.1' }), calicoNode(undefined, { routeReflectorClusterID: '244.0.0.1' }));
    expect(result.facts.nodes?.map((n) => n.routeReflector)).toStrictEqual([undefined]);
    expect(result.notes).toStrictEqual([
      {
        code: 'unmatched',
        level: 'info',
        message: 'Node.projectcalico.org/elsewhere has no Kubernetes Node object in the input: its route-reflector role is not recorded.',
        object: 'Node.projectcalico.org/elsewhere',
      },
    ]);
  });
});

describe('kubernetes.version', () => {
  const kubelet = (name: string, version: string, controlPlane = false) =>
    k8sNode(name, { os: 'linux', nodeInfo: { kubeletVersion: version }, labels: controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {} });

  it('kubelets of one version: the first node is cited, with one note', () => {
    const result = derive(kubelet('a', 'v1.24.3'), kubelet('b', 'v1.24.3'));
    expect(result.facts.kubernetes).toStrictEqual({ version: 'v1.24.3' });
    expect(result.sources['kubernetes.version']).toStrictEqual({ object: 'Node/a', field: 'status.nodeInfo.kubeletVersion' });
    expect(result.notes).toStrictEqual([
      {
        code: 'inferred',
        level: 'info',
        message: 'kubernetes.version v1.24.3 from the kubelet of Node/a: the API server may be newer; kubectl version -o yaml (passed with the manifests) gives its own.',
        fact: 'kubernetes.version',
      },
    ]);
  });

  it('v1.24.3 and 1.24.3 are one version', () => {
    const result = derive(kubelet('a', 'v1.24.3'), kubelet('b', '1.24.3'));
    expect(result.facts.kubernetes).toStrictEqual({ version: 'v1.24.3' });
    expect(result.notes.map((n) => n.code)).toStrictEqual(['inferred']);
  });

  it('kubelets of different versions, no control plane: the lowest, with a note', () => {
    const result = derive(kubelet('a', 'v1.24.3'), kubelet('b', 'v1.23.9'), kubelet('c', 'v1.24.1'));
    expect(result.facts.kubernetes).toStrictEqual({ version: 'v1.23.9' });
    expect(result.notes).toStrictEqual([
      {
        code: 'conflict',
        level: 'info',
        message: 'The kubelets run different versions (1.24.3, 1.23.9, 1.24.1); kubernetes.version is the lowest, v1.23.9 (Node/b).',
        fact: 'kubernetes.version',
      },
      {
        code: 'inferred',
        level: 'info',
        message: 'kubernetes.version v1.23.9 from the kubelet of Node/b: the API server may be newer; kubectl version -o yaml (passed with the manifests) gives its own.',
        fact: 'kubernetes.version',
      },
    ]);
  });

  it('kubelets of different versions with a control plane: the lowest of the control plane, with a note', () => {
    const result = derive(kubelet('w', 'v1.23.9'), kubelet('cp', 'v1.24.3', true));
    expect(result.facts.kubernetes).toStrictEqual({ version: 'v1.24.3' });
    expect(result.notes.map((n) => n.message)).toStrictEqual([
      'The kubelets run different versions (1.23.9, 1.24.3); kubernetes.version is the lowest of the control-plane nodes, v1.24.3 (Node/cp).',
      'kubernetes.version v1.24.3 from the kubelet of Node/cp: the API server may be newer; kubectl version -o yaml (passed with the manifests) gives its own.',
    ]);
  });

  it('kubectl version outputs that disagree leave it out, kubelets notwithstanding', () => {
    const result = derive(kubectlVersion('v1.24.3'), kubectlVersion('v1.25.0'), kubelet('a', 'v1.24.3'));
    expect(result.facts).toStrictEqual({ nodes: [{ os: 'linux', name: 'a' }] });
    expect(result.notes).toStrictEqual([
      {
        code: 'conflict',
        level: 'warning',
        message: "kubernetes.version: the objects disagree (kubectl version serverVersion.gitVersion says 'v1.24.3'; kubectl version serverVersion.gitVersion says 'v1.25.0'); it is left out: state it in your facts.",
        fact: 'kubernetes.version',
      },
    ]);
  });
});

describe('skipped objects', () => {
  const daemonSet = (name: string) => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name } });

  it('one object: the note names it', () => {
    expect(derive(daemonSet('a')).notes).toStrictEqual([
      {
        code: 'skipped',
        level: 'info',
        message: 'Skipped 1 object (apps/DaemonSet): DaemonSet/a. They state no fact the requirements use.',
        object: 'DaemonSet/a',
      },
    ]);
  });

  it('three objects are listed; more are cut short', () => {
    expect(derive(daemonSet('a'), daemonSet('b'), daemonSet('c')).notes).toStrictEqual([
      { code: 'skipped', level: 'info', message: 'Skipped 3 objects (apps/DaemonSet): DaemonSet/a, DaemonSet/b, DaemonSet/c. They state no fact the requirements use.' },
    ]);
    expect(derive(daemonSet('a'), daemonSet('b'), daemonSet('c'), daemonSet('d')).notes).toStrictEqual([
      { code: 'skipped', level: 'info', message: 'Skipped 4 objects (apps/DaemonSet): DaemonSet/a, DaemonSet/b, DaemonSet/c, …. They state no fact the requirements use.' },
    ]);
  });
});

describe('IP pools from several objects', () => {
  it('two pools with one name and different CIDRs are a conflict', () => {
    const result = derive(pool('p', { cidr: '10.0.0.0/16', vxlanMode: 'Always' }), calico('IPPool', 'p', { cidr: '10.1.0.0/16', ipipMode: 'Never', vxlanMode: 'Always' }));
    expect(result.facts).toStrictEqual({});
    expect(result.notes).toStrictEqual([
      {
        code: 'conflict',
        level: 'warning',
        message: 'IP pool p is described twice, differently (IPPool/p, IPPool/p): calico.ipPools is left out.',
        fact: 'calico.ipPools',
      },
    ]);
  });

  it.each([
    ['first', true],
    ['second', false],
  ])('a pool stated once with disabled: false (%s) and once without it is described differently', (_name, disabledFirst) => {
    const pools = [pool('p', { cidr: '10.0.0.0/16', vxlanMode: 'Always', disabled: false }), pool('p', { cidr: '10.0.0.0/16', vxlanMode: 'Always' })];
    const result = derive(...(disabledFirst ? pools : pools.reverse()));
    expect(result.facts.calico?.ipPools).toBeUndefined();
    expect(noteFor(result, 'calico.ipPools').map((n) => n.code)).toStrictEqual(['conflict']);
  });

  it('the pools list names five objects, then counts them', () => {
    const result = derive(...[1, 2, 3, 4, 5, 6].map((i) => pool(`p${i}`, { cidr: `10.${i}.0.0/16`, vxlanMode: 'Always' })));
    expect(result.sources['calico.ipPools']).toStrictEqual({ object: 'IPPool/p1, IPPool/p2, IPPool/p3, IPPool/p4, IPPool/p5, … (6 objects)' });
  });

  describe('from the Installation', () => {
    it('pools without name or CIDR are told apart by their place', () => {
      const result = derive(installation({ calicoNetwork: { ipPools: [{ encapsulation: 'VXLAN' }, { encapsulation: 'VXLAN' }] } }));
      expect(result.facts.calico?.ipPools).toStrictEqual([{ encapsulation: 'vxlan' }, { encapsulation: 'vxlan' }]);
      expect(result.sources).toMatchObject({
        'calico.ipPools[calico.ipPools[0]].encapsulation': { object: 'Installation/default', field: 'spec.calicoNetwork.ipPools[0].encapsulation' },
        'calico.ipPools[calico.ipPools[1]].encapsulation': { object: 'Installation/default', field: 'spec.calicoNetwork.ipPools[1].encapsulation' },
        'calico.ipPools': { object: 'Installation/default', field: 'spec.calicoNetwork.ipPools' },
      });
    });

    it('the pools cite status.computed when the spec leaves them out', () => {
      const result = derive(installation({}, { status: { computed: { calicoNetwork: { ipPools: [{ name: 'a', cidr: '10.0.0.0/16', encapsulation: 'IPIP' }] } } } }));
      expect(result.facts.calico?.ipPools).toStrictEqual([{ name: 'a', cidr: '10.0.0.0/16', encapsulation: 'ipip' }]);
      expect(result.sources['calico.ipPools']).toStrictEqual({ object: 'Installation/default', field: 'status.computed.calicoNetwork.ipPools' });
    });

    it('a pool whose encapsulation cannot be told leaves the pools out', () => {
      const result = derive(installation({ calicoNetwork: { ipPools: [{ cidr: '10.0.0.0/16', encapsulation: 'GRE' }] } }));
      expect(noteFor(result, 'calico.ipPools')).toStrictEqual([
        {
          code: 'undecided',
          level: 'warning',
          message:
            "The encapsulation of a pool of Installation/default cannot be told: spec.calicoNetwork.ipPools[0].encapsulation 'GRE' is not an encapsulation. calico.ipPools is left out, since a partial list could hide a pool: state the pools in your facts.",
          object: 'Installation/default',
          fact: 'calico.ipPools',
        },
      ]);
    });

    it('two of its pools with one CIDR are not checked against each other', () => {
      const result = derive(
        installation({
          calicoNetwork: {
            ipPools: [
              { name: 'a', cidr: '10.0.0.0/16', encapsulation: 'VXLAN' },
              { name: 'b', cidr: '10.0.0.0/16', encapsulation: 'IPIP' },
            ],
          },
        }),
      );
      expect(result.facts.calico?.ipPools).toHaveLength(2);
      expect(noteFor(result, 'calico.ipPools')).toStrictEqual([]);
    });
  });

  describe('IPPool objects against the Installation', () => {
    it('a pool that differs from the one the Installation declares: the object is used, with a note', () => {
      const result = derive(
        installation({ calicoNetwork: { ipPools: [{ cidr: '10.0.0.0/16', encapsulation: 'VXLAN' }] } }),
        calico('IPPool', 'default-ipv4-ippool', { cidr: '10.0.0.0/16', ipipMode: 'Always', vxlanMode: 'Never' }),
      );
      expect(result.facts.calico?.ipPools).toStrictEqual([{ name: 'default-ipv4-ippool', cidr: '10.0.0.0/16', encapsulation: 'ipip' }]);
      expect(noteFor(result, 'calico.ipPools')).toStrictEqual([
        {
          code: 'conflict',
          level: 'warning',
          message:
            "IP pool 10.0.0.0/16: IPPool/default-ipv4-ippool is ipip but Installation/default declares vxlan; the operator will set it back to the Installation's. The IPPool object is used.",
          object: 'IPPool/default-ipv4-ippool',
          fact: 'calico.ipPools',
        },
      ]);
    });

    it.each([
      ['declares another CIDR', [{ cidr: '10.9.0.0/16', encapsulation: 'VXLAN' }]],
      ['declares a pool without a CIDR', [{ name: 'x', encapsulation: 'VXLAN' }]],
      ['declares a pool it cannot tell', [{ cidr: '10.0.0.0/16' }]],
      ['declares the same pool', [{ cidr: '10.0.0.0/16', encapsulation: 'IPIP' }]],
    ])('no note when the Installation %s', (_name, ipPools) => {
      const result = derive(
        installation({ calicoNetwork: { ipPools } }),
        calico('IPPool', 'p', { cidr: '10.0.0.0/16', ipipMode: 'Always', vxlanMode: 'Never' }),
        pool('nocidr', { ipipMode: 'Always' }),
      );
      expect(result.facts.calico?.ipPools).toStrictEqual([
        { name: 'p', cidr: '10.0.0.0/16', encapsulation: 'ipip' },
        { name: 'nocidr', encapsulation: 'ipip' },
      ]);
      expect(noteFor(result, 'calico.ipPools')).toStrictEqual([]);
    });
  });
});

describe('networking', () => {
  const vxlanPool = pool('vx', { cidr: '10.0.0.0/16', vxlanMode: 'Always' });
  const plainPool = pool('pl', { cidr: '10.2.0.0/16', ipipMode: 'Never' });
  const felix = (vxlanEnabled: boolean) => calico('FelixConfiguration', 'default', { vxlanEnabled });
  const bgpInstallation = (extra: Record<string, unknown> = {}) => installation({ cni: { type: 'Calico' }, calicoNetwork: { bgp: 'Enabled', ...extra } });
  const INSTALLATION_BGP = 'Installation/default spec.cni.type + spec.calicoNetwork.bgp: spec.cni.type is Calico and spec.calicoNetwork.bgp is Enabled (the operator\'s windows-bgp backend)';

  it.each([
    ['vxlan', 'vx', { vxlanMode: 'Always' }],
    ['vxlan-cross-subnet', 'vx', { vxlanMode: 'CrossSubnet' }],
  ])('an enabled %s pool is Calico VXLAN, citing that pool over others', (_encapsulation, name, modes) => {
    const disabled = pool('old', { cidr: '10.9.0.0/16', ipipMode: 'Never', disabled: true });
    const result = derive(disabled, pool(name, { cidr: '10.0.0.0/16', ...modes }));
    expect(result.facts.networking).toBe('calico-vxlan');
    expect(result.sources['networking']).toStrictEqual({ object: 'IPPool/vx', field: 'spec.vxlanMode' });
    expect(noteFor(result, 'networking')).toStrictEqual([
      { code: 'inferred', level: 'info', message: `networking calico-vxlan: IPPool/vx spec.vxlanMode: ${VXLAN_HOW}.`, fact: 'networking' },
    ]);
  });

  it('only disabled pools: no installer answer and no note', () => {
    const result = derive(pool('old', { cidr: '10.9.0.0/16', vxlanMode: 'Always', disabled: true }));
    expect(result.facts.networking).toBeUndefined();
    expect(result.notes).toStrictEqual([]);
  });

  it('FelixConfiguration vxlanEnabled false alone does not say Calico networks the pods', () => {
    const result = derive(felix(false));
    expect(result.notes).toStrictEqual([
      {
        code: 'undecided',
        level: 'warning',
        message:
          "The objects show Calico's FelixConfiguration but not whether Calico networks the pods (no Installation, no calico-config ConfigMap): networking is left for you to state.",
        fact: 'networking',
      },
    ]);
  });

  it('FelixConfiguration objects that agree decide it; that disagree leave it out', () => {
    const agree = derive(felix(true), calico('FelixConfiguration', 'default', { vxlanEnabled: true }, 'projectcalico.org/v3'));
    expect(agree.facts.networking).toBe('calico-vxlan');
    expect(agree.sources['networking']).toStrictEqual({ object: 'FelixConfiguration/default', field: 'spec.vxlanEnabled' });
    const disagree = derive(felix(true), calico('FelixConfiguration', 'default', { vxlanEnabled: false }, 'projectcalico.org/v3'), calicoConfig({ calico_backend: 'vxlan' }));
    expect(disagree.facts.networking).toBeUndefined();
    expect(noteFor(disagree, 'networking')).toStrictEqual([
      { code: 'conflict', level: 'warning', message: 'FelixConfiguration default objects disagree on spec.vxlanEnabled: networking is left out.', fact: 'networking' },
    ]);
  });

  it('a BGP Installation with a pool without VXLAN: both answers are named', () => {
    const result = derive(bgpInstallation(), plainPool);
    expect(result.facts.networking).toBe('calico-bgp');
    expect(result.sources['networking']).toStrictEqual({ object: 'Installation/default', field: 'spec.cni.type + spec.calicoNetwork.bgp' });
    expect(noteFor(result, 'networking')).toStrictEqual([
      { code: 'inferred', level: 'info', message: `networking calico-bgp: ${INSTALLATION_BGP}; IPPool/pl spec.vxlanMode: ${BGP_HOW}.`, fact: 'networking' },
    ]);
  });

  it('two VXLAN pools and one without: the pool without contradicts the installer', () => {
    const result = derive(vxlanPool, plainPool);
    expect(result.facts.networking).toBeUndefined();
    expect(noteFor(result, 'networking')).toStrictEqual([
      {
        code: 'conflict',
        level: 'warning',
        message: `networking: ${VXLAN_HOW} → calico-vxlan, but IP pool pl (none) contradicts that backend; networking is left out: state it in your facts.`,
        fact: 'networking',
      },
    ]);
  });

  it('the objects disagree: each answer is named with its object', () => {
    const result = derive(calicoConfig({ calico_backend: 'bird' }), felix(true));
    expect(noteFor(result, 'networking')).toStrictEqual([
      {
        code: 'conflict',
        level: 'warning',
        message: `networking: the objects disagree (${CONFIG} data.calico_backend: data.calico_backend is bird → calico-bgp; FelixConfiguration/default spec.vxlanEnabled: spec.vxlanEnabled is true (Calico's Windows installer then picks the vxlan backend) → calico-vxlan); it is left out: state it in your facts.`,
        fact: 'networking',
      },
    ]);
  });

  it('calico_backend none alone leaves networking to the user', () => {
    const result = derive(calicoConfig({ calico_backend: 'none' }));
    expect(noteFor(result, 'networking')).toStrictEqual([
      {
        code: 'undecided',
        level: 'warning',
        message: 'calico_backend is none: Calico enforces policy only, and the objects do not say what networks the pods: state networking (cloud-provider, eks-vpc-cni, aks-azure-cni).',
        fact: 'networking',
      },
    ]);
  });

  it('a cloud CNI is not contradicted by a VXLAN pool when the installer answer does not count', () => {
    const result = derive(felix(false), vxlanPool, installation({ cni: { type: 'AmazonVPC' }, kubernetesProvider: 'EKS' }));
    expect(result.facts.networking).toBe('eks-vpc-cni');
    expect(noteFor(result, 'networking')).toStrictEqual([
      { code: 'inferred', level: 'info', message: 'networking eks-vpc-cni: Installation/default spec.cni.type: spec.cni.type is AmazonVPC.', fact: 'networking' },
    ]);
  });

  it('calico-bgp is contradicted by an enabled VXLAN pool', () => {
    const result = derive(felix(false), calicoConfig({ calico_backend: 'bird' }), vxlanPool);
    expect(result.facts.networking).toBeUndefined();
    expect(noteFor(result, 'networking')).toStrictEqual([
      {
        code: 'conflict',
        level: 'warning',
        message:
          "networking: data.calico_backend is bird; spec.vxlanEnabled is false (Calico's Windows installer then picks the bgp backend) → calico-bgp, but IP pool vx (vxlan) contradicts that backend; networking is left out: state it in your facts.",
        fact: 'networking',
      },
    ]);
  });

  it('several contradicting pools are all named; a pool without name or CIDR as ?', () => {
    const result = derive(bgpInstallation({ ipPools: [{ encapsulation: 'VXLAN' }, { cidr: '10.1.0.0/16', encapsulation: 'VXLANCrossSubnet' }] }), felix(false));
    expect(result.facts.networking).toBeUndefined();
    expect(noteFor(result, 'networking')).toStrictEqual([
      {
        code: 'conflict',
        level: 'warning',
        message:
          "networking: spec.cni.type is Calico and spec.calicoNetwork.bgp is Enabled (the operator's windows-bgp backend); spec.vxlanEnabled is false (Calico's Windows installer then picks the bgp backend) → calico-bgp, but IP pools ? (vxlan), 10.1.0.0/16 (vxlan-cross-subnet) contradict that backend; networking is left out: state it in your facts.",
        fact: 'networking',
      },
    ]);
  });

  it("without IPPool objects, the installer's answer cites the Installation's pool, in the Installation's words", () => {
    const result = derive(
      installation({
        cni: { type: 'Calico', ipam: { type: 'Calico' } },
        calicoNetwork: { bgp: 'Disabled', ipPools: [{ cidr: '10.1.0.0/16', encapsulation: 'VXLANCrossSubnet' }, { cidr: '10.0.0.0/16', encapsulation: 'VXLAN' }] },
      }),
    );
    expect(result.facts.networking).toBe('calico-vxlan');
    expect(noteFor(result, 'networking').map((n) => n.message)).toStrictEqual([
      "networking calico-vxlan: Installation/default spec.cni.type + spec.calicoNetwork.bgp + spec.cni.ipam.type: spec.cni.type is Calico, spec.calicoNetwork.bgp is Disabled and spec.cni.ipam.type is Calico (the operator's vxlan backend); Installation/default spec.calicoNetwork.ipPools[0].encapsulation: an enabled IP pool has encapsulation VXLAN or VXLANCrossSubnet (Calico's Windows installer then picks the vxlan backend).",
    ]);
  });

  it("without IPPool objects and without a VXLAN pool, the installer's answer cites the Installation's first pool too", () => {
    const result = derive(
      installation({
        cni: { type: 'Calico', ipam: { type: 'Calico' } },
        calicoNetwork: { bgp: 'Enabled', ipPools: [{ cidr: '10.1.0.0/16', encapsulation: 'IPIP' }, { cidr: '10.0.0.0/16', encapsulation: 'None' }] },
      }),
    );
    expect(result.facts.networking).toBe('calico-bgp');
    expect(noteFor(result, 'networking').map((n) => n.message)).toStrictEqual([
      "networking calico-bgp: Installation/default spec.cni.type + spec.calicoNetwork.bgp: spec.cni.type is Calico and spec.calicoNetwork.bgp is Enabled (the operator's windows-bgp backend); Installation/default spec.calicoNetwork.ipPools[0].encapsulation: no enabled IP pool uses VXLAN (Calico's Windows installer then picks the bgp backend).",
    ]);
  });
});
