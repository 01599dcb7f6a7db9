import { describe } from 'vitest';
import { CALICO_3_27 } from '../../src/catalog/releases.js';
import { ruleTable } from './harness.js';

describe('hostprocess-containers-enabled', () => {
  ruleTable(
    'hostprocess-containers-enabled',
    [
      {
        name: 'enabled passes',
        facts: { kubernetes: { hostProcessContainersEnabled: true } },
        status: 'pass',
        message: 'HostProcess containers are enabled (kubernetes.hostProcessContainersEnabled is true).',
      },
      {
        name: 'disabled fails, saying how to enable them, whatever the version',
        facts: { kubernetes: { version: '1.27.3', hostProcessContainersEnabled: false } },
        status: 'fail',
        message: 'HostProcess containers are disabled (kubernetes.hostProcessContainersEnabled is false): the operator cannot run Calico for Windows on the nodes.',
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
        name: 'unstated on a later major version is on, whatever its minor',
        facts: { kubernetes: { version: '2.0.0' } },
        status: 'pass',
        message: 'HostProcess containers are on by default in Kubernetes 2.0 (from 1.23; kubernetes.hostProcessContainersEnabled is not stated).',
      },
      {
        name: 'unstated on an earlier major version is unknown, whatever its minor',
        facts: { kubernetes: { version: '0.23.0' } },
        status: 'unknown',
        missing: ['kubernetes.hostProcessContainersEnabled'],
        message: 'Kubernetes 0.23 has HostProcess containers behind the WindowsHostProcessContainers feature gate, off by default: state whether it is enabled.',
      },
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
        message: 'Cannot decide: whether HostProcess containers are enabled is not stated, and neither is the Kubernetes version that would give their default.',
      },
    ],
    CALICO_3_27,
  );
});
