/**
 * How a rule is written. A rule is a pure function over facts: it declares the facts it needs, the
 * engine answers `unknown` (naming them) when one is absent, and the rule decides only from facts it has —
 * so adding a fact never changes a decided finding.
 * @module
 */
import type { ClusterFacts, IpPool, WindowsNodeFacts } from '../model/facts.js';
import type { Reference, Severity } from '../model/report.js';
import type { Version } from '../model/version.js';
import type { ReleaseData, RequirementSection, SeedSection } from '../model/release.js';
import { isKnownPlatform, type KnownPlatform } from '../catalog/tables/platforms.js';

// ---------------------------------------------------------------------------------------------------
// Fact paths and narrowing

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every dotted path into an object type, arrays counted as leaves. */
export type FactPathsOf<T> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends readonly unknown[]
    ? K
    : NonNullable<T[K]> extends object
      ? K | `${K}.${FactPathsOf<NonNullable<T[K]>>}`
      : K;
}[keyof T & string];

type RequirePath<T, P extends string> = P extends `${infer K}.${infer Rest}`
  ? K extends keyof T
    ? { [Q in K]-?: RequirePath<NonNullable<T[K]>, Rest> }
    : never
  : P extends keyof T
    ? { [Q in P]-?: NonNullable<T[P]> }
    : never;

/** `T` with the facts at paths `P` known to be present. */
export type Narrow<T, P extends string> = [P] extends [never] ? T : T & UnionToIntersection<RequirePath<T, P>>;

/** A path to a cluster fact: `networking`, `calico.ipPools`, `eks.instanceRole.canGetNamespaces`. */
export type ClusterFactPath = FactPathsOf<ClusterFacts>;
/** A path to a fact of the Windows node a node rule is looking at: `node.osBuild`. */
export type NodeFactPath = `node.${Exclude<keyof WindowsNodeFacts, 'os' | 'name'>}`;
/** A path to a fact of the IP pool a pool rule is looking at: `pool.encapsulation`. */
export type PoolFactPath = `pool.${keyof IpPool}`;
/** Any fact path a rule can declare. */
export type RuleFactPath = ClusterFactPath | NodeFactPath | PoolFactPath;

type StripPrefix<P extends string, Prefix extends string> = P extends `${Prefix}.${infer Rest}` ? Rest : never;
type ClusterPart<P extends string> = Exclude<P, `node.${string}` | `pool.${string}`>;

