import { describe } from 'vitest';
import { ruleTable } from './harness.js';

describe('eks-vpc-controllers', () => {
  ruleTable('eks-vpc-controllers', [
    { name: 'installed controllers pass', facts: { platform: 'eks', eks: { vpcControllersInstalled: true } }, status: 'pass', message: /eks\.vpcControllersInstalled is true/ },
    {
      name: 'missing controllers fail',
      facts: { platform: 'eks', eks: { vpcControllersInstalled: false } },
      status: 'fail',
      message: /eks\.vpcControllersInstalled is false/,
      remediation: /eksctl utils install-vpc-controllers/,
    },
    { name: 'the controllers absent are unknown', facts: { platform: 'eks' }, status: 'unknown', missing: ['eks.vpcControllersInstalled'] },
    { name: 'the platform absent is unknown', facts: { eks: { vpcControllersInstalled: false } }, status: 'unknown', missing: ['platform'] },
    { name: 'another platform is not applicable', facts: { platform: 'aks' }, status: 'not-applicable', message: /platform is 'aks'/ },
  ]);
});
