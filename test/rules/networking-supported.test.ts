import { describe, expect, it } from 'vitest';
import { CALICO_3_16 } from '../../src/catalog/releases.js';
import { findingOf, ruleTable } from './harness.js';

const on = (platform: string, networking: string) => ({ platform, networking });

describe('networking-supported', () => {
  ruleTable('networking-supported', [
    // Rows that pin down messages and remediations, from the mutation-testing review.
    { name: "the remediation names what the platform supports", facts: { platform: 'eks', networking: 'calico-vxlan' }, status: 'fail', message: /^Networking 'calico-vxlan' is not supported on Amazon EKS; supported: eks-vpc-cni\.$/, remediation: /^Use eks-vpc-cni \(Amazon VPC CNI\) on Amazon EKS\.$/ },
    { name: "platform unknown: only platform is named", facts: { networking: 'calico-vxlan' }, status: 'unknown', missing: ["platform"], message: /^Cannot decide: platform is not known\.$/ },
    { name: 'Kubernetes with Calico VXLAN passes', facts: on('kubernetes', 'calico-vxlan'), status: 'pass', message: /calico-vxlan \(Calico CNI with VXLAN\)/ },
    { name: 'Kubernetes with Calico BGP passes', facts: on('kubernetes', 'calico-bgp'), status: 'pass' },
    { name: 'OpenShift with Calico BGP passes', facts: on('openshift', 'calico-bgp'), status: 'pass', message: /OpenShift/ },
    { name: 'RKE with cloud-provider networking passes', facts: on('rke', 'cloud-provider'), status: 'pass' },
    { name: 'EKS with the VPC CNI passes', facts: on('eks', 'eks-vpc-cni'), status: 'pass', message: /Amazon EKS/ },
    { name: 'AKS with Azure CNI passes', facts: on('aks', 'aks-azure-cni'), status: 'pass', message: /Azure AKS/ },
    {
      name: 'EKS with Calico VXLAN fails: only the VPC CNI',
      facts: on('eks', 'calico-vxlan'),
      status: 'fail',
      message: /'calico-vxlan' is not supported on Amazon EKS; supported: eks-vpc-cni/,
      remediation: /eks-vpc-cni/,
    },
    { name: 'AKS with Calico BGP fails: only Azure CNI', facts: on('aks', 'calico-bgp'), status: 'fail', message: /supported: aks-azure-cni/, remediation: /aks-azure-cni/ },
    { name: 'Kubernetes with the EKS VPC CNI fails', facts: on('kubernetes', 'eks-vpc-cni'), status: 'fail', message: /supported: calico-bgp, calico-vxlan, cloud-provider/ },
    { name: 'an unknown networking option fails, naming it', facts: on('openshift', 'flannel'), status: 'fail', message: /'flannel'/ },
    { name: 'an unsupported platform is not-applicable (platform-supported fails it)', facts: on('gke', 'calico-vxlan'), status: 'not-applicable', message: /'gke'/ },
    { name: 'an absent platform is unknown', facts: { networking: 'calico-vxlan' }, status: 'unknown', missing: ['platform'] },
    { name: 'an absent networking is unknown', facts: { platform: 'kubernetes' }, status: 'unknown', missing: ['networking'] },
    { name: 'both absent names both', facts: {}, status: 'unknown', missing: ['platform', 'networking'], message: /^Cannot decide: platform is not known\.$/ },
    { name: 'an unsupported platform needs no networking to decide', facts: { platform: 'gke' }, status: 'not-applicable' },
    {
      name: 'the remediation joins several options with "or"',
      facts: on('kubernetes', 'eks-vpc-cni'),
      status: 'fail',
      remediation: /^Use calico-bgp \(Calico CNI with BGP\) or calico-vxlan \(Calico CNI with VXLAN\) or cloud-provider \(Cloud provider networking \(win-bridge\.exe\), Calico policy-only\) on Kubernetes \(self-managed, incl\. on-premises\)\.$/,
    },
    { name: 'v3.16: AKS, a known platform the release does not list, is not applicable', release: CALICO_3_16, facts: on('aks', 'aks-azure-cni'), status: 'not-applicable', message: /^Platform 'aks' is not a supported one\.$/ },
    { name: 'v3.16: Kubernetes with Calico BGP fails, VXLAN only', release: CALICO_3_16, facts: on('kubernetes', 'calico-bgp'), status: 'fail', message: /supported: calico-vxlan, cloud-provider\.$/ },
  ]);

  it('is an error about the cluster', () => {
    const finding = findingOf('networking-supported', on('kubernetes', 'calico-bgp'));
    expect(finding.severity).toBe('error');
    expect(finding.subject).toEqual({ kind: 'cluster' });
  });
});
