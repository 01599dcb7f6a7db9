import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from 'calico-windows-compat/format';
import { CALICO_WINDOWS_RETRIEVER_ID, createCalicoWindowsFactRetriever, FACTS_ANNOTATION, MANIFESTS_ANNOTATION } from '@internal/plugin-tech-insights-backend-module-calico-windows';
import { clusterEntity, context, logger, REPO, urlReader } from './support.js';

const extra = (cluster: string): string => readFileSync(new URL(`../../../test/fixtures/manifests/${cluster}/extra.yaml`, import.meta.url), 'utf8');

describe('the Calico for Windows fact retriever', () => {
  it('collects each cluster from the files its annotations name, and stores the verdict and the report', async () => {
    const reader = urlReader();
    const log = logger();
    const vxlan = clusterEntity('self-managed-vxlan', { [MANIFESTS_ANNOTATION]: './nodes.yaml, ./calico.yaml, ./calico-config.yaml' });
    const retriever = createCalicoWindowsFactRetriever({ listEntities: async () => [clusterEntity('eks'), vxlan] });
    const facts = await retriever.handler(context(reader, log));

    expect(retriever.id).toBe(CALICO_WINDOWS_RETRIEVER_ID);
    expect(log.lines).toEqual([]);
    // Relative paths resolve against the entity's catalog file.
    expect(reader.read).toContain(`${REPO}/eks/nodes.yaml`);
    expect(reader.read).toContain(`${REPO}/self-managed-vxlan/calico-config.yaml`);
    expect(facts.map((f) => f.entity)).toEqual([
      { namespace: 'default', kind: 'Resource', name: 'eks' },
      { namespace: 'default', kind: 'Resource', name: 'self-managed-vxlan' },
    ]);
    for (const { facts: values } of facts) {
      expect(values).toMatchObject({ verdict: 'compatible', compatible: true, errors: 0, unknown: 0, failedRules: [], missingFacts: [] });
      // Every fact the schema declares, and nothing else.
      expect(Object.keys(values).sort()).toEqual(Object.keys(retriever.schema).sort());
      // The report round-trips through JSON and validates: the card can trust it.
      expect(ReportSchema.safeParse(values['report']).success).toBe(true);
    }
  });

  it('records failures with the rules that fail, and evidence that names the manifest line', async () => {
    const reader = urlReader({ [`${REPO}/eks/extra.yaml`]: extra('eks').replace('tls12Enabled: true', 'tls12Enabled: false') });
    const [fact] = await createCalicoWindowsFactRetriever({ listEntities: async () => [clusterEntity('eks')] }).handler(context(reader, logger()));
    expect(fact?.facts).toMatchObject({ verdict: 'incompatible', compatible: false, errors: 1, failedRules: ['windows-tls12'] });
    const report = ReportSchema.parse(fact?.facts['report']);
    const osBuild = report.findings.find((f) => f.ruleId === 'windows-os-version')?.evidence.find((e) => e.fact.endsWith('.osBuild'));
    expect(osBuild?.source).toMatchObject({ object: expect.stringMatching(/^Node\//), file: `${REPO}/eks/nodes.yaml`, line: expect.any(Number) });
  });

  it('indeterminate clusters list the facts still needed', async () => {
    const entity = clusterEntity('eks', { [FACTS_ANNOTATION]: '' });
    const [fact] = await createCalicoWindowsFactRetriever({ listEntities: async () => [entity] }).handler(context(urlReader(), logger()));
    expect(fact?.facts['verdict']).toBe('indeterminate');
    expect(fact?.facts['missingFacts']).toEqual(expect.arrayContaining(['eks.vpcControllersInstalled']));
  });

  it('skips an entity without annotations, and logs one whose files are missing or invalid, without failing the run', async () => {
    const log = logger();
    const bare = { ...clusterEntity('bare'), metadata: { name: 'bare', namespace: 'default' } };
    const invalid = clusterEntity('eks');
    const missing = clusterEntity('nowhere');
    const reader = urlReader({ [`${REPO}/eks/extra.yaml`]: 'nodes:\n  - os: windows\n    name: w\n    osbuild: 10.0.17763.1\n' });
    const facts = await createCalicoWindowsFactRetriever({ listEntities: async () => [bare, invalid, missing, clusterEntity('aks')] }).handler(context(reader, log));
    // AKS is collected (and incompatible: its Windows Server 2022 node is not supported by Calico v3.23).
    expect(facts.map((f) => [f.entity.name, f.facts['verdict']])).toEqual([['aks', 'incompatible']]);
    expect(log.lines).toHaveLength(2);
    expect(log.lines[0]).toMatch(/^warn: Calico for Windows facts of Resource:default\/eks not collected: [\s\S]*osbuild[\s\S]*osBuild/);
    expect(log.lines[1]).toMatch(/^warn: .*Resource:default\/nowhere.*NotFoundError/);
  });

  it('takes facts from any source through collect', async () => {
    const retriever = createCalicoWindowsFactRetriever({
      listEntities: async () => [clusterEntity('from-inventory')],
      collect: async () => ({ facts: { platform: 'gke' } }),
    });
    const [fact] = await retriever.handler(context(urlReader(), logger()));
    expect(fact?.facts).toMatchObject({ verdict: 'incompatible', failedRules: ['platform-supported'] });
  });
});
