import { describe, expect, it } from 'vitest';
import type { ClusterFacts } from '../../src/model/facts.js';
import { CALICO_3_31, findRelease } from '../../src/catalog/releases.js';
import { textFor } from '../../src/engine/rule.js';
import { findingOf, ruleTable } from './harness.js';

const vxlanPool = { name: 'vxlan-pool', cidr: '10.244.0.0/16', encapsulation: 'vxlan' } as const;
const ipipPool = { name: 'default-ipv4-ippool', cidr: '192.168.0.0/16', encapsulation: 'ipip' } as const;

describe('ipip-disabled', () => {
  ruleTable('ipip-disabled', [
    // Rows that pin down messages and remediations, from the mutation-testing review.
    // v3.31's pool command patches the Installation too, with the encapsulation by name.
    { name: 'v3.31: an IPIP pool under VXLAN gets VXLAN', release: CALICO_3_31, facts: { networking: 'calico-vxlan', calico: { ipipEnabled: false, ipPools: [{ name: 'ip', encapsulation: 'ipip' }] } }, status: 'fail', remediation: /"value":"VXLAN"\}\]'[\s\S]*kubectl patch ippool ip -p '\{"spec":\{"ipipMode":"Never","vxlanMode":"Always"\}\}'$/ },
    { name: 'v3.31: an IPIP pool under BGP gets None', release: CALICO_3_31, facts: { networking: 'calico-bgp', calico: { ipipEnabled: false, ipPools: [{ name: 'ip', encapsulation: 'ipip' }] } }, status: 'fail', remediation: /"value":"None"\}\]'[\s\S]*kubectl patch ippool ip -p '\{"spec":\{"ipipMode":"Never","vxlanMode":"Never"\}\}'$/ },
    { name: "calico.ipipEnabled alone fails, with the Felix command only (mutation testing)", facts: { networking: 'calico-vxlan', calico: { ipipEnabled: true, ipPools: [{ name: 'a', encapsulation: 'vxlan' }] } }, status: 'fail', message: /^IPIP is in use: calico\.ipipEnabled is true\. Windows does not support IPIP\.$/, remediation: /^calicoctl patch felixconfiguration default -p '\{"spec":\{"ipipEnabled":false\}\}'$/ },
    { name: "IPIP pools alone fail, each with its own fix: a command for a named pool, the modes for an unnamed one", facts: { networking: 'calico-bgp', calico: { ipipEnabled: false, ipPools: [{ name: 'ip', encapsulation: 'ipip' }, { cidr: '10.0.0.0/8', encapsulation: 'ipip-cross-subnet' }] } }, status: 'fail', message: /^IPIP is in use: enabled pools ip \(ipip\), 10\.0\.0\.0\/8 \(ipip-cross-subnet\) use IPIP\. Windows does not support IPIP\.$/, remediation: /^calicoctl patch ippool ip -p '\{"spec":\{"ipipMode":"Never","vxlanMode":"Never"\}\}'\nSet ipipMode to Never and vxlanMode to Never on pool 10\.0\.0\.0\/8\.$/ },
    { name: "the unknown message names what is missing and what is already known (pools)", facts: { networking: 'calico-vxlan', calico: { ipPools: [{ name: 'a', encapsulation: 'vxlan' }] } }, status: 'unknown', missing: ["calico.ipipEnabled"], message: /^Cannot decide: calico\.ipipEnabled is not known; no enabled pool uses IPIP\.$/ },
    { name: "the unknown message names what is missing and what is already known (Felix)", facts: { networking: 'calico-vxlan', calico: { ipipEnabled: false } }, status: 'unknown', missing: ["calico.ipPools"], message: /^Cannot decide: calico\.ipPools is not known; calico\.ipipEnabled is false\.$/ },
    { name: "both facts missing are named together", facts: { networking: 'calico-vxlan', calico: {} }, status: 'unknown', missing: ["calico.ipipEnabled", "calico.ipPools"], message: /^Cannot decide: calico\.ipipEnabled and calico\.ipPools are not known\.$/ },
    { name: "no pool at all passes, saying so", facts: { networking: 'calico-vxlan', calico: { ipipEnabled: false, ipPools: [] } }, status: 'pass', message: /^calico\.ipipEnabled is false and no IP pool is enabled\.$/ },
    { name: "the pass message counts the enabled pools", facts: { networking: 'calico-vxlan', calico: { ipipEnabled: false, ipPools: [{ name: 'a', encapsulation: 'vxlan' }, { name: 'b', encapsulation: 'vxlan' }] } }, status: 'pass', message: /^calico\.ipipEnabled is false and none of the 2 enabled pools uses IPIP\.$/ },
    {
      name: 'IPIP off in Felix and in every enabled pool passes',
      facts: { networking: 'calico-vxlan', calico: { ipipEnabled: false, ipPools: [vxlanPool] } },
      status: 'pass',
      message: /calico\.ipipEnabled is false and none of the 1 enabled pool uses IPIP/,
    },
    {
      name: 'a disabled IPIP pool is ignored',
      facts: { networking: 'calico-bgp', calico: { ipipEnabled: false, ipPools: [{ ...ipipPool, disabled: true }, { name: 'bgp', encapsulation: 'none' }] } },
      status: 'pass',
    },
    {
      name: 'no enabled pool at all passes when Felix has IPIP off',
      facts: { networking: 'calico-bgp', calico: { ipipEnabled: false, ipPools: [] } },
      status: 'pass',
      message: /no IP pool is enabled/,
    },
    {
      name: 'ipipEnabled true fails with the seed command',
      facts: { networking: 'calico-bgp', calico: { ipipEnabled: true, ipPools: [{ name: 'bgp', encapsulation: 'none' }] } },
      status: 'fail',
      message: /calico\.ipipEnabled is true/,
      remediation: `calicoctl patch felixconfiguration default -p '{"spec":{"ipipEnabled":false}}'`,
    },
    {
      name: 'ipipEnabled true fails even while the pools are unknown',
      facts: { networking: 'calico-bgp', calico: { ipipEnabled: true } },
      status: 'fail',
      message: /calico\.ipipEnabled is true/,
    },
    {
      name: 'an enabled IPIP pool fails even while ipipEnabled is unknown, naming the pool',
      facts: { networking: 'calico-vxlan', calico: { ipPools: [vxlanPool, ipipPool] } },
      status: 'fail',
      message: /enabled pool default-ipv4-ippool \(ipip\) uses IPIP/,
      remediation: `calicoctl patch ippool default-ipv4-ippool -p '{"spec":{"ipipMode":"Never","vxlanMode":"Always"}}'`,
    },
    {
      name: 'an ipip-cross-subnet pool fails; on BGP the fix turns encapsulation off, unnamed pools by CIDR',
      facts: { networking: 'calico-bgp', calico: { ipipEnabled: false, ipPools: [{ cidr: '10.0.0.0/16', encapsulation: 'ipip-cross-subnet' }] } },
      status: 'fail',
      message: /10\.0\.0\.0\/16 \(ipip-cross-subnet\)/,
      remediation: /ipipMode to Never and vxlanMode to Never on pool 10\.0\.0\.0\/16/,
    },
    {
      name: 'both problems are named together, with both fixes',
      facts: { networking: 'calico-bgp', calico: { ipipEnabled: true, ipPools: [ipipPool, { name: 'p2', encapsulation: 'ipip' }] } },
      status: 'fail',
      message: /calico\.ipipEnabled is true; enabled pools default-ipv4-ippool \(ipip\), p2 \(ipip\) use IPIP/,
      remediation: /ipipEnabled":false[\s\S]*ippool default-ipv4-ippool[\s\S]*ippool p2/,
    },
    {
      name: 'ipipEnabled absent with clean pools is unknown',
      facts: { networking: 'calico-vxlan', calico: { ipPools: [vxlanPool] } },
      status: 'unknown',
      missing: ['calico.ipipEnabled'],
    },
    {
      name: 'pools absent with ipipEnabled false is unknown',
      facts: { networking: 'calico-vxlan', calico: { ipipEnabled: false } },
      status: 'unknown',
      missing: ['calico.ipPools'],
    },
    { name: 'both absent is unknown on both', facts: { networking: 'calico-bgp' }, status: 'unknown', missing: ['calico.ipipEnabled', 'calico.ipPools'] },
    {
      name: 'networking absent is unknown, even with IPIP on',
      facts: { calico: { ipipEnabled: true, ipPools: [ipipPool] } },
      status: 'unknown',
      missing: ['networking'],
    },
    {
      name: 'cloud-provider networking is not applicable',
      facts: { networking: 'cloud-provider', calico: { ipipEnabled: true } },
      status: 'not-applicable',
      message: /'cloud-provider'/,
    },
    { name: 'EKS VPC CNI is not applicable', facts: { networking: 'eks-vpc-cni' }, status: 'not-applicable' },
  ]);

  it('an early failure does not change when the missing fact is added', () => {
    const base: ClusterFacts = { networking: 'calico-vxlan', calico: { ipPools: [ipipPool] } };
    expect(findingOf('ipip-disabled', base).status).toBe('fail');
    for (const ipipEnabled of [true, false])
      expect(findingOf('ipip-disabled', { ...base, calico: { ...base.calico, ipipEnabled } }).status).toBe('fail');
  });
});

