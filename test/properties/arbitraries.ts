/**
 * Generators for the property tests: valid facts, a more-informed refinement of them, hostile JSON and
 * Kubernetes-like objects. Runs are bounded and seeded so `npm test` stays fast and repeatable;
 * `npm run test:properties:long` raises the number of runs and picks a random seed (printed on failure).
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { KNOWN_NETWORKING, KNOWN_PLATFORMS, type ClusterFacts, type IpPool, type LinuxNodeFacts, type NodeFacts, type WindowsNodeFacts } from '../../src/model/facts.js';
import { typoOf } from '../../src/model/words.js';
import { parseVersion } from '../../src/model/version.js';

/** Run parameters: `FC_NUM_RUNS` overrides the number of runs, `FC_SEED` the seed (`random` for none). */
export function runs<T>(defaultRuns: number): fc.Parameters<T> {
  const fromEnv = Number(process.env['FC_NUM_RUNS']);
  const numRuns = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : defaultRuns;
  const seedText = process.env['FC_SEED'];
  if (seedText === 'random') return { numRuns };
  const seed = seedText === undefined || seedText === '' ? 20220523 : Number(seedText);
  return { numRuns, seed };
}

/** A long run gives each test more time; the default run stays within vitest's default budget. */
export function timeoutFor(defaultRuns: number, msPerRun: number): number {
  const fromEnv = Number(process.env['FC_NUM_RUNS']);
  const numRuns = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : defaultRuns;
  return Math.max(30_000, numRuns * msPerRun * 4);
}

// ---------------------------------------------------------------------------------------------------
// Values: the documented ones, near misses, and arbitrary strings the schema accepts.

const anyNonEmpty = fc.string({ minLength: 1, maxLength: 12 });
const tricky = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ' ', 'ü', '💥', 'a.b', 'x[0]');

const platform = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('kubernetes', 'openshift', 'rke', 'eks', 'aks') },
  // Platforms the library does not know (accepted, and unsupported): 'rke2' is near 'rke' but no slip of it.
  // A slip of a known one ('EKS', 'kubernets') is invalid input, as test/model/parse.test.ts shows.
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom('gke', 'rke2', 'k3s', 'tkg'), tricky, anyNonEmpty.filter((s) => typoOf(s, KNOWN_PLATFORMS) === undefined)) },
);
const infrastructure = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('aws', 'azure', 'gcp', 'vsphere', 'bare-metal') },
  { weight: 1, arbitrary: fc.oneof(tricky, anyNonEmpty) },
);
const networking = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('calico-bgp', 'calico-vxlan', 'cloud-provider', 'eks-vpc-cni', 'aks-azure-cni') },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom('flannel', 'calico', 'cilium'), tricky, anyNonEmpty.filter((s) => typoOf(s, KNOWN_NETWORKING) === undefined)) },
);

/** Versions `parseVersion` reads: `1.21`, `v1.21.3`, `1.22.4-eks-0389ca3`, `  3.23.1+rke2`. */
function version(majors: readonly number[]): fc.Arbitrary<string> {
  return fc
    .record({
      prefix: fc.constantFrom('', 'v', ' '),
      major: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...majors) }, { weight: 1, arbitrary: fc.nat(40) }),
      minor: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 9, max: 30 }) }, { weight: 1, arbitrary: fc.nat(1_000_000) }),
      patch: fc.option(fc.nat(20), { nil: undefined }),
      suffix: fc.constantFrom('', '-eks-0389ca3', '+rke2r1', '-gke.100'),
    })
    .map(({ prefix, major, minor, patch, suffix }) => `${prefix}${major}.${minor}${patch === undefined ? '' : `.${patch}`}${suffix}`);
}

const osBuild = fc.oneof(
  fc.constantFrom(
    '10.0.17763.1432',
    '10.0.17763.1431',
    '17763.2000',
    '10.0.17763',
    '10.0.19042.1',
    '19042',
    '10.0.20348.587',
    '10.0.14393.0',
    '10.0.18363.1',
    '10.0.19041.100',
    '10.0.26100.1',
  ),
  fc
    .record({
      prefix: fc.constantFrom('', '10.0.'),
      build: fc.oneof(fc.constantFrom(14393, 17763, 18362, 18363, 19041, 19042, 19043, 20348, 25398, 26100), fc.integer({ min: 10000, max: 99999 })),
      revision: fc.option(fc.nat(999_999), { nil: undefined }),
    })
    .map(({ prefix, build, revision }) => `${prefix}${build}${revision === undefined ? '' : `.${revision}`}`),
);

