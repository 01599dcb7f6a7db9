import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCompatibility } from '../../src/api.js';
import { isKnownPlatform } from '../../src/catalog/tables/platforms.js';
import { CALICO_RELEASES } from '../../src/catalog/releases.js';
import { CALICO_3_23 } from '../../src/catalog/default.js';
import { cluster } from '../../src/testing/builders.js';
import { selectRelease } from '../../src/api.js';
import type { ClusterFacts } from '../../src/model/facts.js';
import type { Finding } from '../../src/model/report.js';
import { subjectKey } from '../../src/model/naming.js';
import { adopt } from '../../src/planner/adopt.js';
import { planNetworking } from '../../src/planner/plan.js';
import type { NetworkingPlan, OptionPlan, PlanOptions, PlanStatus } from '../../src/planner/types.js';
import { expectAgreesWithEvaluate } from '../planner/helpers.js';
import { facts, runs, timeoutFor } from './arbitraries.js';

const ORDER: Readonly<Record<PlanStatus, number>> = { viable: 0, open: 1, blocked: 2 };
const keyOf = (f: Finding): string => `${f.ruleId}|${subjectKey(f.subject)}`;
const failingErrors = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.status === 'fail' && f.severity === 'error');

const PLATFORM_OPTIONS: ReadonlyArray<readonly [string, readonly string[]]> = Object.entries(CALICO_3_23.networkingByPlatform);

/**
 * Valid facts, most of them on a known platform with networking it offers (the generic generator mostly
 * leaves one of the two unknown), and clusters that meet every requirement as built (so viable options
 * are planned too).
 */
const plannable: fc.Arbitrary<ClusterFacts> = fc.oneof(
  { weight: 1, arbitrary: facts },
  {
    weight: 3,
    arbitrary: fc.tuple(facts, fc.constantFrom(...PLATFORM_OPTIONS), fc.nat()).map(([input, [platform, options], i]) => ({
      ...input,
      platform,
      networking: options[i % options.length] ?? 'calico-vxlan',
    })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      cluster.kubernetes(),
      cluster.kubernetes({ networking: 'calico-bgp' }),
      cluster.openshift({ networking: 'cloud-provider' }),
      cluster.rke({ networking: undefined }),
      cluster.eks(),
      cluster.aks(),
    ),
  },
);

/** Releases to plan under: none (the default), one line, several (an upgrade). ('auto' resolves as evaluateCompatibility resolves it: test/planner.) */
const releases: fc.Arbitrary<PlanOptions> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  { weight: 2, arbitrary: fc.constantFrom('3.16', '3.19', '3.23', '3.27/manifest', '3.28', '3.30', '3.32').map((release) => ({ release, profiles: CALICO_RELEASES })) },
  { weight: 1, arbitrary: fc.uniqueArray(fc.constantFrom('3.16', '3.23', '3.28', '3.32'), { minLength: 1, maxLength: 3 }).map((release) => ({ release, profiles: CALICO_RELEASES })) },
);

/** The option, its release's options and the evaluation options that release resolves to. */
function* optionsOf(plan: NetworkingPlan, options: PlanOptions): Generator<{ option: OptionPlan; all: readonly OptionPlan[]; evaluate: { release?: string; profiles?: typeof CALICO_RELEASES } }> {
  const asked = options.release === undefined ? [undefined] : Array.isArray(options.release) ? options.release : [options.release];
  for (const release of plan.releases) {
    // The release string that gave this plan (the first one resolving to its profile).
    const given = asked.find((r) => r === undefined || typeof r !== 'string' || release.profile.requested === r) as string | undefined;
    const evaluate = given === undefined ? {} : { release: given, profiles: CALICO_RELEASES };
    for (const option of release.options) yield { option, all: release.options, evaluate };
  }
}

