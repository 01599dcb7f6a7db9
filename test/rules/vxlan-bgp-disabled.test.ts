import { describe } from 'vitest';
import { ruleTable } from './harness.js';

describe('vxlan-bgp-disabled', () => {
  ruleTable('vxlan-bgp-disabled', [
    { name: 'VXLAN with BGP off passes', facts: { networking: 'calico-vxlan', calico: { bgpEnabled: false } }, status: 'pass', message: /calico\.bgpEnabled is false/ },
    {
      name: 'VXLAN with BGP on fails',
      facts: { networking: 'calico-vxlan', calico: { bgpEnabled: true } },
      status: 'fail',
      message: /calico\.bgpEnabled is true\) although networking is calico-vxlan/,
      remediation: /"bgp":"Disabled"[\s\S]*calico_backend/,
    },
    { name: 'bgpEnabled absent is unknown', facts: { networking: 'calico-vxlan' }, status: 'unknown', missing: ['calico.bgpEnabled'] },
    { name: 'networking absent is unknown', facts: { calico: { bgpEnabled: true } }, status: 'unknown', missing: ['networking'] },
    { name: 'nothing known is unknown on both', facts: {}, status: 'unknown', missing: ['networking', 'calico.bgpEnabled'] },
    { name: 'Calico BGP is not applicable', facts: { networking: 'calico-bgp', calico: { bgpEnabled: true } }, status: 'not-applicable', message: /'calico-bgp'/ },
  ]);
});