const containerRuntime = fc.oneof(
  fc.constantFrom('containerd://1.6.6', 'docker://19.3.14', 'containerd', 'docker', 'Docker', 'cri-o://1.24.1', ' containerd '),
  fc.stringMatching(/^[a-z][a-z0-9.+-]{0,8}(:\/\/[0-9.a-z]{1,6})?$/),
);

const cniPlugin = fc.oneof(fc.constantFrom('calico', 'win-bridge', 'calico.exe', 'Calico', 'flannel', 'azure-vnet'), tricky, anyNonEmpty);
const datastore = fc.constantFrom('kubernetes' as const, 'etcd' as const);
const encapsulation = fc.constantFrom('none' as const, 'vxlan' as const, 'vxlan-cross-subnet' as const, 'ipip' as const, 'ipip-cross-subnet' as const);
/** Kubernetes object names (DNS-1123 subdomains), prototype words that are such names among them. */
const kubernetesName = fc.oneof(
  fc.constantFrom('constructor', 'prototype', 'valueof', 'a.b', '0', 'x--y'),
  fc
    .array(fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?$/), { minLength: 1, maxLength: 3 })
    .map((labels) => labels.join('.')),
);

const nodeName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('win-1', 'win-2', 'win-10', 'linux-1', 'linux-2', 'cp-1', 'rr-1') },
  { weight: 1, arbitrary: kubernetesName },
);

// ---------------------------------------------------------------------------------------------------
// Fully informed facts: every field present. `less` (below) takes fields away.

const linuxNode: fc.Arbitrary<LinuxNodeFacts> = fc.record({
  os: fc.constant('linux' as const),
  name: nodeName,
  roles: fc.array(fc.constantFrom('control-plane', 'master', 'controlplane', 'worker', 'etcd', 'infra'), { maxLength: 3 }),
  routeReflector: fc.boolean(),
});

const windowsNode: fc.Arbitrary<WindowsNodeFacts> = fc.record({
  os: fc.constant('windows' as const),
  name: nodeName,
  osBuild,
  containerRuntime,
  datastore,
  cniPlugin,
  routeReflector: fc.boolean(),
  powershellAdmin: fc.boolean(),
  remoteAccess: fc.array(fc.constantFrom('rdp' as const, 'winrm' as const), { maxLength: 3 }),
  remoteAccessServiceInstalled: fc.boolean(),
  tls12Enabled: fc.boolean(),
});

const ipPool: fc.Arbitrary<IpPool> = fc.record(
  {
    name: fc.oneof(fc.constantFrom('default-ipv4-ippool', 'vxlan-pool', 'bgp-pool'), kubernetesName),
    cidr: fc.constantFrom('10.244.0.0/16', '192.168.0.0/16', '10.0.0.0/8', 'fd00::/48'),
    encapsulation,
    disabled: fc.boolean(),
  },
  { requiredKeys: ['encapsulation'] },
);

const ipPools = fc.array(ipPool, { maxLength: 4 }).map((pools) => {
  // Pool names, and the CIDRs of unnamed pools, are unique (the schema says so): a repeated one is dropped.
  const names = new Set<string>();
  const cidrs = new Set<string>();
  return pools.map((pool) => {
    let kept: IpPool = pool;
    if (kept.name !== undefined) {
      if (names.has(kept.name)) {
        const { name: _repeated, ...rest } = kept;
        kept = rest;
      } else names.add(kept.name);
    }
    if (kept.cidr !== undefined && kept.name === undefined) {
      if (cidrs.has(kept.cidr)) {
        const { cidr: _repeated, ...rest } = kept;
        kept = rest;
      } else cidrs.add(kept.cidr);
    }
    return kept;
  });
});

type Defined<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

