/**
 * A Tech Insights fact retriever: for each Kubernetes cluster in the catalog, collects the cluster's
 * facts (kubectl output, rendered manifests, a facts file), evaluates them against the Calico for
 * Windows requirements, and stores the verdict, the counts, the failing rules and the report itself.
 */
import { CatalogClient } from '@backstage/catalog-client';
import { getEntitySourceLocation, type Entity } from '@backstage/catalog-model';
import type { FactSchema } from '@backstage-community/plugin-tech-insights-common';
import type { FactRetriever, FactRetrieverContext, TechInsightFact } from '@backstage-community/plugin-tech-insights-node';
import type { JsonValue } from '@backstage/types';
import { evaluateCompatibility, parseFacts, type ClusterFacts, type FactSource, type Report } from 'calico-windows-compat';
import { formatJson } from 'calico-windows-compat/format';
import { concatManifests, factsFromManifests, mergeFacts } from 'calico-windows-compat/manifests';
import { parseFactsText, parseManifestsText } from 'calico-windows-compat/yaml';

/** The retriever's id: checks name it in `factIds`. */
export const CALICO_WINDOWS_RETRIEVER_ID = 'calico-windows-compat';

/** A facts file (YAML or JSON) for the cluster: a URL, or a path relative to the entity's catalog file. */
export const FACTS_ANNOTATION = 'calico-windows-compat.io/facts';
/** kubectl output or rendered manifests for the cluster: URLs or relative paths, separated by commas. */
export const MANIFESTS_ANNOTATION = 'calico-windows-compat.io/manifests';

/** What the retriever stores for each cluster. */
export const calicoWindowsFactSchema: FactSchema = {
  verdict: { type: 'string', description: "compatible, incompatible or indeterminate (facts are missing to decide)" },
  compatible: { type: 'boolean', description: 'The cluster is ready for Windows nodes: no error requirement fails or is unknown' },
  errors: { type: 'integer', description: 'Failing requirements of severity error' },
  warnings: { type: 'integer', description: 'Failing requirements of severity warning' },
  unknown: { type: 'integer', description: 'Requirements that facts are missing to decide' },
  failedRules: { type: 'set', description: 'Ids of the failing rules (calico-windows-compat rules)' },
  unknownRules: { type: 'set', description: 'Ids of the rules facts are missing to decide' },
  missingFacts: { type: 'set', description: 'The facts still needed to decide the verdict' },
  report: { type: 'object', description: 'The whole report (ReportSchema of calico-windows-compat/format), for the card' },
};

/** A cluster's facts, with where each came from when known. */
export interface CollectedFacts {
  readonly facts: ClusterFacts;
  readonly sources?: Record<string, FactSource>;
}

/** Options of {@link createCalicoWindowsFactRetriever}. */
export interface CalicoWindowsRetrieverOptions {
  /**
   * The clusters to check. Default: the catalog's `Resource` entities of `spec.type: kubernetes-cluster`
   * with one of the annotations.
   */
  readonly listEntities?: (ctx: FactRetrieverContext) => Promise<Entity[]>;
  /**
   * One cluster's facts; `undefined` skips it. Default: read the files the annotations name with the
   * backend's UrlReader (GitHub, GitLab, Bitbucket, Azure… whatever integrations are configured).
   */
  readonly collect?: (entity: Entity, ctx: FactRetrieverContext) => Promise<CollectedFacts | undefined>;
}

