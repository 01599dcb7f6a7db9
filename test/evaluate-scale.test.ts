// Large clusters: node rules decided once per distinct value, findings built when read, `select`. Each
// report is compared with the one the plain way gives — every rule decided for every node on the node
// itself, every finding built at once — which is how the engine worked before it learnt to share.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCompatibility } from '../src/api.js';
import { applicabilityOf, decide } from '../src/engine/decide.js';
import { defineNodeRule } from '../src/engine/define.js';
import { EAGER_FINDINGS } from '../src/engine/evaluate.js';
import { clusterEvidenceOf, compile, itemEvidenceOf } from '../src/engine/evidence.js';
import { findingBase, toFinding } from '../src/engine/findings.js';
import { fail, pass, type CheckContext, type NodeRule, type ReleaseProfile, type RuleContext } from '../src/engine/rule.js';
import { selectProfile } from '../src/engine/select.js';
import { noSubjectOutcome, subjectsOf } from '../src/engine/subjects.js';
import { summarize } from '../src/engine/summary.js';
import { DEFAULT_PROFILE } from '../src/catalog/default.js';
import { CALICO_RELEASES } from '../src/catalog/releases.js';
import type { ClusterFacts, IpPool, NodeFacts, WindowsNodeFacts } from '../src/model/facts.js';
import type { FactSource, Finding, FindingFilter, Report } from '../src/model/report.js';
import { parseVersion } from '../src/model/version.js';
import { TOOL } from '../src/model/tool.js';
import { runs } from './properties/arbitraries.js';

/** The report the plain way: each rule decided on each node itself, every finding built at once. */
function plainReport(facts: ClusterFacts, profile: ReleaseProfile, sources?: Record<string, FactSource>): Report {
  const selected = selectProfile(profile, facts, [profile], profile);
  const kubernetesVersion = facts.kubernetes?.version === undefined ? undefined : parseVersion(facts.kubernetes.version);
  const ctx: RuleContext = { profile, kubernetesVersion };
  const { nodes, pools } = subjectsOf(facts);
  const findings: Finding[] = [];
  for (const rule of profile.rules) {
    const base = findingBase(rule, profile);
    const compiled = compile(rule);
    const clusterEvidence = clusterEvidenceOf(compiled, facts, sources);
    const applicability = applicabilityOf(rule, facts, ctx);
    const checkCtx: CheckContext<unknown> = { ...ctx, given: 'given' in applicability ? applicability.given : undefined };
    if (rule.scope === 'cluster') {
      findings.push(toFinding(base, { kind: 'cluster' }, decide(rule, facts, undefined, applicability, checkCtx), clusterEvidence, undefined));
      continue;
    }
    const none = noSubjectOutcome(rule, applicability, facts);
    if (none) {
      findings.push(toFinding(base, { kind: 'cluster' }, none, clusterEvidence, undefined));
      continue;
    }
    const items = rule.scope === 'windows-node' ? Array.from({ length: nodes.length }, (_, i) => nodes.item(i)) : pools;
    for (const on of items)
      findings.push(
        toFinding(base, on.subject, decide(rule, facts, on.value as WindowsNodeFacts & IpPool, applicability, checkCtx), itemEvidenceOf(compiled, on, clusterEvidence, sources), on),
      );
  }
  return summarize(findings, selected, { tool: TOOL, inputs: [] });
}

// Node values drawn from few choices, so that nodes share them, with the odd one out.
const windowsNode = (name: string) =>
  fc.record(
    {
      os: fc.constant('windows' as const),
      name: fc.constant(name),
      osBuild: fc.constantFrom('10.0.17763.1432', '10.0.17763.2000', '10.0.17763.1000', '10.0.17763', '10.0.20348.587', '10.0.19042.1', '10.0.18363.1049', '10.0.99999.1'),
      containerRuntime: fc.constantFrom('containerd://1.6.6', 'containerd://1.5.0', 'containerd', 'docker://20.10.9', 'cri-o://1.24'),
      datastore: fc.constantFrom('kubernetes' as const, 'etcd' as const),
      cniPlugin: fc.constantFrom('calico', 'win-bridge', 'flannel'),
      routeReflector: fc.boolean(),
      powershellAdmin: fc.boolean(),
      remoteAccess: fc.constantFrom<Array<'rdp' | 'winrm'>>([], ['rdp'], ['winrm'], ['rdp', 'winrm'], ['winrm', 'rdp']),
      remoteAccessServiceInstalled: fc.boolean(),
      tls12Enabled: fc.boolean(),
    },
    { requiredKeys: ['os', 'name'] },
  );

