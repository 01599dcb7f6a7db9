import { describe, expect, it } from 'vitest';
import { calico, calicoConfig, derive, k8sNode } from './helpers.js';

// Calico's own resources and the calico-config ConfigMap, read one kind at a time: the facts, where each
// came from, and the exact notes.

const POOLS_LEFT_OUT = 'calico.ipPools is left out, since a partial list could hide a pool: state the pools in your facts.';
const NO_NETWORKING_NOTE = {
  code: 'undecided',
  level: 'warning',
  message:
    "The objects show Calico's IP pools but not whether Calico networks the pods (no Installation, no calico-config ConfigMap): networking is left for you to state.",
  fact: 'networking',
};

describe('IPPool', () => {
  it.each([
    ['ipipMode Always', { ipipMode: 'Always', vxlanMode: 'Never' }, 'ipip', 'spec.ipipMode'],
    ['ipipMode CrossSubnet', { ipipMode: 'CrossSubnet' }, 'ipip-cross-subnet', 'spec.ipipMode'],
    ['vxlanMode Always', { ipipMode: 'Never', vxlanMode: 'Always' }, 'vxlan', 'spec.vxlanMode'],
    ['vxlanMode CrossSubnet', { vxlanMode: 'CrossSubnet' }, 'vxlan-cross-subnet', 'spec.vxlanMode'],
    ['both modes Never', { ipipMode: 'Never', vxlanMode: 'Never' }, 'none', 'spec.ipipMode + spec.vxlanMode'],
  ])('%s: the encapsulation cites the fields that decide it', (_name, modes, encapsulation, field) => {
    const result = derive(calico('IPPool', 'p', { cidr: '10.0.0.0/16', ...modes }));
    expect(result.facts.calico?.ipPools).toStrictEqual([{ name: 'p', cidr: '10.0.0.0/16', encapsulation }]);
    expect(result.sources).toMatchObject({
      'calico.ipPools[p].encapsulation': { object: 'IPPool/p', field },
      'calico.ipPools[p].cidr': { object: 'IPPool/p', field: 'spec.cidr' },
      'calico.ipPools[p].name': { object: 'IPPool/p', field: 'metadata.name' },
      'calico.ipPools': { object: 'IPPool/p' },
    });
  });

  it.each([
    ['only ipipMode set', { ipipMode: 'Never' }, { field: 'spec.ipipMode' }],
    ['only vxlanMode set', { vxlanMode: 'Never' }, { field: 'spec.vxlanMode' }],
    ['no mode set', {}, {}],
  ])('projectcalico.org/v3 with %s: none (unset means Never), citing only the modes it prints', (_name, modes, field) => {
    const result = derive(calico('IPPool', 'p', { cidr: '10.0.0.0/16', ...modes }, 'projectcalico.org/v3'));
    expect(result.facts.calico?.ipPools).toStrictEqual([{ name: 'p', cidr: '10.0.0.0/16', encapsulation: 'none' }]);
    expect(result.sources['calico.ipPools[p].encapsulation']).toStrictEqual({ object: 'IPPool/p', ...field });
  });

  it.each([
    ['ipipMode', { vxlanMode: 'Never' }],
    ['ipipMode', {}],
    ['vxlanMode', { ipipMode: 'Never' }],
  ])('a crd.projectcalico.org pool with %s unset is undecided: %o', (unset, modes) => {
    const result = derive(calico('IPPool', 'p', { cidr: '10.0.0.0/16', ...modes }));
    expect(result.facts).toStrictEqual({});
    expect(result.notes).toStrictEqual([
      {
        code: 'undecided',
        level: 'warning',
        message: `The encapsulation of IPPool/p cannot be told: spec.${unset} is not set, and unset modes on a crd.projectcalico.org pool are read differently by different Calico releases (projectcalico/calico#6301). ${POOLS_LEFT_OUT}`,
        object: 'IPPool/p',
        fact: 'calico.ipPools',
      },
    ]);
  });

  it.each([
    [{ ipipMode: null, vxlanMode: 'Never' }, 'spec.ipipMode null is not Never, Always or CrossSubnet'],
    [{ ipipMode: 'Never', vxlanMode: 7 }, 'spec.vxlanMode number 7 is not Never, Always or CrossSubnet'],
    [{ ipipMode: ['Always'], vxlanMode: 'Never' }, 'spec.ipipMode an array is not Never, Always or CrossSubnet'],
    [{ ipipMode: 'Never', vxlanMode: { mode: 'Always' } }, 'spec.vxlanMode an object is not Never, Always or CrossSubnet'],
    [{ ipipMode: 'always', vxlanMode: 'Never' }, "spec.ipipMode the string 'always' is not Never, Always or CrossSubnet"],
    [{ ipipMode: 'CrossSubnet', vxlanMode: 'Always' }, 'both spec.ipipMode and spec.vxlanMode are on, which Calico rejects'],
  ])('a pool Calico would reject leaves the pools out: %o', (modes, problem) => {
    const result = derive(calico('IPPool', 'p', { cidr: '10.0.0.0/16', ...modes }));
    expect(result.facts).toStrictEqual({});
    expect(result.notes).toStrictEqual([
      {
        code: 'undecided',
        level: 'warning',
        message: `The encapsulation of IPPool/p cannot be told: ${problem}. ${POOLS_LEFT_OUT}`,
        object: 'IPPool/p',
        fact: 'calico.ipPools',
      },
    ]);
  });

  it('a pool without a spec is undecided', () => {
    const result = derive({ apiVersion: 'crd.projectcalico.org/v1', kind: 'IPPool', metadata: { name: 'p' } });
    expect(result.notes.map((n) => n.message)).toStrictEqual([`The encapsulation of IPPool/p cannot be told: it has no spec. ${POOLS_LEFT_OUT}`]);
  });

  it('records only the fields the pool states: no cidr, no disabled, no name', () => {
    const unnamed = { apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: {}, spec: { cidr: '10.0.0.0/16', vxlanMode: 'Always' } };
    const result = derive(unnamed, calico('IPPool', 'bare', { vxlanMode: 'Always', disabled: 'no' }, 'projectcalico.org/v3'));
    expect(result.facts.calico?.ipPools).toStrictEqual([
      { cidr: '10.0.0.0/16', encapsulation: 'vxlan' },
      { name: 'bare', encapsulation: 'vxlan' },
    ]);
    expect(result.sources).toStrictEqual({
      'calico.ipPools[10.0.0.0/16].encapsulation': { object: 'IPPool/(unnamed)', field: 'spec.vxlanMode' },
      'calico.ipPools[10.0.0.0/16].cidr': { object: 'IPPool/(unnamed)', field: 'spec.cidr' },
      'calico.ipPools[bare].encapsulation': { object: 'IPPool/bare', field: 'spec.vxlanMode' },
      'calico.ipPools[bare].name': { object: 'IPPool/bare', field: 'metadata.name' },
      'calico.ipPools': { object: 'IPPool/(unnamed), IPPool/bare' },
      networking: { object: 'IPPool/(unnamed)', field: 'spec.vxlanMode' },
    });
  });

  it('records disabled, true or false, with its field', () => {
    const result = derive(calico('IPPool', 'p', { cidr: ' 10.0.0.0/16 ', ipipMode: 'Always', disabled: false }, 'projectcalico.org/v3'));
    expect(result.facts).toStrictEqual({ calico: { ipPools: [{ name: 'p', cidr: '10.0.0.0/16', encapsulation: 'ipip', disabled: false }] } });
    expect(result.sources['calico.ipPools[p].disabled']).toStrictEqual({ object: 'IPPool/p', field: 'spec.disabled' });
    expect(result.notes).toStrictEqual([NO_NETWORKING_NOTE]);
  });
});

