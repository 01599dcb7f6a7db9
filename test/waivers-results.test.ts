// Waivers word for word: what parseWaivers says of every kind of bad input, in which order, and what
// applyWaivers says of every waiver (applied, expired, stale) and writes on the findings it waives.
import { describe, expect, it } from 'vitest';
import { applyWaivers, parseWaivers } from '../src/api.js';
import { CompatError, MAX_REPORTED_ISSUES, type InputIssue } from '../src/model/errors.js';
import type { Finding, FindingStatus, Subject } from '../src/model/report.js';
import type { Waiver } from '../src/model/waiver.js';
import { thrown } from './support/errors.js';
import { waiverMatches } from '../src/engine/waivers.js';

const finding = (ruleId: string, status: FindingStatus, subject: Subject): Finding => ({
  ruleId,
  status,
  severity: 'error',
  subject,
  title: 'title',
  message: 'message',
  evidence: [],
  references: [],
});
const node = (name: string): Subject => ({ kind: 'node', name });
const CLUSTER: Subject = { kind: 'cluster' };
const NOW = new Date('2025-06-15T12:00:00Z');

const issuesOf = (input: unknown): readonly InputIssue[] => {
  const result = parseWaivers(input);
  if (result.success) throw new Error('expected the waivers to be refused');
  expect(result.error).toBeInstanceOf(CompatError);
  expect(result.error.code).toBe('invalid-input');
  return result.error.issues;
};
const lines = (input: unknown): string[] => issuesOf(input).map((i) => `${i.path}: ${i.message}`);

describe('parseWaivers: what is not a list of waivers', () => {
  it.each([
    ['a string', 'waivers', 'expected a list of waivers (or an object with a waivers list), got "waivers"'],
    ['a number', 42, 'expected a list of waivers (or an object with a waivers list), got number 42'],
    ['null', null, 'expected a list of waivers (or an object with a waivers list), got null'],
    ['true', true, 'expected a list of waivers (or an object with a waivers list), got boolean true'],
  ])('%s is one problem at the root', (_name, input, message) => {
    const result = parseWaivers(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.message).toBe(`Invalid waivers:\n  (root): ${message}`);
    expect(result.error.issues).toEqual([{ path: '(root)', segments: [], code: 'invalid-type', message }]);
  });

  it('an object without a waivers list names the list and the stray key', () => {
    expect(lines({ waiver: [] })).toEqual([
      'waivers: is required (an array)',
      "waiver: unknown key (did you mean 'waivers'?); known keys here: waivers",
    ]);
  });
});

describe('parseWaivers: unknown rules', () => {
  it('in a list or under waivers:, with its path, its code, and a suggestion only when one is near', () => {
    expect(issuesOf([{ rule: 'windows-tsl12', reason: 'x' }])).toEqual([
      { path: '[0].rule', segments: [0, 'rule'], code: 'unknown-rule', message: "'windows-tsl12' is not a rule id (did you mean 'windows-tls12'?)" },
    ]);
    expect(issuesOf({ waivers: [{ rule: 'windows-tls12', reason: 'x' }, { rule: 'no-such-thing-at-all', reason: 'x' }] })).toEqual([
      { path: 'waivers[1].rule', segments: ['waivers', 1, 'rule'], code: 'unknown-rule', message: "'no-such-thing-at-all' is not a rule id" },
    ]);
  });

  it('an empty rule is one problem (empty), not an unknown rule too', () => {
    expect(lines([{ rule: '', reason: 'x' }])).toEqual(['[0].rule: must not be empty']);
  });

  it('entries that are no objects are wrong types, never read for a rule', () => {
    expect(lines([null, 7, { rule: 'nope', reason: 'x' }])).toEqual([
      '[0]: expected an object, got null',
      '[1]: expected an object, got number 7',
      "[2].rule: 'nope' is not a rule id",
    ]);
  });

  it('problems are listed entry by entry, those of the document itself first', () => {
    expect(lines({ waivers: [{ rule: 'nope', reason: 'x' }, { rule: 'windows-tls12' }, { rule: 'nope-2', reason: 'x' }], extra: 1 })).toEqual([
      "extra: unknown key; known keys here: waivers",
      "waivers[0].rule: 'nope' is not a rule id",
      'waivers[1].reason: is required (a string)',
      "waivers[2].rule: 'nope-2' is not a rule id",
    ]);
  });

  it('past the listed problems the rest are counted, and those listed are the first of the file', () => {
    // 150 unknown rules, then 150 waivers without a reason: the schema's problems alone fill the list.
    const input = [
      ...Array.from({ length: 150 }, (_, i) => ({ rule: `nope-${i}`, reason: 'x' })),
      ...Array.from({ length: 150 }, () => ({ rule: 'windows-tls12' })),
    ];
    const issues = issuesOf(input);
    expect(issues).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(issues.slice(0, MAX_REPORTED_ISSUES).map((i) => i.path)).toEqual(Array.from({ length: MAX_REPORTED_ISSUES }, (_, i) => `[${i}].rule`));
    expect(issues.at(-1)).toEqual({ path: '(root)', code: 'more-issues', message: 'and 200 more problems, not listed' });
    // The schema's own count of what it left out is taken into the last one.
    const reasonless = issuesOf(Array.from({ length: 150 }, () => ({ rule: 'windows-tls12' })));
    expect(reasonless.at(-1)).toEqual({ path: '(root)', code: 'more-issues', message: 'and 50 more problems, not listed' });
    expect(reasonless[0]).toMatchObject({ path: '[0].reason' });
  });
});

