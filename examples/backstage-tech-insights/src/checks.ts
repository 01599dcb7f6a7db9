/**
 * Tech Insights checks for the JSON rules engine fact checker
 * (`@backstage-community/plugin-tech-insights-backend-module-jsonfc`): they turn the stored facts into
 * check results for scorecards. One check for the verdict, one for complete facts, and, if wanted, one
 * per requirement, derived from the library's rule catalog.
 */
import type { TechInsightJsonRuleCheck } from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import { RULES } from 'calico-windows-compat';
import { ruleDocsUrl } from 'calico-windows-compat/format';
import { CALICO_WINDOWS_RETRIEVER_ID } from './retriever.js';

const TYPE = 'json-rules-engine';
const REQUIREMENTS_PAGE = {
  title: 'Calico for Windows requirements (v3.23)',
  url: 'https://projectcalico.docs.tigera.io/archive/v3.23/getting-started/windows-calico/kubernetes/requirements',
};

/** Ready for Windows nodes, and every fact known. */
export const calicoWindowsChecks: TechInsightJsonRuleCheck[] = [
  {
    id: 'calico-windows-compatible',
    type: TYPE,
    name: 'Ready for Windows nodes',
    description: 'The cluster meets every Calico for Windows requirement of severity error (warnings aside).',
    factIds: [CALICO_WINDOWS_RETRIEVER_ID],
    rule: { conditions: { all: [{ fact: 'compatible', operator: 'equal', value: true }] } },
    links: [REQUIREMENTS_PAGE],
    failureMetadata: { hint: 'Open the cluster’s Calico for Windows card for each failing requirement and its fix.' },
  },
  {
    id: 'calico-windows-facts-complete',
    type: TYPE,
    name: 'Calico for Windows facts complete',
    description: 'Every fact the Calico for Windows requirements need is known, so the verdict is decided.',
    factIds: [CALICO_WINDOWS_RETRIEVER_ID],
    rule: { conditions: { all: [{ fact: 'unknown', operator: 'equal', value: 0 }] } },
    links: [REQUIREMENTS_PAGE],
  },
];

/** One check per requirement of the catalog: passes unless the rule fails (an unknown rule is not a failure). */
export function calicoWindowsRuleChecks(): TechInsightJsonRuleCheck[] {
  return RULES.map((rule) => ({
    id: `calico-windows-${rule.id}`,
    type: TYPE,
    name: `Calico for Windows: ${rule.title}`,
    description: `${rule.title} (${rule.severity}; ${rule.sections.join(', ')}).`,
    factIds: [CALICO_WINDOWS_RETRIEVER_ID],
    rule: { conditions: { all: [{ fact: 'failedRules', operator: 'doesNotContain', value: rule.id }] } },
    links: [{ title: rule.id, url: ruleDocsUrl(rule.id) }],
    metadata: { ruleId: rule.id, severity: rule.severity },
    failureMetadata: { remediation: rule.remediation },
  }));
}
