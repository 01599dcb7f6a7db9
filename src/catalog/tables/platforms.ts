/**
 * Platforms and networking options, with their metadata as data.
 * Source: the seed ("What's supported in this release", "CNI and networking options"),
 * Calico v3.23 Windows requirements page (shared/spec/upstream.md §1, revision G).
 */

import type { KnownNetworking, KnownPlatform } from '../../model/facts.js';
import type { RequirementSection } from '../../model/release.js';

export type { KnownNetworking, KnownPlatform } from '../../model/facts.js';

/** What the library knows of a platform. */
export interface PlatformInfo {
  readonly displayName: string;
  /** The infrastructure a managed platform implies when `infrastructure` is absent. */
  readonly impliesInfrastructure?: string;
  /** The platform's own section of the requirements page, if it has one. */
  readonly section?: RequirementSection;
  /**
   * The platform's own requirements section in the seed, if it has one.
   * @deprecated Use {@link PlatformInfo.section}, the same value.
   */
  readonly seedSection?: RequirementSection;
}

/** Every known platform. */
export const PLATFORMS = {
  kubernetes: { displayName: 'Kubernetes (self-managed, incl. on-premises)' },
  openshift: { displayName: 'OpenShift' },
  rke: { displayName: 'Rancher Kubernetes Engine (RKE)' },
  eks: { displayName: 'Amazon EKS', impliesInfrastructure: 'aws', section: 'EKS requirements', seedSection: 'EKS requirements' },
  aks: { displayName: 'Azure AKS', impliesInfrastructure: 'azure', section: 'AKS requirements', seedSection: 'AKS requirements' },
} as const satisfies Record<KnownPlatform, PlatformInfo>;

/** What the library knows of a networking option. */
export interface NetworkingInfo {
  readonly displayName: string;
  /** The Windows CNI plugin the option uses (`calico` = calico.exe, `win-bridge` = win-bridge.exe). */
  readonly windowsCniPlugin?: string;
  /** What runs on the Linux side. */
  readonly linux: string;
  /** Calico CNI networking (BGP or VXLAN): the Calico IPAM, IP pool and encapsulation rules apply. */
  readonly calicoNetworking: boolean;
  /** The encapsulation every enabled IP pool must have, for Calico networking. */
  readonly poolEncapsulation?: 'none' | 'vxlan';
  /**
   * Whether Calico on the Linux side runs BGP with this option (`calico.bgpEnabled`): Calico BGP is BGP
   * networking, Calico VXLAN runs without it. Absent where Calico does no networking (policy-only).
   */
  readonly bgp?: boolean;
}

/** Every known networking option. */
export const NETWORKING = {
  'calico-bgp': {
    displayName: 'Calico CNI with BGP',
    windowsCniPlugin: 'calico',
    linux: 'Calico for policy and networking',
    calicoNetworking: true,
    poolEncapsulation: 'none',
    bgp: true,
  },
  'calico-vxlan': {
    displayName: 'Calico CNI with VXLAN',
    windowsCniPlugin: 'calico',
    linux: 'Calico for policy and networking',
    calicoNetworking: true,
    poolEncapsulation: 'vxlan',
    bgp: false,
  },
  'cloud-provider': {
    displayName: 'Cloud provider networking (win-bridge.exe), Calico policy-only',
    windowsCniPlugin: 'win-bridge',
    linux: 'Calico policy-only',
    calicoNetworking: false,
  },
  'eks-vpc-cni': {
    displayName: 'Amazon VPC CNI',
    linux: 'Calico policy-only',
    calicoNetworking: false,
  },
  'aks-azure-cni': {
    displayName: 'Azure CNI',
    linux: 'Calico policy-only',
    calicoNetworking: false,
  },
} as const satisfies Record<KnownNetworking, NetworkingInfo>;

/** Whether a string names a known platform. */
export function isKnownPlatform(value: string): value is KnownPlatform {
  return Object.prototype.hasOwnProperty.call(PLATFORMS, value);
}

/** Whether a string names a known networking option. */
export function isKnownNetworking(value: string): value is KnownNetworking {
  return Object.prototype.hasOwnProperty.call(NETWORKING, value);
}

/**
 * The Windows CNI plugin a node's configuration names, as `windowsCniPlugin` does: `calico.exe`,
 * `Calico` and ` calico ` are `calico`.
 */
export function cniPluginId(plugin: string): string {
  return plugin.trim().toLowerCase().replace(/\.exe$/, '');
}

/** Whether a networking option is Calico CNI networking (BGP or VXLAN). */
export function isCalicoNetworking(value: string): boolean {
  return isKnownNetworking(value) && NETWORKING[value].calicoNetworking;
}
