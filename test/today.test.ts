// Today's clusters (issue 12, "Done when"): Kubernetes 1.29–1.35, Calico 3.28–3.33, Windows Server 2019,
// 2022 and 2025, checked as users check them: the API with release auto, every fact given.
import { describe, expect, it } from 'vitest';
import '../src/testing/vitest.js';
import { cluster, linuxNode, windowsNode } from '../src/testing.js';
import { evaluateCompatibility } from '../src/api.js';
import { CALICO_RELEASES } from '../src/catalog/releases.js';
import type { ClusterFacts } from '../src/model/facts.js';

const WS2019 = '10.0.17763.6414';
const WS2022 = '10.0.20348.2762';
const WS2025 = '10.0.26100.1742';

/** A self-managed VXLAN cluster on Calico 3.30 (operator), two Windows nodes of these builds. */
const today = (kubernetes: string, ...builds: string[]): ClusterFacts =>
  cluster.kubernetes(
    {
      kubernetes: { version: kubernetes },
      calico: { version: 'v3.30.4' },
      nodes: [
        linuxNode({ name: 'cp-1', roles: ['control-plane'] }),
        ...[1, 2, 3].map((i) => linuxNode({ name: `worker-${i}` })),
        ...builds.map((osBuild, i) => windowsNode({ name: `win-${i + 1}`, osBuild }, { release: '3.30' })),
      ],
    },
    { release: '3.30' },
  );
const check = (facts: ClusterFacts) => evaluateCompatibility(facts, { release: 'auto', profiles: CALICO_RELEASES });

describe('a cluster of today', () => {
  it('Kubernetes 1.31, Windows Server 2022 nodes, Calico 3.30 (operator), every node fact given: compatible, nothing unknown', () => {
    const facts = today('v1.31.4', WS2022, WS2022);
    const report = check(facts);
    expect(report.profile).toMatchObject({ release: '3.30', installMethod: 'operator', requested: 'auto' });
    expect(report.verdict).toBe('compatible');
    expect(report.counts).toMatchObject({ unknown: 0, fail: 0, warnings: 0 });
    expect(report.missingFacts).toEqual([]);
    expect(report.findings.filter((f) => f.ruleId === 'windows-kubernetes-os-support').map((f) => f.message)).toEqual([
      'Node win-1: Kubernetes 1.31 supports Windows Server 2022 (build 10.0.20348.2762).',
      'Node win-2: Kubernetes 1.31 supports Windows Server 2022 (build 10.0.20348.2762).',
    ]);
    expect(facts).toBeCompatible({ release: 'auto' });
    expect(facts).toHaveNoUnknowns({ release: 'auto' });
  });

  it('the same with Kubernetes 1.35 and a 2019 node: a warning that says which source says what', () => {
    const report = check(today('v1.35.1', WS2022, WS2019));
    expect(report.verdict).toBe('compatible');
    expect(report.counts).toMatchObject({ unknown: 0, warnings: 1 });
    const os = (node: string, rule: string) => report.findings.find((f) => f.ruleId === rule && f.subject.kind === 'node' && f.subject.name === node);
    // Calico's page lists 2019: windows-os-version passes it …
    expect(os('win-2', 'windows-os-version')?.status).toBe('pass');
    // … Kubernetes' table no longer does from 1.35: the warning says both.
    expect(os('win-2', 'windows-kubernetes-os-support')).toMatchObject({
      status: 'fail',
      severity: 'warning',
      message:
        "Node win-2: Kubernetes 1.35 does not support Windows Server 2019 (1809) (build 10.0.17763.6414); it supports Windows Server 2022, Windows Server 2025 (when 1.35 was released, its table still listed Windows Server 2019 (1809)). The sources disagree: Calico v3.30's requirements page lists Windows Server 2019 (1809) (windows-os-version checks the node against it), Kubernetes' Windows OS version support table does not list it for 1.35 (this warning).",
    });
    expect(os('win-1', 'windows-kubernetes-os-support')?.status).toBe('pass');
  });

  it('a Windows Server 2025 node: Kubernetes 1.35 lists it, no Calico page does, and both findings say so', () => {
    const report = check(today('v1.35.1', WS2025));
    expect(report.verdict).toBe('incompatible');
    const finding = (rule: string) => report.findings.find((f) => f.ruleId === rule);
    expect(finding('windows-os-version')?.message).toMatch(/^Windows Server 2025 \(10\.0\.26100\.1742\) is not supported; supported: /);
    expect(finding('windows-kubernetes-os-support')?.message).toMatch(/^Node win-1: Kubernetes 1\.35 supports Windows Server 2025 .* The sources disagree: Calico v3\.30's requirements page does not list Windows Server 2025/);
  });

  it.each(['v1.29.4', 'v1.30.2', 'v1.31.4', 'v1.32.1', 'v1.33.0', 'v1.34.1'])('Kubernetes %s answers windows-kubernetes-os-support, never unknown', (kubernetes) => {
    const statuses = check(today(kubernetes, WS2019, WS2022)).findings.filter((f) => f.ruleId === 'windows-kubernetes-os-support').map((f) => f.status);
    expect(statuses).toEqual(['pass', 'pass']);
  });

  it('Calico 3.33, newer than every profile, is checked against v3.32 with a note: a verdict, not an error', () => {
    const facts = cluster.eks({ calico: { version: 'v3.33.0' } }, { release: '3.32' });
    const report = check(facts);
    expect(report.profile).toMatchObject({ release: '3.32', fallback: 'newest' });
    expect(report.verdict).toBe('compatible');
  });
});