describe('waiverMatches', () => {
  it.each<[string, Waiver, Subject, boolean]>([
    ['no subject: every subject', { rule: 'r', reason: 'x' }, node('win-1'), true],
    ['no subject: the cluster', { rule: 'r', reason: 'x' }, CLUSTER, true],
    ['another rule', { rule: 'other', reason: 'x' }, node('win-1'), false],
    ['cluster: the cluster', { rule: 'r', subject: 'cluster', reason: 'x' }, CLUSTER, true],
    ['a node key: not the cluster', { rule: 'r', subject: 'node/win-1', reason: 'x' }, CLUSTER, false],
    ['a bare name: not the cluster', { rule: 'r', subject: 'win-1', reason: 'x' }, CLUSTER, false],
    ['a node key: its node', { rule: 'r', subject: 'node/win-1', reason: 'x' }, node('win-1'), true],
    ['a bare name: its node', { rule: 'r', subject: 'win-1', reason: 'x' }, node('win-1'), true],
    ['a bare name: its pool', { rule: 'r', subject: 'default', reason: 'x' }, { kind: 'ip-pool', name: 'default' }, true],
    ['a pool key: not a node of that name', { rule: 'r', subject: 'ip-pool/win-1', reason: 'x' }, node('win-1'), false],
    ['another node', { rule: 'r', subject: 'win-2', reason: 'x' }, node('win-1'), false],
    ["cluster: not a node named cluster", { rule: 'r', subject: 'cluster', reason: 'x' }, node('cluster'), false],
    ['node/cluster: the node named cluster', { rule: 'r', subject: 'node/cluster', reason: 'x' }, node('cluster'), true],
  ])('%s', (_name, waiver, subject, matches) => {
    expect(waiverMatches(waiver, { ruleId: 'r', subject })).toBe(matches);
  });
});