/** Facts with every field present (arrays may be empty; ipPools' own fields stay optional). */
export interface FullFacts extends Defined<Omit<ClusterFacts, 'calico' | 'eks'>> {
  readonly calico: Defined<NonNullable<ClusterFacts['calico']>>;
  readonly eks: { vpcControllersInstalled: boolean; instanceRole: Defined<NonNullable<NonNullable<ClusterFacts['eks']>['instanceRole']>> };
}

/** Every fact present (arrays may be empty). */
export const fullFacts: fc.Arbitrary<FullFacts> = fc.record({
  platform,
  infrastructure,
  networking,
  kubernetes: fc.record({ version: version([1]), hostProcessContainersEnabled: fc.boolean() }),
  calico: fc.record({
    version: version([3, 2]),
    datastore,
    operatorManaged: fc.boolean(),
    ipam: fc.oneof(fc.constantFrom('calico', 'host-local', 'calico-ipam'), anyNonEmpty),
    strictAffinity: fc.boolean(),
    ipipEnabled: fc.boolean(),
    bgpEnabled: fc.boolean(),
    vxlanPort: fc.oneof({ weight: 3, arbitrary: fc.constant(4789) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 65535 }) }),
    vxlanVNI: fc.oneof({ weight: 3, arbitrary: fc.constant(4096) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 16777215 }) }),
    installMethod: fc.constantFrom('manifest' as const, 'operator' as const),
    windowsDataplane: fc.constantFrom('HNS', 'Disabled'),
    serviceCIDRs: fc.array(fc.constantFrom('10.96.0.0/12', 'fd00:10:96::/112'), { maxLength: 2 }),
    kubernetesServicesEndpoint: fc.record({ host: fc.constantFrom('10.0.0.1', 'api.example'), port: fc.constantFrom('6443', '443') }, { requiredKeys: [] }),
    ipPools,
  }),
  network: fc.record({ vxlanPortOpen: fc.boolean(), sourceDestCheckDisabled: fc.boolean() }),
  eks: fc.record({
    vpcControllersInstalled: fc.boolean(),
    instanceRole: fc.record({
      canGetNamespaces: fc.boolean(),
      secretsReadableIn: fc.array(fc.constantFrom('calico-system', 'kube-system', 'default', 'tigera-operator'), { maxLength: 3 }),
    }),
  }),
  aks: fc.record({ newCluster: fc.boolean() }),
  nodes: fc.uniqueArray(fc.oneof(linuxNode, windowsNode) as fc.Arbitrary<NodeFacts>, { selector: (n) => n.name, maxLength: 6 }),
});

// ---------------------------------------------------------------------------------------------------
// Taking facts away

/**
 * What to do with each optional fact, in the order `less` meets them: 0 keep, 1 drop from the base only
 * (the refinement adds it back), 2 drop from both.
 */
export const plan = fc.array(fc.constantFrom(0, 1, 2), { minLength: 96, maxLength: 96 });

/**
 * Facts with a documented default: absent means this value, so dropping the fact is a refinement only
 * when the full facts hold the default. Anything else would not *add* information but contradict the
 * absent fact's meaning.
 *
 * - `calico.vxlanPort`: absent = 4789, Calico's default (contract, `vxlan-port`).
 * - `routeReflector` (Linux and Windows nodes): absent = false (contract).
 * - Linux node `roles`: absent = worker (contract); dropped only when no control-plane role is listed.
 * - `infrastructure`: eks implies aws, aks implies azure when absent (contract).
 * - `kubernetes.hostProcessContainersEnabled`: absent on Kubernetes 1.23 or later = enabled, Kubernetes'
 *   default (`hostprocess-containers-enabled`).
 * - `calico.ipam`: absent with Calico networking = Calico IPAM ('calico'), the default of Calico CNI
 *   (requirements.md, `strict-affinity` applicability).
 *
 * Arrays (`nodes`, `calico.ipPools`, `remoteAccess`, `roles`, `secretsReadableIn`) are atomic facts:
 * absent or present whole. A pool's fields are not taken away (`disabled` absent = enabled, and its
 * name or CIDR names the pool's findings).
 */
const CONTROL_PLANE = ['control-plane', 'controlplane', 'master'];

