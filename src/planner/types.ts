/**
 * What the planner answers: for each release planned, each networking option the platform supports,
 * what it would take and whether it would work. Field names are public API; extend them additively.
 * @module
 */
import type { KnownNetworking } from '../model/facts.js';
import type { FactSource, Finding, ReportProfile, Severity, Subject } from '../model/report.js';
import type { ReleaseProfile } from '../engine/rule.js';

/**
 * Whether an option would work:
 * - `viable`: no `error` requirement fails once the option's own changes are made, and none is unknown;
 * - `open`: none fails, but unknown facts keep at least one undecided;
 * - `blocked`: at least one fails even with the option's own changes.
 */
export type PlanStatus = 'viable' | 'open' | 'blocked';

/** Options of {@link planNetworking}: the `release` and `profiles` of `evaluateCompatibility`, and more than one release. */
export interface PlanOptions {
  /**
   * The release to plan under, as `evaluateCompatibility` takes it (a line `'3.28'`, a version, `'auto'`,
   * `'3.27/operator'` or a profile), or several, to plan each option under each: `['3.23', '3.28']`
   * answers "will it still work after the upgrade". Default: the default profile (Calico v3.23).
   */
  readonly release?: string | ReleaseProfile | readonly (string | ReleaseProfile)[];
  /** The profiles release strings are resolved against: `CALICO_RELEASES` from `calico-windows-compat/releases`; default: the default profile alone. */
  readonly profiles?: readonly ReleaseProfile[];
  /** Where facts came from, by fact path, as `evaluateCompatibility` takes them: shown in the evidence of blocking findings. */
  readonly sources?: Readonly<Record<string, FactSource>>;
}

/**
 * A fact an option itself sets: `networking`, `calico.bgpEnabled` (off for Calico VXLAN, on for Calico
 * BGP), each enabled IP pool's encapsulation, each Windows node's CNI plugin — the values the catalog's
 * networking table gives the option. A requirement these make fail today is no blocker: adopting the
 * option changes them.
 */
export interface AssumedFact {
  /** The fact as findings name it: `calico.bgpEnabled`, `calico.ipPools[default-ipv4-ippool].encapsulation`, `nodes[win-1].cniPlugin`. */
  readonly fact: string;
  /** Its value in the facts; absent when the fact is unknown. */
  readonly from?: string | boolean;
  /** The value the option gives it. */
  readonly to: string | boolean;
}

/** One change an option takes, from the failing findings of one rule: what to do, on which subjects, and why. */
export interface PlanChange {
  /** The rule whose findings call for it. */
  readonly ruleId: string;
  /** The rule's title: the state the change reaches. */
  readonly title: string;
  /**
   * `true`: the option's own change: the rule fails on the facts as they are and passes once the option
   * sets its facts (`facts` names them). `false`: the rule fails even so: a blocker to fix.
   */
  readonly assumed: boolean;
  /** The subjects it is about (the cluster, Windows nodes, IP pools), in report order. */
  readonly subjects: readonly Subject[];
  /** The option's facts it follows from (assumed changes only), as in {@link OptionPlan.assumes}. */
  readonly facts: readonly string[];
  /** What the rule found, one message per subject. */
  readonly messages: readonly string[];
  /** How to make the change: the findings' remediations, each once. */
  readonly remediation: string;
}

/** A fact whose absence keeps an option undecided, with how to find it. */
export interface OpenFact {
  /** The fact as findings name it: `nodes[win-1].remoteAccessServiceInstalled`. */
  readonly fact: string;
  /** How to find it (`hintFor`). */
  readonly hint: string;
  /** The `error` rules it keeps unknown. */
  readonly rules: readonly string[];
}

/** One change a Windows node takes under an option: a node rule's outcome and remediation. */
export interface NodeChange {
  readonly ruleId: string;
  readonly title: string;
  /** `error` changes decide the node's readiness; `warning` ones are advice. */
  readonly severity: Severity;
  /** The option's own change (the node's CNI plugin), not a blocker. */
  readonly assumed: boolean;
  /** What the rule found on the node. */
  readonly message: string;
  /** What to do. */
  readonly remediation: string;
}

