import { describe, expect, it } from 'vitest';
import { evaluateCompatibility } from '../src/api.js';
import { verdictOf } from '../src/engine/summary.js';
import { CompatError } from '../src/model/errors.js';
import { RULES } from '../src/catalog/default.js';
import type { ClusterFacts } from '../src/model/facts.js';
import { ReportSchema } from '../src/model/report.js';
import { hintFor } from '../src/catalog/hints.js';

describe('verdictOf', () => {
  it.each([
    [[], 'compatible'],
    [[{ status: 'pass', severity: 'error' }], 'compatible'],
    [[{ status: 'fail', severity: 'warning' }], 'compatible'],
    [[{ status: 'unknown', severity: 'warning' }], 'compatible'],
    [[{ status: 'not-applicable', severity: 'error' }], 'compatible'],
    [[{ status: 'unknown', severity: 'error' }], 'indeterminate'],
    [[{ status: 'unknown', severity: 'error' }, { status: 'fail', severity: 'warning' }], 'indeterminate'],
    [[{ status: 'unknown', severity: 'error' }, { status: 'fail', severity: 'error' }], 'incompatible'],
    [[{ status: 'fail', severity: 'error' }, { status: 'pass', severity: 'error' }], 'incompatible'],
  ] as const)('%j → %s', (findings, verdict) => {
    expect(verdictOf(findings)).toBe(verdict);
  });
});

