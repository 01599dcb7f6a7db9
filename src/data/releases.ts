/**
 * Release profiles: the data a Calico release's Windows requirements page states. The rules read their
 * data from the profile, so a release is a row of data, not new code.
 *
 * The seed is the requirements page of Calico v3.23 (revision G in shared/spec/upstream.md §1).
 */
import type { KnownNetworking, KnownPlatform } from './platforms.js';
import type { WindowsReleaseId } from './windows-builds.js';

/** A Windows Server release a profile supports, with its minimum update revision where it has one. */
export interface SupportedWindowsBuild {
  readonly release: WindowsReleaseId;
  readonly build: number;
  /** The lowest update build revision (UBR) supported: 1432 for `17763.1432`. */
  readonly minRevision?: number;
}

/** The requirements of one Calico release (and install method), as data. */
export interface ReleaseProfile {
  /** The Calico release line: `3.23`. */
  readonly release: string;
  /** `manifest`: the .zip install the seed describes. */
  readonly installMethod: 'manifest' | 'operator';
  /** The page this profile encodes. */
  readonly source: string;
  readonly docsUrl: string;
  readonly windowsBuilds: readonly SupportedWindowsBuild[];
  readonly containerRuntimes: readonly string[];
  /** Kubernetes minor versions the release was tested against. */
  readonly testedKubernetes: readonly string[];
  /** Networking options supported on each platform. */
  readonly networkingByPlatform: Readonly<Record<KnownPlatform, readonly KnownNetworking[]>>;
  /** The lowest Calico version on the Linux side. */
  readonly minLinuxCalico: string;
  /** Linux worker nodes needed for Typha high availability on operator-managed clusters. */
  readonly typhaLinuxWorkers: number;
  /** The lowest Kubernetes version for Calico for Windows on AKS. */
  readonly aksMinKubernetes: string;
  /** Namespaces whose secrets the EKS Windows instance role must be able to get. */
  readonly eksSecretsNamespace: { readonly operator: string; readonly manifest: string };
  /** The release's own remediation commands. */
  readonly commands: {
    readonly disableIpip: string;
    readonly strictAffinity: string;
    readonly tls12: string;
  };
  /** Where each datum comes from: field name → repository path and revision. */
  readonly sources: Readonly<Partial<Record<Exclude<keyof ReleaseProfile, 'sources'>, string>>>;
}

const WINDOWS_PAGE_323 =
  'projectcalico/calico calico/getting-started/windows-calico/kubernetes/requirements.md (release-v3.23, f03e8e6d99)';
const K8S_PAGE_323 = 'projectcalico/calico calico/getting-started/kubernetes/requirements.md (release-v3.23)';

/** Calico v3.23, manifest (.zip) install: the seed. */
export const CALICO_3_23 = {
  release: '3.23',
  installMethod: 'manifest',
  source: WINDOWS_PAGE_323,
  docsUrl: 'https://projectcalico.docs.tigera.io/archive/v3.23/getting-started/windows-calico/kubernetes/requirements',
  windowsBuilds: [
    { release: '1809', build: 17763, minRevision: 1432 },
    { release: '20H2', build: 19042 },
  ],
  containerRuntimes: ['containerd', 'docker'],
  testedKubernetes: ['1.21', '1.22', '1.23'],
  networkingByPlatform: {
    kubernetes: ['calico-bgp', 'calico-vxlan', 'cloud-provider'],
    openshift: ['calico-bgp', 'calico-vxlan', 'cloud-provider'],
    rke: ['calico-bgp', 'calico-vxlan', 'cloud-provider'],
    eks: ['eks-vpc-cni'],
    aks: ['aks-azure-cni'],
  },
  minLinuxCalico: '3.12.0',
  typhaLinuxWorkers: 3,
  aksMinKubernetes: '1.20.0',
  eksSecretsNamespace: { operator: 'calico-system', manifest: 'kube-system' },
  commands: {
    disableIpip: `calicoctl patch felixconfiguration default -p '{"spec":{"ipipEnabled":false}}'`,
    strictAffinity: 'calicoctl ipam configure --strictaffinity=true',
    tls12: '[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12',
  },
  sources: {
    windowsBuilds: WINDOWS_PAGE_323,
    containerRuntimes: WINDOWS_PAGE_323,
    testedKubernetes: K8S_PAGE_323,
    networkingByPlatform: WINDOWS_PAGE_323,
    minLinuxCalico: WINDOWS_PAGE_323,
    typhaLinuxWorkers: WINDOWS_PAGE_323,
    aksMinKubernetes: WINDOWS_PAGE_323,
    eksSecretsNamespace: WINDOWS_PAGE_323,
    commands: WINDOWS_PAGE_323,
  },
} as const satisfies ReleaseProfile;

/** The profile used when none is chosen: the seed's release, so results never change silently. */
export const DEFAULT_PROFILE: ReleaseProfile = CALICO_3_23;
