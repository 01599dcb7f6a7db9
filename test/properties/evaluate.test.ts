import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCompatibility } from '../../src/api.js';
import { formatText } from '../../src/formatters/text.js';
import type { ClusterFacts } from '../../src/model/facts.js';
import { ReportSchema, type Finding, type Report, type Verdict } from '../../src/model/report.js';
import { RULES } from '../../src/catalog/default.js';
import { CALICO_RELEASES, RELEASE_LINES } from '../../src/catalog/releases.js';
import { facts, refinement, runs, shuffleKeys, timeoutFor } from './arbitraries.js';

/** The contract's verdict, restated: incompatible iff an error fails; else indeterminate iff an error is unknown. */
function expectedVerdict(findings: readonly Finding[]): Verdict {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.some((f) => f.status === 'fail')) return 'incompatible';
  if (errors.some((f) => f.status === 'unknown')) return 'indeterminate';
  return 'compatible';
}

function subjectKey(finding: Finding): string {
  return finding.subject.kind === 'cluster' ? 'cluster' : `${finding.subject.kind}:${finding.subject.name}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Exactly one finding per rule and subject, in catalog order then subject name, over the right subjects. */
function expectOneFindingPerRuleAndSubject(input: ClusterFacts, report: Report): void {
  const keys = report.findings.map((f) => `${f.ruleId}|${subjectKey(f)}`);
  expect(new Set(keys).size, 'a rule and subject twice').toBe(keys.length);

  const order = RULES.map((r) => r.id);
  const ruleIndexes = report.findings.map((f) => order.indexOf(f.ruleId));
  expect(ruleIndexes.every((i) => i >= 0)).toBe(true);
  expect(ruleIndexes).toEqual([...ruleIndexes].sort((a, b) => a - b));

  const windowsNodes = (input.nodes ?? []).filter((n) => n.os === 'windows').map((n) => n.name);
  const enabledPools = (input.calico?.ipPools ?? []).filter((p) => p.disabled !== true).length;
  for (const rule of RULES) {
    const own = report.findings.filter((f) => f.ruleId === rule.id);
    expect(own.length, rule.id).toBeGreaterThan(0);
    const names = own.map((f) => (f.subject.kind === 'cluster' ? '' : f.subject.name));
    expect(names, `${rule.id}: subjects by name`).toEqual([...names].sort(compareText));
    const onCluster = own.length === 1 && own[0]?.subject.kind === 'cluster';
    if (rule.scope === 'cluster') expect(onCluster, rule.id).toBe(true);
    else if (rule.scope === 'windows-node') {
      if (!onCluster) {
        expect(own.every((f) => f.subject.kind === 'node'), rule.id).toBe(true);
        expect([...names].sort(compareText), rule.id).toEqual([...windowsNodes].sort(compareText));
      } else expect(own[0]?.status === 'unknown' || own[0]?.status === 'not-applicable', rule.id).toBe(true);
    } else if (!onCluster) {
      expect(own.every((f) => f.subject.kind === 'ip-pool'), rule.id).toBe(true);
      expect(own.length, rule.id).toBe(enabledPools);
    } else expect(own[0]?.status === 'unknown' || own[0]?.status === 'not-applicable', rule.id).toBe(true);
  }
}

/** Counts and missing facts restate the findings; evidence names exactly the facts the rule reads that are present. */
function expectSummaryAndEvidence(input: ClusterFacts, report: Report): void {
  const errors = report.findings.filter((f) => f.status === 'fail' && f.severity === 'error').length;
  const warnings = report.findings.filter((f) => f.status === 'fail' && f.severity === 'warning').length;
  expect([report.counts.errors, report.counts.warnings]).toEqual([errors, warnings]);
  const missing = new Set(report.findings.filter((f) => f.status === 'unknown' && f.severity === 'error').flatMap((f) => f.missingFacts ?? []));
  expect(report.missingFacts).toEqual([...missing].sort(compareText));

  const windows = new Map((input.nodes ?? []).filter((n) => n.os === 'windows').map((n) => [n.name, n as unknown as Record<string, unknown>]));
  for (const finding of report.findings) {
    const rule = RULES.find((r) => r.id === finding.ruleId);
    if (!rule) throw new Error(finding.ruleId);
    const expected: string[] = [];
    for (const fact of rule.facts) {
      const [head, ...rest] = fact.split('.');
      if (head === 'node' || head === 'pool') {
        if (finding.subject.kind === 'node') {
          const value = windows.get(finding.subject.name)?.[rest.join('.')];
          if (value !== undefined) expected.push(`nodes[${finding.subject.name}].${rest.join('.')}`);
        } else if (finding.subject.kind === 'ip-pool') {
          const pool = (input.calico?.ipPools ?? []).find((p) => p.disabled !== true && (p.name ?? p.cidr) === (finding.subject as { name: string }).name);
          if (pool && (pool as Record<string, unknown>)[rest.join('.')] !== undefined) expected.push(`calico.ipPools[${finding.subject.name}].${rest.join('.')}`);
        }
      } else {
        let value: unknown = input;
        for (const key of fact.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
        if (value !== undefined) expected.push(fact);
      }
    }
    const seen = finding.evidence.map((e) => e.fact);
    if (finding.subject.kind === 'ip-pool' && expected.some((f) => f.startsWith('calico.ipPools[')) === false && seen.some((f) => f.startsWith('calico.ipPools[')))
      continue; // a pool named by its index: not worth restating here
    expect([...seen].sort(compareText), finding.ruleId).toEqual([...expected].sort(compareText));
    for (const entry of finding.evidence)
      if (entry.fact === 'nodes') {
        const nodes = input.nodes ?? [];
        const total = nodes.length;
        const windowsCount = nodes.filter((n) => n.os === 'windows').length;
        expect(entry.value).toEqual({ total, linux: total - windowsCount, windows: windowsCount });
      }
  }
}

function expectConsistentFinding(finding: Finding): void {
  // unknown names what would decide it (or nothing, when no fact would); only unknown carries missingFacts.
  if (finding.status === 'unknown') expect(finding.missingFacts).toBeDefined();
  else expect(finding.missingFacts).toBeUndefined();
  if (finding.status === 'fail') expect(finding.remediation, finding.ruleId).toBeTruthy();
  expect(finding.message.length).toBeGreaterThan(0);
}

describe('evaluateCompatibility on any valid facts', () => {
  it(
    'never throws; the verdict agrees with the findings; one finding per rule and subject; counts, missing facts and evidence restate them; the report matches its schema',
    { timeout: timeoutFor(300, 5) },
    () => {
      fc.assert(
        fc.property(facts, (input) => {
          const before = JSON.stringify(input);
          const report = evaluateCompatibility(input);
          expect(JSON.stringify(input), 'the input is not changed').toBe(before);
          expect(report.verdict).toBe(expectedVerdict(report.findings));
          expectOneFindingPerRuleAndSubject(input, report);
          for (const finding of report.findings) expectConsistentFinding(finding);
          expectSummaryAndEvidence(input, report);
          const counts = report.counts;
          expect(counts.total).toBe(report.findings.length);
          expect(counts.pass + counts.fail + counts.unknown + counts.notApplicable).toBe(counts.total);
          expect(ReportSchema.safeParse(report).success).toBe(true);
          expect(() => formatText(report, { color: false, quiet: false })).not.toThrow();
        }),
        runs(300),
      );
    },
  );

  it('is deterministic: the same facts, in any key order, give the same report, byte for byte', { timeout: timeoutFor(200, 5) }, () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 1, max: 0x7fff_ffff }), (input, seed) => {
        const first = JSON.stringify(evaluateCompatibility(input));
        expect(JSON.stringify(evaluateCompatibility(input))).toBe(first);
        expect(JSON.stringify(evaluateCompatibility(structuredClone(input)))).toBe(first);
        expect(JSON.stringify(evaluateCompatibility(shuffleKeys(input, seed) as ClusterFacts))).toBe(first);
      }),
      runs(200),
    );
  });
});

describe('refinement: adding a fact that was absent never changes a decided finding', () => {
  // A rule decides only from facts it has: every pass or fail of the less-informed facts stays the same
  // for the same rule and subject once more facts are known. Facts with a documented default (see
  // `less` in arbitraries.ts: calico.vxlanPort, routeReflector, Linux roles, the infrastructure EKS and
  // AKS imply, calico.ipam under Calico networking) are present with that default when absent.
  it('every pass and fail survives the refinement', { timeout: timeoutFor(400, 6) }, () => {
    fc.assert(
      fc.property(refinement, ({ base, refined }) => {
        const before = evaluateCompatibility(base);
        const after = new Map(evaluateCompatibility(refined).findings.map((f) => [`${f.ruleId}|${subjectKey(f)}`, f]));
        for (const finding of before.findings) {
          if (finding.status !== 'pass' && finding.status !== 'fail') continue;
          const key = `${finding.ruleId}|${subjectKey(finding)}`;
          const later = after.get(key);
          expect(later, `${key} disappeared`).toBeDefined();
          expect(later?.status, `${key}: ${finding.message} → ${later?.message}`).toBe(finding.status);
        }
      }),
      runs(400),
    );
  });

  // Under every release option: a fact that selects the profile (calico.version for auto, the install
  // method where a release documents two) leaves findings it could change unknown until it is known.
  const releaseOption = fc.constantFrom(
    'auto',
    ...RELEASE_LINES,
    ...RELEASE_LINES.flatMap((line) => (new Set(CALICO_RELEASES.filter((p) => p.release === line).map((p) => p.installMethod)).size > 1 ? [`${line}/manual`, `${line}/operator`] : [])),
    'v3.19.1',
    'v3.22.0',
  );
  it('every pass and fail survives the refinement, under every release option and install method', { timeout: timeoutFor(300, 60) }, () => {
    fc.assert(
      fc.property(refinement, releaseOption, ({ base, refined }, release) => {
        const options = { release, profiles: CALICO_RELEASES };
        const before = evaluateCompatibility(base, options);
        const after = new Map(evaluateCompatibility(refined, options).findings.map((f) => [`${f.ruleId}|${subjectKey(f)}`, f]));
        for (const finding of before.findings) {
          if (finding.status !== 'pass' && finding.status !== 'fail') continue;
          const key = `${finding.ruleId}|${subjectKey(finding)}`;
          const later = after.get(key);
          expect(later, `${release}: ${key} disappeared`).toBeDefined();
          expect(later?.status, `${release}: ${key}: ${finding.message} → ${later?.message}`).toBe(finding.status);
        }
      }),
      runs(300),
    );
  });

  it('the refinement is one: parseFacts-valid, and every fact of the base is in the refined facts', () => {
    const contains = (big: unknown, small: unknown): boolean => {
      if (small === null || typeof small !== 'object') return Object.is(big, small);
      if (big === null || typeof big !== 'object') return false;
      if (Array.isArray(small))
        return Array.isArray(big) && big.length === small.length && small.every((v, i) => contains(big[i], v));
      return Object.entries(small).every(([k, v]) => contains((big as Record<string, unknown>)[k], v));
    };
    fc.assert(
      fc.property(refinement, ({ base, refined }) => {
        expect(contains(refined, base)).toBe(true);
      }),
      runs(200),
    );
  });
});