describe.each([
  ['IPAMConfig', 'crd.projectcalico.org/v1'],
  ['IPAMConfiguration', 'projectcalico.org/v3'],
])('%s default', (kind, group) => {
  it.each([true, false])('strictAffinity %s', (value) => {
    const result = derive(calico(kind, 'default', { strictAffinity: value }, group));
    expect(result.facts).toStrictEqual({ calico: { strictAffinity: value } });
    expect(result.sources).toStrictEqual({ 'calico.strictAffinity': { object: `${kind}/default`, field: 'spec.strictAffinity' } });
    expect(result.notes).toStrictEqual([]);
  });

  it.each([{}, { strictAffinity: null }])('strictAffinity unset (%o) is left to the user, with a note', (spec) => {
    const result = derive(calico(kind, 'default', spec, group));
    expect(result.facts).toStrictEqual({});
    expect(result.notes).toStrictEqual([
      {
        code: 'undecided',
        level: 'info',
        message: 'spec.strictAffinity is not set (Calico then treats it as false): calico.strictAffinity is left for you to state.',
        object: `${kind}/default`,
        fact: 'calico.strictAffinity',
      },
    ]);
  });

  it.each([
    ['true', "the string 'true'"],
    [1, 'number 1'],
    [[true], 'an array'],
    [{ value: true }, 'an object'],
    ['x'.repeat(80), `the string '${'x'.repeat(80)}'`],
    ['y'.repeat(81), `the string '${'y'.repeat(77)}...'`],
  ])('strictAffinity %j is not a boolean', (value, described) => {
    const result = derive(calico(kind, 'default', { strictAffinity: value }, group));
    expect(result.facts).toStrictEqual({});
    expect(result.notes).toStrictEqual([
      {
        code: 'invalid-value',
        level: 'warning',
        message: `spec.strictAffinity ${described} is not a boolean.`,
        object: `${kind}/default`,
        fact: 'calico.strictAffinity',
      },
    ]);
  });
});

