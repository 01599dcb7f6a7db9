import { describe, expect, it } from 'vitest';
import { calico, calicoConfig, derive, installation, noteFor } from './helpers.js';

const OBJECT = 'Installation/default';
const onInstallation = (code: string, level: string, message: string, fact: string) => ({ code, level, message, object: OBJECT, fact });

describe('Installation: spec, else status.computed', () => {
  it.each([null, ''])('a spec field that is %j is read from status.computed', (value) => {
    const result = derive(installation({ kubernetesProvider: value }, { status: { computed: { kubernetesProvider: 'EKS' } } }));
    expect(result.facts.platform).toBe('eks');
    expect(result.sources['platform']).toStrictEqual({ object: OBJECT, field: 'status.computed.kubernetesProvider' });
  });

  it.each([null, ''])('a status.computed field that is %j is not set', (value) => {
    const result = derive(installation({}, { status: { computed: { cni: { type: value } } } }));
    expect(result.facts.networking).toBeUndefined();
    expect(noteFor(result, 'networking')).toStrictEqual([
      onInstallation(
        'undecided',
        'warning',
        'spec.cni.type is not set (the operator picks a default by platform): networking is left for you to state.',
        'networking',
      ),
    ]);
  });

  it('a kubernetesProvider that is a slip of a known platform claims no platform, with a note (found by the long property run, seed 23742351)', () => {
    const result = derive(installation({ kubernetesProvider: '\u0000OpenShift' }));
    expect(result.facts.platform).toBeUndefined();
    expect(noteFor(result, 'platform')).toStrictEqual([
      onInstallation(
        'invalid-value',
        'warning',
        "spec.kubernetesProvider '\u0000OpenShift' is no provider the adapter knows (a slip of 'openshift'?): platform is left for you to state.",
        'platform',
      ),
    ]);
    expect(derive(installation({ kubernetesProvider: 'Vanilla' })).facts.platform).toBe('vanilla');
  });

  it('an Installation says the operator manages Calico, citing the object alone', () => {
    const result = derive(installation({}));
    expect(result.facts.calico?.operatorManaged).toBe(true);
    expect(result.sources['calico.operatorManaged']).toStrictEqual({ object: OBJECT });
  });
});

describe('Installation: platform, version, BGP and IPAM', () => {
  it.each([
    ['EKS', 'eks'],
    ['DockerEnterprise', 'docker-enterprise'],
    ['MicroK8s', 'microk8s'],
    ['constructor', 'constructor'],
  ])('kubernetesProvider %s is platform %s, without a note', (provider, platform) => {
    const result = derive(installation({ kubernetesProvider: provider }));
    expect(result.facts.platform).toBe(platform);
    expect(result.sources['platform']).toStrictEqual({ object: OBJECT, field: 'spec.kubernetesProvider' });
    expect(noteFor(result, 'platform')).toEqual([]);
  });

  it('kubernetesProvider RKE2 is platform rke2, with a note that the requirements name RKE', () => {
    const result = derive(installation({ kubernetesProvider: 'RKE2' }));
    expect(result.facts.platform).toBe('rke2');
    expect(noteFor(result, 'platform')).toStrictEqual([
      onInstallation(
        'inferred',
        'info',
        "platform 'rke2': the v3.23 requirements name RKE (Rancher Kubernetes Engine), not RKE2; if you hold RKE2 to be covered, state platform: rke in your facts.",
        'platform',
      ),
    ]);
  });

  it('a kubernetesProvider that is not a string gives no platform', () => {
    const result = derive(installation({ kubernetesProvider: 5 }));
    expect(result.facts.platform).toBeUndefined();
    expect(result.sources).not.toHaveProperty('platform');
  });

  it('status.calicoVersion gives calico.version when it is a version', () => {
    const read = derive(installation({}, { status: { calicoVersion: 'v3.26.1' } }));
    expect(read.facts.calico?.version).toBe('v3.26.1');
    expect(read.sources['calico.version']).toStrictEqual({ object: OBJECT, field: 'status.calicoVersion' });
    expect(derive(installation({}, { status: { calicoVersion: 'master' } })).facts.calico).not.toHaveProperty('version');
    expect(derive(installation({})).facts.calico).not.toHaveProperty('version');
  });

  it.each([
    ['Enabled', true],
    ['Disabled', false],
  ])('calicoNetwork.bgp %s is calico.bgpEnabled %s', (bgp, enabled) => {
    const result = derive(installation({ calicoNetwork: { bgp } }));
    expect(result.facts.calico?.bgpEnabled).toBe(enabled);
    expect(result.sources['calico.bgpEnabled']).toStrictEqual({ object: OBJECT, field: 'spec.calicoNetwork.bgp' });
    expect(noteFor(result, 'calico.bgpEnabled')).toEqual([]);
  });

  it('any other calicoNetwork.bgp is left out with a note', () => {
    const result = derive(installation({ calicoNetwork: { bgp: 'On' } }));
    expect(result.facts.calico).not.toHaveProperty('bgpEnabled');
    expect(noteFor(result, 'calico.bgpEnabled')).toStrictEqual([
      onInstallation('invalid-value', 'warning', "spec.calicoNetwork.bgp 'On' is neither Enabled nor Disabled.", 'calico.bgpEnabled'),
    ]);
  });

  it.each([
    ['Calico', 'calico'],
    ['HostLocal', 'host-local'],
    ['AmazonVPC', 'amazon-vpc'],
    ['AzureVNET', 'azure-vnet'],
    ['Custom', 'custom'],
    ['toString', 'tostring'],
  ])('cni.ipam.type %s is calico.ipam %s', (type, ipam) => {
    const result = derive(installation({ cni: { ipam: { type } } }));
    expect(result.facts.calico?.ipam).toBe(ipam);
    expect(result.sources['calico.ipam']).toStrictEqual({ object: OBJECT, field: 'spec.cni.ipam.type' });
  });

  it('a cni.ipam.type that is not a string gives no calico.ipam', () => {
    const result = derive(installation({ cni: { ipam: { type: 5 } } }));
    expect(result.facts.calico).not.toHaveProperty('ipam');
    expect(result.sources).not.toHaveProperty('calico.ipam');
  });
});