describe('evaluateCompatibility', () => {
  it('gives one finding per rule for empty facts, every one unknown, and an indeterminate verdict', () => {
    const report = evaluateCompatibility({});
    expect(report.findings.map((f) => f.ruleId)).toEqual(RULES.map((r) => r.id));
    expect(report.findings.every((f) => f.status === 'unknown' && (f.missingFacts?.length ?? 0) > 0)).toBe(true);
    expect(report.verdict).toBe('indeterminate');
    expect(report.missingFacts).toContain('platform');
    expect(report.missingFacts).toContain('nodes');
    expect(report.missingFacts).toEqual([...report.missingFacts].sort());
    expect(new Set(report.missingFacts).size).toBe(report.missingFacts.length);
  });

  it('returns a report that matches the published report schema', () => {
    const report = evaluateCompatibility({ platform: 'gke', nodes: [{ os: 'windows', name: 'w' }] });
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(report.profile).toEqual(expect.objectContaining({ release: '3.23', installMethod: 'manifest' }));
  });

  it('counts findings by status and severity', () => {
    const report = evaluateCompatibility({ platform: 'gke' }, { rules: ['platform-supported', 'networking-supported', 'windows-os-version'] });
    expect(report.counts).toEqual({ total: 3, pass: 0, fail: 1, unknown: 1, notApplicable: 1, errors: 1, warnings: 0 });
    expect(report.verdict).toBe('incompatible');
  });

  it('fans node rules out over Windows nodes only, sorted by name, then pool rules over enabled pools', () => {
    const facts: ClusterFacts = {
      networking: 'calico-vxlan',
      calico: {
        ipPools: [
          { name: 'zeta', encapsulation: 'vxlan' },
          { name: 'off', encapsulation: 'ipip', disabled: true },
          { cidr: '10.0.0.0/16', encapsulation: 'ipip' },
        ],
      },
      nodes: [
        { os: 'windows', name: 'win-b', osBuild: '10.0.17763.1432' },
        { os: 'linux', name: 'linux-1' },
        { os: 'windows', name: 'win-a', osBuild: '10.0.17763.1000' },
      ],
    };
    const report = evaluateCompatibility(facts, { rules: ['windows-os-version', 'ip-pool-encapsulation'] });
    expect(report.findings.map((f) => [f.ruleId, f.subject])).toEqual([
      ['ip-pool-encapsulation', { kind: 'ip-pool', name: '10.0.0.0/16' }],
      ['ip-pool-encapsulation', { kind: 'ip-pool', name: 'zeta' }],
      ['windows-os-version', { kind: 'node', name: 'win-a' }],
      ['windows-os-version', { kind: 'node', name: 'win-b' }],
    ]);
    expect(report.findings.map((f) => f.status)).toEqual(['fail', 'pass', 'fail', 'pass']);
  });

  it('summarises the node list in evidence rather than copying it', () => {
    const report = evaluateCompatibility(
      { nodes: [{ os: 'windows', name: 'w1' }, { os: 'linux', name: 'l1' }, { os: 'linux', name: 'l2' }] },
      { rules: ['linux-worker-node'] },
    );
    expect(report.findings[0]?.evidence).toEqual([{ fact: 'nodes', value: { total: 3, linux: 2, windows: 1 } }]);
  });

  it('is deterministic and independent of input key order and node order', () => {
    const a: ClusterFacts = {
      platform: 'kubernetes',
      networking: 'calico-bgp',
      calico: { ipPools: [{ name: 'p', cidr: '10.0.0.0/16', encapsulation: 'none' }], strictAffinity: true },
      nodes: [{ os: 'windows', name: 'w1', remoteAccess: ['rdp'] }, { os: 'windows', name: 'w2' }, { os: 'linux', name: 'l1' }],
    };
    const b: ClusterFacts = {
      nodes: [{ name: 'l1', os: 'linux' }, { name: 'w2', os: 'windows' }, { remoteAccess: ['rdp'], name: 'w1', os: 'windows' }],
      calico: { strictAffinity: true, ipPools: [{ encapsulation: 'none', cidr: '10.0.0.0/16', name: 'p' }] },
      networking: 'calico-bgp',
      platform: 'kubernetes',
    };
    expect(JSON.stringify(evaluateCompatibility(b))).toBe(JSON.stringify(evaluateCompatibility(a)));
  });

  it('does not modify the facts it is given', () => {
    const facts: ClusterFacts = { platform: 'eks', nodes: [{ os: 'windows', name: 'w', osBuild: '10.0.17763' }] };
    const copy = structuredClone(facts);
    evaluateCompatibility(facts);
    expect(facts).toEqual(copy);
  });

  it('names the missing facts of unknown findings with node paths, and hintFor says how to find them', () => {
    const report = evaluateCompatibility({ nodes: [{ os: 'windows', name: 'win-1' }] }, { rules: ['windows-os-version'] });
    const [finding] = report.findings;
    expect(finding?.missingFacts).toEqual(['nodes[win-1].osBuild']);
    expect(hintFor('nodes[win-1].osBuild')).toBe("kubectl get node win-1 -o jsonpath='{.status.nodeInfo.kernelVersion}' (e.g. 10.0.17763.1432).");
    expect(hintFor('calico.ipPools[default].encapsulation')).toContain('calicoctl get ippools');
    expect(hintFor('something.else')).toBe('add it to the facts.');
    expect(report.missingFacts).toEqual(['nodes[win-1].osBuild']);
  });

  it('gives failures a remediation and references to the seed section', () => {
    const [finding] = evaluateCompatibility({ platform: 'gke' }, { rules: ['platform-supported'] }).findings;
    expect(finding?.remediation).toBeTruthy();
    expect(finding?.references).toEqual([
      expect.objectContaining({ section: "What's supported in this release › Platforms", url: expect.stringContaining('v3.23') }),
    ]);
  });

  it('shows the facts a finding was decided from as evidence, with their sources when given', () => {
    const report = evaluateCompatibility(
      { nodes: [{ os: 'windows', name: 'win-1', osBuild: '10.0.17763.1432' }] },
      { rules: ['windows-os-version'], sources: { 'nodes[win-1].osBuild': { object: 'Node/win-1', field: 'status.nodeInfo.kernelVersion' } } },
    );
    expect(report.findings[0]?.evidence).toEqual([
      { fact: 'nodes[win-1].osBuild', value: '10.0.17763.1432', source: { object: 'Node/win-1', field: 'status.nodeInfo.kernelVersion' } },
    ]);
  });

  it('evaluates only the chosen rules, or skips some', () => {
    expect(evaluateCompatibility({}, { rules: ['platform-supported'] }).findings.map((f) => f.ruleId)).toEqual(['platform-supported']);
    const skipped = evaluateCompatibility({}, { skipRules: ['platform-supported'] }).findings.map((f) => f.ruleId);
    expect(skipped).not.toContain('platform-supported');
    expect(skipped).toHaveLength(RULES.length - 1);
  });

  it('refuses unknown rule ids with every bad path and a suggestion', () => {
    const run = () => evaluateCompatibility({}, { rules: ['platform-suported'], skipRules: ['ok-not', 'windows-tls12'] });
    expect(run).toThrow(CompatError);
    try {
      run();
    } catch (error) {
      expect((error as CompatError).code).toBe('invalid-options');
      expect((error as CompatError).issues).toEqual([
        expect.objectContaining({ path: 'rules[0]', message: expect.stringContaining("did you mean 'platform-supported'?") }),
        expect.objectContaining({ path: 'skipRules[0]', message: "'ok-not' is not a rule id" }),
      ]);
    }
  });

  it('answers not-applicable for a pool rule when every pool is disabled', () => {
    const report = evaluateCompatibility(
      { networking: 'calico-vxlan', calico: { ipPools: [{ encapsulation: 'ipip', disabled: true }] } },
      { rules: ['ip-pool-encapsulation'] },
    );
    expect(report.findings).toEqual([expect.objectContaining({ status: 'not-applicable', subject: { kind: 'cluster' } })]);
  });
});
