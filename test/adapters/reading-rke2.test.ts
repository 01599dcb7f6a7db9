// RKE2's HelmChartConfig rke2-calico: the values of the chart that renders the operator's Installation,
// read as that Installation (issue 12, item 5). Fixtures quote real ones (see their headers).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsFromManifests } from '../../src/adapters/manifests.js';
import { parseManifestsText, parseValuesText } from '../../src/text/yaml.js';
import { evaluateCompatibility } from '../../src/api.js';
import { CALICO_RELEASES } from '../../src/catalog/releases.js';
import { CompatError } from '../../src/model/errors.js';
import { derive, FIXTURES, installation, noteFor } from './helpers.js';

const OBJECT = 'HelmChartConfig/kube-system/rke2-calico';
const load = (name: string, parseValues: ((text: string) => unknown) | null = parseValuesText) => {
  const file = `${FIXTURES}/rke2/${name}`;
  const set = parseManifestsText(readFileSync(file, 'utf8'), { file });
  return factsFromManifests(set.objects, { locate: set.locate, ...(parseValues ? { parseValues } : {}) });
};
const chart = (valuesContent: unknown, name = 'rke2-calico') => ({
  apiVersion: 'helm.cattle.io/v1',
  kind: 'HelmChartConfig',
  metadata: { name, namespace: 'kube-system' },
  spec: valuesContent === undefined ? {} : { valuesContent },
});
const withValues = (...objects: unknown[]) => factsFromManifests(objects, { parseValues: parseValuesText });

