/**
 * `calico-windows-compat/plan`: the planner. Which networking option — Calico BGP, Calico VXLAN, the
 * cloud provider's or the managed platform's CNI — would work for a cluster, under the release it runs
 * or the one it moves to, and what each would take: the option's own changes, each blocker's fix, the
 * facts still unknown, each Windows node's readiness.
 *
 * Pure and browser-safe, with the plan's text and Markdown renderings. Kept apart from the main entry so
 * a bundle that only evaluates stays small.
 *
 * @example
 * import { planNetworking } from 'calico-windows-compat/plan';
 *
 * const plan = planNetworking(facts);
 * for (const option of plan.releases[0]?.options ?? []) console.log(option.rank, option.networking, option.status, option.reason);
 * @packageDocumentation
 */
export { planNetworking } from './planner/plan.js';
export { formatPlanText, formatPlanMarkdown, type PlanTextOptions, type PlanMarkdownOptions } from './formatters/plan.js';
export type {
  PlanOptions,
  PlanStatus,
  NetworkingPlan,
  ReleasePlan,
  OptionPlan,
  OptionSummary,
  OptionUnderRelease,
  AssumedFact,
  PlanChange,
  OpenFact,
  NodeReadiness,
  NodeChange,
  NodeStatus,
} from './planner/types.js';
