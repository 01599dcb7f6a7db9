import { describe, expect, it } from 'vitest';
import { evaluateCompatibility } from '../src/api.js';
import { verdictOf } from '../src/engine/summary.js';
import { CompatError } from '../src/model/errors.js';
import type { ClusterFacts } from '../src/model/facts.js';
import { ReportSchema } from '../src/model/report.js';
import { applyWaivers, parseWaivers } from '../src/api.js';
import { subjectKey, waiverMatches } from '../src/engine/waivers.js';
import { parseWaiversText } from '../src/text/waivers.js';

// A cluster failing kubernetes-version (warning) and windows-tls12 on one node (error), with win-2 unknown.
const FACTS: ClusterFacts = {
  platform: 'kubernetes',
  infrastructure: 'vsphere',
  networking: 'calico-vxlan',
  kubernetes: { version: '1.19.16' },
  nodes: [
    { os: 'windows', name: 'win-1', tls12Enabled: false },
    { os: 'windows', name: 'win-2' },
  ],
};
const NOW = new Date('2025-06-15T12:00:00Z');
const only = (report: ReturnType<typeof evaluateCompatibility>, rule: string) => report.findings.filter((f) => f.ruleId === rule);

describe('parseWaivers', () => {
  it('accepts a list of waivers, or an object with a waivers list', () => {
    const waiver = { rule: 'windows-tls12', subject: 'node/win-1', reason: 'by hand', owner: 'ops', expires: '2025-06-30' };
    expect(parseWaivers([waiver])).toEqual({ success: true, data: [waiver] });
    expect(parseWaivers({ waivers: [waiver] })).toEqual({ success: true, data: [waiver] });
    expect(parseWaivers([])).toEqual({ success: true, data: [] });
  });

  it('lists every problem with its path: missing reason, unknown keys, unknown rule ids, bad dates, wrong types', () => {
    const result = parseWaivers([
      { rule: 'windows-tls12' },
      { rule: 'windows-tsl12', reason: 'x', owner: 3 },
      { rule: 'strict-affinity', reason: 'x', expires: '2025-02-30', reasn: 'typo' },
      'not a waiver',
    ]);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toBeInstanceOf(CompatError);
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.issues.map((i) => [i.path, i.message])).toEqual([
      ['[0].reason', 'is required (a string)'],
      ['[1].owner', 'expected a string, got number 3'],
      ['[1].rule', "'windows-tsl12' is not a rule id (did you mean 'windows-tls12'?)"],
      ['[2].expires', 'is not a date written YYYY-MM-DD (e.g. 2025-06-30), got "2025-02-30"'],
      ['[2].reasn', "unknown key (did you mean 'reason'?); known keys here: rule, subject, reason, owner, expires"],
      ['[3]', 'expected an object, got "not a waiver"'],
    ]);
  });

  it('refuses a document that is not a list of waivers, and an empty reason', () => {
    expect(parseWaivers('waivers').success).toBe(false);
    expect(parseWaivers({ waiver: [] }).success).toBe(false);
    const empty = parseWaivers([{ rule: 'windows-tls12', reason: '' }]);
    expect(!empty.success && empty.error.issues[0]?.message).toBe('must not be empty');
  });

  it('from YAML text, gives each problem its line and column; an empty file is no waivers', () => {
    const result = parseWaiversText('waivers:\n  - rule: windows-tls12\n    reasn: typo\n', { file: 'w.yaml' });
    expect(!result.success && result.error.issues.map((i) => [i.path, i.location])).toEqual([
      ['waivers[0].reason', { file: 'w.yaml', line: 2, column: 5 }],
      ['waivers[0].reasn', { file: 'w.yaml', line: 3, column: 12 }],
    ]);
    expect(parseWaiversText('# nothing waived yet\n')).toEqual({ success: true, data: [] });
    expect(parseWaiversText('- rule: [\n').success).toBe(false);
  });
});

