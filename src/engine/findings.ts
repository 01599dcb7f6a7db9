/**
 * Findings: a rule's outcome for one subject, as the report holds it — with the rule's metadata, the
 * references of its sections, the facts it still needs (named as findings name them), and the
 * remediation for the release.
 * @module
 */
import type { ReleaseData, RequirementSection } from '../model/release.js';
import type { Evidence, Finding, Reference, Subject } from '../model/report.js';
import { isItemPath } from './fact-paths.js';
import { textFor, type Outcome, type Rule } from './rule.js';
import type { Item } from './subjects.js';

/** What every finding of a rule shares. */
export interface FindingBase {
  readonly rule: Rule;
  readonly references: Reference[];
  /** The rule's remediation for the release. */
  readonly remediation: string;
}

/** The references every rule from these sections carries, then the rule's own. */
export function referencesFor(sections: readonly RequirementSection[], profile: ReleaseData, own: readonly Reference[] = []): Reference[] {
  return [
    ...sections.map((section) => ({
      title: `Calico for Windows v${profile.release} requirements`,
      url: profile.docsUrl,
      section,
    })),
    ...own,
  ];
}

/** What every finding of the rule shares under the release. */
export function findingBase(rule: Rule, profile: ReleaseData): FindingBase {
  return { rule, references: referencesFor(rule.sections, profile, rule.references), remediation: textFor(rule.remediation, profile) };
}

/** The finding of an outcome about a subject (`on`: the node or pool, when it is one). */
export function toFinding(base: FindingBase, subject: Subject, outcome: Outcome, evidence: Evidence[], on: Item | undefined): Finding {
  const { rule } = base;
  const finding: Finding = {
    ruleId: rule.id,
    status: outcome.status,
    severity: rule.severity,
    subject,
    title: rule.title,
    message: outcome.message,
    evidence,
    references: base.references,
  };
  if (outcome.status === 'unknown') {
    // How to find each missing fact is help text: `hintFor` in calico-windows-compat/format, which every
    // formatter shows; the core stays small.
    finding.missingFacts = outcome.missing.map((path) => renderPath(path, on));
  } else if (outcome.status === 'fail') {
    finding.remediation = outcome.remediation ?? base.remediation;
  }
  return finding;
}

/** A rule path as findings name it: `node.osBuild` → `nodes[win-1].osBuild`. */
function renderPath(path: string, on: Item | undefined): string {
  // Stryker disable next-line ConditionalExpression: a finding about the cluster never misses a node or pool fact
  return on !== undefined && isItemPath(path) ? on.prefix + path.slice(5) : path;
}
