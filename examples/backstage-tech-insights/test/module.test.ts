import { describe, expect, it } from 'vitest';
import type { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import calicoWindowsModule, { CALICO_WINDOWS_RETRIEVER_ID } from '@internal/plugin-tech-insights-backend-module-calico-windows';
import pkg from '@internal/plugin-tech-insights-backend-module-calico-windows/package.json' with { type: 'json' };
import { registrationOf } from './support.js';

describe('the backend module', () => {
  it('is a package shaped like the community Tech Insights modules: a backend-plugin-module of tech-insights', () => {
    expect(pkg.backstage).toEqual({
      role: 'backend-plugin-module',
      pluginId: 'tech-insights',
      pluginPackage: '@backstage-community/plugin-tech-insights-backend',
    });
    expect(pkg.name).toMatch(/plugin-tech-insights-backend-module-calico-windows$/);
  });

  it('its default export adds the fact retriever to tech-insights, and asks for no other extension point', async () => {
    const registration = registrationOf(calicoWindowsModule);
    expect(registration).toMatchObject({ pluginId: 'tech-insights', moduleId: 'calico-windows' });
    // The retrievers, and nothing else: it cannot replace the app's fact checker.
    expect(Object.values(registration.init.deps).map((d) => d.id)).toEqual(['tech-insights.fact-retrievers']);
    const added: Record<string, FactRetriever> = {};
    await registration.init.func({ retrievers: { addFactRetrievers: (r: Record<string, FactRetriever>) => Object.assign(added, r) } });
    expect(Object.keys(added)).toEqual([CALICO_WINDOWS_RETRIEVER_ID]);
    expect(added[CALICO_WINDOWS_RETRIEVER_ID]?.id).toBe(CALICO_WINDOWS_RETRIEVER_ID);
  });
});
