import { describe } from 'vitest';
import { ruleTable } from './harness.js';

describe('platform-supported', () => {
  ruleTable('platform-supported', [
    { name: 'self-managed Kubernetes passes', facts: { platform: 'kubernetes' }, status: 'pass', message: /Kubernetes/ },
    { name: 'OpenShift passes', facts: { platform: 'openshift' }, status: 'pass' },
    { name: 'RKE passes', facts: { platform: 'rke' }, status: 'pass' },
    { name: 'EKS passes', facts: { platform: 'eks' }, status: 'pass' },
    { name: 'AKS passes', facts: { platform: 'aks' }, status: 'pass' },
    { name: 'GKE fails, naming it', facts: { platform: 'gke' }, status: 'fail', message: /'gke' is not supported/ },
    { name: 'an absent platform is unknown', facts: {}, status: 'unknown', missing: ['platform'] },
  ]);
});
