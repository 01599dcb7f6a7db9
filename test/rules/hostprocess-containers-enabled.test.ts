import { describe } from 'vitest';
import { CALICO_3_27 } from '../../src/data/calico-releases.js';
import { ruleTable } from './harness.js';

describe('hostprocess-containers-enabled', () => {
  ruleTable(
    'hostprocess-containers-enabled',
    [
      { name: 'enabled passes', facts: { kubernetes: { hostProcessContainersEnabled: true } }, status: 'pass' },
      {
        name: 'disabled fails, saying how to enable them, whatever the version',
        facts: { kubernetes: { version: '1.27.3', hostProcessContainersEnabled: false } },
        status: 'fail',
        remediation: /WindowsHostProcessContainers=true/,
      },
      {
        name: 'unstated on 1.23 is on by default',
        facts: { kubernetes: { version: 'v1.23.0' } },
        status: 'pass',
        message: /on by default in Kubernetes 1\.23/,
      },
      { name: 'unstated on 1.29 is on (stable since 1.26)', facts: { kubernetes: { version: '1.29.1' } }, status: 'pass' },
      {
        name: 'unstated on 1.22 is unknown: the feature gate is off by default there',
        facts: { kubernetes: { version: '1.22.9' } },
        status: 'unknown',
        missing: ['kubernetes.hostProcessContainersEnabled'],
        message: /feature gate, off by default/,
      },
      {
        name: 'neither the setting nor the version is unknown, naming both',
        facts: {},
        status: 'unknown',
        missing: ['kubernetes.hostProcessContainersEnabled', 'kubernetes.version'],
      },
    ],
    CALICO_3_27,
  );
});
