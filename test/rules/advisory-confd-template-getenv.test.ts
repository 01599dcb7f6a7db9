import { describe, expect, it } from 'vitest';
import { CALICO_3_32 } from '../../src/catalog/releases.js';
import { advisory } from '../../src/catalog/rules/advisory-confd-template-getenv.js';
import { ruleTable } from './harness.js';

const bgp = (version: string) => ({ networking: 'calico-bgp', calico: { version } });

describe('advisory-confd-template-getenv', () => {
  it('covers v3.32.0 to v3.32.1, with no fixed release yet, citing projectcalico/calico#13139', () => {
    expect(advisory.affects).toEqual({ calico: '>=3.32.0 <=3.32.1' });
    expect(advisory.issue.url).toBe('https://github.com/projectcalico/calico/issues/13139');
  });

  ruleTable(
    'advisory-confd-template-getenv',
    [
      { name: 'v3.32.0 matches', facts: bgp('v3.32.0'), status: 'fail', message: /13139/ },
      {
        name: 'v3.32.1, the last affected, matches',
        facts: bgp('3.32.1'),
        status: 'fail',
        message: `Calico 3.32.1 has a known issue (https://github.com/projectcalico/calico/issues/13139, 3.32.0 to 3.32.1 (no later release known to be fixed)): ${advisory.impact}`,
        remediation: advisory.remediation,
      },
      {
        name: 'v3.32.2, just after, does not',
        facts: bgp('3.32.2'),
        status: 'pass',
        message: 'Calico 3.32.2 is outside the versions https://github.com/projectcalico/calico/issues/13139 covers (3.32.0 to 3.32.1 (no later release known to be fixed)).',
      },
      { name: 'v3.31.7, before it, does not', facts: bgp('v3.31.7'), status: 'pass' },
    ],
    CALICO_3_32,
  );
});