describe('HelmChartConfig rke2-calico', () => {
  it('is read like an Installation: BGP, the pools, networking, with provenance (rancher/rke2#4692)', () => {
    const result = load('helmchartconfig-bgp-pool.yaml');
    expect(result.facts).toStrictEqual({
      platform: 'rke2',
      networking: 'calico-bgp',
      calico: { datastore: 'kubernetes', operatorManaged: true, bgpEnabled: true, ipPools: [{ cidr: '10.42.0.0/16', encapsulation: 'none' }] },
    });
    const file = `${FIXTURES}/rke2/helmchartconfig-bgp-pool.yaml`;
    expect(result.sources['calico.bgpEnabled']).toStrictEqual({ object: OBJECT, field: 'spec.valuesContent.installation.calicoNetwork.bgp', file, line: 12, column: 18 });
    expect(result.sources['calico.ipPools[10.42.0.0/16].encapsulation']).toMatchObject({ object: OBJECT, field: 'spec.valuesContent.installation.calicoNetwork.ipPools[0].encapsulation', file });
    expect(result.sources['networking']).toMatchObject({ object: OBJECT, field: 'spec.valuesContent.installation.calicoNetwork.bgp' });
    expect(result.sources['calico.datastore']).toMatchObject({ object: OBJECT, field: 'spec.valuesContent' });
    expect(noteFor(result, 'networking').map((n) => n.message)).toEqual([
      `networking calico-bgp: ${OBJECT} spec.valuesContent.installation.calicoNetwork.bgp (${file}:12): RKE2's Calico chart (its CNI is Calico) and spec.valuesContent.installation.calicoNetwork.bgp is Enabled (the operator's windows-bgp backend); ${OBJECT} spec.valuesContent.installation.calicoNetwork.ipPools[0].encapsulation (${file}:12): no enabled IP pool uses VXLAN (Calico's Windows installer then picks the bgp backend).`,
    ]);
    expect(result.notes.some((n) => n.code === 'skipped')).toBe(false);
  });

  it("reads what the RKE2 docs' Windows BGP example states, and no more (rancher/rke2-docs#392)", () => {
    const result = load('helmchartconfig-windows-bgp.yaml');
    expect(result.facts).toStrictEqual({ platform: 'rke2', networking: 'calico-bgp', calico: { datastore: 'kubernetes', operatorManaged: true, bgpEnabled: true } });
    expect(result.facts.calico?.ipPools).toBeUndefined();
  });

  it('says so, and reads nothing from the values, without a parser for them', () => {
    const result = load('helmchartconfig-windows-bgp.yaml', null);
    expect(result.facts).toStrictEqual({});
    expect(result.notes).toStrictEqual([
      expect.objectContaining({
        code: 'undecided',
        level: 'warning',
        object: OBJECT,
        message: "spec.valuesContent is YAML text and no parser was given (factsFromManifests' parseValues, e.g. parseValuesText from calico-windows-compat/yaml): its values are not read.",
      }),
    ]);
  });

  it.each([
    [undefined, 'spec.valuesContent is not set'],
    ['   ', 'spec.valuesContent is not set'],
    [42, 'spec.valuesContent is not set'],
    ['felixConfiguration: {healthPort: 1}', 'spec.valuesContent sets no installation values'],
    ['installation: [1]', 'spec.valuesContent sets no installation values'],
    ['- a\n- b', 'spec.valuesContent sets no installation values'],
  ])('valuesContent %j states nothing: a note, no facts', (valuesContent, message) => {
    const result = withValues(chart(valuesContent));
    expect(result.facts).toStrictEqual({});
    expect(result.notes).toStrictEqual([expect.objectContaining({ code: 'undecided', level: 'info', object: OBJECT, message: expect.stringContaining(message) })]);
  });

  it.each([
    ['installation: {calicoNetwork: {bgp: Enabled}\n', 'is not YAML the adapter can read'],
    ['installation: {}\n---\ninstallation: {}\n', 'hold 2 YAML documents, not one'],
    ['a: &x [1]\nb: *x\nc: *x\nd: *x\n'.repeat(1), undefined],
  ])('values that are not one YAML document are refused with a note, never a throw: %j', (valuesContent, message) => {
    const result = withValues(chart(valuesContent));
    if (message === undefined) return void expect(result.facts).toStrictEqual({});
    expect(result.facts).toStrictEqual({});
    expect(result.notes).toStrictEqual([expect.objectContaining({ code: 'invalid-value', level: 'warning', object: OBJECT, message: expect.stringContaining(message) })]);
  });

  it('a HelmChartConfig of another chart is skipped', () => {
    const result = withValues(chart('installation: {calicoNetwork: {bgp: Enabled}}', 'rke2-canal'));
    expect(result.facts).toStrictEqual({});
    expect(result.notes.map((n) => n.message)).toEqual([
      'Skipped 1 object (HelmChartConfig other than rke2-calico): HelmChartConfig/kube-system/rke2-canal. They state no fact the requirements use.',
    ]);
  });

  it('values naming another CNI are read as an Installation naming it', () => {
    const result = withValues(chart('installation: {cni: {type: AzureVNET}, calicoNetwork: {bgp: Disabled}}'));
    expect(result.facts.networking).toBe('aks-azure-cni');
    expect(result.sources['networking']).toMatchObject({ field: 'spec.valuesContent.installation.cni.type' });
  });

  it('BGP disabled needs Calico IPAM stated, as for an Installation', () => {
    expect(withValues(chart('installation: {calicoNetwork: {bgp: Disabled}, cni: {ipam: {type: Calico}}}')).facts.networking).toBe('calico-vxlan');
    const undecided = withValues(chart('installation: {calicoNetwork: {bgp: Disabled}}'));
    expect(undecided.facts.networking).toBeUndefined();
    expect(noteFor(undecided, 'networking')[0]?.message).toMatch(/Calico CNI with BGP disabled and no IPAM type set/);
  });

  it('agrees with the Installation it renders, or the fact is left out with the disagreement named', () => {
    const same = withValues(chart('installation: {calicoNetwork: {bgp: Enabled}}'), installation({ cni: { type: 'Calico' }, calicoNetwork: { bgp: 'Enabled' } }));
    expect(same.facts.calico?.bgpEnabled).toBe(true);
    expect(same.notes.filter((n) => n.code === 'conflict')).toEqual([]);
    const differ = withValues(chart('installation: {calicoNetwork: {bgp: Enabled}}'), installation({ cni: { type: 'Calico' }, calicoNetwork: { bgp: 'Disabled' } }));
    expect(differ.facts.calico?.bgpEnabled).toBeUndefined();
    expect(noteFor(differ, 'calico.bgpEnabled')[0]?.message).toMatch(/^calico\.bgpEnabled: the objects disagree/);
  });

  it('evaluates: operator-datastore decided, networking from the chart', () => {
    const { facts, sources } = load('helmchartconfig-bgp-pool.yaml');
    const report = evaluateCompatibility({ ...facts, calico: { ...facts.calico, version: 'v3.28.2' } }, { release: '3.28/operator', profiles: CALICO_RELEASES, sources });
    const finding = report.findings.find((f) => f.ruleId === 'operator-datastore');
    expect(finding?.status).toBe('pass');
    expect(finding?.evidence).toContainEqual(expect.objectContaining({ fact: 'calico.datastore', value: 'kubernetes', source: expect.objectContaining({ object: OBJECT }) }));
  });
});

