import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/report.js';
import type { UnrankedOption } from '../../src/planner/derive.js';
import { rankOptions, summarizeOptions } from '../../src/planner/rank.js';
import type { OpenFact, OptionPlan, PlanChange, PlanStatus } from '../../src/planner/types.js';

/** An option as derive.ts makes it, with what ranking reads: status, current, changes, unknown facts, blocking rules. */
function option(
  networking: string,
  status: PlanStatus,
  { current = false, changes = 0, open = 0, blocking = [] as string[] } = {},
): UnrankedOption {
  const finding = (ruleId: string, i: number): Finding => ({
    ruleId,
    status: 'fail',
    severity: 'error',
    subject: { kind: 'node', name: `win-${i}` },
    title: ruleId,
    message: ruleId,
    evidence: [],
    references: [],
  });
  const change = (i: number): PlanChange => ({ ruleId: `rule-${i}`, title: '', assumed: false, subjects: [], facts: [], messages: [], remediation: 'fix' });
  const fact = (i: number): OpenFact => ({ fact: `fact-${i}`, hint: '', rules: [] });
  return {
    networking: networking as UnrankedOption['networking'],
    displayName: networking,
    current,
    status,
    assumes: [],
    changes: Array.from({ length: changes }, (_, i) => change(i)),
    blocking: blocking.map(finding),
    open: Array.from({ length: open }, (_, i) => fact(i)),
    warnings: [],
    nodes: [],
  };
}

const ranked = (options: UnrankedOption[]): Array<[string, number, string]> =>
  rankOptions(options, 'Amazon EKS').map((o) => [o.networking, o.rank, o.reason]);

describe('rankOptions: viable, open, blocked; then fewer changes; then the option in use; then the release\'s order', () => {
  it('orders by status first, whatever the changes, each with the reason for its place', () => {
    expect(
      ranked([
        option('c', 'blocked', { current: true, changes: 1, blocking: ['r1'] }),
        option('b', 'open', { changes: 2, open: 1 }),
        option('a', 'viable', { changes: 5 }),
      ]),
    ).toEqual([
      ['a', 1, 'viable: no requirement fails or is unknown once the option sets its facts; 5 changes; ranked first.'],
      ['b', 2, 'open: no requirement fails once the option sets its facts, but 1 fact is unknown; 2 changes; after a, which is viable.'],
      ['c', 3, 'blocked: 1 requirement fails (r1); 1 change; after b, which is open.'],
    ]);
  });

  it('then fewer changes', () => {
    expect(ranked([option('a', 'open', { changes: 3, open: 2 }), option('b', 'open', { current: true, changes: 1, open: 2 })])).toEqual([
      ['b', 1, 'open: no requirement fails, but 2 facts are unknown; 1 change; ranked first.'],
      ['a', 2, 'open: no requirement fails once the option sets its facts, but 2 facts are unknown; 3 changes; after b: 3 changes to its 1.'],
    ]);
  });

  it('then the option in use, then the order the release lists them in', () => {
    expect(ranked([option('a', 'viable'), option('b', 'viable'), option('c', 'viable', { current: true }), option('d', 'viable')])).toEqual([
      ['c', 1, 'viable as the facts are: the networking they use, with no requirement failing or unknown; ranked first.'],
      ['a', 2, 'viable: no requirement fails or is unknown once the option sets its facts; 0 changes; after c, as many changes: the networking in use comes first.'],
      ['b', 3, 'viable: no requirement fails or is unknown once the option sets its facts; 0 changes; after a, as many changes: the release lists it first.'],
      ['d', 4, 'viable: no requirement fails or is unknown once the option sets its facts; 0 changes; after b, as many changes: the release lists it first.'],
    ]);
  });

  it('names the failing requirements once each, the first five of them', () => {
    const [one, many] = rankOptions(
      [
        option('a', 'blocked', { changes: 2, blocking: ['r1', 'r1', 'r2'] }),
        option('b', 'blocked', { changes: 7, blocking: ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'] }),
      ],
      'x',
    );
    expect(one?.reason).toBe('blocked: 2 requirements fail once the option sets its facts (r1, r2); 2 changes; ranked first.');
    expect(many?.reason).toBe('blocked: 7 requirements fail once the option sets its facts (r1, r2, r3, r4, r5 and 2 more); 7 changes; after a: 7 changes to its 2.');
    expect(rankOptions([option('a', 'blocked', { changes: 5, blocking: ['r1', 'r2', 'r3', 'r4', 'r5'] })], 'x')[0]?.reason).toMatch(/ \(r1, r2, r3, r4, r5\); /);
  });

  it('a lone option is the only one on its platform', () => {
    expect(ranked([option('eks-vpc-cni', 'viable', { current: true })])).toEqual([
      ['eks-vpc-cni', 1, 'viable as the facts are: the networking they use, with no requirement failing or unknown; the only option on Amazon EKS.'],
    ]);
  });
});

describe('summarizeOptions: each option by its worst release, then the fewest changes over the releases', () => {
  const ranks = (options: UnrankedOption[]): OptionPlan[] => rankOptions(options, 'x');

  it('an option counts at its worst release, one a release does not offer as blocked there', () => {
    const summary = summarizeOptions([
      { label: 'v1', options: ranks([option('a', 'viable'), option('b', 'viable', { changes: 1 })]) },
      { label: 'v2', options: ranks([option('c', 'viable'), option('a', 'viable', { changes: 2 }), option('b', 'open', { open: 1 })]) },
    ]);
    expect(summary.map((o) => [o.networking, o.rank, o.status, o.reason])).toEqual([
      ['a', 1, 'viable', 'viable under v1, v2; ranked first.'],
      ['b', 2, 'open', 'viable under v1; open under v2; after a, which is viable.'],
      ['c', 3, 'blocked', 'not offered under v1; viable under v2; after b, which is open.'],
    ]);
    expect(summary[2]?.releases).toEqual([
      { release: 'v1', status: 'not-offered', changes: 0 },
      { release: 'v2', status: 'viable', changes: 0 },
    ]);
  });

  it('then the fewest changes over all the releases, then the option in use, then the first release\'s ranking', () => {
    const summary = summarizeOptions([
      { label: 'v1', options: ranks([option('a', 'viable', { changes: 1 }), option('b', 'viable'), option('c', 'viable'), option('d', 'viable', { current: true }), option('e', 'viable')]) },
      { label: 'v2', options: ranks([option('a', 'viable', { changes: 1 }), option('b', 'viable', { changes: 3 }), option('c', 'viable'), option('d', 'viable', { current: true }), option('e', 'viable')]) },
    ]);
    expect(summary.map((o) => [o.networking, o.reason.replace(/^viable under v1, v2; /, '')])).toEqual([
      ['d', 'ranked first.'],
      ['c', 'after d, as many changes: the networking in use comes first.'],
      ['e', 'after c, as many changes: ranked before it under the first release planned.'],
      ['a', 'after e: 2 changes to its 0.'],
      ['b', 'after a: 3 changes to its 2.'],
    ]);
  });

  it('a lone option is the only one', () => {
    expect(summarizeOptions([{ label: 'v1', options: ranks([option('a', 'open', { open: 1 })]) }])[0]?.reason).toBe('open under v1; the only option.');
    expect(summarizeOptions([{ label: 'v1', options: [] }])).toEqual([]);
  });
});
