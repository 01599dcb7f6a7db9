import { describe } from 'vitest';
import { ruleTable } from './harness.js';

describe('vxlan-port', () => {
  ruleTable('vxlan-port', [
    { name: 'port 4789 passes', facts: { networking: 'calico-vxlan', calico: { vxlanPort: 4789 } }, status: 'pass', message: /port 4789/ },
    { name: "an absent port is Calico's default, 4789, and passes", facts: { networking: 'calico-vxlan' }, status: 'pass', message: /not set, so VXLAN uses Calico's default, 4789/ },
    {
      name: 'another port fails, naming it',
      facts: { networking: 'calico-vxlan', calico: { vxlanPort: 8472 } },
      status: 'fail',
      message: 'VXLAN uses port 8472 (calico.vxlanPort); Windows supports only 4789.',
      remediation: `calicoctl patch felixconfiguration default -p '{"spec":{"vxlanPort":4789}}'`,
    },
    { name: 'networking absent is unknown', facts: { calico: { vxlanPort: 8472 } }, status: 'unknown', missing: ['networking'] },
    { name: 'Calico BGP is not applicable', facts: { networking: 'calico-bgp', calico: { vxlanPort: 8472 } }, status: 'not-applicable' },
  ]);
});
