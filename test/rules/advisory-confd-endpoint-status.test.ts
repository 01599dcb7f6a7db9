import { describe, expect, it } from 'vitest';
import { CALICO_3_30 } from '../../src/catalog/releases.js';
import { advisory } from '../../src/catalog/rules/advisory-confd-endpoint-status.js';
import { ruleTable } from './harness.js';

const bgp = (version: string) => ({ networking: 'calico-bgp', calico: { version } });

describe('advisory-confd-endpoint-status', () => {
  it('covers v3.30.0 up to the fix in v3.30.3, citing projectcalico/calico#10596', () => {
    expect(advisory.affects).toEqual({ calico: '>=3.30.0 <3.30.3' });
    expect(advisory.issue.url).toBe('https://github.com/projectcalico/calico/issues/10596');
  });

  ruleTable(
    'advisory-confd-endpoint-status',
    [
      { name: 'v3.30.0 matches', facts: bgp('v3.30.0'), status: 'fail', remediation: /endpoint-status/ },
      { name: 'v3.30.2, the last affected, matches', facts: bgp('v3.30.2'), status: 'fail' },
      { name: 'v3.30.3, the fix, does not', facts: bgp('v3.30.3'), status: 'pass' },
      { name: 'v3.29.6, before it, does not', facts: bgp('v3.29.6'), status: 'pass' },
      { name: 'it does not apply to VXLAN', facts: { networking: 'calico-vxlan', calico: { version: 'v3.30.0' } }, status: 'not-applicable' },
    ],
    CALICO_3_30,
  );
});
