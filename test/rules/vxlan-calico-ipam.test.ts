import { describe } from 'vitest';
import { CALICO_3_26 } from '../../src/catalog/releases.js';
import { ruleTable } from './harness.js';

describe('vxlan-calico-ipam', () => {
  ruleTable(
    'vxlan-calico-ipam',
    [
      { name: 'Calico IPAM passes', facts: { networking: 'calico-vxlan', calico: { ipam: 'calico' } }, status: 'pass', message: 'Calico VXLAN uses Calico IPAM (calico.ipam is calico).' },
      { name: 'host-local fails', facts: { networking: 'calico-vxlan', calico: { ipam: 'host-local' } }, status: 'fail', message: /'host-local'/ },
      { name: 'absent IPAM is unknown', facts: { networking: 'calico-vxlan' }, status: 'unknown', missing: ['calico.ipam'] },
      { name: 'it does not apply to Calico BGP', facts: { networking: 'calico-bgp', calico: { ipam: 'host-local' } }, status: 'not-applicable' },
    ],
    CALICO_3_26,
  );
});
