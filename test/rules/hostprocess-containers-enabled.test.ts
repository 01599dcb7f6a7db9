import { describe } from 'vitest';
import { CALICO_3_27 } from '../../src/data/calico-releases.js';
import { ruleTable } from './harness.js';

describe('hostprocess-containers-enabled', () => {
  ruleTable(
    'hostprocess-containers-enabled',
    [
      { name: 'enabled passes', facts: { kubernetes: { hostProcessContainersEnabled: true } }, status: 'pass' },
      {
        name: 'disabled fails, saying how to enable them',
        facts: { kubernetes: { version: '1.22.3', hostProcessContainersEnabled: false } },
        status: 'fail',
        remediation: /WindowsHostProcessContainers=true/,
      },
      {
        name: 'absent is unknown, even on 1.23+ where they are on by default (the gate can be off)',
        facts: { kubernetes: { version: '1.29.1' } },
        status: 'unknown',
        missing: ['kubernetes.hostProcessContainersEnabled'],
      },
    ],
    CALICO_3_27,
  );
});