describe('applyWaivers: what each waiver did', () => {
  const findings = [
    finding('windows-tls12', 'fail', node('win-1')),
    finding('windows-tls12', 'unknown', node('win-2')),
    finding('windows-tls12', 'pass', node('win-3')),
    finding('windows-tls12', 'not-applicable', node('win-4')),
    finding('kubernetes-version', 'fail', CLUSTER),
  ];
  const results = (waivers: Waiver[], now: Date | undefined = NOW) => applyWaivers(findings, waivers, now).waivers.map((w) => [w.status, w.findings, w.message]);

  it.each<[string, Waiver, [string, number, string]]>([
    ['one finding, for a subject', { rule: 'windows-tls12', subject: 'node/win-1', reason: 'x' }, ['applied', 1, 'Waives 1 finding of windows-tls12 for node/win-1.']],
    ['the failing and unknown findings of the rule', { rule: 'windows-tls12', reason: 'x' }, ['applied', 2, 'Waives 2 findings of windows-tls12.']],
    ['until its day', { rule: 'windows-tls12', reason: 'x', expires: '2025-06-15' }, ['applied', 2, 'Waives 2 findings of windows-tls12 until 2025-06-15.']],
    ['the cluster', { rule: 'kubernetes-version', subject: 'cluster', reason: 'x' }, ['applied', 1, 'Waives 1 finding of kubernetes-version for cluster.']],
    [
      'expired, still matching',
      { rule: 'windows-tls12', subject: 'win-2', reason: 'x', expires: '2025-06-14' },
      ['expired', 1, 'Expired on 2025-06-14: it no longer waives 1 finding of windows-tls12 for win-2. Fix the requirement or renew the waiver.'],
    ],
    [
      'expired, matching two',
      { rule: 'windows-tls12', reason: 'x', expires: '2025-01-01' },
      ['expired', 2, 'Expired on 2025-01-01: it no longer waives 2 findings of windows-tls12. Fix the requirement or renew the waiver.'],
    ],
    [
      'expired, matching nothing',
      { rule: 'windows-tls12', subject: 'win-3', reason: 'x', expires: '2025-06-14' },
      ['expired', 0, 'Expired on 2025-06-14, and it matches no failing or unknown finding: remove it.'],
    ],
    [
      'stale: a subject that passes is no suggestion',
      { rule: 'windows-tls12', subject: 'win-3', reason: 'x' },
      ['stale', 0, "Matches no failing or unknown finding of windows-tls12 for win-3 (did you mean 'win-1'?): the requirement is met, does not apply or was not evaluated. Remove the waiver."],
    ],
    [
      'stale: the node key of an unknown finding',
      { rule: 'windows-tls12', subject: 'node/win-5', reason: 'x' },
      ['stale', 0, "Matches no failing or unknown finding of windows-tls12 for node/win-5 (did you mean 'node/win-1'?): the requirement is met, does not apply or was not evaluated. Remove the waiver."],
    ],
    [
      'stale: nothing near',
      { rule: 'windows-tls12', subject: 'linux-node-17', reason: 'x' },
      ['stale', 0, 'Matches no failing or unknown finding of windows-tls12 for linux-node-17: the requirement is met, does not apply or was not evaluated. Remove the waiver.'],
    ],
    [
      'stale: a rule without a failing finding',
      { rule: 'typha-ha', reason: 'x' },
      ['stale', 0, 'Matches no failing or unknown finding of typha-ha: the requirement is met, does not apply or was not evaluated. Remove the waiver.'],
    ],
    [
      'stale: the cluster is never suggested for a node',
      { rule: 'kubernetes-version', subject: 'clustr', reason: 'x' },
      ['stale', 0, 'Matches no failing or unknown finding of kubernetes-version for clustr: the requirement is met, does not apply or was not evaluated. Remove the waiver.'],
    ],
  ])('%s', (_name, waiver, result) => {
    expect(results([waiver])).toEqual([result]);
  });

  it("suggests only the failing and unknown subjects of the waiver's own rule", () => {
    const mixed = [finding('windows-tls12', 'pass', node('win-1')), finding('windows-remote-access', 'fail', node('win-2')), finding('windows-tls12', 'unknown', node('win-3'))];
    expect(applyWaivers(mixed, [{ rule: 'windows-tls12', subject: 'win-9', reason: 'x' }]).waivers[0]?.message).toMatch(/^Matches no failing or unknown finding of windows-tls12 for win-9 \(did you mean 'win-3'\?\)/);
    const failing = [finding('windows-tls12', 'fail', node('win-1'))];
    expect(applyWaivers(failing, [{ rule: 'windows-tls12', subject: 'win-9', reason: 'x' }]).waivers[0]?.message).toMatch(/did you mean 'win-1'/);
  });

  it('waives failing and unknown findings only, each with the first waiver that is not expired', () => {
    const { findings: out } = applyWaivers(
      findings,
      [
        { rule: 'windows-tls12', subject: 'win-1', reason: 'expired', expires: '2025-06-14' },
        { rule: 'windows-tls12', reason: 'all', owner: 'ops' },
        { rule: 'kubernetes-version', reason: 'dated', expires: '2025-06-30' },
        { rule: 'kubernetes-version', reason: 'later' },
      ],
      NOW,
    );
    expect(out.map((f) => f.waived)).toStrictEqual([{ reason: 'all', owner: 'ops' }, { reason: 'all', owner: 'ops' }, undefined, undefined, { reason: 'dated', expires: '2025-06-30' }]);
    expect(out.map((f) => 'waived' in f)).toEqual([true, true, false, false, true]);
    expect(out[2]).toBe(findings[2]);
  });

  it('a waiver with neither owner nor expiry gives the finding its reason alone', () => {
    const [first] = applyWaivers(findings, [{ rule: 'windows-tls12', reason: 'by hand' }]).findings;
    expect(first?.waived).toStrictEqual({ reason: 'by hand' });
  });

  it('gives each waiver its index and itself back, in the order given', () => {
    const waivers: Waiver[] = [{ rule: 'typha-ha', reason: 'a' }, { rule: 'windows-tls12', reason: 'b' }];
    expect(applyWaivers(findings, waivers).waivers.map((w) => [w.index, w.waiver])).toEqual([
      [0, waivers[0]],
      [1, waivers[1]],
    ]);
  });
});

describe('applyWaivers: invalid options', () => {
  it('a date that is no date is refused, dated waivers or not', () => {
    const error = thrown(() => applyWaivers(findings(), [{ rule: 'windows-tls12', reason: 'x' }], new Date('nope')));
    expect(error.code).toBe('invalid-options');
    expect(error.message).toBe('Invalid options:\n  now: is not a valid date');
    expect(error.issues).toEqual([{ path: 'now', segments: ['now'], code: 'invalid-value', message: 'is not a valid date' }]);
  });

  it('a dated waiver needs now, naming the first such waiver', () => {
    const error = thrown(() => applyWaivers(findings(), [{ rule: 'windows-tls12', reason: 'x' }, { rule: 'typha-ha', reason: 'x', expires: '2025-01-01' }]));
    expect(error.issues).toEqual([{ path: 'now', segments: ['now'], code: 'invalid-value', message: 'is required: waivers[1] has an expiry date' }]);
  });

  it('without dated waivers, now may be left out', () => {
    expect(applyWaivers(findings(), [{ rule: 'windows-tls12', reason: 'x' }]).waivers[0]?.status).toBe('applied');
  });

  it('waivers and now are checked together', () => {
    const error = thrown(() => applyWaivers(findings(), [{ rule: 'nope', reason: 'x', expires: '2025-01-01' }]));
    expect(error.message).toBe("Invalid options:\n  waivers[0].rule: 'nope' is not a rule id\n  now: is required: waivers[0] has an expiry date");
  });

  function findings(): Finding[] {
    return [finding('windows-tls12', 'fail', node('win-1'))];
  }
});
