import { describe } from 'vitest';
import { ruleTable } from './harness.js';

describe('aks-kubernetes-version', () => {
  ruleTable('aks-kubernetes-version', [
    // Rows that pin down messages and remediations, from the mutation-testing review.
    { name: "an unvalidated version that is no version is unknown", facts: { platform: 'aks', kubernetes: { version: 'latest' } }, status: 'unknown', missing: ["kubernetes.version"], message: /^kubernetes\.version 'latest' is not a version, so it cannot be compared with 1\.20\.0\.$/ },
    { name: 'exactly 1.20.0 passes', facts: { platform: 'aks', kubernetes: { version: '1.20.0' } }, status: 'pass', message: 'Kubernetes 1.20.0 is at least 1.20.0' },
    { name: 'a later version passes', facts: { platform: 'aks', kubernetes: { version: 'v1.23.8' } }, status: 'pass', message: /v1\.23\.8 \(1\.23\.8\) is at least 1\.20\.0/ },
    {
      name: 'an older version fails, naming both',
      facts: { platform: 'aks', kubernetes: { version: '1.19.11' } },
      status: 'fail',
      message: 'Kubernetes 1.19.11 is older than 1.20.0, the minimum for Calico for Windows on AKS.',
      remediation: /Kubernetes 1\.20\.0 or later \(az aks create --kubernetes-version/,
    },
    { name: 'the version absent is unknown', facts: { platform: 'aks' }, status: 'unknown', missing: ['kubernetes.version'] },
    { name: 'a version that is not a version is unknown', facts: { platform: 'aks', kubernetes: { version: 'latest' } }, status: 'unknown', missing: ['kubernetes.version'] },
    { name: 'the platform absent is unknown', facts: { kubernetes: { version: '1.19.0' } }, status: 'unknown', missing: ['platform'] },
    { name: 'another platform is not applicable', facts: { platform: 'kubernetes', kubernetes: { version: '1.19.0' } }, status: 'not-applicable' },
  ]);
});
