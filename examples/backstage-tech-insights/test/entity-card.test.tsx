// @vitest-environment happy-dom
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { mockApis, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { InsightFacts } from '@backstage-community/plugin-tech-insights-common';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { evaluateCompatibility } from 'calico-windows-compat';
import { cluster, windowsNode } from 'calico-windows-compat/testing';
import { CALICO_WINDOWS_RETRIEVER_ID, factsOf } from '@internal/plugin-tech-insights-backend-module-calico-windows';
import { calicoWindowsFactsApiFactory, calicoWindowsFactsApiRef, EntityCalicoWindowsCard, type CalicoWindowsFactsApi } from '@internal/plugin-calico-windows';
import { clusterEntity } from './support.js';

// The entity card in a Backstage test app (@backstage/test-utils): the plugin's extension, its API, and
// what Tech Insights answers for the cluster.
afterEach(cleanup);

const EKS = clusterEntity('eks');
const broken = cluster.kubernetes({ calico: { strictAffinity: false }, nodes: [...cluster.kubernetes().nodes!.slice(0, 2), windowsNode({ tls12Enabled: false })] });
/** What the retriever stored for a cluster, as the Tech Insights backend returns it. */
const stored = (facts: Record<string, unknown>): InsightFacts => ({
  [CALICO_WINDOWS_RETRIEVER_ID]: { timestamp: '2026-12-01T03:17:00.000Z', version: '1.0.0', facts: facts as InsightFacts[string]['facts'] },
});

async function renderCard(api: CalicoWindowsFactsApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[calicoWindowsFactsApiRef, api]]}>
      <EntityCalicoWindowsCard entity={EKS} />
    </TestApiProvider>,
  );
}

describe('EntityCalicoWindowsCard', () => {
  it('asks Tech Insights for the cluster\'s latest Calico for Windows fact and renders the stored report', async () => {
    const asked: Array<[CompoundEntityRef, string[]]> = [];
    await renderCard({
      getFacts: async (entity, ids) => {
        asked.push([entity, ids]);
        return stored(factsOf(evaluateCompatibility(broken)));
      },
    });
    expect(await screen.findByText('Not ready for Windows nodes')).toBeTruthy();
    expect(asked).toEqual([[{ kind: 'Resource', namespace: 'default', name: 'eks' }, [CALICO_WINDOWS_RETRIEVER_ID]]]);
    // The failures with their fix and a link to the rule's page, and when the retriever checked.
    expect(screen.getByText('strict-affinity').closest('a')?.getAttribute('href')).toMatch(/strict-affinity/);
    expect(document.body.textContent).toContain('calicoctl ipam configure --strictaffinity=true');
    expect(document.body.textContent).toContain('Checked Tue, 01 Dec 2026 03:17:00 GMT by the Tech Insights fact retriever.');
  });

  it('says so when the retriever has not written a report for the cluster yet', async () => {
    await renderCard({ getFacts: async () => ({}) });
    expect((await screen.findByRole('status')).textContent).toMatch(/^No Calico for Windows report for eks yet/);
  });

  it('validates the stored report, and names what does not validate instead of rendering it', async () => {
    await renderCard({ getFacts: async () => stored({ verdict: 'incompatible', report: { verdict: 'maybe', findings: 'none' } }) });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/not one this card can read/);
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent?.split(':')[0])).toEqual(expect.arrayContaining(['verdict', 'findings']));
  });

  it('shows the error when Tech Insights cannot be asked', async () => {
    await renderCard({ getFacts: async () => Promise.reject(new Error('Request failed with 503 Service Unavailable')) });
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be asked .*503 Service Unavailable/);
  });

  it('its API factory is the community TechInsightsClient, calling the Tech Insights backend as the signed-in user', async () => {
    const requests: Array<{ url: string; authorization: string | undefined }> = [];
    // The backend on its own origin, allowing the app's, as `backend.cors` does in app-config.
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization, content-type' };
    const server = createServer((request, response) => {
      if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end();
      requests.push({ url: request.url ?? '', authorization: request.headers.authorization });
      response.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(stored(factsOf(evaluateCompatibility(cluster.aks())))));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const api = calicoWindowsFactsApiFactory.factory({ discoveryApi: mockApis.discovery({ baseUrl }), identityApi: mockApis.identity({ token: 'user-token' }) });
      await renderCard(api);
      expect(await screen.findByText('Ready for Windows nodes')).toBeTruthy();
      expect(requests).toHaveLength(1);
      const url = new URL(requests[0]!.url, baseUrl);
      expect(url.pathname).toBe('/api/tech-insights/facts/latest');
      expect(url.searchParams.get('entity')).toBe('resource:default/eks');
      expect([...url.searchParams.entries()].filter(([k]) => k.startsWith('ids'))).toEqual([['ids[0]', CALICO_WINDOWS_RETRIEVER_ID]]);
      expect(requests[0]!.authorization).toBe('Bearer user-token');
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});