// upstream-verification.md item 8: from v3.27 the page's only instruction is on the IP pools; the operator
// install has no installer reading FelixConfiguration, so its profiles decide from the pools alone.
describe('ipip-disabled under the operator install', () => {
  ruleTable(
    'ipip-disabled',
    [
      { name: 'clean pools pass without calico.ipipEnabled', facts: { networking: 'calico-vxlan', calico: { ipPools: [vxlanPool] } }, status: 'pass', message: /^None of the 1 enabled pool uses IPIP\.$/ },
      {
        name: 'ipipEnabled true with clean pools passes, saying why',
        facts: { networking: 'calico-vxlan', calico: { ipipEnabled: true, ipPools: [vxlanPool] } },
        status: 'pass',
        message: 'None of the 1 enabled pool uses IPIP (calico.ipipEnabled is true: the operator install decides from the pools alone).',
      },
      { name: 'no enabled pool passes', facts: { networking: 'calico-bgp', calico: { ipPools: [{ ...ipipPool, disabled: true }] } }, status: 'pass', message: /^No IP pool is enabled\.$/ },
      { name: 'pools unknown is unknown, asking for the pools alone', facts: { networking: 'calico-vxlan', calico: { ipipEnabled: false } }, status: 'unknown', missing: ['calico.ipPools'], message: /^Cannot decide: calico\.ipPools is not known\.$/ },
      {
        name: 'an IPIP pool fails with the pool fix only, never a FelixConfiguration patch',
        facts: { networking: 'calico-vxlan', calico: { ipipEnabled: true, ipPools: [ipipPool] } },
        status: 'fail',
        message: /^IPIP is in use: enabled pool default-ipv4-ippool \(ipip\) uses IPIP\./,
        remediation: /^Operator-managed pool[\s\S]*"value":"VXLAN"[\s\S]*User-managed pool: kubectl patch ippool default-ipv4-ippool/,
      },
    ],
    CALICO_3_31,
  );

  it('the manual install of v3.27 and later still reads FelixConfiguration: its Windows installer refuses ipipEnabled true', () => {
    const facts: ClusterFacts = { networking: 'calico-vxlan', calico: { ipipEnabled: true, ipPools: [vxlanPool] } };
    const finding = findingOf('ipip-disabled', facts, undefined, findRelease('3.30/manual').profile);
    expect(finding.status).toBe('fail');
    expect(finding.remediation).toBe(`calicoctl patch felixconfiguration default -p '{"spec":{"ipipEnabled":false}}'`);
    expect(findingOf('ipip-disabled', { networking: 'calico-vxlan', calico: { ipPools: [vxlanPool] } }, undefined, findRelease('3.27/manual').profile).status).toBe('unknown');
  });

  it("names the release's own way to turn IPIP off in its remediation", () => {
    const remediation = (release: string) => textFor(findRelease(release).profile.rules.find((r) => r.id === 'ipip-disabled')?.remediation ?? '', findRelease(release).profile);
    expect(remediation('3.26')).toBe('Turn IPIP off in the default FelixConfiguration (spec.ipipEnabled: false) and set ipipMode to Never on every enabled IP pool.');
    expect(remediation('3.27/manual')).toBe(
      `Set ipipMode to Never on every enabled IP pool, the default one as the page says: kubectl patch ippool default-ipv4-ippool -p '{"spec":{"ipipMode":"Never","vxlanMode":"Always"}}'\nKeep spec.ipipEnabled false in the default FelixConfiguration: the Windows installer refuses true.`,
    );
    expect(remediation('3.28')).toBe(`Set ipipMode to Never on every enabled IP pool, the default one as the page says: kubectl patch ippool default-ipv4-ippool -p '{"spec":{"ipipMode":"Never","vxlanMode":"Always"}}'`);
  });
});

