import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JsonRulesEngineFactCheckerFactory } from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import { RULES } from 'calico-windows-compat';
import { calicoWindowsChecks, calicoWindowsRuleChecks, createCalicoWindowsFactRetriever } from '@internal/plugin-tech-insights-backend-module-calico-windows';
import { clusterEntity, context, logger, MemoryStore, REPO, urlReader } from './support.js';

// The checks, run by Tech Insights' own JSON rules engine fact checker over what the retriever stored.
async function checkResults(overrides: Record<string, string> = {}) {
  const store = new MemoryStore();
  const log = logger();
  await store.run(createCalicoWindowsFactRetriever({ listEntities: async () => [clusterEntity('eks')] }), context(urlReader(overrides), log));
  const checks = [...calicoWindowsChecks, ...calicoWindowsRuleChecks()];
  const checker = new JsonRulesEngineFactCheckerFactory({ checks, logger: log }).construct(store);
  for (const check of checks) expect(await checker.validate(check)).toMatchObject({ valid: true });
  const results = await checker.runChecks('resource:default/eks');
  return { results, byId: Object.fromEntries(results.map((r) => [r.check.id, r.result])) };
}

const eksExtra = readFileSync(new URL('../../../test/fixtures/manifests/eks/extra.yaml', import.meta.url), 'utf8');

describe('Calico for Windows checks (JSON rules engine)', () => {
  it('one check per catalog rule, besides the verdict and complete facts, each for clusters and reading its own retriever', () => {
    expect(calicoWindowsRuleChecks().map((c) => c.id)).toEqual(RULES.map((r) => `calico-windows-${r.id}`));
    const all = [...calicoWindowsChecks, ...calicoWindowsRuleChecks()];
    expect(new Set(all.map((c) => c.id)).size).toBe(RULES.length + 2);
    for (const check of all) {
      expect(check.filter).toEqual({ kind: 'resource', 'spec.type': 'kubernetes-cluster' });
      expect(check.rule.conditions).toMatchObject({ all: [{ params: { factRetrieverId: 'calico-windows-compat' } }] });
    }
    // Every requirement's check carries the rule's remediation as text, for the scorecard.
    for (const check of calicoWindowsRuleChecks()) expect(check.failureMetadata?.['remediation']).toEqual(expect.stringMatching(/\S/));
  });

  it('a compatible cluster passes every check', async () => {
    const { results, byId } = await checkResults();
    expect(results).toHaveLength(RULES.length + 2);
    expect(Object.entries(byId).filter(([, result]) => result !== true)).toEqual([]);
  });

  it('a failing requirement fails its check and the verdict check, with the remediation in the metadata', async () => {
    const { results, byId } = await checkResults({ [`${REPO}/eks/extra.yaml`]: eksExtra.replace('tls12Enabled: true', 'tls12Enabled: false') });
    expect(Object.entries(byId).filter(([, result]) => result !== true).map(([id]) => id).sort()).toEqual([
      'calico-windows-compatible',
      'calico-windows-windows-tls12',
    ]);
    const tls = results.find((r) => r.check.id === 'calico-windows-windows-tls12');
    expect(tls?.check.links?.[0]?.url).toMatch(/windows-tls12/);
    expect(tls?.check.metadata).toMatchObject({ ruleId: 'windows-tls12', severity: 'error', remediation: expect.stringMatching(/Tls12/) });
  });

  it('missing facts fail the completeness check only', async () => {
    const { byId } = await checkResults({ [`${REPO}/eks/extra.yaml`]: eksExtra.replace(/^eks:[\s\S]*?(?=^\S)/m, '') });
    expect(Object.entries(byId).filter(([, result]) => result !== true).map(([id]) => id).sort()).toEqual([
      'calico-windows-compatible',
      'calico-windows-facts-complete',
    ]);
  });
});
