import { describe, expect, it } from 'vitest';
import { CALICO_3_24, CALICO_3_30 } from '../../src/catalog/releases.js';
import { evaluateCompatibility } from '../../src/api.js';
import { ruleTable } from './harness.js';

describe('vxlan-vni', () => {
  ruleTable(
    'vxlan-vni',
    [
      { name: 'the default VNI 4096 passes', facts: { networking: 'calico-vxlan', calico: { vxlanVNI: 4096 } }, status: 'pass', message: 'The VXLAN VNI is 4096, at least 4096.' },
      { name: 'a larger VNI passes', facts: { networking: 'calico-vxlan', calico: { vxlanVNI: 5000 } }, status: 'pass' },
      { name: 'VNI 4095 fails', facts: { networking: 'calico-vxlan', calico: { vxlanVNI: 4095 } }, status: 'fail', message: /below 4096/, remediation: /"vxlanVNI":4096/ },
      { name: 'VNI 1 fails in the manual install too', facts: { networking: 'calico-vxlan', calico: { vxlanVNI: 1 } }, status: 'fail', release: CALICO_3_24 },
      { name: 'an absent VNI is unknown, not taken as the default', facts: { networking: 'calico-vxlan' }, status: 'unknown', missing: ['calico.vxlanVNI'] },
      { name: 'it does not apply to Calico BGP', facts: { networking: 'calico-bgp', calico: { vxlanVNI: 1 } }, status: 'not-applicable' },
    ],
    CALICO_3_30,
  );

  it('throws under a profile that lists it without a minimum VNI', () => {
    const { minVxlanVni: _omitted, ...release } = CALICO_3_30;
    expect(() => evaluateCompatibility({ networking: 'calico-vxlan', calico: { vxlanVNI: 4096 } }, { rules: ['vxlan-vni'], release })).toThrow(
      new Error('[calico-windows-compat] the v3.30 operator profile has no minimum VXLAN VNI'),
    );
  });
});
