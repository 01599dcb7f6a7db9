import { describe } from 'vitest';
import { CALICO_3_30 } from '../../src/data/calico-releases.js';
import { ruleTable } from './harness.js';

describe('operator-service-cidrs', () => {
  ruleTable(
    'operator-service-cidrs',
    [
      { name: 'a service CIDR passes', facts: { networking: 'calico-vxlan', calico: { serviceCIDRs: ['10.96.0.0/12'] } }, status: 'pass', message: /10\.96\.0\.0\/12/ },
      { name: 'an empty list fails', facts: { networking: 'calico-bgp', calico: { serviceCIDRs: [] } }, status: 'fail', remediation: /serviceCIDRs/ },
      { name: 'absent under Calico networking is unknown', facts: { networking: 'calico-vxlan' }, status: 'unknown', missing: ['calico.serviceCIDRs'] },
      { name: 'it does not apply without Calico CNI', facts: { networking: 'eks-vpc-cni', calico: { serviceCIDRs: [] } }, status: 'not-applicable' },
      { name: 'networking absent is unknown on both facts', facts: {}, status: 'unknown', missing: ['networking', 'calico.serviceCIDRs'] },
    ],
    CALICO_3_30,
  );
});
