/**
 * Tech Insights checks for the JSON rules engine fact checker
 * (`@backstage-community/plugin-tech-insights-backend-module-jsonfc`), generated from the library's rule
 * catalog: one for the verdict, one for complete facts, one per requirement. They are meant for
 * app-config (`techInsights.factChecker.checks`), where the jsonfc module reads them beside the app's
 * own checks: Backstage merges configuration files key by key, so adding these keeps every other check.
 */
import type { TechInsightJsonRuleCheck } from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import type { JsonObject } from '@backstage/types';
import { RULES, type Rule } from 'calico-windows-compat';
import { documented, ruleDocsUrl } from 'calico-windows-compat/format';
import { stringify } from 'yaml';
import { CALICO_WINDOWS_RETRIEVER_ID } from './retriever.js';

const TYPE = 'json-rules-engine';
const REQUIREMENTS_PAGE = {
  title: 'Calico for Windows requirements (v3.23)',
  url: 'https://projectcalico.docs.tigera.io/archive/v3.23/getting-started/windows-calico/kubernetes/requirements',
};
/** Which entities the checks are about: the catalog's Kubernetes clusters (the jsonfc checker reads it). */
const CLUSTERS = { kind: 'resource', 'spec.type': 'kubernetes-cluster' };
/**
 * Every condition names the retriever its fact comes from: the fact names (`errors`, `unknown`…) are
 * common words, and another retriever's fact of the same name for the same entity must not stand in.
 */
const FROM_RETRIEVER = { factRetrieverId: CALICO_WINDOWS_RETRIEVER_ID };

/** Ready for Windows nodes, and every fact known. */
export const calicoWindowsChecks: TechInsightJsonRuleCheck[] = [
  {
    id: 'calico-windows-compatible',
    type: TYPE,
    name: 'Ready for Windows nodes',
    description: 'The cluster meets every Calico for Windows requirement of severity error (warnings aside).',
    factIds: [CALICO_WINDOWS_RETRIEVER_ID],
    rule: { conditions: { all: [{ fact: 'compatible', operator: 'equal', value: true, params: FROM_RETRIEVER }] } },
    links: [REQUIREMENTS_PAGE],
    filter: CLUSTERS,
    failureMetadata: { hint: 'Open the cluster’s Calico for Windows card for each failing requirement and its fix.' },
  },
  {
    id: 'calico-windows-facts-complete',
    type: TYPE,
    name: 'Calico for Windows facts complete',
    description: 'Every fact the Calico for Windows requirements need is known, so the verdict is decided.',
    factIds: [CALICO_WINDOWS_RETRIEVER_ID],
    rule: { conditions: { all: [{ fact: 'unknown', operator: 'equal', value: 0, params: FROM_RETRIEVER }] } },
    links: [REQUIREMENTS_PAGE],
    filter: CLUSTERS,
  },
];

/**
 * One check per requirement: passes unless the rule fails (an unknown rule is not a failure; the
 * completeness check covers those). Default: the rules the retriever evaluates (the default catalog).
 */
export function calicoWindowsRuleChecks(rules: readonly Rule[] = RULES): TechInsightJsonRuleCheck[] {
  return rules.map((rule) => documented(rule)).map((rule) => ({
    id: `calico-windows-${rule.id}`,
    type: TYPE,
    name: `Calico for Windows: ${rule.title}`,
    description: `${rule.title} (${rule.severity}; ${rule.sections.join(', ')}).`,
    factIds: [CALICO_WINDOWS_RETRIEVER_ID],
    rule: { conditions: { all: [{ fact: 'failedRules', operator: 'doesNotContain', value: rule.id, params: FROM_RETRIEVER }] } },
    links: [{ title: rule.id, url: ruleDocsUrl(rule.id) }],
    filter: CLUSTERS,
    metadata: { ruleId: rule.id, severity: rule.severity },
    failureMetadata: { remediation: rule.remediation },
  }));
}

/** When Tech Insights runs the retriever, unless the app says otherwise. */
export const DEFAULT_RETRIEVER_SCHEDULE = { cadence: '17 3 * * *', lifecycle: { timeToLive: { weeks: 2 } } } as const;

/** Options of {@link calicoWindowsChecksConfig}. */
export interface ChecksConfigOptions {
  /** One check per requirement too (default), or only the verdict and completeness checks. */
  readonly perRequirement?: boolean;
  /** The retriever's schedule; `false` leaves it to the app's own config. Default: {@link DEFAULT_RETRIEVER_SCHEDULE}. */
  readonly schedule?: JsonObject | false;
}

/**
 * The checks as app-config: `techInsights.factChecker.checks`, keyed by check id as the jsonfc module
 * reads them, and the retriever's schedule under `techInsights.factRetrievers`.
 */
export function calicoWindowsChecksConfig(options: ChecksConfigOptions = {}): JsonObject {
  const checks = [...calicoWindowsChecks, ...(options.perRequirement === false ? [] : calicoWindowsRuleChecks())];
  const schedule = options.schedule ?? DEFAULT_RETRIEVER_SCHEDULE;
  return {
    techInsights: {
      ...(schedule === false ? {} : { factRetrievers: { [CALICO_WINDOWS_RETRIEVER_ID]: { ...schedule } } }),
      factChecker: {
        checks: Object.fromEntries(checks.map(({ id, ...check }) => [id, JSON.parse(JSON.stringify(check)) as JsonObject])),
      },
    },
  };
}

/** {@link calicoWindowsChecksConfig} as the YAML file to load beside app-config.yaml, with a header that says how. */
export function formatChecksConfig(options: ChecksConfigOptions = {}): string {
  const header = [
    'Tech Insights checks for Calico for Windows compatibility (calico-windows-compat), generated from its rule',
    'catalog: do not edit, regenerate with `npm run checks:config` in examples/backstage-tech-insights.',
    '',
    'Load this file after your own: backend `--config app-config.yaml --config app-config.calico-windows-compat.yaml`',
    '(or APP_CONFIG_… / your deployment\'s list of config files). Backstage merges config files key by key, so',
    'the checks here join the ones under your techInsights.factChecker.checks: none of yours is replaced.',
    'The JSON rules engine module reads them: backend.add(import(\'@backstage-community/plugin-tech-insights-backend-module-jsonfc\')).',
  ];
  return `${header.map((line) => `# ${line}`.trimEnd()).join('\n')}\n${stringify(calicoWindowsChecksConfig(options), { lineWidth: 0 })}`;
}
