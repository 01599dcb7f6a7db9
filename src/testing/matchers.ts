/**
 * Matchers for `expect.extend`, for Vitest and Jest alike: they use only what both runners give a
 * matcher (`this.isNot`, `this.utils.matcherHint`) and import neither. Failure messages print the
 * findings that decided the result, with their message, remediation and the facts still needed, as the
 * text report prints them.
 * @module
 */
import { plural } from '../model/words.js';
import { CompatError } from '../model/errors.js';
import { evaluateCompatibility } from '../api.js';
import { type EvaluateOptions } from '../engine/evaluate.js';
import { describeSubject, formatText } from '../formatters/text.js';
import type { ClusterFacts } from '../model/facts.js';
import { parseFacts } from '../model/parse.js';
import type { FactSource, Finding, FindingStatus, Report, Verdict } from '../model/report.js';
import { CALICO_RELEASES } from '../catalog/releases.js';
import { CATALOG, getCatalogRule } from '../catalog/later-rules.js';
import { closest, listForMessage } from '../model/words.js';

/**
 * What the matchers accept: a report, facts (validated, then evaluated), or facts with their sources as
 * `factsFromManifests` and `mergeFacts` return them (evaluated with the sources, so failure messages say
 * which object and field each fact came from).
 */
export type CompatibilityInput =
  | Report
  | ClusterFacts
  | { readonly facts: ClusterFacts; readonly sources?: Readonly<Record<string, FactSource>> };

/**
 * How received facts are evaluated: the release (a line such as `'3.28'`, a version, `'auto'`, or a
 * profile; strings resolve against every release of `calico-windows-compat/releases` unless `profiles`
 * is given), rules to evaluate or skip, waivers. For facts only: a received report is already evaluated.
 */
export interface CompatibilityOptions {
  /** The release: `'3.28'`, `'v3.28.1'`, `'3.27/manifest'`, `'auto'` or a profile. Default: Calico v3.23. */
  readonly release?: NonNullable<EvaluateOptions['release']>;
  /** The profiles a release string resolves against. Default here: every release (`CALICO_RELEASES`). */
  readonly profiles?: NonNullable<EvaluateOptions['profiles']>;
  /** Evaluate only these rules. */
  readonly rules?: NonNullable<EvaluateOptions['rules']>;
  /** Skip these rules. */
  readonly skipRules?: NonNullable<EvaluateOptions['skipRules']>;
  /** Accepted exceptions: waived findings no longer count against the verdict. */
  readonly waivers?: NonNullable<EvaluateOptions['waivers']>;
  /** Today, for waiver expiry (required when a waiver has `expires`). */
  readonly now?: NonNullable<EvaluateOptions['now']>;
}

/** Which finding of a rule a rule matcher looks at (a Windows node's or an IP pool's; absent: all of them), and how facts are evaluated. */
export interface RuleMatcherOptions extends CompatibilityOptions {
  /** The Windows node, by name, for a rule checked on each Windows node. */
  readonly node?: string;
  /** The IP pool, by name, for a rule checked on each enabled IP pool. */
  readonly pool?: string;
}

/**
 * The matchers, as a runner's `expect(value)` offers them once registered. `R` is what a matcher
 * returns in the runner's typings (`void` in Vitest, `R` in Jest's `Matchers<R>`).
 */
export interface CompatibilityMatchers<R = unknown> {
  /** The verdict is `compatible`: no `error` requirement fails or is unknown (waived findings aside). */
  toBeCompatible(options?: CompatibilityOptions): R;
  /** The verdict is this one. */
  toHaveVerdict(verdict: Verdict, options?: CompatibilityOptions): R;
  /** Every finding of the rule (or the node's, or the pool's) passes. */
  toPassRule(ruleId: string, options?: RuleMatcherOptions): R;
  /** A finding of the rule (or the node's, or the pool's) fails. */
  toFailRule(ruleId: string, options?: RuleMatcherOptions): R;
  /** No finding is unknown: every fact the rules need is known. */
  toHaveNoUnknowns(options?: CompatibilityOptions): R;
}

/** What a matcher receives as `this` from Vitest or Jest: only what both provide is used. */
export interface MatcherContext {
  /** True under `.not`. */
  readonly isNot?: boolean;
  /** `resolves` or `rejects` under those modifiers. */
  readonly promise?: string;
  /** The runner's matcher utilities; only `matcherHint` is used, when present. */
  readonly utils?: {
    /** The `expect(received).toBeCompatible()` line at the top of a failure message, coloured. */
    matcherHint?(matcherName: string, received?: string, expected?: string, options?: { isNot?: boolean; promise?: string }): string;
  };
}