describe('an Installation implies the Kubernetes datastore', () => {
  it('states calico.datastore kubernetes, citing the object, with a note', () => {
    const result = derive(installation({}));
    expect(result.facts.calico?.datastore).toBe('kubernetes');
    expect(result.sources['calico.datastore']).toStrictEqual({ object: 'Installation/default' });
    expect(noteFor(result, 'calico.datastore')).toStrictEqual([
      expect.objectContaining({ code: 'inferred', level: 'info', message: 'calico.datastore kubernetes: the operator installs Calico on the Kubernetes API datastore only.' }),
    ]);
  });

  it('decides operator-datastore without a ClusterInformation', () => {
    const { facts, sources } = derive(installation({ cni: { type: 'Calico' }, calicoNetwork: { bgp: 'Enabled', windowsDataplane: 'HNS' } }));
    const report = evaluateCompatibility(facts, { release: '3.30', profiles: CALICO_RELEASES, sources, rules: ['operator-datastore'] });
    expect(report.findings.map((f) => f.status)).toEqual(['pass']);
  });

  it('a ClusterInformation naming etcd disagrees: the fact is left out, the disagreement named', () => {
    const clusterInformation = { apiVersion: 'crd.projectcalico.org/v1', kind: 'ClusterInformation', metadata: { name: 'default' }, spec: { clusterType: 'k8s,bgp' } };
    const result = derive(installation({}), clusterInformation);
    expect(result.facts.calico?.datastore).toBeUndefined();
    expect(noteFor(result, 'calico.datastore').some((n) => n.code === 'conflict')).toBe(true);
  });
});

describe('HelmChartConfig rke2-calico, word for word', () => {
  const RKE2_NOTE =
    "HelmChartConfig rke2-calico configures RKE2's Calico chart, which runs the Tigera operator: calico.operatorManaged true, calico.datastore kubernetes, platform 'rke2' (the v3.23 requirements name RKE, not RKE2; if you hold RKE2 to be covered, state platform: rke). RKE2 runs Calico on its Windows agents itself: calico.installMethod is left for you to state.";

  it('cites the values for what the chart implies, the object alone for the platform, and says what it inferred', () => {
    const result = withValues(chart('installation: {calicoNetwork: {bgp: Enabled}}'));
    expect(result.sources['calico.operatorManaged']).toStrictEqual({ object: OBJECT, field: 'spec.valuesContent' });
    expect(result.sources['calico.datastore']).toStrictEqual({ object: OBJECT, field: 'spec.valuesContent' });
    expect(result.sources['platform']).toStrictEqual({ object: OBJECT });
    expect(result.notes[0]).toStrictEqual({ code: 'inferred', level: 'info', message: RKE2_NOTE, object: OBJECT });
  });

  it('reads no computed status: Helm values have none', () => {
    const object = { ...chart('installation: {cni: {type: Calico}}'), status: { computed: { calicoNetwork: { bgp: 'Enabled' } } } };
    expect(withValues(object).facts).toStrictEqual({ platform: 'rke2', calico: { datastore: 'kubernetes', operatorManaged: true } });
  });

  it.each([
    ['another kind of the Helm group', 'helm.cattle.io/v1', 'HelmChart', 'helm.cattle.io/HelmChart'],
    ['the kind in another group', 'example.com/v1', 'HelmChartConfig', 'example.com/HelmChartConfig'],
  ])('%s named rke2-calico is skipped', (_name, apiVersion, kind, what) => {
    const result = withValues({ ...chart('installation: {calicoNetwork: {bgp: Enabled}}'), apiVersion, kind });
    expect(result.facts).toStrictEqual({});
    expect(result.notes.map((n) => n.message)).toEqual([`Skipped 1 object (${what}): ${kind}/kube-system/rke2-calico. They state no fact the requirements use.`]);
  });

  it.each([
    ['a problem without a list', () => new CompatError('invalid-input', 'Bad values.'), 'Bad values.'],
    ['the first line and the first problem', () => new CompatError('invalid-input', 'Bad values:\n  a: is wrong', [{ path: 'a', code: 'c', message: 'is wrong' }, { path: 'b', code: 'c', message: 'also' }]), 'Bad values: is wrong'],
    ['any other error', () => new Error('boom'), 'Error: boom'],
  ])("a parser's error, %s, is named in the note", (_name, error, detail) => {
    const result = factsFromManifests([chart('installation: {}')], {
      parseValues: () => {
        throw error();
      },
    });
    expect(result.notes).toStrictEqual([
      { code: 'invalid-value', level: 'warning', message: `spec.valuesContent is not YAML the adapter can read (${detail}): its values are not read.`, object: OBJECT },
    ]);
  });
});
