import { describe } from 'vitest';
import { CALICO_3_16 } from '../../src/catalog/releases.js';
import { ruleTable } from './harness.js';

describe('platform-supported', () => {
  ruleTable('platform-supported', [
    // Rows that pin down messages and remediations, from the mutation-testing review.
    { name: "an unsupported platform fails with the list and the remediation", facts: { platform: 'gke' }, status: 'fail', message: /^Platform 'gke' is not supported; supported: kubernetes, openshift, rke, eks, aks\.$/, remediation: /^Run the Windows nodes on a supported platform: self-managed Kubernetes, OpenShift, RKE, EKS or AKS\. If the platform is one of these under another name, set platform to its id\.$/ },
    { name: 'self-managed Kubernetes passes', facts: { platform: 'kubernetes' }, status: 'pass', message: /Kubernetes/ },
    { name: 'OpenShift passes', facts: { platform: 'openshift' }, status: 'pass' },
    { name: 'RKE passes', facts: { platform: 'rke' }, status: 'pass' },
    { name: 'EKS passes', facts: { platform: 'eks' }, status: 'pass' },
    { name: 'AKS passes', facts: { platform: 'aks' }, status: 'pass' },
    { name: 'GKE fails, naming it', facts: { platform: 'gke' }, status: 'fail', message: /'gke' is not supported/ },
    { name: 'an absent platform is unknown', facts: {}, status: 'unknown', missing: ['platform'] },
    // v3.16 names only Kubernetes and EKS: the remediation lists the release's own platforms.
    { name: 'v3.16: AKS fails, and the remediation names the release platforms', release: CALICO_3_16, facts: { platform: 'aks' }, status: 'fail', message: /^Platform 'aks' is not supported; supported: kubernetes, eks\.$/, remediation: /^Run the Windows nodes on a supported platform: self-managed Kubernetes or EKS\. If the platform is one of these under another name, set platform to its id\.$/ },
    { name: 'v3.16: Kubernetes passes', release: CALICO_3_16, facts: { platform: 'kubernetes' }, status: 'pass' },
  ]);
});
