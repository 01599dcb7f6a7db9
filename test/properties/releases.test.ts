import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCompatibility } from '../../src/api.js';
import { CALICO_RELEASES } from '../../src/catalog/releases.js';
import { profileLabel } from '../../src/engine/select.js';
import type { Finding } from '../../src/model/report.js';
import { facts, refinement, runs, timeoutFor } from './arbitraries.js';

// The engine's promises hold under every release profile, not only the seed's.
const profile = fc.constantFrom(...CALICO_RELEASES);
const key = (f: Finding): string => `${f.ruleId}|${f.subject.kind === 'cluster' ? 'cluster' : `${f.subject.kind}:${f.subject.name}`}`;

describe('every release profile, on any valid facts', () => {
  it('never throws; one finding per rule and subject, for the profile\'s rules in its order; the verdict agrees', { timeout: timeoutFor(300, 5) }, () => {
    fc.assert(
      fc.property(profile, facts, (release, input) => {
        const report = evaluateCompatibility(input, { release });
        const keys = report.findings.map(key);
        expect(new Set(keys).size, `${profileLabel(release)}: a rule and subject twice`).toBe(keys.length);
        const order = release.rules.map((r) => r.id);
        const ruleIndexes = report.findings.map((f) => order.indexOf(f.ruleId));
        expect(ruleIndexes.every((i) => i >= 0)).toBe(true);
        expect(ruleIndexes).toEqual([...ruleIndexes].sort((a, b) => a - b));
        expect(new Set(report.findings.map((f) => f.ruleId)).size).toBe(order.length);
        const errors = report.findings.filter((f) => f.severity === 'error');
        const verdict = errors.some((f) => f.status === 'fail') ? 'incompatible' : errors.some((f) => f.status === 'unknown') ? 'indeterminate' : 'compatible';
        expect(report.verdict).toBe(verdict);
        for (const finding of report.findings) {
          if (finding.status === 'unknown') expect(finding.missingFacts).toBeDefined();
          if (finding.status === 'fail') expect(finding.remediation, finding.ruleId).toBeTruthy();
        }
      }),
      runs(300),
    );
  });

  it('adding a fact that was absent never changes a decided finding', { timeout: timeoutFor(400, 6) }, () => {
    fc.assert(
      fc.property(profile, refinement, (release, { base, refined }) => {
        const after = new Map(evaluateCompatibility(refined, { release }).findings.map((f) => [key(f), f]));
        for (const finding of evaluateCompatibility(base, { release }).findings) {
          if (finding.status !== 'pass' && finding.status !== 'fail') continue;
          const later = after.get(key(finding));
          expect(later, `${profileLabel(release)} ${key(finding)} disappeared`).toBeDefined();
          expect(later?.status, `${profileLabel(release)} ${key(finding)}: ${finding.message} → ${later?.message}`).toBe(finding.status);
        }
      }),
      runs(400),
    );
  });
});