describe("Installation: the operator's Windows backend", () => {
  const networkingNote = (message: string) => [onInstallation('undecided', 'warning', message, 'networking')];

  it.each([
    [{ type: 'AmazonVPC' }, {}, 'eks-vpc-cni', 'spec.cni.type', 'spec.cni.type is AmazonVPC'],
    [{ type: 'AzureVNET' }, {}, 'aks-azure-cni', 'spec.cni.type', 'spec.cni.type is AzureVNET'],
    [
      { type: 'Calico' },
      { bgp: 'Enabled' },
      'calico-bgp',
      'spec.cni.type + spec.calicoNetwork.bgp',
      "spec.cni.type is Calico and spec.calicoNetwork.bgp is Enabled (the operator's windows-bgp backend)",
    ],
    [
      { type: 'Calico', ipam: { type: 'Calico' } },
      { bgp: 'Disabled' },
      'calico-vxlan',
      'spec.cni.type + spec.calicoNetwork.bgp + spec.cni.ipam.type',
      "spec.cni.type is Calico, spec.calicoNetwork.bgp is Disabled and spec.cni.ipam.type is Calico (the operator's vxlan backend)",
    ],
  ])('cni %j with calicoNetwork %j is %s', (cni, calicoNetwork, networking, field, how) => {
    const result = derive(installation({ cni, calicoNetwork }));
    expect(result.facts.networking).toBe(networking);
    expect(result.sources['networking']).toStrictEqual({ object: OBJECT, field });
    expect(noteFor(result, 'networking')).toStrictEqual([
      { code: 'inferred', level: 'info', message: `networking ${networking}: ${OBJECT} ${field}: ${how}.`, fact: 'networking' },
    ]);
  });

  it.each([
    [{}, {}, 'spec.cni.type is not set (the operator picks a default by platform): networking is left for you to state.'],
    [{ type: 'Flannel' }, {}, "spec.cni.type 'Flannel' is no networking option of the requirements: state networking yourself."],
    [
      { type: 'Calico', ipam: { type: 'Calico' } },
      {},
      'Calico CNI, but spec.calicoNetwork.bgp is not set (the operator defaults it by platform): networking is left for you to state.',
    ],
    [
      { type: 'Calico', ipam: { type: 'Calico' } },
      { bgp: 'On' },
      "Calico CNI, but spec.calicoNetwork.bgp 'On' is neither Enabled nor Disabled: networking is left for you to state.",
    ],
    [
      { type: 'Calico' },
      { bgp: 'Disabled' },
      'Calico CNI with BGP disabled and no IPAM type set: Calico does not network the pods on Windows; networking is left for you to state.',
    ],
    [
      { type: 'Calico', ipam: { type: 'HostLocal' } },
      { bgp: 'Disabled' },
      'Calico CNI with BGP disabled and IPAM HostLocal: Calico does not network the pods on Windows; networking is left for you to state.',
    ],
    [
      { type: 'Calico', ipam: { type: 5 } },
      { bgp: 'Disabled' },
      'Calico CNI with BGP disabled and IPAM 5: Calico does not network the pods on Windows; networking is left for you to state.',
    ],
    [
      { type: 'Calico', ipam: { type: ['Calico'] } },
      { bgp: 'Disabled' },
      'Calico CNI with BGP disabled and IPAM ["Calico"]: Calico does not network the pods on Windows; networking is left for you to state.',
    ],
  ])('cni %j with calicoNetwork %j leaves networking out, with a note', (cni, calicoNetwork, message) => {
    const result = derive(installation({ cni, calicoNetwork }));
    expect(result.facts.networking).toBeUndefined();
    expect(result.sources).not.toHaveProperty('networking');
    expect(noteFor(result, 'networking')).toStrictEqual(networkingNote(message));
  });
});

