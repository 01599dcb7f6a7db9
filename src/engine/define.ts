/**
 * How a rule is written: `defineClusterRule`, `defineNodeRule`, `definePoolRule`. Each returns a plain
 * record; the facts a rule declares type what its `check` can read — the required ones as present, any
 * other fact as a compile error — and the engine answers `unknown`, naming them, while a required fact is
 * absent. So a rule decides only from facts it has, and adding a fact never changes a decided finding.
 * @module
 */
import type { ClusterFacts, IpPool, WindowsNodeFacts } from '../model/facts.js';
import type {
  ClusterFactPath,
  ClusterPart,
  Narrow,
  NodeFactPath,
  PoolFactPath,
  RuleFactPath,
  Select,
  StripPrefix,
} from './fact-paths.js';
import type { CheckContext, ClusterRule, Condition, NodeRule, Outcome, PoolRule, RuleMeta } from './rule.js';

type MetaInput = Omit<RuleMeta, 'facts'>;
type NoGiven = { readonly [K in never]: never };

/** What every define* takes besides `check`. */
interface RuleInput<R extends string, S extends string, G> extends MetaInput {
  /** When the rule applies; absent = always. Its `given` arrives in `check` as `ctx.given`. */
  readonly when?: Condition<G>;
  /** Facts needed to decide; absent ones make the finding `unknown`. They arrive in `check` typed as present. */
  readonly requires?: readonly R[];
  /** Facts `check` may read beyond `requires`, possibly absent (documented, shown as evidence). */
  readonly reads?: readonly S[];
}

/** The facts a rule reads: its condition's, then `requires`, then `reads`, each once. */
function factsOf(rule: RuleInput<string, string, unknown>): RuleFactPath[] {
  return [...new Set([...(rule.when?.reads ?? []), ...(rule.requires ?? []), ...(rule.reads ?? [])])] as RuleFactPath[];
}

function record<T>(rule: RuleInput<string, string, unknown> & { readonly check: unknown }, scope: T) {
  const { when, requires = [], reads: _reads, check, ...meta } = rule;
  return { ...meta, scope, facts: factsOf(rule), ...(when === undefined ? {} : { when }), requires, check };
}

/**
 * Defines a cluster rule. `check` sees the facts in `requires` (as present) and `reads` (as possibly
 * absent), nothing else.
 */
export function defineClusterRule<const R extends ClusterFactPath = never, const S extends ClusterFactPath = never, G = NoGiven>(
  rule: RuleInput<R, S, G> & {
    readonly check: (facts: Narrow<Select<ClusterFacts, R | S>, R>, ctx: CheckContext<G>) => Outcome;
  },
): ClusterRule {
  return record(rule as RuleInput<string, string, unknown> & { check: unknown }, 'cluster' as const) as ClusterRule;
}

/**
 * The node rules made by {@link defineNodeRule}: their `check` sees only the node facts they declare
 * (and the node's name), so the engine may decide them once for every node holding the same values.
 */
export const DECLARED_NODE_RULES: WeakSet<NodeRule> = new WeakSet();

/**
 * Defines a rule checked on each Windows node. `requires` and `reads` may name cluster facts
 * (`calico.datastore`) and node facts (`node.osBuild`); the node's `name` is always readable, for the
 * rule's text only: nodes holding the same values of the declared facts are decided once, the name filled
 * in per node afterwards, so a check must not decide by the name.
 */
export function defineNodeRule<
  const R extends ClusterFactPath | NodeFactPath = never,
  const S extends ClusterFactPath | NodeFactPath = never,
  G = NoGiven,
>(
  rule: RuleInput<R, S, G> & {
    readonly check: (
      facts: Narrow<Select<ClusterFacts, ClusterPart<R | S>>, ClusterPart<R>>,
      node: Narrow<Select<WindowsNodeFacts, 'name' | StripPrefix<R | S, 'node'>>, StripPrefix<R, 'node'>>,
      ctx: CheckContext<G>,
    ) => Outcome;
  },
): NodeRule {
  const made = record(rule as RuleInput<string, string, unknown> & { check: unknown }, 'windows-node' as const) as NodeRule;
  DECLARED_NODE_RULES.add(made);
  return made;
}

/**
 * Defines a rule checked on each enabled IP pool. `reads` may name the pool's facts (`pool.encapsulation`);
 * its `name` and `cidr`, which name it, are always readable.
 */
export function definePoolRule<const R extends ClusterFactPath = never, const S extends ClusterFactPath | PoolFactPath = never, G = NoGiven>(
  rule: RuleInput<R, S, G> & {
    readonly check: (
      facts: Narrow<Select<ClusterFacts, R | ClusterPart<S>>, R>,
      pool: Select<IpPool, 'name' | 'cidr' | StripPrefix<S, 'pool'>>,
      ctx: CheckContext<G>,
    ) => Outcome;
  },
): PoolRule {
  return record(rule as RuleInput<string, string, unknown> & { check: unknown }, 'ip-pool' as const) as PoolRule;
}

/**
 * Defines a condition: the facts its test reads, and the test, which sees only those facts.
 *
 * @example
 * const operatorManaged = condition(['calico.operatorManaged'], ({ calico }) =>
 *   calico?.operatorManaged === undefined ? { unknown: ['calico.operatorManaged'], message: '…' }
 *   : calico.operatorManaged ? { given: {} } : { notApplicable: '…' });
 */
export function condition<const R extends ClusterFactPath, G>(
  reads: readonly R[],
  test: (facts: Select<ClusterFacts, R>, ctx: Parameters<Condition<G>['test']>[1]) => ReturnType<Condition<G>['test']>,
): Condition<G> {
  return { reads, test: test as Condition<G>['test'] };
}
