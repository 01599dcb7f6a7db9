import { describe, expect, it } from 'vitest';
import { evaluateCompatibility } from '../src/api.js';
import { CompatError } from '../src/model/errors.js';
import { DEFAULT_PROFILE } from '../src/catalog/default.js';
import { getRule } from '../src/catalog/default.js';
import { definePoolRule } from '../src/engine/define.js';
import { pass, unknown } from '../src/engine/rule.js';
import type { ClusterFacts } from '../src/model/facts.js';

const POOL_RULE = { rules: ['ip-pool-encapsulation'] };

describe('evaluateCompatibility: pool rules before their applicability is known', () => {
  it('each enabled pool is unknown, naming the fact that decides applicability, with the pool as evidence', () => {
    const facts: ClusterFacts = {
      calico: { ipPools: [{ name: 'p', encapsulation: 'vxlan' }, { name: 'off', encapsulation: 'ipip', disabled: true }] },
    };
    const [finding, ...rest] = evaluateCompatibility(facts, POOL_RULE).findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      status: 'unknown',
      subject: { kind: 'ip-pool', name: 'p' },
      message: 'Cannot tell whether the cluster uses Calico networking: networking is not known.',
      missingFacts: ['networking'],
    });
    expect(finding?.evidence).toStrictEqual([{ fact: 'calico.ipPools[p].encapsulation', value: 'vxlan' }]);
  });

  it('with every pool disabled the finding is about the cluster, still unknown', () => {
    const facts: ClusterFacts = { calico: { ipPools: [{ name: 'off', encapsulation: 'ipip', disabled: true }] } };
    const [finding] = evaluateCompatibility(facts, POOL_RULE).findings;
    expect(finding).toMatchObject({
      status: 'unknown',
      subject: { kind: 'cluster' },
      message: 'Cannot tell whether the cluster uses Calico networking: networking is not known.',
      missingFacts: ['networking'],
    });
  });

  it('once it applies, every pool disabled makes it not applicable, in words, without remediation or missing facts', () => {
    const facts: ClusterFacts = { networking: 'calico-vxlan', calico: { ipPools: [{ name: 'off', encapsulation: 'ipip', disabled: true }] } };
    const [finding] = evaluateCompatibility(facts, POOL_RULE).findings;
    expect(finding?.status).toBe('not-applicable');
    expect(finding?.message).toBe('No enabled IP pool: every pool is disabled or none is defined.');
    expect(finding?.evidence).toStrictEqual([{ fact: 'networking', value: 'calico-vxlan' }]);
    expect(finding && Object.keys(finding).sort()).toEqual(['evidence', 'message', 'references', 'ruleId', 'severity', 'status', 'subject', 'title']);
  });
});

describe('evaluateCompatibility: evidence, exactly', () => {
  it('lists values as given (lists stay lists), only facts that are present, and no source key without sources', () => {
    const facts: ClusterFacts = {
      nodes: [
        { os: 'windows', name: 'w1', remoteAccess: ['winrm', 'rdp'] },
        { os: 'windows', name: 'w2' },
      ],
    };
    const report = evaluateCompatibility(facts, { rules: ['windows-remote-access', 'platform-supported'] });
    expect(report.findings.map((f) => [f.ruleId, f.subject, f.evidence])).toStrictEqual([
      ['platform-supported', { kind: 'cluster' }, []],
      ['windows-remote-access', { kind: 'node', name: 'w1' }, [{ fact: 'nodes[w1].remoteAccess', value: ['winrm', 'rdp'] }]],
      ['windows-remote-access', { kind: 'node', name: 'w2' }, []],
    ]);
  });

  it('gives only failures a remediation', () => {
    const report = evaluateCompatibility({ platform: 'eks', networking: 'calico-vxlan', nodes: [{ os: 'windows', name: 'w', tls12Enabled: true }] });
    const withRemediation = report.findings.filter((f) => 'remediation' in f).map((f) => f.status);
    expect(withRemediation.length).toBeGreaterThan(0);
    expect(new Set(withRemediation)).toEqual(new Set(['fail']));
    expect(report.findings.some((f) => f.status === 'pass')).toBe(true);
  });
});