/**
 * Whether a Windows node passes the node rules under an option: `ready` (once the option's own changes
 * are made), `not-ready` (an `error` rule fails), `unknown` (none fails, facts are missing).
 */
export type NodeStatus = 'ready' | 'not-ready' | 'unknown';

/** A Windows node under an option: the minimum change to pass the node rules, and what is still unknown. */
export interface NodeReadiness {
  /** The node's name. */
  readonly name: string;
  readonly status: NodeStatus;
  /** Each failing node rule's change, in catalog order: the option's own first, then errors, then warnings. */
  readonly changes: readonly NodeChange[];
  /** The node's facts still unknown to decide its `error` rules. */
  readonly missing: readonly OpenFact[];
}

/** One networking option under one release: whether it would work, and what it would take. */
export interface OptionPlan {
  /** The option. */
  readonly networking: KnownNetworking;
  /** Its name: `Calico CNI with VXLAN`. */
  readonly displayName: string;
  /** The option the facts already use: planned as the facts are, exactly as `evaluateCompatibility` judges them. */
  readonly current: boolean;
  readonly status: PlanStatus;
  /** Its place among the release's options, from 1. */
  readonly rank: number;
  /** Why it has its place: its status, its number of changes, and how it compares to the one before it. */
  readonly reason: string;
  /** The facts the option itself sets, where the facts differ or are unknown; empty for the current option. */
  readonly assumes: readonly AssumedFact[];
  /** What adopting it takes, rule by rule: its own changes first, then each blocker's fix, in catalog order. */
  readonly changes: readonly PlanChange[];
  /** The `error` findings that fail even with the option's own changes, each with its remediation. */
  readonly blocking: readonly Finding[];
  /** The facts whose absence keeps it undecided. */
  readonly open: readonly OpenFact[];
  /** Failing `warning` findings: no blocker, but worth reading. */
  readonly warnings: readonly Finding[];
  /** Each Windows node under the option, by name. */
  readonly nodes: readonly NodeReadiness[];
}

/** The plan under one release. */
export interface ReleasePlan {
  /** The release profile, as reports name it. */
  readonly profile: ReportProfile;
  /** The status of its best option; without options, `blocked` (the platform is not supported) or `open` (it is not known). */
  readonly status: PlanStatus;
  /** What the release offers the platform: its options, its one option, or none (the platform is not known, or not supported). */
  readonly note: string;
  /** The platform's options under the release, best first. */
  readonly options: readonly OptionPlan[];
  /** Without options: the platform rule's failing finding (the platform is not supported). */
  readonly blocking: readonly Finding[];
  /** Without options: the facts that would name them (`platform`). */
  readonly open: readonly OpenFact[];
}

/** An option's status under one release of the plan. */
export interface OptionUnderRelease {
  /** The release line, with its patches and install method: `3.23 (manifest)`. */
  readonly release: string;
  /** Its status, or `not-offered` where the release does not list it for the platform. */
  readonly status: PlanStatus | 'not-offered';
  /** The number of its changes under the release. */
  readonly changes: number;
}

/** One networking option across every release planned. */
export interface OptionSummary {
  readonly networking: KnownNetworking;
  readonly displayName: string;
  /** The option the facts already use. */
  readonly current: boolean;
  /** Its worst status over the releases; `blocked` where a release does not offer it. */
  readonly status: PlanStatus;
  /** Its place, from 1. */
  readonly rank: number;
  /** Why: its status under each release, and how it compares to the one before it. */
  readonly reason: string;
  /** Its status under each release, in the plan's order. */
  readonly releases: readonly OptionUnderRelease[];
}

/** The answer of {@link planNetworking}. */
export interface NetworkingPlan {
  /** The facts' platform, as given; absent when not known. */
  readonly platform?: string;
  /** The networking the facts use, as given; absent when not known. */
  readonly networking?: string;
  /**
   * The answer: the status of the best option over every release planned (an option counts at its worst
   * release). `viable`: at least one option works under every release.
   */
  readonly status: PlanStatus;
  /** The option ranked first, when the platform has any. */
  readonly best?: KnownNetworking;
  /** Each option across the releases, best first. */
  readonly options: readonly OptionSummary[];
  /** The plan under each release, in the order asked. */
  readonly releases: readonly ReleasePlan[];
}