/** Reads the value at a dotted path; undefined when any step is absent. */
export function readPath(root: unknown, path: readonly string[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

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

/** Whether a rule applies: yes, no (with why), or not known until the facts at `missing` are known. */
export type Applicability =
  | true
  | { readonly notApplicable: string }
  | { readonly unknown: readonly ClusterFactPath[]; readonly message: string };

/** What every rule can read besides the facts: the release profile and values parsed once per run. */
export interface RuleContext {
  /** The data of the release the facts are evaluated against. */
  readonly profile: ReleaseData;
  /** `kubernetes.version`, parsed once. */
  readonly kubernetesVersion: Version | undefined;
}

// ---------------------------------------------------------------------------------------------------
// Rules

/** What every rule states about itself: the catalog entry users read. */
export interface RuleMeta {
  /** Stable, kebab-case: names the file, the test, the docs anchor and the SARIF ruleId. */
  readonly id: string;
  /** The rule in a few words. */
  readonly title: string;
  /** What a `fail` means. */
  readonly severity: Severity;
  /** The seed sections it comes from. */
  readonly sections: readonly RequirementSection[];
  /** Every fact it reads (node facts as `node.*`, pool facts as `pool.*`). */
  readonly facts: readonly RuleFactPath[];
  /** What to do when it fails, with the seed's commands where it gives them. */
  readonly remediation: string;
  /**
   * Sources beyond the requirements page's sections: the code that enforces the requirement, or the
   * upstream issue of an advisory.
   */
  readonly references?: readonly Reference[];
}

/**
 * What the rule reference says about a rule beyond its runtime metadata. Each rule file exports it as
 * `docs`, beside the rule: the main entry does not carry this prose (it would cost the browser bundle
 * about 3 KB gzip); `calico-windows-compat/format` does.
 */
export interface RuleDocs {
  /** Why the requirement exists. */
  readonly description: string;
  /** When it applies, in words. */
  readonly appliesWhen: string;
  /** When it passes, in words. */
  readonly passesWhen: string;
}

/** A rule with its documentation. */
export type DocumentedRule = Rule & RuleDocs;

/** A rule about the whole cluster. */
export interface ClusterRule extends RuleMeta {
  readonly scope: 'cluster';
  /** Decides the rule for the cluster. */
  readonly evaluate: (facts: ClusterFacts, ctx: RuleContext) => Outcome;
}

/** A rule checked on each Windows node. */
export interface NodeRule extends RuleMeta {
  readonly scope: 'windows-node';
  /** Whether it applies to the cluster at all; checked once, not per node. */
  readonly applies: (facts: ClusterFacts, ctx: RuleContext) => Applicability;
  /** Decides the rule for one Windows node, once it applies. */
  readonly evaluate: (facts: ClusterFacts, node: WindowsNodeFacts, ctx: RuleContext) => Outcome;
  /** The required facts absent for this node (rule paths), if any: named too while applicability is open. */
  readonly missing: (facts: ClusterFacts, node: WindowsNodeFacts) => readonly RuleFactPath[] | undefined;
}

/** A rule checked on each enabled IP pool. */
export interface PoolRule extends RuleMeta {
  readonly scope: 'ip-pool';
  /** Whether it applies to the cluster at all; checked once, not per pool. */
  readonly applies: (facts: ClusterFacts, ctx: RuleContext) => Applicability;
  /** Decides the rule for one enabled IP pool, once it applies. */
  readonly evaluate: (facts: ClusterFacts, pool: IpPool, ctx: RuleContext) => Outcome;
  /** The required facts absent, if any: named too while applicability is open. */
  readonly missing: (facts: ClusterFacts) => readonly RuleFactPath[] | undefined;
}

/** A rule of the catalog. */
export type Rule = ClusterRule | NodeRule | PoolRule;

/** A release's data and the rules in effect for it, in catalog order. */
export interface ReleaseProfile extends ReleaseData {
  /** The rules in effect for this release, in catalog order. */
  readonly rules: readonly Rule[];
}

export type { RequirementSection, SeedSection };

type MetaInput = Omit<RuleMeta, 'facts'>;

const always = (): Applicability => true;

// Hot path (once per rule and node): allocates only when a fact is missing.
function collectMissing(
  root: unknown,
  paths: readonly (readonly string[])[],
  names: readonly string[],
  into: string[] | undefined,
): string[] | undefined {
  let missing = into;
  for (let i = 0; i < paths.length; i++) {
    // `paths[i]` is `names[i]` split at the dots: both are present for every i below paths.length.
    if (readPath(root, paths[i] as readonly string[]) === undefined) (missing ??= []).push(names[i] as string);
  }
  return missing;
}

function describeMissing(paths: readonly string[]): string {
  return `Cannot decide: ${paths.join(', ')} ${paths.length === 1 ? 'is' : 'are'} not known.`;
}

function uniqueFacts(...lists: ReadonlyArray<readonly RuleFactPath[]>): RuleFactPath[] {
  return [...new Set(lists.flat())];
}

/**
 * Defines a cluster rule. The facts in `requires` are checked by the engine — absent ones make the
 * finding `unknown` — and arrive in `check` typed as present.
 */
export function defineClusterRule<const R extends ClusterFactPath = never>(
  rule: MetaInput & {
    /** Whether the rule applies; absent = always. */
    readonly applies?: (facts: ClusterFacts, ctx: RuleContext) => Applicability;
    /** Facts needed to decide; absent ones make the finding `unknown`. */
    readonly requires?: readonly R[];
    /** Facts `check` may read beyond `requires` (documented, shown as evidence). */
    readonly reads?: readonly ClusterFactPath[];
    /** Facts `applies` reads. */
    readonly appliesReads?: readonly ClusterFactPath[];
    readonly check: (facts: Narrow<ClusterFacts, R>, ctx: RuleContext) => Outcome;
  },
): ClusterRule {
  const { applies = always, requires = [], reads = [], appliesReads = [], check, ...meta } = rule;
  const split = requires.map((p) => p.split('.'));
  return {
    ...meta,
    scope: 'cluster',
    facts: uniqueFacts(appliesReads, requires, reads),
    evaluate(facts, ctx) {
      const applicability = applies(facts, ctx);
      if (applicability !== true && 'notApplicable' in applicability) return notApplicable(applicability.notApplicable);
      const missing = collectMissing(facts, split, requires, undefined);
      if (applicability !== true) {
        const all = [...new Set([...applicability.unknown, ...(missing ?? [])])] as ClusterFactPath[];
        return unknown(applicability.message, all);
      }
      if (missing) return unknown(describeMissing(missing), missing as ClusterFactPath[]);
      return check(facts as Narrow<ClusterFacts, R>, ctx);
    },
  };
}

/**
 * Defines a rule checked on each Windows node. `requires` may name cluster facts (`calico.datastore`)
 * and node facts (`node.osBuild`); both arrive in `check` typed as present.
 */
export function defineNodeRule<const R extends ClusterFactPath | NodeFactPath = never>(
  rule: MetaInput & {
    readonly applies?: (facts: ClusterFacts, ctx: RuleContext) => Applicability;
    readonly requires?: readonly R[];
    readonly reads?: readonly (ClusterFactPath | NodeFactPath)[];
    readonly appliesReads?: readonly ClusterFactPath[];
    readonly check: (
      facts: Narrow<ClusterFacts, ClusterPart<R>>,
      node: Narrow<WindowsNodeFacts, StripPrefix<R, 'node'>>,
      ctx: RuleContext,
    ) => Outcome;
  },
): NodeRule {
  const { applies = always, requires = [], reads = [], appliesReads = [], check, ...meta } = rule;
  const clusterPaths = requires.filter((p) => !p.startsWith('node.'));
  const nodePaths = requires.filter((p) => p.startsWith('node.'));
  const clusterSplit = clusterPaths.map((p) => p.split('.'));
  const nodeSplit = nodePaths.map((p) => p.slice('node.'.length).split('.'));
  return {
    ...meta,
    scope: 'windows-node',
    facts: uniqueFacts(appliesReads, requires, reads),
    applies,
    missing: (facts, node) =>
      collectMissing(node, nodeSplit, nodePaths, collectMissing(facts, clusterSplit, clusterPaths, undefined)) as
        | RuleFactPath[]
        | undefined,
    evaluate(facts, node, ctx) {
      const missing = collectMissing(node, nodeSplit, nodePaths, collectMissing(facts, clusterSplit, clusterPaths, undefined));
      if (missing) return unknown(describeMissing(missing), missing as RuleFactPath[]);
      return check(
        facts as Narrow<ClusterFacts, ClusterPart<R>>,
        node as Narrow<WindowsNodeFacts, StripPrefix<R, 'node'>>,
        ctx,
      );
    },
  };
}

/** Defines a rule checked on each enabled IP pool. */
export function definePoolRule<const R extends ClusterFactPath = never>(
  rule: MetaInput & {
    readonly applies?: (facts: ClusterFacts, ctx: RuleContext) => Applicability;
    readonly requires?: readonly R[];
    readonly reads?: readonly (ClusterFactPath | PoolFactPath)[];
    readonly appliesReads?: readonly ClusterFactPath[];
    readonly check: (facts: Narrow<ClusterFacts, R>, pool: IpPool, ctx: RuleContext) => Outcome;
  },
): PoolRule {
  const { applies = always, requires = [], reads = [], appliesReads = [], check, ...meta } = rule;
  const split = requires.map((p) => p.split('.'));
  return {
    ...meta,
    scope: 'ip-pool',
    facts: uniqueFacts(appliesReads, requires, reads),
    applies,
    missing: (facts) => collectMissing(facts, split, requires, undefined) as RuleFactPath[] | undefined,
    evaluate(facts, pool, ctx) {
      const missing = collectMissing(facts, split, requires, undefined);
      if (missing) return unknown(describeMissing(missing), missing as ClusterFactPath[]);
      return check(facts as Narrow<ClusterFacts, R>, pool, ctx);
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Shared applicability conditions

/** Applies when `networking` is one of `options`; unknown while `networking` is absent. */
export function whenNetworking(options: readonly string[], label: string): (facts: ClusterFacts) => Applicability {
  return (facts) => {
    if (facts.networking === undefined)
      return { unknown: ['networking'], message: `Cannot tell whether the cluster uses ${label}: networking is not known.` };
    return options.includes(facts.networking)
      ? true
      : { notApplicable: `Applies only to ${label}; networking is '${facts.networking}'.` };
  };
}

/** Applies when `platform` is `platform`; unknown while `platform` is absent. */
export function whenPlatform(platform: string, label: string): (facts: ClusterFacts) => Applicability {
  return (facts) => {
    if (facts.platform === undefined)
      return { unknown: ['platform'], message: `Cannot tell whether the cluster is ${label}: platform is not known.` };
    return facts.platform === platform
      ? true
      : { notApplicable: `Applies only to ${label}; platform is '${facts.platform}'.` };
  };
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

/**
 * A release command with one pool's values filled in.
 *
 * @example
 * poolCommand(CALICO_3_23.commands.disablePool, { pool: 'default-ipv4-ippool' });
 */
export function poolCommand(template: string, values: { readonly pool: string; readonly vxlanMode?: string; readonly encapsulation?: string }): string {
  return template
    .replaceAll('<pool>', values.pool)
    .replaceAll('<vxlanMode>', values.vxlanMode ?? '')
    .replaceAll('<encapsulation>', values.encapsulation ?? '');
}

/** Whether the profile supports the platform: one it lists networking options for. */
export function supportedPlatform(platform: string, profile: ReleaseData): platform is KnownPlatform {
  return isKnownPlatform(platform) && profile.networkingByPlatform[platform] !== undefined;
}

/**
 * A datum a rule needs from the profile. A profile that lists the rule without the datum is misuse, and
 * throws rather than deciding from nothing.
 */
export function need<T>(value: T | undefined, what: string, profile: ReleaseData): T {
  if (value === undefined) throw new Error(`[calico-windows-compat] the v${profile.release} ${profile.installMethod} profile has no ${what}`);
  return value;
}
