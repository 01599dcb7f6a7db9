import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigReader, type Config } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import jsonfcModule from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import type { FactChecker, FactCheckerFactory, FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import type { Check, CheckResult } from '@backstage-community/plugin-tech-insights-common';
import calicoWindowsModule, { CALICO_WINDOWS_RETRIEVER_ID } from '@internal/plugin-tech-insights-backend-module-calico-windows';
import { parse } from 'yaml';
import { catalogBackend, clusterEntity, context, logger, MemoryStore, registrationOf, urlReader } from './support.js';

// An app that already has Tech Insights and a check of its own follows the guide: it adds the jsonfc
// module (it has it already), the Calico for Windows backend module, and loads
// app-config.calico-windows-compat.yaml beside its app-config.yaml. Its check must stay.

const file = (path: string) => ({ context: path, data: parse(readFileSync(new URL(path, import.meta.url), 'utf8')) });
const APP = file('./fixtures/app-config.yaml');
const CALICO = file('../app-config.calico-windows-compat.yaml');
const PRODUCTION = file('./fixtures/app-config.production.yaml');

/**
 * The tech-insights backend plugin's side of its extension points, as its plugin.ts implements them
 * (@backstage-community/plugin-tech-insights-backend 3.1): one fact checker factory (the last one set
 * wins), retrievers added by id to the built-in ones, and each retriever scheduled only when app-config
 * has `techInsights.factRetrievers.<id>`.
 */
function techInsightsPlugin(config: Config) {
  let factory: FactCheckerFactory<Check, CheckResult> | undefined;
  let factorySets = 0;
  // A built-in retriever of the plugin the app configured (its facts, not its code: the plugin's package
  // brings a whole backend with it).
  const entityOwnershipFactRetriever: FactRetriever = {
    id: 'entityOwnershipFactRetriever',
    version: '0.0.1',
    entityFilter: [{ kind: ['component', 'domain', 'system', 'api', 'resource', 'template'] }],
    schema: { hasOwner: { type: 'boolean', description: 'The spec.owner field is set' }, hasGroupOwner: { type: 'boolean', description: 'The spec.owner field is set and refers to a group' } },
    handler: async () => [],
  };
  const retrievers: Record<string, FactRetriever> = { entityOwnershipFactRetriever };
  return {
    extensionPoints: {
      'tech-insights.fact-checker-factory': {
        setFactCheckerFactory(f: FactCheckerFactory<Check, CheckResult>) {
          factory = f;
          factorySets++;
        },
      },
      'tech-insights.fact-retrievers': { addFactRetrievers: (added: Record<string, FactRetriever>) => Object.assign(retrievers, added) },
    } as Record<string, unknown>,
    get factory() {
      return factory;
    },
    get factorySets() {
      return factorySets;
    },
    /** The retrievers that run: those configured, with their cadence. */
    scheduled: () =>
      Object.fromEntries(
        Object.entries(retrievers)
          .filter(([id]) => config.has(`techInsights.factRetrievers.${id}`))
          .map(([id, retriever]) => [id, { retriever, cadence: config.getString(`techInsights.factRetrievers.${id}.cadence`) }]),
      ),
  };
}

const PAYMENTS: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'service', owner: 'group:payments', lifecycle: 'production' },
};
const EKS = clusterEntity('eks');

/** Starts the guide's backend: the modules' inits, in the order the backend runs them, with their deps. */
async function startBackend(configs: Array<{ context: string; data: unknown }>, backend: Awaited<ReturnType<typeof catalogBackend>>) {
  // What the backend's root config service does with several --config files.
  const config = ConfigReader.fromConfigs(configs as Parameters<typeof ConfigReader.fromConfigs>[0]);
  const plugin = techInsightsPlugin(config);
  const log = logger();
  const catalog = {
    async getEntityByRef(ref: string) {
      return [PAYMENTS, EKS].find((e) => `${e.kind}:${e.metadata.namespace}/${e.metadata.name}`.toLowerCase() === ref);
    },
  } as Partial<CatalogService> as CatalogService;
  const services: Record<string, unknown> = { 'core.rootConfig': config, 'core.logger': log, 'catalog-client': catalog, 'core.auth': backend.services.auth };
  for (const feature of [jsonfcModule, calicoWindowsModule]) {
    const { init } = registrationOf(feature);
    const deps = Object.fromEntries(
      Object.entries(init.deps).map(([name, ref]) => {
        const dep = plugin.extensionPoints[ref.id] ?? services[ref.id];
        if (dep === undefined) throw new Error(`no ${ref.id} in this backend`);
        return [name, dep];
      }),
    );
    await init.func(deps);
  }
  return { plugin, log, config, backend };
}

