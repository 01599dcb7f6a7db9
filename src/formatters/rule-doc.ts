import { hintFor } from '../catalog/hints.js';
import { DEFAULT_PROFILE } from '../catalog/default.js';
import type { Rule } from '../engine/rule.js';
import { ruleDocs } from '../catalog/docs.js';
import { escapeMarkdown, markdownText } from './markdown.js';
import { REPOSITORY_URL } from '../model/links.js';

const SCOPE: Record<Rule['scope'], string> = {
  cluster: 'the cluster',
  'windows-node': 'each Windows node',
  'ip-pool': 'each enabled IP pool',
};

/**
 * One rule in full, as Markdown: what it checks and why, when it applies and passes, the facts it
 * reads (with how to find each), the remediation and the seed section. The rule reference
 * (`docs/rules/<id>.md`), SARIF `help.markdown` and `calico-windows-compat explain` are this text.
 *
 * @example
 * formatRuleDoc(getRule('strict-affinity')!);
 */
export function formatRuleDoc(rule: Rule): string {
  // The seed's rules cite its page; later releases' rules cite the sections of the releases that hold them.
  const profile = DEFAULT_PROFILE.rules.includes(rule) ? DEFAULT_PROFILE : undefined;
  const docs = ruleDocs(rule);
  const facts = rule.facts.map((path) => {
    const shown = path.startsWith('node.')
      ? `nodes[<node>].${path.slice(5)}`
      : path.startsWith('pool.')
        ? `calico.ipPools[<pool>].${path.slice(5)}`
        : path;
    return `- \`${shown}\`: ${escapeMarkdown(hintFor(path))}`;
  });
  const sources = [
    ...rule.sections.map((section) =>
      profile === undefined
        ? `- Calico for Windows requirements of the releases whose profiles hold it ([support matrix](${REPOSITORY_URL}/blob/main/docs/support-matrix.md)) › ${escapeMarkdown(section)}`
        : `- [Calico for Windows v${profile.release} requirements](${profile.docsUrl}) › ${escapeMarkdown(section)}`,
    ),
    ...(rule.references ?? []).map((ref) => (ref.url === undefined ? `- ${escapeMarkdown(ref.title)}` : `- [${escapeMarkdown(ref.title)}](${ref.url})`)),
  ];
  return [
    `# ${rule.id}`,
    '',
    `**${escapeMarkdown(rule.title)}** · severity \`${rule.severity}\` · checked on ${SCOPE[rule.scope]}`,
    '',
    '## Why',
    '',
    escapeMarkdown(docs.description),
    '',
    '## Applies when',
    '',
    escapeMarkdown(docs.appliesWhen),
    '',
    '## Passes when',
    '',
    escapeMarkdown(docs.passesWhen),
    '',
    '## Facts it reads',
    '',
    ...(facts.length > 0 ? facts : ['None.']),
    '',
    '## Remediation',
    '',
    markdownText(rule.remediation),
    '',
    '## Source',
    '',
    ...sources,
    '',
  ].join('\n');
}
