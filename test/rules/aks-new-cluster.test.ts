import { describe } from 'vitest';
import { ruleTable } from './harness.js';

describe('aks-new-cluster', () => {
  ruleTable('aks-new-cluster', [
    { name: 'a cluster created with it passes', facts: { platform: 'aks', aks: { newCluster: true } }, status: 'pass', message: /aks\.newCluster is true/ },
    {
      name: 'an existing cluster fails',
      facts: { platform: 'aks', aks: { newCluster: false } },
      status: 'fail',
      message: /aks\.newCluster is false\); it cannot be added to an existing AKS cluster/,
      remediation: /az aks create --network-plugin azure --network-policy calico/,
    },
    { name: 'newCluster absent is unknown', facts: { platform: 'aks', aks: {} }, status: 'unknown', missing: ['aks.newCluster'] },
    { name: 'the platform absent is unknown', facts: { aks: { newCluster: true } }, status: 'unknown', missing: ['platform'] },
    { name: 'another platform is not applicable', facts: { platform: 'eks', aks: { newCluster: false } }, status: 'not-applicable', message: /platform is 'eks'/ },
  ]);
});