describe('Installation: Windows dataplane and service CIDRs', () => {
  it('an unset windowsDataplane is left for the user, with an info note', () => {
    const result = derive(installation({}));
    expect(noteFor(result, 'calico.windowsDataplane')).toStrictEqual([
      onInstallation(
        'undecided',
        'info',
        'spec.calicoNetwork.windowsDataplane is not set (the operator then leaves Windows off): calico.windowsDataplane is left for you to state.',
        'calico.windowsDataplane',
      ),
    ]);
  });

  it('a windowsDataplane other than HNS or Disabled is left out with a note', () => {
    const result = derive(installation({ calicoNetwork: { windowsDataplane: 'Hyper-V' } }));
    expect(result.facts.calico).not.toHaveProperty('windowsDataplane');
    expect(noteFor(result, 'calico.windowsDataplane')).toStrictEqual([
      onInstallation('invalid-value', 'warning', "spec.calicoNetwork.windowsDataplane 'Hyper-V' is neither HNS nor Disabled.", 'calico.windowsDataplane'),
    ]);
  });

  it('serviceCIDRs are read trimmed; a list with an empty entry is left out with a note', () => {
    const read = derive(installation({ serviceCIDRs: [' 10.96.0.0/12 ', 'fd00::/108'] }));
    expect(read.facts.calico?.serviceCIDRs).toStrictEqual(['10.96.0.0/12', 'fd00::/108']);
    expect(noteFor(read, 'calico.serviceCIDRs')).toEqual([]);
    const bad = derive(installation({ serviceCIDRs: ['10.96.0.0/12', ' '] }));
    expect(bad.facts.calico).not.toHaveProperty('serviceCIDRs');
    expect(noteFor(bad, 'calico.serviceCIDRs')).toStrictEqual([
      onInstallation('invalid-value', 'warning', 'spec.serviceCIDRs is not a list of CIDRs.', 'calico.serviceCIDRs'),
    ]);
  });
});