/** A cluster of `count` Windows nodes (and some Linux ones), sharing values, in any order. */
const cluster = (count: number) =>
  fc
    .record({
      networking: fc.constantFrom('calico-vxlan', 'calico-bgp', 'cloud-provider', 'eks-vpc-cni'),
      platform: fc.constantFrom('kubernetes', 'eks', 'aks'),
      kubernetes: fc.constantFrom({ version: '1.22.3' }, { version: '1.27.1' }, { version: '1.40.0' }, {}),
      calico: fc.constantFrom({ datastore: 'kubernetes' as const, version: '3.23.1' }, { datastore: 'etcd' as const }, {}),
      nodes: fc.tuple(...Array.from({ length: count }, (_, i) => windowsNode(`win-${String(i).padStart(4, '0')}`))),
      shuffled: fc.boolean(),
    })
    .map(({ nodes, shuffled, ...rest }): ClusterFacts => {
      const list: NodeFacts[] = [{ os: 'linux', name: 'cp-1', roles: ['control-plane'] }, ...nodes];
      return { ...rest, nodes: shuffled ? list.reverse() : list };
    });

const PROFILES = CALICO_RELEASES.filter((profile, i) => i % 3 === 0 || profile === CALICO_RELEASES.at(-1));

describe('evaluating many nodes', () => {
  it('gives, for every release, the report of deciding every node on its own: each node rule decided once per distinct value', () => {
    fc.assert(
      fc.property(cluster(240), fc.constantFrom(...PROFILES), (facts, profile) => {
        const report = evaluateCompatibility(facts, { release: profile });
        // Large enough to be built on first read.
        expect(Object.getOwnPropertyDescriptor(report, 'findings')?.get !== undefined).toBe(report.counts.total > EAGER_FINDINGS);
        expect(JSON.stringify(report)).toBe(JSON.stringify(plainReport(facts, profile)));
      }),
      runs(10),
    );
  });

  it('gives the same report when every node differs (sharing given up after the first nodes) and for small clusters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 140 }), fc.boolean(), (count, distinct) => {
        const nodes = Array.from({ length: count }, (_, i): WindowsNodeFacts => ({
          os: 'windows',
          name: `w-${i}`,
          osBuild: distinct ? `10.0.17763.${1000 + i}` : '10.0.17763.1500',
          containerRuntime: 'containerd://1.6.6',
          tls12Enabled: i % 3 === 0,
        }));
        const facts: ClusterFacts = { networking: 'calico-vxlan', kubernetes: { version: '1.22.0' }, calico: { datastore: 'kubernetes' }, nodes };
        expect(JSON.stringify(evaluateCompatibility(facts))).toBe(JSON.stringify(plainReport(facts, DEFAULT_PROFILE)));
      }),
      runs(40),
    );
  });

  it('decides nodes whose name or values hold the stand-in for names on their own, and still names them right', () => {
    const base = { os: 'windows' as const, osBuild: '10.0.17763.1432', containerRuntime: 'containerd://1.6.6', powershellAdmin: false };
    const nodes: WindowsNodeFacts[] = [
      ...Array.from({ length: 300 }, (_, i) => ({ ...base, name: `w-${String(i).padStart(3, '0')}` })),
      { ...base, name: 'x\uFDD0\uFDD1y' },
      { ...base, name: 'z-1', cniPlugin: '\uFDD0\uFDD1' },
      { ...base, name: 'z-2', containerRuntime: 'containerd://1.6.6\uFDD0' },
    ];
    const facts: ClusterFacts = { networking: 'calico-vxlan', nodes };
    const report = evaluateCompatibility(facts);
    expect(JSON.stringify(report)).toBe(JSON.stringify(plainReport(facts, DEFAULT_PROFILE)));
    const odd = report.findings.find((f) => f.ruleId === 'windows-powershell-admin' && f.subject.kind === 'node' && f.subject.name === 'x\uFDD0\uFDD1y');
    expect(odd?.message).toBe('Node x\uFDD0\uFDD1y: commands cannot be run as Administrator in PowerShell (powershellAdmin is false).');
  });

  it('decides rules written by hand (not by defineNodeRule) node by node: they may read any fact', () => {
    // Declares osBuild, reads tls12Enabled: sharing by osBuild would give every node the first one's answer.
    const handWritten: NodeRule = {
      id: 'hand-written',
      title: 'Hand-written',
      severity: 'error',
      sections: [],
      facts: ['node.osBuild'],
      remediation: 'Fix it.',
      requires: [],
      scope: 'windows-node',
      check: (_facts, node) => (node.tls12Enabled === true ? pass(`${node.name} ok`) : fail(`${node.name} not ok`)),
    };
    const nodes = Array.from({ length: 400 }, (_, i): WindowsNodeFacts => ({ os: 'windows', name: `w-${String(i).padStart(3, '0')}`, osBuild: '10.0.17763.1432', tls12Enabled: i % 2 === 0 }));
    const profile: ReleaseProfile = { ...DEFAULT_PROFILE, rules: [...DEFAULT_PROFILE.rules, handWritten] };
    const report = evaluateCompatibility({ nodes }, { release: profile });
    const statuses = report.select({ ruleId: 'hand-written' }).map((f) => f.status);
    expect(statuses.filter((s) => s === 'pass')).toHaveLength(200);
    expect(statuses.filter((s) => s === 'fail')).toHaveLength(200);
    expect(JSON.stringify(report)).toBe(JSON.stringify(plainReport({ nodes }, profile)));
  });

  it('shares decisions of a rule declaring several node facts only between nodes holding all the same values', () => {
    const both = defineNodeRule({
      id: 'both',
      title: 'Both',
      severity: 'error',
      sections: [],
      remediation: 'Fix it.',
      requires: ['node.cniPlugin'],
      reads: ['node.remoteAccess', 'node.tls12Enabled'],
      check: (_facts, node) =>
        node.cniPlugin === 'calico' && node.remoteAccess?.includes('rdp') === true && node.tls12Enabled !== false
          ? pass(`${node.name}: ${node.cniPlugin} ${JSON.stringify(node.remoteAccess)} ${String(node.tls12Enabled)}`)
          : fail(`${node.name}: ${node.cniPlugin} ${JSON.stringify(node.remoteAccess)} ${String(node.tls12Enabled)}`),
    });
    const plugins = ['calico', 'win-bridge', 'calico\uFDD0undefined:x', '\uFDD0string:calico'];
    const access: Array<Array<'rdp' | 'winrm'>> = [['rdp'], ['winrm'], ['rdp', 'winrm'], []];
    const nodes = Array.from({ length: 400 }, (_, i): WindowsNodeFacts => ({
      os: 'windows',
      name: `w-${String(i).padStart(3, '0')}`,
      cniPlugin: plugins[i % 4] as string,
      ...(i % 5 === 0 ? {} : { remoteAccess: access[(i >> 2) % 4] as Array<'rdp' | 'winrm'> }),
      ...(i % 3 === 0 ? {} : { tls12Enabled: i % 2 === 0 }),
    }));
    // Values that bypassed validation and hold the marker: two nodes whose values, joined, read alike.
    nodes.push(
      { os: 'windows', name: 'x-1', cniPlugin: 'p\uFDD0string:q', tls12Enabled: true },
      { os: 'windows', name: 'x-2', cniPlugin: 'p', remoteAccess: 'q\uFDD0undefined:undefined' as unknown as ['rdp'], tls12Enabled: true },
    );
    const profile: ReleaseProfile = { ...DEFAULT_PROFILE, rules: [both] };
    expect(JSON.stringify(evaluateCompatibility({ nodes }, { release: profile }))).toBe(JSON.stringify(plainReport({ nodes }, profile)));
  });

  it('fills the name into every place a rule made by defineNodeRule writes it, message and remediation', () => {
    const named = defineNodeRule({
      id: 'named',
      title: 'Named',
      severity: 'warning',
      sections: [],
      remediation: 'Fix it.',
      requires: ['node.osBuild'],
      check: (_facts, node) => fail(`${node.name} runs ${node.osBuild}; ${node.name} again`, `Update ${node.name}.`),
    });
    const nodes = Array.from({ length: 300 }, (_, i): WindowsNodeFacts => ({ os: 'windows', name: `w-${String(i).padStart(3, '0')}`, osBuild: '10.0.17763.1432' }));
    const report = evaluateCompatibility({ nodes }, { release: { ...DEFAULT_PROFILE, rules: [named] } });
    const finding = report.findings[123];
    expect(finding?.message).toBe('w-123 runs 10.0.17763.1432; w-123 again');
    expect(finding?.remediation).toBe('Update w-123.');
  });
});

