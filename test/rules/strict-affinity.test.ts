import { describe } from 'vitest';
import { ruleTable } from './harness.js';

describe('strict-affinity', () => {
  ruleTable('strict-affinity', [
    // Rows that pin down messages and remediations, from the mutation-testing review.
    { name: "the failure says the IPAM is Calico's by default, with the command", facts: { networking: 'calico-bgp', calico: { strictAffinity: false } }, status: 'fail', message: /^Calico IPAM \(the default of calico-bgp\) has strict affinity off \(calico\.strictAffinity is false\)\.$/, remediation: /^calicoctl ipam configure --strictaffinity=true$/ },
    { name: "the failure with Calico IPAM stated", facts: { calico: { ipam: 'calico', strictAffinity: false } }, status: 'fail', message: /^Calico IPAM has strict affinity off \(calico\.strictAffinity is false\)\.$/, remediation: /^calicoctl ipam configure --strictaffinity=true$/ },
    { name: 'Calico IPAM with strict affinity passes', facts: { calico: { ipam: 'calico', strictAffinity: true } }, status: 'pass', message: /strict affinity on/ },
    {
      name: 'IPAM absent under Calico networking means Calico IPAM, and passes',
      facts: { networking: 'calico-vxlan', calico: { strictAffinity: true } },
      status: 'pass',
      message: /the default of calico-vxlan/,
    },
    {
      name: 'Calico IPAM without strict affinity fails with the seed command',
      facts: { networking: 'cloud-provider', calico: { ipam: 'calico', strictAffinity: false } },
      status: 'fail',
      message: /strict affinity off \(calico\.strictAffinity is false\)/,
      remediation: 'calicoctl ipam configure --strictaffinity=true',
    },
    {
      name: 'IPAM absent under Calico BGP without strict affinity fails',
      facts: { networking: 'calico-bgp', calico: { strictAffinity: false } },
      status: 'fail',
      message: /default of calico-bgp/,
    },
    { name: 'strict affinity absent is unknown', facts: { calico: { ipam: 'calico' } }, status: 'unknown', missing: ['calico.strictAffinity'] },
    {
      name: 'IPAM and networking absent is unknown on both',
      facts: { calico: { strictAffinity: true } },
      status: 'unknown',
      missing: ['calico.ipam', 'networking'],
    },
    { name: 'nothing known is unknown on all three', facts: {}, status: 'unknown', missing: ['calico.ipam', 'networking', 'calico.strictAffinity'] },
    {
      name: 'host-local IPAM is not applicable, whatever the networking',
      facts: { networking: 'calico-vxlan', calico: { ipam: 'host-local', strictAffinity: false } },
      status: 'not-applicable',
      message: /calico\.ipam is 'host-local'/,
    },
    {
      name: 'IPAM absent under policy-only networking is not applicable',
      facts: { networking: 'aks-azure-cni' },
      status: 'not-applicable',
      message: /'aks-azure-cni'/,
    },
  ]);
});