describe('waivers in evaluateCompatibility', () => {
  it('a waived finding keeps its status, gains waived, and leaves the verdict and the counts of failures', () => {
    const plain = evaluateCompatibility(FACTS);
    expect(plain.verdict).toBe('incompatible');
    const report = evaluateCompatibility(FACTS, {
      waivers: [{ rule: 'windows-tls12', subject: 'node/win-1', reason: 'enabled by GPO', owner: 'windows-team' }],
    });
    const [win1, win2] = only(report, 'windows-tls12');
    expect(win1).toMatchObject({ status: 'fail', waived: { reason: 'enabled by GPO', owner: 'windows-team' } });
    expect(win2).toMatchObject({ status: 'unknown' });
    expect(win2).not.toHaveProperty('waived');
    expect(report.counts).toMatchObject({ fail: plain.counts.fail, errors: plain.counts.errors - 1, waived: 1 });
    expect(report.waivers).toEqual([
      expect.objectContaining({ index: 0, status: 'applied', findings: 1, message: 'Waives 1 finding of windows-tls12 for node/win-1.' }),
    ]);
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });

  it('waiving every failing and unknown error finding makes the cluster compatible; unknowns waived leave missingFacts', () => {
    const plain = evaluateCompatibility(FACTS);
    const rules = [...new Set(plain.findings.filter((f) => f.severity === 'error' && (f.status === 'fail' || f.status === 'unknown')).map((f) => f.ruleId))];
    const report = evaluateCompatibility(FACTS, { waivers: rules.map((rule) => ({ rule, reason: 'accepted' })) });
    expect(report.verdict).toBe('compatible');
    expect(report.missingFacts).toEqual([]);
    expect(verdictOf(report.findings)).toBe('compatible');
  });

  it('never waives passes or rules that do not apply', () => {
    const report = evaluateCompatibility(FACTS, { waivers: [{ rule: 'platform-supported', reason: 'x' }] });
    expect(only(report, 'platform-supported')[0]).not.toHaveProperty('waived');
    expect(report.waivers?.[0]).toMatchObject({ status: 'stale', findings: 0 });
  });

  it('a subject is cluster, node/<name>, ip-pool/<name> or a bare name', () => {
    const finding = { ruleId: 'r', subject: { kind: 'node', name: 'win-1' } } as const;
    expect(waiverMatches({ rule: 'r', reason: 'x' }, finding)).toBe(true);
    expect(waiverMatches({ rule: 'r', subject: 'node/win-1', reason: 'x' }, finding)).toBe(true);
    expect(waiverMatches({ rule: 'r', subject: 'win-1', reason: 'x' }, finding)).toBe(true);
    expect(waiverMatches({ rule: 'r', subject: 'ip-pool/win-1', reason: 'x' }, finding)).toBe(false);
    expect(waiverMatches({ rule: 'other', reason: 'x' }, finding)).toBe(false);
    expect(waiverMatches({ rule: 'r', subject: 'cluster', reason: 'x' }, { ruleId: 'r', subject: { kind: 'cluster' } })).toBe(true);
    expect(subjectKey({ kind: 'ip-pool', name: '10.0.0.0/16' })).toBe('ip-pool/10.0.0.0/16');
  });

  it('a waiver applies through its expiry day (UTC) and is reported expired after it', () => {
    const waiver = { rule: 'kubernetes-version', reason: 'until the upgrade', expires: '2025-06-15' };
    const onTheDay = evaluateCompatibility(FACTS, { waivers: [waiver], now: new Date('2025-06-15T23:59:59Z') });
    expect(only(onTheDay, 'kubernetes-version')[0]?.waived).toEqual({ reason: 'until the upgrade', expires: '2025-06-15' });
    const after = evaluateCompatibility(FACTS, { waivers: [waiver], now: new Date('2025-06-16T00:00:00Z') });
    expect(only(after, 'kubernetes-version')[0]).not.toHaveProperty('waived');
    expect(after.counts.warnings).toBe(1);
    expect(after.waivers?.[0]).toMatchObject({
      status: 'expired',
      findings: 1,
      message: 'Expired on 2025-06-15: it no longer waives 1 finding of kubernetes-version. Fix the requirement or renew the waiver.',
    });
  });

  it('reports a waiver that matches nothing as stale, suggesting the subject it may have meant', () => {
    const report = evaluateCompatibility(FACTS, { waivers: [{ rule: 'windows-tls12', subject: 'node/win-3', reason: 'x' }], now: NOW });
    expect(report.waivers?.[0]?.status).toBe('stale');
    expect(report.waivers?.[0]?.message).toMatch(/did you mean 'node\/win-(1|2)'\?/);
  });

  it('the first of several matching waivers wins; each is counted', () => {
    const report = evaluateCompatibility(FACTS, {
      waivers: [
        { rule: 'windows-tls12', subject: 'win-1', reason: 'first' },
        { rule: 'windows-tls12', reason: 'second' },
      ],
    });
    expect(only(report, 'windows-tls12').map((f) => f.waived?.reason)).toEqual(['first', 'second']);
    expect(report.waivers?.map((w) => [w.status, w.findings])).toEqual([
      ['applied', 1],
      ['applied', 2],
    ]);
  });

  it('is pure: the date is an option, required when a waiver expires; invalid waivers are invalid options', () => {
    const dated = [{ rule: 'kubernetes-version', reason: 'x', expires: '2025-06-30' }];
    expect(() => evaluateCompatibility(FACTS, { waivers: dated })).toThrow(/now: is required: waivers\[0\] has an expiry date/);
    expect(() => evaluateCompatibility(FACTS, { waivers: dated, now: new Date('nope') })).toThrow(/now: is not a valid date/);
    expect(() => evaluateCompatibility(FACTS, { waivers: [{ rule: 'kubernetes-versoin', reason: 'x' }] })).toThrow(
      /waivers\[0\]\.rule: 'kubernetes-versoin' is not a rule id \(did you mean 'kubernetes-version'\?\)/,
    );
    const a = evaluateCompatibility(FACTS, { waivers: dated, now: NOW });
    const b = evaluateCompatibility(FACTS, { waivers: dated, now: NOW });
    expect(a).toEqual(b);
  });

  it('without waivers the report is as before: no waivers, no waived count', () => {
    const report = evaluateCompatibility(FACTS);
    expect(report).not.toHaveProperty('waivers');
    expect(report.counts).not.toHaveProperty('waived');
  });

  it('applyWaivers does not change the findings it is given', () => {
    const findings = evaluateCompatibility(FACTS).findings;
    const before = JSON.stringify(findings);
    applyWaivers(findings, [{ rule: 'windows-tls12', reason: 'x' }]);
    expect(JSON.stringify(findings)).toBe(before);
  });
});

describe('parseWaivers: expiry dates', () => {
  const expiresIssues = (expires: string): string[] => {
    const result = parseWaivers([{ rule: 'windows-tls12', reason: 'x', expires }]);
    return result.success ? [] : result.error.issues.map((i) => `${i.path}: ${i.message}`);
  };

  it.each(['2025-06-30', '2024-02-29', '2025-12-31', '2025-01-01', '0050-01-01', '9999-12-31'])('accepts the calendar date %s', (expires) => {
    expect(expiresIssues(expires)).toEqual([]);
  });

  it.each(['2025-02-29', '2025-02-30', '2025-04-31', '2025-06-00', '2025-13-01', '2025-00-10', '2025-6-30', '30/06/2025', '2025-06-30T00:00', ''])(
    'refuses %j',
    (expires) => {
      expect(expiresIssues(expires)).toEqual([`[0].expires: is not a date written YYYY-MM-DD (e.g. 2025-06-30), got ${JSON.stringify(expires)}`]);
    },
  );
});