/** Facts less informed than `full`: each optional fact dropped where `drop(level)` says so. */
export function less(full: FullFacts, levels: readonly number[], dropAt: 1 | 2): ClusterFacts {
  let i = 0;
  // Each optional fact consumes one level, whether it can be dropped or not, so base and refinement
  // see the same plan position for the same fact.
  const dropped = (): boolean => {
    const level = levels[i++ % levels.length] ?? 0;
    return level >= dropAt;
  };
  // A choice that is the same in the base and the refinement.
  const flag = (): boolean => (levels[i++ % levels.length] ?? 0) === 2;
  const copy = <T extends object>(source: T, droppable: (key: keyof T) => boolean): Partial<T> => {
    const out: Partial<T> = {};
    for (const key of Object.keys(source) as (keyof T)[]) {
      const drop = dropped();
      if (drop && droppable(key)) continue;
      out[key] = source[key];
    }
    return out;
  };

  const implied = full.platform === 'eks' ? 'aws' : full.platform === 'aks' ? 'azure' : undefined;
  const calicoNetworking = full.networking === 'calico-bgp' || full.networking === 'calico-vxlan';
  const facts: ClusterFacts = {};
  if (!dropped()) facts.platform = full.platform;
  if (!(dropped() && (implied === undefined || full.infrastructure === implied))) facts.infrastructure = full.infrastructure;
  if (!dropped()) facts.networking = full.networking;
  // HostProcess containers are on by default from Kubernetes 1.23: unstated means enabled there.
  const k8s = full.kubernetes.version === undefined ? undefined : parseVersion(full.kubernetes.version);
  const hostProcessDefault = k8s !== undefined && (k8s.major > 1 || (k8s.major === 1 && k8s.minor >= 23));
  const kubernetes = copy(full.kubernetes, (key) =>
    key === 'hostProcessContainersEnabled' ? !hostProcessDefault || full.kubernetes.hostProcessContainersEnabled === true : true,
  );
  const calico = copy(full.calico, (key) =>
    key === 'vxlanPort' ? full.calico.vxlanPort === 4789 : key === 'ipam' ? !calicoNetworking || full.calico.ipam === 'calico' : true,
  );
  const network = copy(full.network, () => true);
  const { instanceRole, ...eksRest } = full.eks;
  const eks: NonNullable<ClusterFacts['eks']> = copy(eksRest, () => true);
  const role = copy(instanceRole, () => true);
  const aks = copy(full.aks, () => true);
  // Empty containers are sometimes kept ({}), sometimes dropped: both mean "nothing known".
  const keepEmpty = flag();
  if (Object.keys(role).length > 0 || keepEmpty) eks.instanceRole = role;
  const put = <K extends 'kubernetes' | 'calico' | 'network' | 'eks' | 'aks'>(key: K, value: ClusterFacts[K] & object): void => {
    if (Object.keys(value).length > 0 || keepEmpty) facts[key] = value;
  };
  put('kubernetes', kubernetes);
  put('calico', calico);
  put('network', network);
  put('eks', eks);
  put('aks', aks);
  const nodesDropped = dropped();
  const nodes = full.nodes.map((node): NodeFacts => {
    if (node.os === 'linux')
      return {
        ...copy(node, (key) =>
          key === 'os' || key === 'name'
            ? false
            : key === 'routeReflector'
              ? node.routeReflector === false
              : !(node.roles ?? []).some((r) => CONTROL_PLANE.includes(r)),
        ),
        os: 'linux',
        name: node.name,
      };
    return {
      ...copy(node, (key) => (key === 'os' || key === 'name' ? false : key === 'routeReflector' ? node.routeReflector === false : true)),
      os: 'windows',
      name: node.name,
    };
  });
  if (!nodesDropped) facts.nodes = nodes;
  return facts;
}

/** Valid facts, from nothing known to everything known. */
export const facts: fc.Arbitrary<ClusterFacts> = fc.tuple(fullFacts, plan).map(([full, levels]) => less(full, levels, 1));

/** Facts and a strictly more-or-equally informed version of them: `refined` only adds facts `base` lacks. */
export const refinement = fc.tuple(fullFacts, plan).map(([full, levels]) => ({
  base: less(full, levels, 1),
  refined: less(full, levels, 2),
}));

// ---------------------------------------------------------------------------------------------------
// Hostile and arbitrary input

