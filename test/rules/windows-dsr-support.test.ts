import { describe, expect, it } from 'vitest';
import { CALICO_3_17, CALICO_3_19_0 } from '../../src/catalog/releases.js';
import { evaluateCompatibility } from '../../src/api.js';
import { ruleTable } from './harness.js';

const node = (osBuild?: string) => ({
  nodes: [osBuild === undefined ? { os: 'windows' as const, name: 'win-1' } : { os: 'windows' as const, name: 'win-1', osBuild }],
});

describe('windows-dsr-support', () => {
  ruleTable(
    'windows-dsr-support',
    [
      { name: '1809 at 17763.1432 has DSR', facts: node('10.0.17763.1432'), subject: 'win-1', status: 'pass', message: 'Node win-1: build 17763.1432 supports DSR (17763.1432 or later).' },
      { name: '1809 below 1432 is a warning', facts: node('10.0.17763.1431'), subject: 'win-1', status: 'fail', message: /older than 17763\.1432/ },
      { name: '1903 at 18362.1049 has DSR', facts: node('18362.1049'), subject: 'win-1', status: 'pass' },
      { name: '1903 below 1049 is a warning', facts: node('18362.1048'), subject: 'win-1', status: 'fail' },
      { name: '1909 below 1049 is a warning in v3.19.0 too', facts: node('18363.900'), subject: 'win-1', status: 'fail', release: CALICO_3_19_0 },
      {
        name: 'no revision is unknown',
        facts: node('10.0.17763'),
        subject: 'win-1',
        status: 'unknown',
        missing: ['nodes[win-1].osBuild'],
        message: "Node win-1: DSR needs build 17763.1432 or later, and '10.0.17763' carries no revision.",
      },
      {
        name: 'a release the DSR list does not name does not apply',
        facts: node('10.0.19041.685'),
        subject: 'win-1',
        status: 'not-applicable',
        message: "Node win-1: '10.0.19041.685' is no release the DSR list names (windows-os-version decides whether it is supported).",
      },
      {
        name: 'an osBuild that is no Windows build does not apply',
        facts: node('Windows Server 2019'),
        subject: 'win-1',
        status: 'not-applicable',
        message: "Node win-1: 'Windows Server 2019' is no release the DSR list names (windows-os-version decides whether it is supported).",
      },
      { name: 'an absent build is unknown', facts: node(), subject: 'win-1', status: 'unknown', missing: ['nodes[win-1].osBuild'] },
    ],
    CALICO_3_17,
  );

  it('throws under a profile that lists it without DSR builds', () => {
    const { dsrBuilds: _omitted, ...release } = CALICO_3_17;
    expect(() => evaluateCompatibility(node('10.0.17763.1432'), { rules: ['windows-dsr-support'], release })).toThrow(
      new Error('[calico-windows-compat] the v3.17 manifest profile has no DSR builds'),
    );
  });
});