/** What a matcher returns, in the shape both runners expect. */
export interface MatcherResult {
  /** Whether the assertion holds (before `.not`). */
  readonly pass: boolean;
  /** The failure message, built only when the assertion fails. */
  readonly message: () => string;
}

/** A matcher function as `expect.extend` takes it. */
export type CompatibilityMatcher<A extends unknown[]> = (this: MatcherContext, received: unknown, ...args: A) => MatcherResult;

/** The matchers for `expect.extend` (a type literal, not an interface, so it fits `expect.extend`'s record type). */
export type CompatibilityMatcherFunctions = {
  /** See {@link CompatibilityMatchers.toBeCompatible}. */
  readonly toBeCompatible: CompatibilityMatcher<[options?: CompatibilityOptions]>;
  /** See {@link CompatibilityMatchers.toHaveVerdict}. */
  readonly toHaveVerdict: CompatibilityMatcher<[verdict: Verdict, options?: CompatibilityOptions]>;
  /** See {@link CompatibilityMatchers.toPassRule}. */
  readonly toPassRule: CompatibilityMatcher<[ruleId: string, options?: RuleMatcherOptions]>;
  /** See {@link CompatibilityMatchers.toFailRule}. */
  readonly toFailRule: CompatibilityMatcher<[ruleId: string, options?: RuleMatcherOptions]>;
  /** See {@link CompatibilityMatchers.toHaveNoUnknowns}. */
  readonly toHaveNoUnknowns: CompatibilityMatcher<[options?: CompatibilityOptions]>;
};

const VERDICTS: readonly Verdict[] = ['compatible', 'incompatible', 'indeterminate'];

/**
 * The matchers, to register with `expect.extend(matchers)` in Vitest or Jest; or import
 * `calico-windows-compat/testing/vitest` or `calico-windows-compat/testing/jest` in a setup file, which
 * registers them and declares their types.
 *
 * Each accepts a {@link CompatibilityInput}. Invalid facts, an unknown rule id, or a node the report
 * has no finding for are errors, thrown whether or not the assertion is negated.
 *
 * @example
 * import { expect } from 'vitest';
 * import { matchers, cluster } from 'calico-windows-compat/testing';
 * expect.extend(matchers);
 * expect(cluster.eks()).toBeCompatible();
 * expect(cluster.eks({ eks: { vpcControllersInstalled: false } })).toFailRule('eks-vpc-controllers');
 */
export const matchers: CompatibilityMatcherFunctions = {
  toBeCompatible(received, options = {}) {
    const report = reportOf(received, 'toBeCompatible', options);
    const pass = report.verdict === 'compatible';
    return {
      pass,
      message: () => {
        const head = hint(this, 'toBeCompatible');
        if (pass) {
          const warnings = report.findings.filter((f) => f.status === 'fail');
          return join(head, `Expected the cluster not to be compatible, but it is: ${summary(report)}.`, findingsText(report, warnings));
        }
        return join(head, `Expected the cluster to be compatible, but it is ${report.verdict}: ${summary(report)}.`, blockingText(report));
      },
    };
  },

  toHaveVerdict(received, verdict, options = {}) {
    if (!VERDICTS.includes(verdict))
      throw new CompatError('invalid-options', `toHaveVerdict: '${String(verdict)}' is not a verdict (${VERDICTS.join(', ')}).`);
    const report = reportOf(received, 'toHaveVerdict', options);
    const pass = report.verdict === verdict;
    return {
      pass,
      message: () =>
        join(
          hint(this, 'toHaveVerdict', JSON.stringify(verdict)),
          pass
            ? `Expected a verdict other than ${verdict}: ${summary(report)}.`
            : `Expected the verdict ${verdict}, but it is ${report.verdict}: ${summary(report)}.`,
          blockingText(report),
        ),
    };
  },

  toPassRule(received, ruleId, options = {}) {
    const report = reportOf(received, 'toPassRule', evaluation(options));
    const { findings, what } = findingsOf(report, ruleId, options, 'toPassRule');
    const pass = findings.every((f) => f.status === 'pass');
    return {
      pass,
      message: () =>
        join(
          hint(this, 'toPassRule', ruleArgs(ruleId, options)),
          pass
            ? `Expected ${what} not to pass, but ${findings.length === 1 ? 'it passes' : 'every one passes'}:`
            : `Expected ${what} to pass, but ${statusList(findings)}:`,
          findingsText(report, pass ? findings : findings.filter((f) => f.status !== 'pass')),
        ),
    };
  },

  toFailRule(received, ruleId, options = {}) {
    const report = reportOf(received, 'toFailRule', evaluation(options));
    const { findings, what } = findingsOf(report, ruleId, options, 'toFailRule');
    const failing = findings.filter((f) => f.status === 'fail');
    const pass = failing.length > 0;
    return {
      pass,
      message: () =>
        join(
          hint(this, 'toFailRule', ruleArgs(ruleId, options)),
          pass ? `Expected ${what} not to fail, but ${statusList(failing)}:` : `Expected ${what} to fail, but ${statusList(findings)}:`,
          findingsText(report, pass ? failing : findings),
        ),
    };
  },

  toHaveNoUnknowns(received, options = {}) {
    const report = reportOf(received, 'toHaveNoUnknowns', options);
    const unknowns = report.findings.filter((f) => f.status === 'unknown');
    const pass = unknowns.length === 0;
    return {
      pass,
      message: () =>
        join(
          hint(this, 'toHaveNoUnknowns'),
          pass
            ? 'Expected unknown findings, but every finding is decided.'
            : `Expected no unknown findings, but ${unknowns.length} ${unknowns.length === 1 ? 'is' : 'are'} unknown:`,
          findingsText(report, unknowns),
        ),
    };
  },
};

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The evaluation options among a rule matcher's options. */
function evaluation({ node: _node, pool: _pool, ...options }: RuleMatcherOptions): CompatibilityOptions {
  return options;
}