describe('a large report', () => {
  const facts = fc.sample(cluster(300), { seed: 7, numRuns: 1 })[0] as ClusterFacts;

  it('builds findings on first read, the same as when built at once, and keeps them', () => {
    const report = evaluateCompatibility(facts);
    const descriptor = Object.getOwnPropertyDescriptor(report, 'findings');
    expect(descriptor?.get).toBeTypeOf('function');
    expect(descriptor?.enumerable).toBe(true);
    const plain = plainReport(facts, DEFAULT_PROFILE);
    expect(report.findings).toEqual(plain.findings);
    expect(report.findings).toBe(report.findings);
    expect(Object.keys(report)).toEqual(Object.keys(plain));
    // What callers do with reports sees plain data.
    expect(JSON.parse(JSON.stringify(report))).toEqual(JSON.parse(JSON.stringify(plain)));
    expect(structuredClone(report)).toEqual(plain);
    expect({ ...report }).toEqual(plain);
  });

  it('takes findings assigned to it, as a plain report does', () => {
    const report = evaluateCompatibility(facts);
    const few = report.findings.slice(0, 2);
    report.findings = few;
    expect(report.findings).toBe(few);
    expect(report.select({})).toEqual(few);
  });

  it('selects findings by status, severity and rule, as filtering them would, before and after they are built', () => {
    const filters: FindingFilter[] = [
      {},
      { status: 'fail' },
      { status: ['fail', 'unknown'] },
      { severity: 'warning' },
      { status: 'pass', severity: ['error'] },
      { ruleId: 'windows-os-version' },
      { ruleId: ['strict-affinity', 'windows-tls12'], status: 'fail' },
      { status: [] },
    ];
    const matches = (f: Finding, filter: FindingFilter): boolean => {
      const has = <T,>(v: T | readonly T[] | undefined, x: T): boolean => v === undefined || (Array.isArray(v) ? (v as readonly T[]).includes(x) : v === x);
      return has(filter.status, f.status) && has(filter.severity, f.severity) && has(filter.ruleId, f.ruleId);
    };
    const plain = plainReport(facts, DEFAULT_PROFILE).findings;
    for (const filter of filters) {
      const fresh = evaluateCompatibility(facts);
      expect(fresh.select(filter), JSON.stringify(filter)).toEqual(plain.filter((f) => matches(f, filter)));
      fresh.findings.length;
      expect(fresh.select(filter), JSON.stringify(filter)).toEqual(plain.filter((f) => matches(f, filter)));
    }
    // select is no part of the report's data.
    const report = evaluateCompatibility(facts);
    expect(Object.keys(report)).not.toContain('select');
  });

  it('holds what the evaluation saw, whatever happens to the facts and sources afterwards', () => {
    const mine = structuredClone(facts);
    const sources: Record<string, FactSource> = {};
    for (const node of mine.nodes ?? []) sources[`nodes[${node.name}].osBuild`] = { object: `Node/${node.name}`, field: 'status.nodeInfo.kernelVersion' };
    const expected = JSON.stringify(plainReport(structuredClone(mine), DEFAULT_PROFILE, structuredClone(sources)));
    const report = evaluateCompatibility(mine, { sources });
    for (const node of mine.nodes ?? []) {
      (node as { name: string }).name = `renamed-${node.name}`;
      if (node.os === 'windows') (node as { osBuild?: string }).osBuild = '10.0.14393.0';
    }
    for (const key of Object.keys(sources)) delete sources[key];
    expect(JSON.stringify(report)).toBe(expected);
  });
});
