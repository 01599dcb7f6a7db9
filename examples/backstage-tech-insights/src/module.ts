/**
 * Backend modules for the new backend system:
 *
 *   backend.add(import('@backstage-community/plugin-tech-insights-backend'));
 *   backend.add(techInsightsModuleCalicoWindows);        // the fact retriever
 *   backend.add(techInsightsModuleCalicoWindowsChecks);  // the checks, with the JSON rules engine
 *
 * Schedule the retriever in app-config.yaml:
 *
 *   techInsights:
 *     factRetrievers:
 *       calico-windows-compat:
 *         cadence: '17 3 * * *'
 *         lifecycle: { timeToLive: { weeks: 2 } }
 */
import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import {
  techInsightsFactCheckerFactoryExtensionPoint,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';
import { JsonRulesEngineFactCheckerFactory } from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import { calicoWindowsChecks, calicoWindowsRuleChecks } from './checks.js';
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

/**
 * Sets the JSON rules engine fact checker with the Calico for Windows checks (instead of the jsonfc
 * module, which reads checks from app-config: add these there if you use it).
 */
export const techInsightsModuleCalicoWindowsChecks = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'calico-windows-checks',
  register(reg) {
    reg.registerInit({
      deps: { checker: techInsightsFactCheckerFactoryExtensionPoint, logger: coreServices.logger },
      async init({ checker, logger }) {
        checker.setFactCheckerFactory(
          new JsonRulesEngineFactCheckerFactory({ checks: [...calicoWindowsChecks, ...calicoWindowsRuleChecks()], logger }),
        );
      },
    });
  },
});