describe('ClusterInformation default', () => {
  it('calicoVersion is trimmed; clusterType entries are trimmed before they are read', () => {
    const result = derive(calico('ClusterInformation', 'default', { calicoVersion: ' v3.23.1 ', clusterType: 'k8s, bgp, kdd, operator' }));
    expect(result.facts).toStrictEqual({ calico: { version: 'v3.23.1', datastore: 'kubernetes', operatorManaged: true } });
    expect(result.sources).toStrictEqual({
      'calico.version': { object: 'ClusterInformation/default', field: 'spec.calicoVersion' },
      'calico.datastore': { object: 'ClusterInformation/default', field: 'spec.clusterType' },
      'calico.operatorManaged': { object: 'ClusterInformation/default', field: 'spec.clusterType' },
    });
    expect(result.notes).toStrictEqual([]);
  });

  it.each([
    ['banana', 'banana'],
    ['v'.repeat(81), `${'v'.repeat(77)}...`],
  ])('a calicoVersion that is not a version is left out with a note: %s', (calicoVersion, shown) => {
    const result = derive(calico('ClusterInformation', 'default', { calicoVersion }));
    expect(result.facts).toStrictEqual({});
    expect(result.notes).toStrictEqual([
      {
        code: 'invalid-value',
        level: 'warning',
        message: `spec.calicoVersion '${shown}' is not a version.`,
        object: 'ClusterInformation/default',
        fact: 'calico.version',
      },
    ]);
  });

  it('blank fields say nothing', () => {
    const result = derive(calico('ClusterInformation', 'default', { calicoVersion: '   ', clusterType: ' ' }));
    expect(result).toStrictEqual({ facts: {}, sources: {}, notes: [] });
  });
});

describe('calico-config ConfigMap', () => {
  const CONFIG = 'ConfigMap/kube-system/calico-config';

  it('without data it says nothing, not even that the install is a manifest one', () => {
    const { data: _data, ...bare } = calicoConfig({});
    expect(derive(bare)).toStrictEqual({ facts: {}, sources: {}, notes: [] });
  });

  it('its presence means a manifest install, which no field of it states', () => {
    const result = derive(calicoConfig({}));
    expect(result).toStrictEqual({ facts: { calico: { operatorManaged: false } }, sources: { 'calico.operatorManaged': { object: CONFIG } }, notes: [] });
  });

  it.each([
    ['bird', 'calico-bgp', true],
    ['vxlan', 'calico-vxlan', false],
  ])('calico_backend %s decides networking and BGP, citing data.calico_backend', (backend, networking, bgpEnabled) => {
    const result = derive(calicoConfig({ calico_backend: backend }));
    expect(result.facts).toStrictEqual({ networking, calico: { operatorManaged: false, bgpEnabled } });
    expect(result.sources).toStrictEqual({
      'calico.operatorManaged': { object: CONFIG },
      'calico.bgpEnabled': { object: CONFIG, field: 'data.calico_backend' },
      networking: { object: CONFIG, field: 'data.calico_backend' },
    });
    expect(result.notes).toStrictEqual([
      {
        code: 'inferred',
        level: 'info',
        message: `networking ${networking}: ${CONFIG} data.calico_backend: data.calico_backend is ${backend}.`,
        fact: 'networking',
      },
    ]);
  });

  it.each([
    ['flannel', 'flannel'],
    ['b'.repeat(90), `${'b'.repeat(77)}...`],
  ])('an unknown calico_backend is left out with a note: %s', (backend, shown) => {
    const result = derive(calicoConfig({ calico_backend: backend }));
    expect(result.facts).toStrictEqual({ calico: { operatorManaged: false } });
    expect(result.notes).toStrictEqual([
      {
        code: 'invalid-value',
        level: 'warning',
        message: `data.calico_backend '${shown}' is not bird, vxlan or none.`,
        object: CONFIG,
        fact: 'networking',
      },
    ]);
  });

  it('etcd_endpoints means the etcd datastore, citing it', () => {
    const result = derive(calicoConfig({ etcd_endpoints: 'https://10.0.1.10:2379' }));
    expect(result.facts).toStrictEqual({ calico: { datastore: 'etcd', operatorManaged: false } });
    expect(result.sources['calico.datastore']).toStrictEqual({ object: CONFIG, field: 'data.etcd_endpoints' });
  });

  it.each([
    ['spaced and ordered as the manifests may have it', '{"type": "calico", "ipam" :{"subnet": "usePodCidr", "type" :"host-local"}}', 'host-local'],
    ['with double spaces', '{"ipam":  {"type":  "calico-ipam"}}', 'calico'],
    ['on several lines', '{\n  "ipam": {\n    "type": "calico-ipam",\n    "assign_ipv4": "true"\n  }\n}', 'calico'],
  ])('cni_network_config names the IPAM plugin, %s', (_name, cni, ipam) => {
    const result = derive(calicoConfig({ cni_network_config: cni }));
    expect(result.facts).toStrictEqual({ calico: { ipam, operatorManaged: false } });
    expect(result.sources['calico.ipam']).toStrictEqual({ object: CONFIG, field: 'data.cni_network_config' });
  });

  it.each([
    ['a template without an IPAM plugin', '{"type": "calico", "mtu": __CNI_MTU__}'],
    ['a template whose IPAM plugin has no type', '{"ipam": {"subnet": "usePodCidr"}}'],
    ['not a string', ['{"ipam": {"type": "host-local"}}']],
  ])('cni_network_config says nothing of IPAM when it is %s', (_name, cni) => {
    const result = derive({ ...calicoConfig({}), data: { cni_network_config: cni } });
    expect(result).toStrictEqual({ facts: { calico: { operatorManaged: false } }, sources: { 'calico.operatorManaged': { object: CONFIG } }, notes: [] });
  });
});