/** Facts in the store as the scheduled retrievers write them: the app's ownership facts, and the cluster's report. */
async function storeFacts() {
  const store = new MemoryStore();
  await store.insertFactSchema({ id: 'entityOwnershipFactRetriever', version: '0.0.1', entityFilter: [], schema: { hasGroupOwner: { type: 'boolean', description: '' } } });
  await store.insertFacts({
    id: 'entityOwnershipFactRetriever',
    facts: [PAYMENTS, EKS].map((e) => ({ entity: { kind: e.kind, namespace: 'default', name: e.metadata.name }, facts: { hasOwner: true, hasGroupOwner: true } })),
  });
  return store;
}

describe('an app that already has a check, following the guide', () => {
  it.each([
    ['app-config.yaml, then app-config.calico-windows-compat.yaml', [APP, CALICO]],
    ['the other way round', [CALICO, APP]],
  ])('keeps its check beside the Calico for Windows ones (%s)', async (_order, configs) => {
    const backend = await catalogBackend([PAYMENTS, EKS]);
    const { plugin, log } = await startBackend(configs, backend);
    // One fact checker, the jsonfc module's, set once: nothing replaced it.
    expect(plugin.factorySets).toBe(1);
    const store = await storeFacts();
    const scheduled = plugin.scheduled();
    expect(Object.keys(scheduled).sort()).toEqual([CALICO_WINDOWS_RETRIEVER_ID, 'entityOwnershipFactRetriever']);
    // The module's retriever as Tech Insights runs it: the catalog's clusters, then their files.
    await store.run(scheduled[CALICO_WINDOWS_RETRIEVER_ID]!.retriever, context(urlReader(), log, backend.services));
    expect(backend.requests).toEqual([
      { url: `/api/catalog/entities?filter=${encodeURIComponent('kind=Resource,spec.type=kubernetes-cluster')}`, authorization: 'Bearer token-for-catalog' },
    ]);
    await backend.close();

    const checker = plugin.factory!.construct(store) as FactChecker<Check, CheckResult>;
    const ids = (await checker.getChecks()).map((c) => c.id);
    expect(ids).toContain('groupOwnerCheck');
    expect(ids).toContain('calico-windows-compatible');
    expect(ids.filter((id) => id.startsWith('calico-windows-'))).toHaveLength(Object.keys(CALICO.data.techInsights.factChecker.checks).length);

    // The app's component: its own check only (the Calico for Windows checks are for clusters), passing.
    const payments = await checker.runChecks('component:default/payments');
    expect(payments.map((r) => [r.check.id, r.result])).toEqual([['groupOwnerCheck', true]]);
    // The cluster: the app's check and every Calico for Windows one, all passing on the EKS fixture.
    const eks = await checker.runChecks('resource:default/eks');
    expect(eks.find((r) => r.check.id === 'groupOwnerCheck')?.result).toBe(true);
    expect(eks.filter((r) => r.check.id.startsWith('calico-windows-')).map((r) => r.result)).toEqual(ids.filter((id) => id.startsWith('calico-windows-')).map(() => true));
    expect(log.lines.filter((l) => l.startsWith('error') || l.startsWith('warn'))).toEqual([]);
  });

  it('lets its own environment file, loaded last, override the retriever schedule, keeping the checks', async () => {
    const backend = await catalogBackend([]);
    const { plugin, config } = await startBackend([APP, CALICO, PRODUCTION], backend);
    await backend.close();
    expect(plugin.scheduled()[CALICO_WINDOWS_RETRIEVER_ID]?.cadence).toBe('0 * * * *');
    expect(config.getString('techInsights.factRetrievers.entityOwnershipFactRetriever.cadence')).toBe('*/15 * * * *');
    const ids = (await plugin.factory!.construct(await storeFacts()).getChecks()).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['groupOwnerCheck', 'calico-windows-compatible', 'calico-windows-facts-complete']));
  });
});
