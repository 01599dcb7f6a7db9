/**
 * Where the project's documents live, in one place: the repository (package.json `repository` says the
 * same; a test checks) and the rule reference derived from it.
 * @module
 */

/** The project's repository. */
export const REPOSITORY_URL = 'https://github.com/calico-windows-compat/calico-windows-compat';

/**
 * The rule reference page of a rule: `docs/rules/<id>.md` in the repository, generated from the catalog.
 *
 * @example
 * ruleDocsUrl('strict-affinity'); // 'https://github.com/calico-windows-compat/calico-windows-compat/blob/main/docs/rules/strict-affinity.md'
 */
export function ruleDocsUrl(id: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${id}.md`;
}