/** Keys that probe prototype handling, beside the schema's own keys. */
export const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'),
  fc.constantFrom('platform', 'networking', 'calico', 'nodes', 'os', 'name', 'osBuild', 'ipPools', 'encapsulation', 'version', 'kubernetes', 'eks', 'instanceRole'),
  fc.string({ maxLength: 8 }),
);

/**
 * JSON values whose objects may hold `__proto__` as an own key, as `JSON.parse` and YAML parsers
 * produce them (a literal `{ __proto__: x }` would set the prototype instead).
 */
export const hostileJson: fc.Arbitrary<unknown> = fc
  .letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(null, true, false, 0, -1, 1.5, 4789, 1e308, '', 'windows', 'linux', 'calico-vxlan', '10.0.17763.1432'),
      fc.string({ maxLength: 10 }),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 5 }),
    ),
  }))
  .value.map(function build(value: unknown): unknown {
    // Entries ([key, value] pairs) become objects; the JSON round trip makes `__proto__` an own key.
    return JSON.parse(JSON.stringify(toEntriesObject(value))) as unknown;
  });

function toEntriesObject(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const isEntries = value.length > 0 && value.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string');
  if (!isEntries) return value.map(toEntriesObject);
  // Built as JSON text so that `__proto__` stays a key, never a prototype.
  const body = (value as [string, unknown][]).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(toEntriesObject(v)) ?? 'null'}`);
  return JSON.parse(`{${body.join(',')}}`) as unknown;
}

/** Valid facts with one value somewhere inside replaced by an arbitrary one: near misses. */
export const corruptedFacts: fc.Arbitrary<unknown> = fc
  .tuple(facts, fc.nat(), hostileJson)
  .map(([valid, pick, replacement]) => corrupt(valid, pick, replacement));

/** Objects in a key order shuffled by `seed`, recursively; arrays keep their order. */
export function shuffleKeys(value: unknown, seed: number): unknown {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    // xorshift32: a small deterministic generator, enough to permute keys.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  const shuffle = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(shuffle);
    if (v === null || typeof v !== 'object') return v;
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [keys[i], keys[j]] = [keys[j] as string, keys[i] as string];
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) out[key] = shuffle((v as Record<string, unknown>)[key]);
    return out;
  };
  return shuffle(value);
}

// ---------------------------------------------------------------------------------------------------
// Kubernetes-like objects and YAML-like text, for the manifests path

const kubeKey = fc.constantFrom(
  'apiVersion', 'kind', 'metadata', 'name', 'namespace', 'labels', 'annotations', 'spec', 'status', 'data', 'items',
  'nodeInfo', 'kernelVersion', 'containerRuntimeVersion', 'operatingSystem', 'osImage', 'kubeletVersion', 'providerID',
  'calicoNetwork', 'bgp', 'ipPools', 'cidr', 'encapsulation', 'ipipMode', 'vxlanMode', 'ipipEnabled', 'vxlanEnabled',
  'vxlanPort', 'strictAffinity', 'disabled', 'calico_backend', 'cni_network_config', 'etcd_endpoints', 'calicoVersion',
  'clusterType', 'kubernetesProvider', 'variant', 'serverVersion', 'clientVersion', 'gitVersion', 'routeReflectorClusterID',
  'kubernetes.io/os', 'node.kubernetes.io/windows-build', 'node-role.kubernetes.io/control-plane', '__proto__', 'constructor',
);
const kubeScalar = fc.oneof(
  fc.constantFrom(
    'v1', 'List', 'Node', 'NodeList', 'ConfigMap', 'Installation', 'FelixConfiguration', 'IPPool', 'IPAMConfig', 'IPAMConfiguration',
    'ClusterInformation', 'BGPConfiguration', 'crd.projectcalico.org/v1', 'projectcalico.org/v3', 'operator.tigera.io/v1',
    'default', 'calico-config', 'kube-system', 'windows', 'linux', 'Always', 'Never', 'CrossSubnet', 'VXLAN', 'IPIP', 'None',
    'Enabled', 'Disabled', 'Calico', 'AmazonVPC', 'AzureVNET', 'vxlan', 'bird', '10.0.17763.1432', 'containerd://1.6.6',
    'v1.22.4', 'v3.23.1', 'aws:///us-east-1a/i-0123', 'azure:///subscriptions/x', 'EKS', 'AKS', 'kdd', 'etcd', '',
  ),
  fc.boolean(),
  fc.constantFrom(0, 4789, 8472, -1, 1.5, null),
  fc.string({ maxLength: 8 }),
);

/** Objects shaped like Kubernetes manifests (with the adapter's vocabulary), and arbitrary JSON. */
export const kubeLike: fc.Arbitrary<unknown> = fc
  .letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      kubeScalar,
      fc.array(tie('value'), { maxLength: 3 }),
      fc.array(fc.tuple(kubeKey, tie('value')), { maxLength: 6 }),
      fc
        .record({
          apiVersion: fc.constantFrom('v1', 'crd.projectcalico.org/v1', 'projectcalico.org/v3', 'operator.tigera.io/v1'),
          kind: fc.constantFrom('Node', 'List', 'NodeList', 'ConfigMap', 'Installation', 'FelixConfiguration', 'IPPool', 'IPAMConfig', 'ClusterInformation'),
          metadata: fc.array(fc.tuple(kubeKey, tie('value')), { maxLength: 3 }),
          spec: tie('value'),
          status: tie('value'),
          data: tie('value'),
          items: fc.array(tie('value'), { maxLength: 3 }),
        }, { requiredKeys: ['apiVersion', 'kind'] })
        .map((o) => Object.entries(o)),
    ),
  }))
  .value.map((value) => JSON.parse(JSON.stringify(toEntriesObject(value)) ?? 'null') as unknown);

/** Text built from YAML's punctuation and the manifests' words, with arbitrary characters mixed in. */
export const yamlishText: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(
          'apiVersion: v1\n', 'kind: Node\n', 'kind: List\n', 'items:\n', 'metadata:\n', '  name: win-1\n', '  labels:\n',
          '    kubernetes.io/os: windows\n', 'status:\n', '  nodeInfo:\n', '    kernelVersion: 10.0.17763.1432\n', '---\n', '- ',
          '  ', ': ', '{', '}', '[', ']', ',', '&a ', '*a', '<<: *a\n', '? ', '|\n', '>\n', '!!str ', '!!binary ', '!foo ', '%YAML 1.2\n',
          '"', "'", '#', '\n', '\t', '\r\n', '\ufeff', 'null', '~', 'true', '0x1F', '1e9', '.inf', '__proto__: ', 'constructor: ',
        ) },
        { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) },
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join('')),
  fc.string({ maxLength: 60, unit: 'binary' }),
  kubeLike.map((v) => JSON.stringify(v) ?? ''),
);

/** Kubernetes objects of the kinds the adapter reads, with plausible and implausible field values. */
const manifestObject: fc.Arbitrary<Record<string, unknown>> = (() => {
  const name = fc.oneof(nodeName, fc.constant('default'));
  const labels = fc.record(
    {
      'kubernetes.io/os': fc.constantFrom('windows', 'linux', 'Windows', ''),
      'beta.kubernetes.io/os': fc.constantFrom('windows', 'linux'),
      'node.kubernetes.io/windows-build': fc.oneof(osBuild, fc.constantFrom('10.0.17763', 'nope')),
      'node-role.kubernetes.io/control-plane': fc.constant(''),
      'node-role.kubernetes.io/worker': fc.constant(''),
      'node-role.kubernetes.io/master': fc.constant('true'),
      'eks.amazonaws.com/nodegroup': fc.constant('ng-1'),
      'kubernetes.azure.com/cluster': fc.constantFrom('MC_rg_cluster_eastus', 'other'),
      'node.openshift.io/os_id': fc.constantFrom('rhcos', 'windows'),
    },
    { requiredKeys: [] },
  );
  const node = fc.record({
    apiVersion: fc.constant('v1'),
    kind: fc.constant('Node'),
    metadata: fc.record(
      {
        name,
        labels,
        annotations: fc.record({ 'projectcalico.org/RouteReflectorClusterID': fc.constantFrom('224.0.0.1', '') }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
    spec: fc.record({ providerID: fc.constantFrom('aws:///us-east-1a/i-0123', 'azure:///subscriptions/x/vm', 'gce://p/z/n', 'vsphere://4230', 'kind://docker/x', '') }, { requiredKeys: [] }),
    status: fc.record({
      nodeInfo: fc.record(
        {
          kernelVersion: fc.oneof(osBuild, fc.constantFrom('5.15.0-1019-aws', '')),
          containerRuntimeVersion: fc.oneof(containerRuntime, fc.constantFrom('', 'CONTAINERD://1.6', '://')),
          operatingSystem: fc.constantFrom('windows', 'linux', 'plan9'),
          osImage: fc.constantFrom('Windows Server 2019 Datacenter', 'Windows Server 2022 Datacenter', 'Ubuntu 22.04.1 LTS', 'Windows'),
          kubeletVersion: fc.oneof(version([1]), fc.constantFrom('v1.x', '')),
        },
        { requiredKeys: [] },
      ),
    }),
  });
  const poolSpec = fc.record(
    {
      cidr: fc.constantFrom('10.244.0.0/16', '192.168.0.0/16', 'fd00::/48'),
      ipipMode: fc.constantFrom('Always', 'CrossSubnet', 'Never', 'Sometimes'),
      vxlanMode: fc.constantFrom('Always', 'CrossSubnet', 'Never', ''),
      disabled: fc.oneof(fc.boolean(), fc.constant('true')),
    },
    { requiredKeys: [] },
  );
  const calicoApi = fc.constantFrom('crd.projectcalico.org/v1', 'projectcalico.org/v3');
  const installation = fc.record({
    apiVersion: fc.constant('operator.tigera.io/v1'),
    kind: fc.constant('Installation'),
    metadata: fc.record({ name: fc.constantFrom('default', 'other') }),
    spec: fc.record(
      {
        kubernetesProvider: fc.constantFrom('EKS', 'AKS', 'OpenShift', 'GKE', 'RKE2', '', 'Kind'),
        variant: fc.constantFrom('Calico', 'TigeraSecureEnterprise'),
        calicoNetwork: fc.record(
          {
            bgp: fc.constantFrom('Enabled', 'Disabled', 'Maybe'),
            ipPools: fc.array(
              fc.record({ cidr: fc.constantFrom('10.244.0.0/16', '192.168.0.0/16'), encapsulation: fc.constantFrom('VXLAN', 'IPIP', 'None', 'VXLANCrossSubnet', 'IPIPCrossSubnet', 'GRE') }, { requiredKeys: [] }),
              { maxLength: 2 },
            ),
          },
          { requiredKeys: [] },
        ),
        cni: fc.record({ type: fc.constantFrom('Calico', 'AmazonVPC', 'AzureVNET', 'GKE'), ipam: fc.record({ type: fc.constantFrom('Calico', 'HostLocal', 'AmazonVPC') }) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
    status: fc.record({ calicoVersion: fc.oneof(version([3]), fc.constant('vX')), variant: fc.constant('Calico') }, { requiredKeys: [] }),
  });
  const felix = fc.record({
    apiVersion: calicoApi,
    kind: fc.constant('FelixConfiguration'),
    metadata: fc.record({ name: fc.constantFrom('default', 'node.win-1') }),
    spec: fc.record({ ipipEnabled: fc.boolean(), vxlanEnabled: fc.boolean(), vxlanPort: fc.oneof(fc.constantFrom(4789, 8472), fc.integer()) }, { requiredKeys: [] }),
  });
  const pool = fc.record({ apiVersion: calicoApi, kind: fc.constant('IPPool'), metadata: fc.record({ name: fc.constantFrom('default-ipv4-ippool', 'vxlan', 'bgp') }), spec: poolSpec });
  const ipam = fc.record({
    apiVersion: calicoApi,
    kind: fc.constantFrom('IPAMConfig', 'IPAMConfiguration'),
    metadata: fc.record({ name: fc.constantFrom('default', 'x') }),
    spec: fc.record({ strictAffinity: fc.oneof(fc.boolean(), fc.constant('yes')) }, { requiredKeys: [] }),
  });
  const clusterInformation = fc.record({
    apiVersion: calicoApi,
    kind: fc.constant('ClusterInformation'),
    metadata: fc.record({ name: fc.constant('default') }),
    spec: fc.record({ calicoVersion: fc.oneof(version([3]), fc.constant('')), clusterType: fc.constantFrom('k8s,bgp,kubeadm,kdd', 'k8s,operator,bgp', 'k8s,kdd,vxlan'), datastoreType: fc.constantFrom('kubernetes', 'etcdv3') }, { requiredKeys: [] }),
  });
  const configMap = fc.record({
    apiVersion: fc.constant('v1'),
    kind: fc.constant('ConfigMap'),
    metadata: fc.record({ name: fc.constantFrom('calico-config', 'other'), namespace: fc.constant('kube-system') }),
    data: fc.record(
      {
        calico_backend: fc.constantFrom('bird', 'vxlan', 'none', 'gobgp'),
        cni_network_config: fc.constantFrom('{"plugins":[{"type":"calico","ipam":{"type":"calico-ipam"}}]}', '{"plugins":[{"type":"calico","ipam":{"type":"host-local"}}]}', '{not json', ''),
        etcd_endpoints: fc.constantFrom('https://10.0.0.1:2379', ''),
      },
      { requiredKeys: [] },
    ),
  });
  const calicoNode = fc.record({
    apiVersion: fc.constant('projectcalico.org/v3'),
    kind: fc.constant('Node'),
    metadata: fc.record({ name }),
    spec: fc.record({ bgp: fc.record({ routeReflectorClusterID: fc.constantFrom('224.0.0.1', '') }, { requiredKeys: [] }) }, { requiredKeys: [] }),
  });
  const kubectlVersion = fc.record({
    clientVersion: fc.record({ gitVersion: version([1]) }),
    serverVersion: fc.record({ gitVersion: fc.oneof(version([1]), fc.constant('garbage')) }, { requiredKeys: [] }),
  });
  return fc.oneof(node, node, installation, felix, pool, ipam, clusterInformation, configMap, calicoNode, kubectlVersion) as fc.Arbitrary<Record<string, unknown>>;
})();

/** Replaces the value at one place inside `value` (picked by `pick`) with `replacement`. */
function corrupt(value: unknown, pick: number, replacement: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(value) ?? 'null') as unknown;
  const slots: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v))
      v.forEach((item, index) => {
        slots.push({ parent: v, key: index });
        walk(item);
      });
    else if (v !== null && typeof v === 'object')
      for (const [key, item] of Object.entries(v)) {
        slots.push({ parent: v as Record<string, unknown>, key });
        walk(item);
      }
  };
  walk(copy);
  const slot = slots[pick % Math.max(slots.length, 1)];
  if (slot === undefined) return copy;
  (slot.parent as Record<string | number, unknown>)[slot.key] = replacement;
  return copy;
}

/**
 * Manifests as `kubectl get -o yaml` prints them — single objects, `List`s, arrays — sometimes with one
 * value anywhere replaced by an arbitrary one.
 */
export const manifests: fc.Arbitrary<unknown[]> = fc
  .tuple(
    fc.array(fc.oneof(manifestObject, fc.array(manifestObject, { maxLength: 3 }).map((items) => ({ apiVersion: 'v1', kind: 'List', items }))), { minLength: 1, maxLength: 6 }),
    fc.option(fc.tuple(fc.nat(), fc.oneof(kubeScalar, hostileJson)), { nil: undefined, freq: 2 }),
  )
  .map(([objects, damage]) => (damage === undefined ? objects : (corrupt(objects, damage[0], damage[1]) as unknown[])));

/**
 * Manifests as text: multi-document YAML or JSON, sometimes with a YAML token or arbitrary characters
 * spliced in somewhere.
 */
export const manifestText: fc.Arbitrary<string> = fc
  .tuple(
    manifests,
    fc.constantFrom('yaml', 'json', 'crlf'),
    fc.option(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom('&a ', '*a', ': ', '- ', '\t', '"', '{', ']', '---\n', '\n  ', '!!map '), fc.string({ maxLength: 4, unit: 'binary' }))), { nil: undefined, freq: 3 }),
  )
  .map(([objects, form, splice]) => {
    const text =
      form === 'json'
        ? JSON.stringify(objects, null, 2)
        : objects.map((o) => stringify(o)).join('---\n').replaceAll('\n', form === 'crlf' ? '\r\n' : '\n');
    if (splice === undefined) return text;
    const at = splice[0] % (text.length + 1);
    return text.slice(0, at) + splice[1] + text.slice(at);
  });
