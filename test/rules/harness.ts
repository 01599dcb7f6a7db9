import { expect, it } from 'vitest';
import { evaluateCompatibility } from '../../src/api.js';
import type { ClusterFacts } from '../../src/model/facts.js';
import type { ReleaseProfile } from '../../src/catalog/default.js';
import type { Finding, FindingStatus } from '../../src/model/report.js';

/** One row of a rule's table: facts in, the finding expected out. */
export interface RuleCase {
  /** What the row shows, in words. */
  readonly name: string;
  readonly facts: ClusterFacts;
  readonly status: FindingStatus;
  /** The subject the finding is about: a node or pool name; absent = the cluster. */
  readonly subject?: string;
  /** Exactly the missingFacts expected (unknown rows). */
  readonly missing?: readonly string[];
  /** Text the message must contain. */
  readonly message?: string | RegExp;
  /** Text the remediation must contain. */
  readonly remediation?: string | RegExp;
  /** The release profile for this row; default: the table's. */
  readonly release?: ReleaseProfile;
}

/** The findings of one rule for some facts (under the seed's profile, or `release`). */
export function findingsOf(ruleId: string, facts: ClusterFacts, release?: ReleaseProfile): Finding[] {
  return evaluateCompatibility(facts, { rules: [ruleId], ...(release === undefined ? {} : { release }) }).findings;
}

/** The finding of one rule for one subject (a node or pool name; absent = the cluster). */
export function findingOf(ruleId: string, facts: ClusterFacts, subject?: string, release?: ReleaseProfile): Finding {
  const findings = findingsOf(ruleId, facts, release);
  const found = findings.find((f) =>
    subject === undefined ? f.subject.kind === 'cluster' : 'name' in f.subject && f.subject.name === subject,
  );
  if (!found) throw new Error(`no finding of ${ruleId} for ${subject ?? 'the cluster'}: ${JSON.stringify(findings.map((f) => f.subject))}`);
  return found;
}

/** Runs a rule's table: each row one test, under the seed's profile or `release`. */
export function ruleTable(ruleId: string, cases: readonly RuleCase[], release?: ReleaseProfile): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const finding = findingOf(ruleId, c.facts, c.subject, c.release ?? release);
    expect(finding.ruleId).toBe(ruleId);
    expect(finding.status, finding.message).toBe(c.status);
    if (c.status === 'unknown') {
      expect(finding.missingFacts).toBeDefined();
      // How to find a missing fact is help text the formatters add (hintFor), not part of the finding.
      expect(finding.remediation).toBeUndefined();
    } else {
      expect(finding.missingFacts).toBeUndefined();
    }
    if (c.status === 'fail') expect(finding.remediation).toBeTruthy();
    if (c.missing !== undefined) expect(finding.missingFacts).toEqual(c.missing);
    if (c.message !== undefined) expect(finding.message).toMatch(c.message);
    if (c.remediation !== undefined) expect(finding.remediation).toMatch(c.remediation);
  });
}

/** A Windows node that passes every node rule of the seed's release. */
export const goodWindowsNode = {
  os: 'windows',
  name: 'win-1',
  osBuild: '10.0.17763.1432',
  containerRuntime: 'containerd://1.6.6',
  datastore: 'kubernetes',
  cniPlugin: 'calico',
  routeReflector: false,
  powershellAdmin: true,
  remoteAccess: ['rdp'],
  remoteAccessServiceInstalled: true,
  tls12Enabled: true,
} as const satisfies ClusterFacts['nodes'] extends (infer N)[] | undefined ? N : never;
