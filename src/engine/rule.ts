/**
 * What a rule is: its catalog entry, the outcomes it can decide, the condition under which it applies,
 * and the context it reads release data from. A rule is a declarative record; the engine's one
 * `decide()` runs every rule, whatever its scope, by the same policy.
 * @module
 */
import type { ClusterFacts, IpPool, WindowsNodeFacts } from '../model/facts.js';
import type { ReleaseData, RequirementSection, SeedSection } from '../model/release.js';
import type { Reference, Severity } from '../model/report.js';
import type { Version } from '../model/version.js';
import type { ClusterFactPath, RuleFactPath } from './fact-paths.js';

export type { RequirementSection, SeedSection };

// ---------------------------------------------------------------------------------------------------
// Outcomes

/** What a rule decides for one subject. Paths in `missing` are rule paths (`node.osBuild`). */
export type Outcome =
  | { readonly status: 'pass'; readonly message: string }
  | { readonly status: 'fail'; readonly message: string; readonly remediation?: string }
  | { readonly status: 'not-applicable'; readonly message: string }
  | { readonly status: 'unknown'; readonly message: string; readonly missing: readonly RuleFactPath[] };

/** The rule passes, with a message naming the values seen. */
export const pass = (message: string): Outcome => ({ status: 'pass', message });
/** The rule fails; `remediation` replaces the rule's default remediation when given. */
export const fail = (message: string, remediation?: string): Outcome =>
  remediation === undefined ? { status: 'fail', message } : { status: 'fail', message, remediation };
/** The rule does not apply to these facts. */
export const notApplicable = (message: string): Outcome => ({ status: 'not-applicable', message });
/** The rule cannot decide without the facts at `missing`. */
export const unknown = (message: string, missing: readonly RuleFactPath[]): Outcome => ({
  status: 'unknown',
  message,
  missing,
});

// ---------------------------------------------------------------------------------------------------
// Applicability

/** Whether a rule applies: yes, no (with why), or not known until the facts at `unknown` are known. */
export type Applicability =
  | true
  | { readonly notApplicable: string }
  | { readonly unknown: readonly ClusterFactPath[]; readonly message: string };

/** A condition's answer: it applies, with what the test learned (`given`), or an {@link Applicability} that is not `true`. */
export type ConditionResult<G> = { readonly given: G } | Exclude<Applicability, true>;

/**
 * When a rule applies: the facts the test reads (part of the rule's facts, shown as evidence), and the
 * test, which hands `check` what it narrowed (`{ networking: 'calico-vxlan' }`) as `ctx.given`.
 */
export interface Condition<G = unknown> {
  /** The facts `test` reads. */
  readonly reads: readonly ClusterFactPath[];
  /** Whether the rule applies to these facts; checked once per evaluation, not per node or pool. */
  readonly test: (facts: ClusterFacts, ctx: RuleContext) => ConditionResult<G>;
}

/** What every rule can read besides the facts: the release's data and values parsed once per run. */
export interface RuleContext {
  /** The data of the release the facts are evaluated against. */
  readonly profile: ReleaseData;
  /** `kubernetes.version`, parsed once. */
  readonly kubernetesVersion: Version | undefined;
}

/** The context `check` receives: the {@link RuleContext} and what the rule's condition learned. */
export type CheckContext<G> = RuleContext & { readonly given: G };

// ---------------------------------------------------------------------------------------------------
// Rules

/** Prose that may depend on the release: a string, or a function of the release's data. */
export type RuleText = string | ((profile: ReleaseData) => string);

/** Prose for a release: `text` itself, or `text` rendered with the release's data. */
export function textFor(text: RuleText, profile: ReleaseData): string {
  return typeof text === 'string' ? text : text(profile);
}

/** What every rule states about itself: the catalog entry users read. */
export interface RuleMeta {
  /** Stable, kebab-case: names the file, the test, the docs anchor and the SARIF ruleId. */
  readonly id: string;
  /** The rule in a few words. */
  readonly title: string;
  /** What a `fail` means. */
  readonly severity: Severity;
  /** The requirement sections it comes from. */
  readonly sections: readonly RequirementSection[];
  /** Every fact it reads (node facts as `node.*`, pool facts as `pool.*`). */
  readonly facts: readonly RuleFactPath[];
  /**
   * What to do when it fails, with the release's commands where its page gives them. A function of the
   * release's data where the text names release values: render it with {@link textFor}.
   */
  readonly remediation: RuleText;
  /**
   * Sources beyond the requirements page's sections: the code that enforces the requirement, or the
   * upstream issue of an advisory.
   */
  readonly references?: readonly Reference[];
}

/**
 * What the rule reference says about a rule beyond its runtime metadata. Each rule file exports it as
 * `docs`, beside the rule: the main entry does not carry this prose (it would cost the browser bundle
 * about 3 KB gzip); `calico-windows-compat/format` does. Where the prose names release values, a field
 * is a function of the release's data.
 */
export interface RuleDocs {
  /** Why the requirement exists. */
  readonly description: RuleText;
  /** When it applies, in words. */
  readonly appliesWhen: RuleText;
  /** When it passes, in words. */
  readonly passesWhen: RuleText;
}

/** A rule with its documentation, rendered for one release. */
export type DocumentedRule = Rule & {
  readonly description: string;
  readonly appliesWhen: string;
  readonly passesWhen: string;
  /** The remediation under the release. */
  readonly remediation: string;
};

/** What every rule record holds besides its scope and check: the policy `decide()` runs. */
interface RuleRecord extends RuleMeta {
  /** When the rule applies; absent = always. */
  readonly when?: Condition;
  /** Facts needed to decide: absent ones make the finding `unknown`, naming them. */
  readonly requires: readonly RuleFactPath[];
}

/** A rule about the whole cluster. */
export interface ClusterRule extends RuleRecord {
  readonly scope: 'cluster';
  /** Decides the rule once it applies and every required fact is present. */
  readonly check: (facts: ClusterFacts, ctx: CheckContext<unknown>) => Outcome;
}

/** A rule checked on each Windows node. */
export interface NodeRule extends RuleRecord {
  readonly scope: 'windows-node';
  /** Decides the rule for one Windows node once it applies and every required fact is present. */
  readonly check: (facts: ClusterFacts, node: WindowsNodeFacts, ctx: CheckContext<unknown>) => Outcome;
}

/** A rule checked on each enabled IP pool. */
export interface PoolRule extends RuleRecord {
  readonly scope: 'ip-pool';
  /** Decides the rule for one enabled IP pool once it applies and every required fact is present. */
  readonly check: (facts: ClusterFacts, pool: IpPool, ctx: CheckContext<unknown>) => Outcome;
}

/** A rule of the catalog. */
export type Rule = ClusterRule | NodeRule | PoolRule;

/** A release's data and the rules in effect for it, in catalog order. */
export interface ReleaseProfile extends ReleaseData {
  /** The rules in effect for this release, in catalog order. */
  readonly rules: readonly Rule[];
}