describe('Installation: IP pools', () => {
  it('reads each pool with the fields it states, each with its source', () => {
    const result = derive(
      installation({
        calicoNetwork: {
          ipPools: [
            { name: 'a', cidr: '10.0.0.0/16', encapsulation: 'VXLAN' },
            { cidr: '10.1.0.0/16', encapsulation: 'IPIPCrossSubnet' },
            { name: 'c', encapsulation: 'None' },
          ],
        },
      }),
    );
    expect(result.facts.calico?.ipPools).toStrictEqual([
      { name: 'a', cidr: '10.0.0.0/16', encapsulation: 'vxlan' },
      { cidr: '10.1.0.0/16', encapsulation: 'ipip-cross-subnet' },
      { name: 'c', encapsulation: 'none' },
    ]);
    const field = (index: number, leaf: string) => ({ object: OBJECT, field: `spec.calicoNetwork.ipPools[${index}].${leaf}` });
    const poolSources = Object.fromEntries(Object.entries(result.sources).filter(([key]) => key.startsWith('calico.ipPools')));
    expect(poolSources).toStrictEqual({
      'calico.ipPools[a].encapsulation': field(0, 'encapsulation'),
      'calico.ipPools[a].cidr': field(0, 'cidr'),
      'calico.ipPools[a].name': field(0, 'name'),
      'calico.ipPools[10.1.0.0/16].encapsulation': field(1, 'encapsulation'),
      'calico.ipPools[10.1.0.0/16].cidr': field(1, 'cidr'),
      'calico.ipPools[c].encapsulation': field(2, 'encapsulation'),
      'calico.ipPools[c].name': field(2, 'name'),
      'calico.ipPools': { object: OBJECT, field: 'spec.calicoNetwork.ipPools' },
    });
  });

  it.each([
    ['x', 'not an object'],
    [{ name: 'p', cidr: '10.0.0.0/16' }, 'spec.calicoNetwork.ipPools[0].encapsulation is not set'],
    [{ name: 'p', encapsulation: 'GRE' }, "spec.calicoNetwork.ipPools[0].encapsulation 'GRE' is not an encapsulation"],
    [{ name: 'p', encapsulation: 'valueOf' }, "spec.calicoNetwork.ipPools[0].encapsulation 'valueOf' is not an encapsulation"],
    [{ name: 'p', encapsulation: ['VXLAN'] }, 'spec.calicoNetwork.ipPools[0].encapsulation ["VXLAN"] is not an encapsulation'],
  ])('a pool %j whose encapsulation cannot be told leaves the pools out, with a note', (pool, problem) => {
    const result = derive(installation({ calicoNetwork: { ipPools: [pool] } }));
    expect(result.facts.calico).not.toHaveProperty('ipPools');
    expect(noteFor(result, 'calico.ipPools')).toStrictEqual([
      onInstallation(
        'undecided',
        'warning',
        `The encapsulation of a pool of ${OBJECT} cannot be told: ${problem}. calico.ipPools is left out, since a partial list could hide a pool: state the pools in your facts.`,
        'calico.ipPools',
      ),
    ]);
  });

  it.each([
    [{ cidr: 'v1', encapsulation: 'VXLAN' }, "spec.calicoNetwork.ipPools[0].cidr 'v1' is not a CIDR"],
    [{ name: 'p; reboot', cidr: '10.0.0.0/16', encapsulation: 'VXLAN' }, "spec.calicoNetwork.ipPools[0].name 'p; reboot' is not a Kubernetes name"],
  ])('a pool %j whose name or CIDR cannot be a fact leaves the pools out, with a note (found by the long property run, seed 23742351)', (pool, problem) => {
    const result = derive(installation({ calicoNetwork: { ipPools: [pool] } }));
    expect(result.facts.calico).not.toHaveProperty('ipPools');
    expect(noteFor(result, 'calico.ipPools')).toStrictEqual([
      onInstallation(
        'undecided',
        'warning',
        `The name or CIDR of a pool of ${OBJECT} cannot be a fact: ${problem}. calico.ipPools is left out, since a partial list could hide a pool: state the pools in your facts.`,
        'calico.ipPools',
      ),
    ]);
  });

  it.each([
    [253, ['a'.repeat(253)]],
    [254, undefined],
  ])('a pool name of %i characters: kept at 253, the pools left out at 254', (length, names) => {
    const name = 'a'.repeat(length);
    const result = derive(installation({ calicoNetwork: { ipPools: [{ name, cidr: '10.0.0.0/16', encapsulation: 'VXLAN' }] } }));
    expect(result.facts.calico?.ipPools?.map((pool) => pool.name)).toEqual(names);
  });

  it('ipPools that is not a list says nothing', () => {
    const result = derive(installation({ calicoNetwork: { ipPools: { name: 'p' } } }));
    expect(result.facts.calico).not.toHaveProperty('ipPools');
    expect(noteFor(result, 'calico.ipPools')).toEqual([]);
  });
});

describe('IPPool objects', () => {
  it('an IPPool whose spec.cidr is not a CIDR leaves the pools out, with a note', () => {
    const result = derive(calico('IPPool', 'p', { cidr: '10.0.0.0/99', ipipMode: 'Never', vxlanMode: 'Always' }));
    expect(result.facts.calico?.ipPools).toBeUndefined();
    expect(noteFor(result, 'calico.ipPools').map((n) => n.message)).toStrictEqual([
      "The name or CIDR of IPPool/p cannot be a fact: spec.cidr '10.0.0.0/99' is not a CIDR. calico.ipPools is left out, since a partial list could hide a pool: state the pools in your facts.",
    ]);
  });

  it.each([undefined, 'x'])('an IPPool whose spec is %j leaves the pools out, with a note', (spec) => {
    const pool = { apiVersion: 'crd.projectcalico.org/v1', kind: 'IPPool', metadata: { name: 'p' }, ...(spec === undefined ? {} : { spec }) };
    const result = derive(pool);
    expect(result.facts).toEqual({});
    expect(result.notes).toStrictEqual([
      {
        code: 'undecided',
        level: 'warning',
        message:
          'The encapsulation of IPPool/p cannot be told: it has no spec. calico.ipPools is left out, since a partial list could hide a pool: state the pools in your facts.',
        object: 'IPPool/p',
        fact: 'calico.ipPools',
      },
    ]);
  });
});

