import { describe, expect, it } from 'vitest';
import { CALICO_3_30, CALICO_3_31, CALICO_3_32 } from '../../src/catalog/releases.js';
import { advisory } from '../../src/catalog/rules/advisory-windows-bgp-not-configured.js';
import { findingOf, ruleTable } from './harness.js';

const bgp = (version: string) => ({ networking: 'calico-bgp', calico: { version } });
const ID = 'advisory-windows-bgp-not-configured';

describe(ID, () => {
  it('covers v3.30.3 up to the fix in v3.31.5, citing projectcalico/calico#11714', () => {
    expect(advisory.affects).toEqual({ calico: '>=3.30.3 <3.31.5' });
    expect(advisory.issue.url).toBe('https://github.com/projectcalico/calico/issues/11714');
  });

  ruleTable(
    ID,
    [
      { name: 'v3.30.3, where it was introduced, matches', facts: bgp('v3.30.3'), status: 'fail', message: /known issue .*11714/, remediation: /v3\.31\.5/ },
      {
        name: 'v3.30.2, just before, does not',
        facts: bgp('v3.30.2'),
        status: 'pass',
        message: 'Calico 3.30.2 is outside the versions https://github.com/projectcalico/calico/issues/11714 covers (3.30.3 up to 3.31.5, where it is fixed).',
      },
      {
        name: 'v3.31.4, the last affected, matches',
        facts: bgp('v3.31.4'),
        status: 'fail',
        release: CALICO_3_31,
        message: `Calico 3.31.4 has a known issue (https://github.com/projectcalico/calico/issues/11714, 3.30.3 up to 3.31.5, where it is fixed): ${advisory.impact}`,
        remediation: advisory.remediation,
      },
      { name: 'v3.31.5, the fix, does not', facts: bgp('v3.31.5'), status: 'pass', release: CALICO_3_31 },
      { name: 'it does not apply to VXLAN', facts: { networking: 'calico-vxlan', calico: { version: 'v3.30.3' } }, status: 'not-applicable' },
      { name: 'an absent version is unknown', facts: { networking: 'calico-bgp' }, status: 'unknown', missing: ['calico.version'] },
      {
        name: 'a version that is not one is unknown',
        facts: bgp('latest'),
        status: 'unknown',
        missing: ['calico.version'],
        message: "calico.version 'latest' is not a version.",
      },
    ],
    CALICO_3_30,
  );

  it('is a warning, and v3.32 profiles no longer hold it', () => {
    expect(findingOf(ID, bgp('3.30.4'), undefined, CALICO_3_30).severity).toBe('warning');
    expect(CALICO_3_32.rules.some((r) => r.id === ID)).toBe(false);
  });
});
