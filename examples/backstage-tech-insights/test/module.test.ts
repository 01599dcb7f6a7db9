import { describe, expect, it } from 'vitest';
import type { FactCheckerFactory, FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import type { Check, CheckResult } from '@backstage-community/plugin-tech-insights-common';
import { techInsightsModuleCalicoWindows, techInsightsModuleCalicoWindowsChecks } from '../src/module.js';
import { CALICO_WINDOWS_RETRIEVER_ID } from '../src/retriever.js';
import { logger, MemoryStore } from './support.js';

// What the backend does with a module: read its registration and call its init with the extension
// points' implementations. (The registration shape is the backend system's, read here as the backend
// reads it.)
interface Registration {
  pluginId: string;
  moduleId: string;
  init: { deps: Record<string, { id: string }>; func: (deps: Record<string, unknown>) => Promise<void> };
}
const registrationOf = (feature: unknown): Registration =>
  (feature as { getRegistrations(): Registration[] }).getRegistrations()[0]!;

describe('backend modules', () => {
  it('techInsightsModuleCalicoWindows adds the fact retriever to tech-insights', async () => {
    const registration = registrationOf(techInsightsModuleCalicoWindows);
    expect(registration).toMatchObject({ pluginId: 'tech-insights', moduleId: 'calico-windows' });
    expect(registration.init.deps['retrievers']?.id).toBe('tech-insights.fact-retrievers');
    const added: Record<string, FactRetriever> = {};
    await registration.init.func({ retrievers: { addFactRetrievers: (r: Record<string, FactRetriever>) => Object.assign(added, r) } });
    expect(Object.keys(added)).toEqual([CALICO_WINDOWS_RETRIEVER_ID]);
    expect(added[CALICO_WINDOWS_RETRIEVER_ID]?.id).toBe(CALICO_WINDOWS_RETRIEVER_ID);
  });

  it('techInsightsModuleCalicoWindowsChecks sets a JSON rules engine fact checker with the checks', async () => {
    const registration = registrationOf(techInsightsModuleCalicoWindowsChecks);
    let factory: FactCheckerFactory<Check, CheckResult> | undefined;
    await registration.init.func({
      checker: { setFactCheckerFactory: (f: FactCheckerFactory<Check, CheckResult>) => (factory = f) },
      logger: logger(),
    });
    const checks = await factory!.construct(new MemoryStore()).getChecks();
    expect(checks.map((c) => c.id)).toContain('calico-windows-compatible');
  });
});
