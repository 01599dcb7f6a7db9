import { describe } from 'vitest';
import { CALICO_3_30 } from '../../src/catalog/releases.js';
import { ruleTable } from './harness.js';

describe('operator-service-cidrs', () => {
  ruleTable(
    'operator-service-cidrs',
    [
      { name: 'a service CIDR passes', facts: { networking: 'calico-vxlan', calico: { serviceCIDRs: ['10.96.0.0/12'] } }, status: 'pass', message: /10\.96\.0\.0\/12/ },
      {
        name: 'dual-stack service CIDRs pass, listing both',
        facts: { networking: 'calico-vxlan', calico: { serviceCIDRs: ['10.96.0.0/12', 'fd00:10:96::/112'] } },
        status: 'pass',
        message: 'The Installation lists the service CIDRs: 10.96.0.0/12, fd00:10:96::/112.',
      },
      {
        name: 'an empty list fails',
        facts: { networking: 'calico-bgp', calico: { serviceCIDRs: [] } },
        status: 'fail',
        message: 'The Installation lists no service CIDRs (spec.serviceCIDRs is empty): the operator rejects it with Calico CNI on Windows.',
        remediation: /serviceCIDRs/,
      },
      { name: 'absent under Calico networking is unknown', facts: { networking: 'calico-vxlan' }, status: 'unknown', missing: ['calico.serviceCIDRs'] },
      { name: 'it does not apply without Calico CNI', facts: { networking: 'eks-vpc-cni', calico: { serviceCIDRs: [] } }, status: 'not-applicable' },
      { name: 'networking absent is unknown on both facts', facts: {}, status: 'unknown', missing: ['networking', 'calico.serviceCIDRs'] },
    ],
    CALICO_3_30,
  );
});