/** A plan's options are ranked as it says: ranks 1…n; viable, open, blocked; then fewer changes. */
function expectRanked(options: readonly OptionPlan[]): void {
  expect(options.map((o) => o.rank)).toEqual(options.map((_, i) => i + 1));
  for (let i = 1; i < options.length; i++) {
    const [a, b] = [options[i - 1] as OptionPlan, options[i] as OptionPlan];
    expect(ORDER[a.status] <= ORDER[b.status]).toBe(true);
    if (a.status === b.status) expect(a.changes.length <= b.changes.length).toBe(true);
  }
}

describe('planNetworking on any valid facts', () => {
  it(
    'never throws; plans exactly the options the release lists for the platform, ranked; each status rests on its blockers and unknown facts',
    { timeout: timeoutFor(300, 10) },
    () => {
      fc.assert(
        fc.property(plannable, releases, (input, options) => {
          const before = JSON.stringify(input);
          const plan = planNetworking(input, options);
          expect(JSON.stringify(input), 'the input is not changed').toBe(before);
          for (const release of plan.releases) {
            const selected = selectRelease(release.profile.requested ?? undefined, input, options.profiles).profile;
            const platform = input.platform;
            const listed = platform !== undefined && isKnownPlatform(platform) ? (selected.networkingByPlatform[platform] ?? []) : [];
            expect(release.options.map((o) => o.networking).sort()).toEqual([...listed].sort());
            expectRanked(release.options);
            expect(release.status).toBe(release.options[0]?.status ?? (platform === undefined ? 'open' : 'blocked'));
            for (const option of release.options) {
              expect(option.status === 'blocked', option.networking).toBe(option.blocking.length > 0);
              if (option.status === 'viable') expect(option.open).toEqual([]);
              expect(option.current).toBe(input.networking === option.networking);
              // One change per rule, as the option's own or as a blocker's fix; every blocker's rule among the fixes.
              const keys = option.changes.map((c) => `${c.ruleId}|${c.assumed}`);
              expect(new Set(keys).size).toBe(keys.length);
              for (const finding of option.blocking) expect(option.changes.some((c) => c.ruleId === finding.ruleId && !c.assumed)).toBe(true);
              for (const change of option.changes) expect(change.remediation, change.ruleId).not.toBe('');
            }
          }
          expect(plan.options.map((o) => o.rank)).toEqual(plan.options.map((_, i) => i + 1));
          expect(plan.status).toBe(plan.options[0]?.status ?? plan.status);
          expect(plan.best).toBe(plan.options[0]?.networking);
        }),
        runs(300),
      );
    },
  );

  it('never contradicts evaluateCompatibility for the option the facts already use', { timeout: timeoutFor(300, 10) }, () => {
    fc.assert(
      fc.property(plannable, releases, (input, options) => {
        const plan = planNetworking(input, options);
        for (const { option, evaluate } of optionsOf(plan, options)) if (option.current) expectAgreesWithEvaluate(input, option, evaluate);
      }),
      runs(300),
    );
  });

  it("derives every other option from the rules: its own changes fail with the networking switched and not once its facts are set; its blockers fail then", { timeout: timeoutFor(200, 10) }, () => {
    fc.assert(
      fc.property(plannable, (input: ClusterFacts) => {
        const plan = planNetworking(input);
        for (const { option } of optionsOf(plan, {})) {
          if (option.current) continue;
          const switched = failingErrors(evaluateCompatibility({ ...input, networking: option.networking }).findings);
          const adopted = adopt(input, option.networking);
          expect(option.assumes).toEqual(adopted.assumes);
          const after = failingErrors(evaluateCompatibility(adopted.facts).findings);
          expect(option.blocking.map(keyOf)).toEqual(after.map(keyOf));
          for (const change of option.changes.filter((c) => c.assumed)) {
            expect(switched.some((f) => f.ruleId === change.ruleId), change.ruleId).toBe(true);
            const fixed = change.subjects.map((s) => `${change.ruleId}|${subjectKey(s)}`);
            expect(after.filter((f) => fixed.includes(keyOf(f)))).toEqual([]);
          }
        }
      }),
      runs(200),
    );
  });
});
