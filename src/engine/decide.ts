/**
 * The policy, once for every scope: a rule that does not apply is `not-applicable`; while its condition
 * cannot tell, it is `unknown`, naming both the facts the condition needs and the rule's own absent
 * facts, so users can fill them in one go; while a required fact is absent, `unknown`, naming it; only
 * then does `check` decide.
 * @module
 */
import type { ClusterFacts, IpPool, WindowsNodeFacts } from '../model/facts.js';
import { readPath, type RuleFactPath } from './fact-paths.js';
import { notApplicable, unknown, type CheckContext, type ConditionResult, type Outcome, type Rule, type RuleContext } from './rule.js';

/** A rule's required facts, split once per rule rather than once per subject. */
interface Required {
  readonly cluster: ReadonlyArray<{ readonly name: string; readonly path: readonly string[] }>;
  /** Keys of node or pool facts (`osBuild` for `node.osBuild`). */
  readonly item: ReadonlyArray<{ readonly name: string; readonly path: readonly string[] }>;
}

const requiredOf = new WeakMap<Rule, Required>();

function required(rule: Rule): Required {
  let found = requiredOf.get(rule);
  if (found === undefined) {
    const split = (name: string, from: number) => ({ name, path: name.slice(from).split('.') });
    found = {
      cluster: rule.requires.filter((p) => !p.startsWith('node.')).map((p) => split(p, 0)),
      item: rule.requires.filter((p) => p.startsWith('node.')).map((p) => split(p, 'node.'.length)),
    };
    requiredOf.set(rule, found);
  }
  return found;
}

const ALWAYS: ConditionResult<unknown> = { given: {} };

/** Whether the rule applies to these facts: its condition's answer, once per evaluation. */
export function applicabilityOf(rule: Rule, facts: ClusterFacts, ctx: RuleContext): ConditionResult<unknown> {
  return rule.when === undefined ? ALWAYS : rule.when.test(facts, ctx);
}

// Hot path (once per rule and subject): allocates only when a fact is missing.
function missingOf(rule: Rule, facts: ClusterFacts, item: unknown): RuleFactPath[] | undefined {
  const { cluster, item: itemPaths } = required(rule);
  let missing: RuleFactPath[] | undefined;
  for (const { name, path } of cluster) if (readPath(facts, path) === undefined) (missing ??= []).push(name as RuleFactPath);
  for (const { name, path } of itemPaths) if (readPath(item, path) === undefined) (missing ??= []).push(name as RuleFactPath);
  return missing;
}

function describeMissing(paths: readonly string[]): string {
  return `Cannot decide: ${paths.join(', ')} ${paths.length === 1 ? 'is' : 'are'} not known.`;
}

/**
 * Decides one rule for one subject: the cluster (`item` undefined), a Windows node or an enabled IP pool.
 * `applicability` is {@link applicabilityOf}'s answer; `ctx` carries what the condition learned.
 */
export function decide(
  rule: Rule,
  facts: ClusterFacts,
  item: WindowsNodeFacts | IpPool | undefined,
  applicability: ConditionResult<unknown>,
  ctx: CheckContext<unknown>,
): Outcome {
  if ('notApplicable' in applicability) return notApplicable(applicability.notApplicable);
  const missing = missingOf(rule, facts, item);
  if ('unknown' in applicability) return unknown(applicability.message, [...new Set([...applicability.unknown, ...(missing ?? [])])]);
  if (missing) return unknown(describeMissing(missing), missing);
  switch (rule.scope) {
    case 'cluster':
      return rule.check(facts, ctx);
    case 'windows-node':
      return rule.check(facts, item as WindowsNodeFacts, ctx);
    case 'ip-pool':
      return rule.check(facts, item as IpPool, ctx);
  }
}
