import { describe, expect, it } from 'vitest';
import { CALICO_3_23 } from '../../src/catalog/default.js';
import { CALICO_3_24, CALICO_3_30 } from '../../src/catalog/releases.js';
import { advisory } from '../../src/catalog/rules/advisory-ws2022-container-networking.js';
import { ruleTable } from './harness.js';

const node = (osBuild: string) => ({ nodes: [{ os: 'windows' as const, name: 'win-1', osBuild }] });

describe('advisory-ws2022-container-networking', () => {
  it('covers Windows Server 2022 from 20348.2322 up to the fix in 20348.2762, citing projectcalico/calico#8529', () => {
    expect(advisory.affects).toEqual({ windowsBuild: '>=20348.2322 <20348.2762' });
    expect(advisory.issue.url).toBe('https://github.com/projectcalico/calico/issues/8529');
  });

  ruleTable(
    'advisory-ws2022-container-networking',
    [
      { name: '20348.2322 matches', facts: node('10.0.20348.2322'), subject: 'win-1', status: 'fail', remediation: /KB5044281/ },
      { name: '20348.2582 matches', facts: node('10.0.20348.2582'), subject: 'win-1', status: 'fail', release: CALICO_3_24 },
      {
        name: '20348.2321, just before, does not',
        facts: node('10.0.20348.2321'),
        subject: 'win-1',
        status: 'pass',
        message: 'Node win-1: build 20348.2321 is outside the builds https://github.com/projectcalico/calico/issues/8529 covers (20348.2322 up to 20348.2762, where it is fixed).',
      },
      {
        name: '20348.2761, the last affected, matches',
        facts: node('20348.2761'),
        subject: 'win-1',
        status: 'fail',
        message: `Node win-1: build 20348.2761 has a known issue (https://github.com/projectcalico/calico/issues/8529, 20348.2322 up to 20348.2762, where it is fixed): ${advisory.impact}`,
        remediation: advisory.remediation,
      },
      { name: '20348.2762, the fix, does not', facts: node('20348.2762'), subject: 'win-1', status: 'pass' },
      {
        name: 'Windows Server 2019 is not affected',
        facts: node('10.0.17763.5122'),
        subject: 'win-1',
        status: 'pass',
        message: 'Node win-1: build 17763 is not one https://github.com/projectcalico/calico/issues/8529 covers.',
      },
      {
        name: '2022 without a revision is unknown',
        facts: node('10.0.20348'),
        subject: 'win-1',
        status: 'unknown',
        missing: ['nodes[win-1].osBuild'],
        message: "Node win-1: build 20348 is affected by https://github.com/projectcalico/calico/issues/8529 in some revisions, and '10.0.20348' carries none.",
      },
    ],
    CALICO_3_30,
  );

  it('is not in the seed profile, which does not support Windows Server 2022', () => {
    expect(CALICO_3_23.rules.some((r) => r.id === advisory.id)).toBe(false);
  });
});
