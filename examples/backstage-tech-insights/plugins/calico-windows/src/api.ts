/**
 * Where the card gets a cluster's stored facts: the Tech Insights backend's `/facts/latest`, through
 * the community `TechInsightsClient` (`@backstage-community/plugin-tech-insights-common/client`), as an
 * API of the app. An app that already registers a Tech Insights client can register that one instead.
 */
import { TechInsightsClient } from '@backstage-community/plugin-tech-insights-common/client';
import type { InsightFacts } from '@backstage-community/plugin-tech-insights-common';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiFactory, createApiRef, discoveryApiRef, identityApiRef } from '@backstage/core-plugin-api';

/** What the card needs of Tech Insights: the latest facts of retrievers for an entity. */
export interface CalicoWindowsFactsApi {
  getFacts(entity: CompoundEntityRef, factIds: string[]): Promise<InsightFacts>;
}

/** The API the card uses. */
export const calicoWindowsFactsApiRef = createApiRef<CalicoWindowsFactsApi>({ id: 'plugin.calico-windows.facts' });

/** The API, backed by the Tech Insights backend of the app (found by the discovery API, called as the signed-in user). */
export const calicoWindowsFactsApiFactory = createApiFactory({
  api: calicoWindowsFactsApiRef,
  deps: { discoveryApi: discoveryApiRef, identityApi: identityApiRef },
  factory: ({ discoveryApi, identityApi }) => new TechInsightsClient({ discoveryApi, identityApi }),
});