describe('evaluateCompatibility: counts and profile', () => {
  it('a failing finding of severity info counts as a failure, neither an error nor a warning', () => {
    const rule = getRule('platform-supported');
    if (rule === undefined) throw new Error('platform-supported is a rule of the catalog');
    const info = { ...rule, severity: 'info' as const };
    const report = evaluateCompatibility({ platform: 'gke' }, { release: { ...DEFAULT_PROFILE, rules: [info] } });
    expect(report.findings.map((f) => [f.ruleId, f.status, f.severity])).toEqual([['platform-supported', 'fail', 'info']]);
    expect(report.counts).toStrictEqual({ total: 1, pass: 0, fail: 1, unknown: 0, notApplicable: 0, errors: 0, warnings: 0 });
    expect(report.verdict).toBe('compatible');
  });

  it('names the profile by release, install method and source only, when no release was asked for', () => {
    const report = evaluateCompatibility({});
    expect(report.profile).toStrictEqual({ release: DEFAULT_PROFILE.release, installMethod: DEFAULT_PROFILE.installMethod, source: DEFAULT_PROFILE.source });
  });

  it('refuses unknown rule ids in an error that says so', () => {
    let error: unknown;
    try {
      evaluateCompatibility({}, { rules: ['nope'] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CompatError);
    expect((error as CompatError).message).toBe("Invalid options:\n  rules[0]: 'nope' is not a rule id");
    expect((error as CompatError).issues).toStrictEqual([{ path: 'rules[0]', code: 'unknown-rule', message: "'nope' is not a rule id" }]);
  });
});

describe('evaluateCompatibility: a pool rule that misses a fact of the pool', () => {
  const cidrKnown = definePoolRule({
    id: 'pool-cidr-known',
    title: 'The pool CIDR is known',
    severity: 'error',
    sections: [],
    remediation: 'Give the pool a CIDR.',
    reads: ['pool.cidr'],
    check: (_facts, pool) => (pool.cidr === undefined ? unknown('The CIDR is not known.', ['pool.cidr']) : pass('Known.')),
  });

  it('names it by the pool, in the finding and the report', () => {
    const report = evaluateCompatibility(
      { calico: { ipPools: [{ name: 'p', encapsulation: 'vxlan' }, { name: 'q', cidr: '10.0.0.0/16', encapsulation: 'vxlan' }] } },
      { release: { ...DEFAULT_PROFILE, rules: [cidrKnown] } },
    );
    expect(report.findings.map((f) => [f.subject, f.status, f.missingFacts, f.evidence])).toStrictEqual([
      [{ kind: 'ip-pool', name: 'p' }, 'unknown', ['calico.ipPools[p].cidr'], []],
      [{ kind: 'ip-pool', name: 'q' }, 'pass', undefined, [{ fact: 'calico.ipPools[q].cidr', value: '10.0.0.0/16' }]],
    ]);
    expect(report.missingFacts).toEqual(['calico.ipPools[p].cidr']);
  });
});

describe('evaluateCompatibility: facts not validated', () => {
  it('shows a null fact as null evidence rather than throwing', () => {
    const report = evaluateCompatibility({ platform: null } as unknown as ClusterFacts, { rules: ['platform-supported'] });
    expect(report.findings.map((f) => [f.status, f.evidence])).toStrictEqual([['fail', [{ fact: 'platform', value: null }]]]);
  });
});

describe('evaluateCompatibility: counts when waivers are given (the findings summarised)', () => {
  it('a failing finding of severity info counts as a failure, neither an error nor a warning', () => {
    const rule = getRule('platform-supported');
    if (rule === undefined) throw new Error('platform-supported is a rule of the catalog');
    const info = { ...rule, severity: 'info' as const };
    const report = evaluateCompatibility({ platform: 'gke' }, { release: { ...DEFAULT_PROFILE, rules: [info] }, waivers: [] });
    expect(report.counts).toStrictEqual({ total: 1, pass: 0, fail: 1, unknown: 0, notApplicable: 0, errors: 0, warnings: 0, waived: 0 });
    expect(report.verdict).toBe('compatible');
  });
});
