import { escapeTableCell } from './markdown.js';
import type { Rule } from '../engine/rule.js';

const SCOPE: Record<Rule['scope'], string> = {
  cluster: 'cluster',
  'windows-node': 'each Windows node',
  'ip-pool': 'each enabled IP pool',
};

/**
 * The catalog as a Markdown table (id, severity, subject, title, seed section): the README's rule list
 * is this table, generated, never written by hand.
 */
export function formatRuleTable(rules: readonly Rule[]): string {
  const rows = rules.map(
    (rule) => `| \`${rule.id}\` | ${rule.severity} | ${SCOPE[rule.scope]} | ${escapeTableCell(rule.title)} | ${rule.sections.map(escapeTableCell).join('; ')} |`,
  );
  return ['| Rule | Severity | Subject | Checks | Section |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

