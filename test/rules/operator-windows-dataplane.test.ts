import { describe } from 'vitest';
import { CALICO_3_31 } from '../../src/catalog/releases.js';
import { ruleTable } from './harness.js';

describe('operator-windows-dataplane', () => {
  ruleTable(
    'operator-windows-dataplane',
    [
      {
        name: 'HNS passes',
        facts: { calico: { windowsDataplane: 'HNS' } },
        status: 'pass',
        message: "The Installation's windowsDataplane is HNS: the operator installs Calico for Windows.",
      },
      {
        name: 'Disabled (the default) fails with the patch that turns it on',
        facts: { calico: { windowsDataplane: 'Disabled' } },
        status: 'fail',
        message: /'Disabled'/,
        remediation: /"windowsDataplane":"HNS"/,
      },
      { name: 'absent is unknown', facts: { calico: {} }, status: 'unknown', missing: ['calico.windowsDataplane'] },
    ],
    CALICO_3_31,
  );
});
