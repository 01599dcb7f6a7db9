import { describe, expect, it } from 'vitest';
import type { ClusterFacts } from '../../src/model/facts.js';
import { findingOf, ruleTable } from './harness.js';

describe('aws-source-dest-check', () => {
  ruleTable('aws-source-dest-check', [
    // Rows that pin down messages and remediations, from the mutation-testing review.
    { name: "nothing known: networking, infrastructure and the fact itself", facts: {}, status: 'unknown', missing: ["networking", "infrastructure", "network.sourceDestCheckDisabled"], message: /^Cannot tell whether the cluster runs Calico BGP on AWS: networking and infrastructure are not known\.$/ },
    { name: "a platform that implies no infrastructure leaves it unknown", facts: { platform: 'gke', networking: 'calico-bgp' }, status: 'unknown', missing: ["infrastructure", "network.sourceDestCheckDisabled"], message: /^Cannot tell whether the cluster runs Calico BGP on AWS: infrastructure is not known\.$/ },
    { name: "EKS implies AWS, and the message says so", facts: { platform: 'eks', networking: 'calico-bgp', network: { sourceDestCheckDisabled: true } }, status: 'pass', message: /^The EC2 source\/destination check is disabled on every node \(calico-bgp, platform 'eks' runs on aws\)\.$/ },
    { name: "the failure names the infrastructure", facts: { infrastructure: 'aws', networking: 'calico-bgp', network: { sourceDestCheckDisabled: false } }, status: 'fail', message: /^The EC2 source\/destination check is not disabled on every node \(network\.sourceDestCheckDisabled is false; calico-bgp, infrastructure 'aws'\)\.$/ },
    {
      name: 'Calico BGP on AWS with the check disabled passes',
      facts: { networking: 'calico-bgp', infrastructure: 'aws', network: { sourceDestCheckDisabled: true } },
      status: 'pass',
      message: /disabled on every node \(calico-bgp, infrastructure 'aws'\)/,
    },
    {
      name: 'Calico BGP on AWS with the check on fails',
      facts: { platform: 'kubernetes', networking: 'calico-bgp', infrastructure: 'aws', network: { sourceDestCheckDisabled: false } },
      status: 'fail',
      message: /not disabled on every node \(network\.sourceDestCheckDisabled is false; calico-bgp, infrastructure 'aws'\)/,
      remediation: '--no-source-dest-check',
    },
    {
      name: 'EKS implies AWS when infrastructure is absent',
      facts: { platform: 'eks', networking: 'calico-bgp', network: { sourceDestCheckDisabled: false } },
      status: 'fail',
      message: /platform 'eks' runs on aws/,
    },
    { name: 'the check state absent is unknown', facts: { networking: 'calico-bgp', infrastructure: 'aws' }, status: 'unknown', missing: ['network.sourceDestCheckDisabled'] },
    {
      name: 'infrastructure absent on a self-managed cluster is unknown',
      facts: { platform: 'kubernetes', networking: 'calico-bgp', network: { sourceDestCheckDisabled: false } },
      status: 'unknown',
      missing: ['infrastructure'],
    },
    {
      name: 'networking absent on AWS is unknown',
      facts: { infrastructure: 'aws', network: { sourceDestCheckDisabled: true } },
      status: 'unknown',
      missing: ['networking'],
    },
    { name: 'nothing known is unknown on all three', facts: {}, status: 'unknown', missing: ['networking', 'infrastructure', 'network.sourceDestCheckDisabled'] },
    {
      name: 'VXLAN is not applicable, wherever it runs',
      facts: { networking: 'calico-vxlan', infrastructure: 'aws', network: { sourceDestCheckDisabled: false } },
      status: 'not-applicable',
      message: /networking is 'calico-vxlan'/,
    },
    {
      name: 'BGP off AWS is not applicable',
      facts: { networking: 'calico-bgp', infrastructure: 'vsphere' },
      status: 'not-applicable',
      message: /infrastructure 'vsphere'/,
    },
    {
      name: 'AKS implies Azure, so it does not apply even with networking unknown',
      facts: { platform: 'aks' },
      status: 'not-applicable',
      message: /platform 'aks' runs on azure/,
    },
    {
      name: 'bare metal does not apply even with networking unknown',
      facts: { infrastructure: 'bare-metal' },
      status: 'not-applicable',
    },
    {
      name: 'an explicit infrastructure wins over what the platform implies',
      facts: { platform: 'eks', infrastructure: 'azure', networking: 'calico-bgp' },
      status: 'not-applicable',
      message: /infrastructure 'azure'/,
    },
  ]);

  // Every combination of the four facts, absent or present: a decided finding (pass, fail or
  // not-applicable) keeps its status whatever the missing facts turn out to be.
  it('never changes a decided finding when a missing fact is added', () => {
    const values = {
      networking: [undefined, 'calico-bgp', 'calico-vxlan'],
      infrastructure: [undefined, 'aws', 'azure'],
      platform: [undefined, 'eks', 'aks', 'kubernetes'],
      check: [undefined, true, false],
    } as const;
    const facts = (n?: string, i?: string, p?: string, c?: boolean): ClusterFacts => ({
      ...(n === undefined ? {} : { networking: n }),
      ...(i === undefined ? {} : { infrastructure: i }),
      ...(p === undefined ? {} : { platform: p }),
      ...(c === undefined ? {} : { network: { sourceDestCheckDisabled: c } }),
    });
    const fill = <T,>(value: T | undefined, all: readonly (T | undefined)[]): readonly (T | undefined)[] =>
      value === undefined ? all.slice(1) : [value];
    // What eks and aks imply for an absent infrastructure is the contract's documented default: it counts
    // as known, so the only completion of an absent infrastructure on them is that default.
    const implied: Record<string, string> = { eks: 'aws', aks: 'azure' };
    let decided = 0;
    for (const n of values.networking)
      for (const i of values.infrastructure)
        for (const p of values.platform)
          for (const c of values.check) {
            const finding = findingOf('aws-source-dest-check', facts(n, i, p, c));
            if (finding.status === 'unknown') continue;
            decided++;
            for (const n2 of fill(n, values.networking))
              for (const p2 of fill(p, values.platform))
                for (const i2 of i === undefined && p2 !== undefined && p2 in implied ? [implied[p2]] : fill(i, values.infrastructure))
                  for (const c2 of fill(c, values.check))
                    expect(findingOf('aws-source-dest-check', facts(n2, i2, p2, c2)).status, JSON.stringify([n, i, p, c, n2, i2, p2, c2])).toBe(
                      finding.status,
                    );
          }
    expect(decided).toBeGreaterThan(0);
  });
});
