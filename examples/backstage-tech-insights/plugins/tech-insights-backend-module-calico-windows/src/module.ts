/**
 * The backend module (new backend system): adds the Calico for Windows fact retriever to Tech Insights.
 * Tech Insights runs it only when app-config schedules it, under its id:
 *
 *   techInsights:
 *     factRetrievers:
 *       calico-windows-compat:
 *         cadence: '17 3 * * *'
 *         lifecycle: { timeToLive: { weeks: 2 } }
 *
 * (`app-config.calico-windows-compat.yaml` has this and the checks.)
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { CALICO_WINDOWS_RETRIEVER_ID, createCalicoWindowsFactRetriever } from './retriever.js';

/** Adds the Calico for Windows fact retriever to Tech Insights. */
export const techInsightsModuleCalicoWindows = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'calico-windows',
  register(reg) {
    reg.registerInit({
      deps: { retrievers: techInsightsFactRetrieversExtensionPoint },
      async init({ retrievers }) {
        retrievers.addFactRetrievers({ [CALICO_WINDOWS_RETRIEVER_ID]: createCalicoWindowsFactRetriever() });
      },
    });
  },
});