/** The report a matcher judges: the received report, or the received facts evaluated. */
function reportOf(received: unknown, matcher: string, options: CompatibilityOptions): Report {
  if (isObject(received) && typeof received['verdict'] === 'string' && Array.isArray(received['findings']) && isObject(received['counts'])) {
    const given = Object.keys(options).filter((key) => options[key as keyof CompatibilityOptions] !== undefined);
    if (given.length > 0)
      throw new CompatError(
        'invalid-options',
        `${matcher}: options (${given.join(', ')}) apply to received facts, and the received value is a report, already evaluated: evaluate the facts with these options instead.`,
      );
    return received as Report;
  }
  let facts = received;
  let sources: Record<string, FactSource> | undefined;
  // ManifestFacts and MergeResult: facts cannot have a `facts` key, so this is unambiguous.
  if (isObject(received) && 'facts' in received) {
    facts = received['facts'];
    if (isObject(received['sources'])) sources = received['sources'] as Record<string, FactSource>;
  }
  const parsed = parseFacts(facts);
  if (!parsed.success)
    throw new CompatError(
      'invalid-facts',
      `${matcher}: the received value is not valid facts (nor a report, nor a factsFromManifests result):`,
      parsed.error.issues,
    );
  // A release string resolves against every release, not only the core's default profile.
  const profiles = typeof options.release === 'string' && options.profiles === undefined ? { profiles: CALICO_RELEASES } : {};
  return evaluateCompatibility(parsed.data, { ...options, ...profiles, ...(sources === undefined ? {} : { sources }) });
}

