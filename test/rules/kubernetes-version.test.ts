import { describe, expect, it } from 'vitest';
import { getRule } from '../../src/catalog/default.js';
import { ruleTable } from './harness.js';

describe('kubernetes-version', () => {
  it('is a warning from the Kubernetes version section', () => {
    expect(getRule('kubernetes-version')?.severity).toBe('warning');
    expect(getRule('kubernetes-version')?.sections).toEqual(['Kubernetes version']);
  });

  ruleTable('kubernetes-version', [
    // Rows that pin down messages and remediations, from the mutation-testing review.
    { name: "an unvalidated version that is no version is unknown", facts: { kubernetes: { version: 'latest' } }, status: 'unknown', missing: ["kubernetes.version"], message: /^kubernetes\.version 'latest' is not a version\.$/ },
    { name: '1.21 passes', facts: { kubernetes: { version: '1.21.3' } }, status: 'pass', message: /1\.21\.3 \(1\.21\) is one Calico 3\.23 was tested against \(1\.21, 1\.22, 1\.23\)/ },
    { name: 'an EKS version string of 1.22 passes', facts: { kubernetes: { version: 'v1.22.4-eks-0389ca3' } }, status: 'pass', message: /v1\.22\.4-eks-0389ca3 \(1\.22\)/ },
    { name: '1.23 passes', facts: { kubernetes: { version: 'v1.23.0' } }, status: 'pass' },
    {
      name: 'an earlier version fails as untested',
      facts: { kubernetes: { version: '1.20.15' } },
      status: 'fail',
      message: /1\.20\.15 \(1\.20\) is not one Calico 3\.23 was tested against \(1\.21, 1\.22, 1\.23\); earlier or later versions may work but are untested/,
      remediation: /1\.21, 1\.22, 1\.23/,
    },
    { name: 'a later version fails as untested', facts: { kubernetes: { version: 'v1.24.1' } }, status: 'fail', message: /\(1\.24\) is not one/ },
    { name: 'an absent version is unknown', facts: {}, status: 'unknown', missing: ['kubernetes.version'] },
    { name: 'a version that is not a version is unknown', facts: { kubernetes: { version: 'stable' } }, status: 'unknown', missing: ['kubernetes.version'] },
  ]);
});