describe('FelixConfiguration', () => {
  const felix = (spec: Record<string, unknown>) => calico('FelixConfiguration', 'default', spec);
  const invalid = (message: string, fact: string) => ({ code: 'invalid-value', level: 'warning', message, object: 'FelixConfiguration/default', fact });

  it('an ipipEnabled of null says nothing; one that is not a boolean gets a note', () => {
    const unset = derive(felix({ ipipEnabled: null, vxlanPort: null, vxlanVNI: null }));
    expect(unset.facts).toEqual({});
    expect(unset.notes).toEqual([]);
    const bad = derive(felix({ ipipEnabled: 'yes' }));
    expect(bad.facts).toEqual({});
    expect(bad.notes).toStrictEqual([invalid("spec.ipipEnabled the string 'yes' is not a boolean.", 'calico.ipipEnabled')]);
  });

  it.each([1, 4789, 65535])('vxlanPort %j is read', (port) => {
    const result = derive(felix({ vxlanPort: port }));
    expect(result.facts).toEqual({ calico: { vxlanPort: port } });
    expect(result.sources['calico.vxlanPort']).toStrictEqual({ object: 'FelixConfiguration/default', field: 'spec.vxlanPort' });
  });

  it.each([
    [0, 'number 0'],
    [65536, 'number 65536'],
    [4789.5, 'number 4789.5'],
    ['4789', "the string '4789'"],
    [true, 'boolean true'],
  ])('vxlanPort %j is left out with a note', (port, shown) => {
    const result = derive(felix({ vxlanPort: port }));
    expect(result.facts).toEqual({});
    expect(result.notes).toStrictEqual([invalid(`spec.vxlanPort ${shown} is not a port number.`, 'calico.vxlanPort')]);
  });

  it.each([1, 4096, 16777215])('vxlanVNI %j is read', (vni) => {
    const result = derive(felix({ vxlanVNI: vni }));
    expect(result.facts).toEqual({ calico: { vxlanVNI: vni } });
    expect(result.sources['calico.vxlanVNI']).toStrictEqual({ object: 'FelixConfiguration/default', field: 'spec.vxlanVNI' });
  });

  it.each([
    [0, 'number 0'],
    [16777216, 'number 16777216'],
    ['4096', "the string '4096'"],
    [4096.5, 'number 4096.5'],
  ])('vxlanVNI %j is left out with a note', (vni, shown) => {
    const result = derive(felix({ vxlanVNI: vni }));
    expect(result.facts).toEqual({});
    expect(result.notes).toStrictEqual([invalid(`spec.vxlanVNI ${shown} is not a VXLAN network identifier.`, 'calico.vxlanVNI')]);
  });

  it("vxlanEnabled is the Windows installer's choice of backend, said in the networking note", () => {
    const vxlan = derive(felix({ vxlanEnabled: true }));
    expect(vxlan.facts.networking).toBe('calico-vxlan');
    expect(noteFor(vxlan, 'networking')).toStrictEqual([
      {
        code: 'inferred',
        level: 'info',
        message:
          "networking calico-vxlan: FelixConfiguration/default spec.vxlanEnabled: spec.vxlanEnabled is true (Calico's Windows installer then picks the vxlan backend).",
        fact: 'networking',
      },
    ]);
    const bgp = derive(calicoConfig({ calico_backend: 'bird' }), felix({ vxlanEnabled: false }));
    expect(bgp.facts.networking).toBe('calico-bgp');
    expect(noteFor(bgp, 'networking')).toStrictEqual([
      {
        code: 'inferred',
        level: 'info',
        message:
          "networking calico-bgp: ConfigMap/kube-system/calico-config data.calico_backend: data.calico_backend is bird; FelixConfiguration/default spec.vxlanEnabled: spec.vxlanEnabled is false (Calico's Windows installer then picks the bgp backend).",
        fact: 'networking',
      },
    ]);
  });
});

describe('calico-config', () => {
  it('a calico_backend named like an Object method is not a backend', () => {
    const result = derive(calicoConfig({ calico_backend: 'constructor' }));
    expect(result.facts).toEqual({ calico: { operatorManaged: false } });
    expect(noteFor(result, 'networking')).toStrictEqual([
      {
        code: 'invalid-value',
        level: 'warning',
        message: "data.calico_backend 'constructor' is not bird, vxlan or none.",
        object: 'ConfigMap/kube-system/calico-config',
        fact: 'networking',
      },
    ]);
  });
});