/** The findings a rule matcher judges, and how to name them in a message. */
function findingsOf(
  report: Report,
  ruleId: string,
  options: RuleMatcherOptions,
  matcher: string,
): { findings: Finding[]; what: string } {
  const rule = getCatalogRule(ruleId);
  if (rule === undefined) {
    const suggestion = closest(ruleId, CATALOG.map((r) => r.id));
    throw new CompatError('invalid-options', `${matcher}: unknown rule '${ruleId}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}.`);
  }
  if (options.node !== undefined && options.pool !== undefined)
    throw new CompatError('invalid-options', `${matcher}: give node or pool, not both.`);
  const all = report.findings.filter((f) => f.ruleId === ruleId);
  if (all.length === 0)
    throw new CompatError(
      'invalid-options',
      `${matcher}: the report has no finding of rule '${ruleId}': it is not a rule of Calico v${report.profile.release} (${report.profile.installMethod} install), or was left out with the rules or skipRules options.`,
    );
  const kind = options.node !== undefined ? 'node' : options.pool !== undefined ? 'ip-pool' : undefined;
  const name = options.node ?? options.pool;
  if (kind === undefined || name === undefined) return { findings: all, what: `rule ${ruleId}` };
  const scope = kind === 'node' ? 'windows-node' : 'ip-pool';
  if (rule.scope !== scope)
    throw new CompatError(
      'invalid-options',
      `${matcher}: rule '${ruleId}' is checked on ${rule.scope === 'cluster' ? 'the cluster' : rule.scope === 'ip-pool' ? 'each IP pool' : 'each Windows node'}, so it takes no ${kind === 'node' ? 'node' : 'pool'} option.`,
    );
  const findings = all.filter((f) => f.subject.kind === kind && f.subject.name === name);
  const label = kind === 'node' ? `Windows node '${name}'` : `IP pool '${name}'`;
  if (findings.length === 0) {
    const names = all.flatMap((f) => (f.subject.kind === kind ? [f.subject.name] : []));
    throw new CompatError(
      'invalid-options',
      `${matcher}: rule '${ruleId}' has no finding for ${label}; it has findings for ${names.length === 0 ? 'none' : listForMessage(names)}.`,
    );
  }
  return { findings, what: `rule ${ruleId} on ${label}` };
}

function hint(ctx: MatcherContext, name: string, expected = ''): string {
  const options = { isNot: ctx.isNot === true, ...(ctx.promise ? { promise: ctx.promise } : {}) };
  return ctx.utils?.matcherHint?.(name, undefined, expected, options) ?? `expect(received).${options.isNot ? 'not.' : ''}${name}(${expected})`;
}

function ruleArgs(ruleId: string, options: RuleMatcherOptions): string {
  const subject = options.node !== undefined ? { node: options.node } : options.pool !== undefined ? { pool: options.pool } : undefined;
  return subject === undefined ? JSON.stringify(ruleId) : `${JSON.stringify(ruleId)}, ${JSON.stringify(subject)}`;
}

function join(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('\n\n');
}

function summary(report: Report): string {
  const { counts, profile } = report;
  const text = [
    `${counts.errors} ${plural(counts.errors, 'error')}`,
    `${counts.warnings} ${plural(counts.warnings, 'warning')}`,
    `${counts.unknown} unknown`,
    `${counts.pass} passed`,
    `${counts.notApplicable} not applicable`,
    ...(counts.waived ? [`${counts.waived} waived`] : []),
  ].join(', ');
  // Checked against another release than the cluster's own (release auto's fallback): say which.
  const other = profile.fallback !== undefined && profile.fallback !== 'default';
  return other && profile.note !== undefined ? `${text} (${profile.note})` : text;
}

const STATUS_WORDS: Record<FindingStatus, string> = { pass: 'passes', fail: 'fails', unknown: 'is unknown', 'not-applicable': 'does not apply' };

/** `win-1 fails, win-2 is unknown`, or `it fails` for a single finding. */
function statusList(findings: readonly Finding[]): string {
  if (findings.length === 1 && findings[0] !== undefined) return `it ${STATUS_WORDS[findings[0].status]}`;
  return findings.map((f) => `${describeSubject(f.subject)} ${STATUS_WORDS[f.status]}`).join(', ');
}

/** The findings that keep a cluster from being compatible: `error` failures and unknowns, not waived. */
function blockingText(report: Report): string {
  const blocking = report.findings.filter(
    (f) => f.waived === undefined && f.severity === 'error' && (f.status === 'fail' || f.status === 'unknown'),
  );
  const text = findingsText(report, blocking);
  return report.verdict === 'indeterminate' && report.missingFacts.length > 0
    ? join(text, `Facts still needed to decide: ${report.missingFacts.join(', ')}`)
    : text;
}

/**
 * Findings as the text report prints them (grouped by status and subject, failures with their
 * remediation, unknowns with how to find each missing fact), without its heading and verdict.
 */
function findingsText(report: Report, findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const text = formatText({
    schemaVersion: report.schemaVersion,
    tool: report.tool,
    inputs: report.inputs,
    verdict: report.verdict,
    profile: report.profile,
    counts: report.counts,
    missingFacts: [],
    findings: [...findings],
  });
  const lines = text.trimEnd().split('\n');
  // The text report is: heading, then blank-line-separated sections, then the verdict section.
  const verdictAt = lines.findIndex((line) => line.startsWith('Verdict:'));
  return lines
    .slice(1, verdictAt === -1 ? undefined : verdictAt)
    .join('\n')
    .trim();
}

