import { hintFor } from '../catalog/hints.js';
import { DEFAULT_PROFILE } from '../catalog/default.js';
import { textFor, type ReleaseProfile, type Rule } from '../engine/rule.js';
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
 * reads (with how to find each), the remediation and the requirement section. The rule reference
 * (`docs/rules/<id>.md`), SARIF `help.markdown` and `calico-windows-compat explain` are this text.
 *
 * Prose that names release values is rendered for `profile` (default: the default profile, Calico
 * v3.23), and the sources cite its page when it holds the rule.
 *
 * @example
 * formatRuleDoc(getRule('strict-affinity')!);
 * formatRuleDoc(getCatalogRule('windows-os-version')!, findRelease('3.28'));
 */
export function formatRuleDoc(rule: Rule, profile: ReleaseProfile = DEFAULT_PROFILE): string {
  // A release's page is cited when its profile holds the rule; else the releases whose profiles hold it.
  const cited = profile.rules.includes(rule) ? profile : undefined;
  const docs = ruleDocs(rule, profile);
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
      cited === undefined
        ? `- Calico for Windows requirements of the releases whose profiles hold it ([support matrix](${REPOSITORY_URL}/blob/main/docs/support-matrix.md)) › ${escapeMarkdown(section)}`
        : `- [Calico for Windows v${cited.release} requirements](${cited.docsUrl}) › ${escapeMarkdown(section)}`,
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
    markdownText(textFor(rule.remediation, profile)),
    '',
    '## Source',
    '',
    ...sources,
    '',
  ].join('\n');
}
