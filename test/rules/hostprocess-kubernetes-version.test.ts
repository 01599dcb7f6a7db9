import { describe, expect, it } from 'vitest';
import { CALICO_3_30 } from '../../src/catalog/releases.js';
import { evaluateCompatibility } from '../../src/api.js';
import { ruleTable } from './harness.js';

describe('hostprocess-kubernetes-version', () => {
  ruleTable(
    'hostprocess-kubernetes-version',
    [
      { name: 'Kubernetes 1.22.0 passes', facts: { kubernetes: { version: '1.22.0' } }, status: 'pass', message: /at least 1\.22\.0/ },
      { name: 'an EKS version string passes', facts: { kubernetes: { version: 'v1.31.4-eks-2d5f260' } }, status: 'pass' },
      {
        name: 'Kubernetes 1.21 fails',
        facts: { kubernetes: { version: 'v1.21.14' } },
        status: 'fail',
        message: /1\.21\.14 is older than 1\.22\.0/,
        remediation: /v1\.22\.0 or later/,
      },
      { name: 'an absent version is unknown', facts: {}, status: 'unknown', missing: ['kubernetes.version'] },
      {
        name: 'a version that is not one is unknown',
        facts: { kubernetes: { version: 'latest' } },
        status: 'unknown',
        missing: ['kubernetes.version'],
        message: "kubernetes.version 'latest' is not a version, so it cannot be compared with 1.22.0.",
      },
    ],
    CALICO_3_30,
  );

  it('throws under a profile that lists it without HostProcess requirements', () => {
    const { hostProcess: _omitted, ...release } = CALICO_3_30;
    expect(() => evaluateCompatibility({ kubernetes: { version: '1.22.0' } }, { rules: ['hostprocess-kubernetes-version'], release })).toThrow(
      new Error('[calico-windows-compat] the v3.30 operator profile has no HostProcess requirements'),
    );
  });
});