/** The Tech Insights fact retriever for Calico for Windows compatibility. */
export function createCalicoWindowsFactRetriever(options: CalicoWindowsRetrieverOptions = {}): FactRetriever {
  const listEntities = options.listEntities ?? catalogClusters;
  const collect = options.collect ?? collectFromAnnotations;
  return {
    id: CALICO_WINDOWS_RETRIEVER_ID,
    version: '1.0.0',
    title: 'Calico for Windows compatibility',
    description: 'Whether each Kubernetes cluster meets the Calico for Windows requirements, and if not, which and why',
    entityFilter: [{ kind: 'resource', 'spec.type': 'kubernetes-cluster' }],
    schema: calicoWindowsFactSchema,
    async handler(ctx) {
      const results: TechInsightFact[] = [];
      for (const entity of await listEntities(ctx)) {
        const ref = `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${entity.metadata.name}`;
        try {
          const collected = await collect(entity, ctx);
          if (collected === undefined) continue;
          // Facts from files are untrusted input: every problem is reported with its path.
          const parsed = parseFacts(collected.facts);
          if (!parsed.success) throw parsed.error;
          const report = evaluateCompatibility(parsed.data, collected.sources ? { sources: collected.sources } : {});
          results.push({
            entity: { namespace: entity.metadata.namespace ?? 'default', kind: entity.kind, name: entity.metadata.name },
            facts: factsOf(report),
          });
        } catch (error) {
          ctx.logger.warn(`Calico for Windows facts of ${ref} not collected: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return results;
    },
  };
}

/** The facts stored for one report. */
export function factsOf(report: Report): TechInsightFact['facts'] {
  const ids = (status: string) => [...new Set(report.findings.filter((f) => f.status === status).map((f) => f.ruleId))];
  return {
    verdict: report.verdict,
    compatible: report.verdict === 'compatible',
    errors: report.counts.errors,
    warnings: report.counts.warnings,
    unknown: report.counts.unknown,
    failedRules: ids('fail'),
    unknownRules: ids('unknown'),
    missingFacts: report.missingFacts,
    // The report as JSON: what the card renders.
    report: JSON.parse(formatJson(report)) as JsonValue,
  };
}

async function catalogClusters({ discovery, auth }: FactRetrieverContext): Promise<Entity[]> {
  const { token } = await auth.getPluginRequestToken({ onBehalfOf: await auth.getOwnServiceCredentials(), targetPluginId: 'catalog' });
  const catalog = new CatalogClient({ discoveryApi: discovery });
  const { items } = await catalog.getEntities({ filter: { kind: 'Resource', 'spec.type': 'kubernetes-cluster' } }, { token });
  return items.filter((e) => e.metadata.annotations?.[FACTS_ANNOTATION] ?? e.metadata.annotations?.[MANIFESTS_ANNOTATION]);
}

/** Reads the files the entity's annotations name: manifests become facts, the facts file completes them. */
export async function collectFromAnnotations(entity: Entity, ctx: FactRetrieverContext): Promise<CollectedFacts | undefined> {
  const annotations = entity.metadata.annotations ?? {};
  const factsRef = annotations[FACTS_ANNOTATION]?.trim();
  const manifestRefs = (annotations[MANIFESTS_ANNOTATION] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!factsRef && manifestRefs.length === 0) return undefined;
  const read = async (ref: string): Promise<{ url: string; text: string }> => {
    const url = resolveRef(ref, entity);
    const response = await ctx.urlReader.readUrl(url);
    return { url, text: (await response.buffer()).toString('utf8') };
  };

  let derived: CollectedFacts = { facts: {} };
  if (manifestRefs.length > 0) {
    const files = await Promise.all(manifestRefs.map(read));
    const set = concatManifests(files.map(({ url, text }) => parseManifestsText(text, { file: url })));
    derived = factsFromManifests(set.objects, { locate: set.locate });
  }
  if (!factsRef) return derived;
  const { url, text } = await read(factsRef);
  const explicit = parseFactsText(text, { file: url });
  if (!explicit.success) throw explicit.error;
  return mergeFacts(derived.facts, explicit.data, derived.sources ? { sources: derived.sources } : {});
}

/** An absolute URL as it is; a relative path against the entity's source location (its catalog file's folder). */
function resolveRef(ref: string, entity: Entity): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return ref;
  const source = getEntitySourceLocation(entity);
  if (source.type !== 'url') throw new Error(`'${ref}' is relative, and ${entity.metadata.name} has no URL source location to resolve it against.`);
  return new URL(ref, source.target).href;
}
