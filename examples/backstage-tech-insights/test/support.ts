// Test doubles of the Backstage services the retriever and the checker use, typed against the real
// interfaces, and the example clusters' kubectl output as a Git host would serve it.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { AuthService, BackstageCredentials, LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { FactSchema } from '@backstage-community/plugin-tech-insights-common';
import type {
  FactRetriever,
  FactRetrieverContext,
  FactSchemaDefinition,
  FlatTechInsightFact,
  TechInsightFact,
  TechInsightsStore,
} from '@backstage-community/plugin-tech-insights-node';
import { FACTS_ANNOTATION, MANIFESTS_ANNOTATION } from '@internal/plugin-tech-insights-backend-module-calico-windows';

export const REPO = 'https://github.com/acme/platform/blob/main/clusters';
const FIXTURES = new URL('../../../test/fixtures/manifests/', import.meta.url);

/** A cluster entity whose catalog file sits beside its kubectl output in the platform repository. */
export function clusterEntity(name: string, annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `url:${REPO}/${name}/catalog-info.yaml`,
        [MANIFESTS_ANNOTATION]: './nodes.yaml, ./calico.yaml',
        [FACTS_ANNOTATION]: './extra.yaml',
        ...annotations,
      },
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:platform' },
  };
}

/** Serves `${REPO}/<cluster>/<file>` from the library's example clusters, with overrides. */
export function urlReader(overrides: Record<string, string> = {}): UrlReaderService & { read: string[] } {
  const read: string[] = [];
  return {
    read,
    async readUrl(url) {
      read.push(url);
      const file = url.startsWith(`${REPO}/`) ? new URL(url.slice(REPO.length + 1), FIXTURES) : undefined;
      const text = overrides[url] ?? (file && existsSync(file) ? readFileSync(file, 'utf8') : undefined);
      if (text === undefined) throw new Error(`NotFoundError: ${url} could not be read`);
      return { buffer: async () => Buffer.from(text) };
    },
    async readTree() {
      throw new Error('not used');
    },
    async search() {
      throw new Error('not used');
    },
  };
}

/** A logger that keeps what it is told. */
export function logger(): LoggerService & { lines: string[] } {
  const lines: string[] = [];
  const log: LoggerService & { lines: string[] } = {
    lines,
    error: (m) => void lines.push(`error: ${m}`),
    warn: (m) => void lines.push(`warn: ${m}`),
    info: (m) => void lines.push(`info: ${m}`),
    debug: () => undefined,
    child: () => log,
  };
  return log;
}

/** The context Tech Insights gives a retriever's handler: logger and urlReader, and the catalog's services when given. */
export function context(
  reader: UrlReaderService,
  log: LoggerService,
  services: Partial<Pick<FactRetrieverContext, 'discovery' | 'auth'>> = {},
): FactRetrieverContext {
  const unused = new Proxy({}, { get: () => { throw new Error('not used'); } });
  return {
    config: unused as Config,
    discovery: services.discovery ?? (unused as FactRetrieverContext['discovery']),
    auth: services.auth ?? (unused as FactRetrieverContext['auth']),
    logger: log,
    urlReader: reader,
  };
}

/**
 * The catalog backend's entity listing (`GET /api/catalog/entities?filter=…`) over HTTP, for the
 * retriever's own CatalogClient, with the discovery and auth services that lead it there.
 */
export async function catalogBackend(entities: Entity[]): Promise<{
  services: Pick<FactRetrieverContext, 'discovery' | 'auth'>;
  requests: Array<{ url: string; authorization: string | undefined }>;
  close(): Promise<void>;
}> {
  const requests: Array<{ url: string; authorization: string | undefined }> = [];
  const server = createServer((request, response) => {
    requests.push({ url: request.url ?? '', authorization: request.headers.authorization });
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/api/catalog/entities') return void response.writeHead(404).end();
    // The catalog's filter syntax: key=value pairs joined by commas, all of which must match.
    const filters = url.searchParams.getAll('filter').map((f) => f.split(',').map((pair) => pair.split('=') as [string, string]));
    const get = (entity: Entity, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], entity);
    const matching = entities.filter((e) => filters.every((all) => all.every(([k, v]) => String(get(e, k)).toLowerCase() === v.toLowerCase())));
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(matching));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const discovery = {
    getBaseUrl: async (pluginId: string) => `http://127.0.0.1:${port}/api/${pluginId}`,
    getExternalBaseUrl: async (pluginId: string) => `http://127.0.0.1:${port}/api/${pluginId}`,
  };
  const credentials = { $$type: '@backstage/BackstageCredentials', principal: { type: 'service', subject: 'plugin:tech-insights' } } as BackstageCredentials;
  const auth = {
    getOwnServiceCredentials: async () => credentials,
    getPluginRequestToken: async ({ targetPluginId }: { targetPluginId: string }) => ({ token: `token-for-${targetPluginId}` }),
  } as unknown as AuthService;
  return { services: { discovery, auth }, requests, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** Tech Insights' store, in memory: the latest facts per retriever and entity, the latest schemas. */
export class MemoryStore implements TechInsightsStore {
  private readonly facts = new Map<string, FlatTechInsightFact>();
  private readonly schemas = new Map<string, FactSchema>();

  async insertFacts({ id, facts }: { id: string; facts: TechInsightFact[] }): Promise<void> {
    for (const fact of facts) this.facts.set(`${id}|${stringifyEntityRef(fact.entity)}`, { ...fact, id });
  }
  async getLatestFactsByIds(ids: string[], entity: string): Promise<{ [factRef: string]: FlatTechInsightFact }> {
    const out: { [factRef: string]: FlatTechInsightFact } = {};
    for (const id of ids) {
      const row = this.facts.get(`${id}|${entity}`);
      if (row) out[id] = row;
    }
    return out;
  }
  async getEntities() {
    return [...this.facts.values()].map((f) => f.entity);
  }
  async getFactsBetweenTimestampsByIds(ids: string[], entity: string) {
    const latest = await this.getLatestFactsByIds(ids, entity);
    return Object.fromEntries(Object.entries(latest).map(([k, v]) => [k, [v]]));
  }
  async insertFactSchema(definition: FactSchemaDefinition): Promise<void> {
    this.schemas.set(definition.id, definition.schema);
  }
  async getLatestSchemas(ids?: string[]): Promise<FactSchema[]> {
    return [...this.schemas.entries()].filter(([id]) => ids === undefined || ids.includes(id)).map(([, schema]) => schema);
  }

  /** Runs a retriever as Tech Insights does: schema first, then the handler's facts. */
  async run(retriever: FactRetriever, ctx: FactRetrieverContext): Promise<TechInsightFact[]> {
    const { handler, ...definition } = retriever;
    await this.insertFactSchema(definition);
    const facts = await handler(ctx);
    await this.insertFacts({ id: retriever.id, facts });
    return facts;
  }
}

/**
 * What the backend does with a module: read its registration and call its init with its deps. (The
 * registration shape is the backend system's, read here as the backend reads it.)
 */
export interface Registration {
  pluginId: string;
  moduleId: string;
  init: { deps: Record<string, { id: string }>; func: (deps: Record<string, unknown>) => Promise<void> };
}
export const registrationOf = (feature: unknown): Registration =>
  (feature as { getRegistrations(): Registration[] }).getRegistrations()[0]!;