describe('values are strings where strings are expected', () => {
  it('a label that is not a string is not read', () => {
    const node = k8sNode('n1', { labels: { 'kubernetes.io/os': 5 as unknown as string } });
    const result = derive(node);
    expect(result.facts).toStrictEqual({});
    expect(result.notes.map((n) => n.message)).toStrictEqual([
      'Node/n1 states no OS (no kubernetes.io/os label, no status.nodeInfo.operatingSystem): it is left out.',
    ]);
  });
});

describe('kubernetes-services-endpoint ConfigMap of tigera-operator', () => {
  const ENDPOINT = 'ConfigMap/tigera-operator/kubernetes-services-endpoint';
  const endpoint = (data?: unknown) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'kubernetes-services-endpoint', namespace: 'tigera-operator' },
    ...(data === undefined ? {} : { data }),
  });

  it.each([
    [
      'host and port',
      { KUBERNETES_SERVICE_HOST: ' 10.0.0.10 ', KUBERNETES_SERVICE_PORT: '6443' },
      { host: '10.0.0.10', port: '6443' },
      'data.KUBERNETES_SERVICE_HOST + data.KUBERNETES_SERVICE_PORT',
    ],
    ['the host alone', { KUBERNETES_SERVICE_HOST: '10.0.0.10', KUBERNETES_SERVICE_PORT: ' ' }, { host: '10.0.0.10' }, 'data.KUBERNETES_SERVICE_HOST'],
    ['the port alone', { KUBERNETES_SERVICE_PORT: '6443' }, { port: '6443' }, 'data.KUBERNETES_SERVICE_PORT'],
  ])('%s: the endpoint and each of its fields cite the ConfigMap', (_name, data, value, field) => {
    const result = derive(endpoint(data));
    expect(result.facts).toStrictEqual({ calico: { kubernetesServicesEndpoint: value } });
    const source = { object: ENDPOINT, field };
    expect(result.sources).toStrictEqual({
      'calico.kubernetesServicesEndpoint': source,
      ...Object.fromEntries(Object.keys(value).map((leaf) => [`calico.kubernetesServicesEndpoint.${leaf}`, source])),
    });
    expect(result.notes).toStrictEqual([]);
  });

  it.each([
    ['empty data', {}],
    ['no data', undefined],
    ['data that is not a map', ['KUBERNETES_SERVICE_HOST']],
  ])('with %s it is an endpoint without host or port, citing data', (_name, data) => {
    const result = derive(endpoint(data));
    expect(result.facts).toStrictEqual({ calico: { kubernetesServicesEndpoint: {} } });
    expect(result.sources).toStrictEqual({ 'calico.kubernetesServicesEndpoint': { object: ENDPOINT, field: 'data' } });
  });
});
