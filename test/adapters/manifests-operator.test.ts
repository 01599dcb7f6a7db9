// What the manifests adapter reads for the later releases' rules: the operator's Windows settings, the
// kubernetes-services-endpoint ConfigMap and Felix's VXLAN VNI, each with its source.
import { describe, expect, it } from 'vitest';
import { factsFromManifests } from '../../src/adapters/manifests.js';
import { evaluateCompatibility } from '../../src/api.js';
import { CALICO_3_30 } from '../../src/catalog/releases.js';
import { ClusterFactsSchema } from '../../src/model/facts.js';
import { parseManifestsText } from '../../src/text/yaml.js';
import { calico, derive, installation } from './helpers.js';

const endpoint = (namespace: string, data: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'kubernetes-services-endpoint', namespace },
  data,
});

describe('factsFromManifests: the operator install', () => {
  it('reads windowsDataplane HNS as the operator install, and spec.serviceCIDRs', () => {
    const result = derive(installation({ calicoNetwork: { windowsDataplane: 'HNS' }, serviceCIDRs: ['10.96.0.0/12'] }));
    expect(result.facts.calico).toMatchObject({ windowsDataplane: 'HNS', installMethod: 'operator', serviceCIDRs: ['10.96.0.0/12'] });
    expect(result.sources['calico.windowsDataplane']).toEqual({ object: 'Installation/default', field: 'spec.calicoNetwork.windowsDataplane' });
    expect(result.sources['calico.installMethod']).toEqual({ object: 'Installation/default', field: 'spec.calicoNetwork.windowsDataplane' });
    expect(result.sources['calico.serviceCIDRs']).toEqual({ object: 'Installation/default', field: 'spec.serviceCIDRs' });
  });

  it('reads Disabled without deciding the install method, an empty serviceCIDRs as empty, and status.computed as the operator fills it', () => {
    const disabled = derive(installation({ calicoNetwork: { windowsDataplane: 'Disabled' }, serviceCIDRs: [] }));
    expect(disabled.facts.calico).toMatchObject({ windowsDataplane: 'Disabled', serviceCIDRs: [] });
    expect(disabled.facts.calico?.installMethod).toBeUndefined();
    const computed = derive(installation({}, { status: { computed: { calicoNetwork: { windowsDataplane: 'HNS' } } } }));
    expect(computed.sources['calico.windowsDataplane']?.field).toBe('status.computed.calicoNetwork.windowsDataplane');
  });

  it('leaves an unset windowsDataplane unknown, with a note, and refuses values it does not understand', () => {
    const unset = derive(installation({ cni: { type: 'Calico' } }));
    expect(unset.facts.calico?.windowsDataplane).toBeUndefined();
    expect(unset.notes.some((n) => n.fact === 'calico.windowsDataplane' && n.code === 'undecided')).toBe(true);
    const bad = derive(installation({ calicoNetwork: { windowsDataplane: 'Hyper-V' }, serviceCIDRs: 'x' }));
    expect(bad.facts.calico?.windowsDataplane).toBeUndefined();
    expect(bad.facts.calico?.serviceCIDRs).toBeUndefined();
    expect(bad.notes.filter((n) => n.code === 'invalid-value').map((n) => n.fact)).toEqual(['calico.windowsDataplane', 'calico.serviceCIDRs']);
  });

  it('reads the kubernetes-services-endpoint ConfigMap of tigera-operator, host and port each with its source', () => {
    const result = derive(endpoint('tigera-operator', { KUBERNETES_SERVICE_HOST: '10.0.0.10', KUBERNETES_SERVICE_PORT: '6443' }));
    expect(result.facts.calico?.kubernetesServicesEndpoint).toEqual({ host: '10.0.0.10', port: '6443' });
    expect(result.sources['calico.kubernetesServicesEndpoint.host']).toMatchObject({ object: 'ConfigMap/tigera-operator/kubernetes-services-endpoint' });
    const partial = derive(endpoint('tigera-operator', { KUBERNETES_SERVICE_HOST: '10.0.0.10' }));
    expect(partial.facts.calico?.kubernetesServicesEndpoint).toEqual({ host: '10.0.0.10' });
  });

  it("skips the ConfigMap outside tigera-operator, where the operator does not read it", () => {
    const result = derive(endpoint('kube-system', { KUBERNETES_SERVICE_HOST: '10.0.0.10', KUBERNETES_SERVICE_PORT: '6443' }));
    expect(result.facts).toEqual({});
    expect(result.notes.map((n) => n.message)).toEqual([
      'Skipped 1 object (kubernetes-services-endpoint outside tigera-operator, where the operator reads it): ConfigMap/kube-system/kubernetes-services-endpoint. They state no fact the requirements use.',
    ]);
  });

  it('reads FelixConfiguration spec.vxlanVNI, leaving it unknown when unset', () => {
    expect(derive(calico('FelixConfiguration', 'default', { vxlanVNI: 4096 })).facts.calico?.vxlanVNI).toBe(4096);
    expect(derive(calico('FelixConfiguration', 'default', { vxlanEnabled: true })).facts.calico?.vxlanVNI).toBeUndefined();
    const bad = derive(calico('FelixConfiguration', 'default', { vxlanVNI: 0 }));
    expect(bad.facts.calico?.vxlanVNI).toBeUndefined();
    expect(bad.notes[0]).toMatchObject({ code: 'invalid-value', fact: 'calico.vxlanVNI' });
  });

  it('gives facts the v3.30 operator rules decide from, located in the file they came from', () => {
    const text = `apiVersion: operator.tigera.io/v1
kind: Installation
metadata: { name: default }
spec:
  cni: { type: Calico, ipam: { type: Calico } }
  serviceCIDRs: [10.96.0.0/12]
  calicoNetwork:
    bgp: Disabled
    windowsDataplane: HNS
    ipPools: [{ cidr: 10.244.0.0/16, encapsulation: VXLAN }]
---
apiVersion: v1
kind: ConfigMap
metadata: { name: kubernetes-services-endpoint, namespace: tigera-operator }
data: { KUBERNETES_SERVICE_HOST: 10.0.0.10, KUBERNETES_SERVICE_PORT: "6443" }
---
apiVersion: crd.projectcalico.org/v1
kind: FelixConfiguration
metadata: { name: default }
spec: { vxlanVNI: 4096 }
`;
    const set = parseManifestsText(text, { file: 'operator.yaml' });
    const { facts, sources } = factsFromManifests(set.objects, { locate: set.locate });
    expect(ClusterFactsSchema.safeParse(facts).success).toBe(true);
    expect(sources['calico.serviceCIDRs']).toMatchObject({ file: 'operator.yaml', line: 6 });
    const report = evaluateCompatibility(facts, { release: CALICO_3_30, sources });
    const status = (id: string) => report.findings.find((f) => f.ruleId === id)?.status;
    for (const id of ['operator-windows-dataplane', 'operator-service-cidrs', 'operator-services-endpoint', 'operator-ip-pool-encapsulation', 'vxlan-vni', 'vxlan-calico-ipam'])
      expect(status(id), id).toBe('pass');
    const evidence = report.findings.find((f) => f.ruleId === 'operator-services-endpoint')?.evidence[0];
    expect(evidence?.source).toMatchObject({ object: 'ConfigMap/tigera-operator/kubernetes-services-endpoint', file: 'operator.yaml' });
  });
});
