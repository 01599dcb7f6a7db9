/**
 * Release profiles: the data a Calico release's Windows requirements page states. The rules read their
 * data from the profile, so a release is a row of data, not new code.
 *
 * This module holds the interface and the seed's profile, Calico v3.23 (revision G in
 * shared/spec/upstream.md §1), which the core evaluates against by default. Every other release is in
 * `calico-windows-compat/releases`, kept out of the core so that its browser bundle stays small.
 */
import type { Datastore, InstallMethod } from '../model/facts.js';
import type { Rule } from '../rules/define.js';
import { RULES } from '../rules/index.js';
import type { KnownNetworking, KnownPlatform } from './platforms.js';
import type { WindowsReleaseId } from './windows-builds.js';

/** A Windows Server release a profile supports, with its minimum update revision where it has one. */
export interface SupportedWindowsBuild {
  readonly release: WindowsReleaseId;
  readonly build: number;
  /** The lowest update build revision (UBR) supported: 1432 for `17763.1432`. */
  readonly minRevision?: number;
}

/** A release's remediation commands, as its page gives them. `<pool>`, `<vxlanMode>` and `<encapsulation>` are filled in per pool. */
export interface ReleaseCommands {
  /** Turns IPIP off (FelixConfiguration up to v3.26, the default IP pool from v3.27). */
  readonly disableIpip?: string;
  /** Sets strict affinity in Calico IPAM (`calicoctl ipam configure` up to v3.23, `kubectl patch ipamconfigurations` after). */
  readonly strictAffinity?: string;
  /** Enables TLS 1.2 in PowerShell. */
  readonly tls12?: string;
  /** Sets one IP pool's encapsulation. */
  readonly setPoolEncapsulation?: string;
  /** Disables one IP pool. */
  readonly disablePool?: string;
}

/** The data fields of a {@link ReleaseProfile}: what {@link ReleaseProfile.sources} cites. */
export type ReleaseDatum =
  | 'windowsBuilds'
  | 'dsrBuilds'
  | 'containerRuntimes'
  | 'testedKubernetes'
  | 'networkingByPlatform'
  | 'minLinuxCalico'
  | 'typhaLinuxWorkers'
  | 'aksMinKubernetes'
  | 'eksSecretsNamespace'
  | 'hostProcess'
  | 'datastores'
  | 'minVxlanVni'
  | 'commands'
  | 'rules';

/** The requirements of one Calico release (and install method), as data. */
export interface ReleaseProfile {
  /** The Calico release line: `3.23`. */
  readonly release: string;
  /** `manifest`: the .zip install the seed describes; `operator`: the Tigera operator's HostProcess install. */
  readonly installMethod: InstallMethod;
  /**
   * The patch releases the profile covers when its page changed within the line: `{ first: '3.19.0',
   * last: '3.19.1' }`. Absent: the whole line, as its release branch has it now.
   */
  readonly patches?: { readonly first: string; readonly last?: string };
  /** The page this profile encodes. */
  readonly source: string;
  readonly docsUrl: string;
  readonly windowsBuilds: readonly SupportedWindowsBuild[];
  /**
   * Builds from which direct server return (DSR) works, where the page supports older builds "with some
   * limitations" (v3.17 to v3.19.1).
   */
  readonly dsrBuilds?: readonly SupportedWindowsBuild[];
  /** Container runtimes supported; absent where the page names none (v3.16). */
  readonly containerRuntimes?: readonly string[];
  /** Kubernetes minor versions the release was tested against. */
  readonly testedKubernetes: readonly string[];
  /** Networking options supported on each platform; a platform absent here is not supported. */
  readonly networkingByPlatform: Readonly<Partial<Record<KnownPlatform, readonly KnownNetworking[]>>>;
  /** The lowest Calico version on the Linux side. */
  readonly minLinuxCalico: string;
  /** Linux worker nodes needed for Typha high availability on operator-managed clusters. */
  readonly typhaLinuxWorkers?: number;
  /** The Typha note is not limited to operator-managed clusters (v3.17 to v3.19.1). */
  readonly typhaAnyInstall?: boolean;
  /** The lowest Kubernetes version for Calico for Windows on AKS. */
  readonly aksMinKubernetes?: string;
  /** Namespaces whose secrets the EKS Windows instance role must be able to get. */
  readonly eksSecretsNamespace?: { readonly operator: string; readonly manifest: string };
  /** What the HostProcess (operator) install needs. */
  readonly hostProcess?: { readonly minKubernetes: string; readonly minContainerd: string };
  /** The datastores the install supports: both for the manual install (the Windows side's must match the Linux side's), `kubernetes` alone for the operator's. */
  readonly datastores?: readonly Datastore[];
  /** The lowest VXLAN VNI Windows accepts. */
  readonly minVxlanVni?: number;
  /** The release's own remediation commands. */
  readonly commands: ReleaseCommands;
  /** The rules in effect for this release, in catalog order. */
  readonly rules: readonly Rule[];
  /** The install method is deprecated in this release (the manual install in v3.27). */
  readonly deprecated?: boolean;
  /**
   * Where the docs were changed after the release, the profile follows what is published now; this is
   * what the release itself published, with its own source.
   */
  readonly asReleased?: {
    readonly windowsBuilds?: readonly SupportedWindowsBuild[];
    readonly testedKubernetes?: readonly string[];
    readonly installMethods?: readonly InstallMethod[];
    /** Where each as-released value comes from. */
    readonly sources: Readonly<Partial<Record<'windowsBuilds' | 'testedKubernetes' | 'installMethods', string>>>;
  };
  /** Where each datum comes from: field name → repository path and revision. */
  readonly sources: Readonly<Partial<Record<ReleaseDatum, string>>>;
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
  datastores: ['kubernetes', 'etcd'],
  commands: {
    disableIpip: `calicoctl patch felixconfiguration default -p '{"spec":{"ipipEnabled":false}}'`,
    strictAffinity: 'calicoctl ipam configure --strictaffinity=true',
    tls12: '[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12',
    setPoolEncapsulation: `calicoctl patch ippool <pool> -p '{"spec":{"ipipMode":"Never","vxlanMode":"<vxlanMode>"}}'`,
    disablePool: `calicoctl patch ippool <pool> -p '{"spec":{"disabled":true}}'`,
  },
  rules: RULES,
  sources: {
    windowsBuilds: WINDOWS_PAGE_323,
    containerRuntimes: WINDOWS_PAGE_323,
    testedKubernetes: K8S_PAGE_323,
    networkingByPlatform: WINDOWS_PAGE_323,
    minLinuxCalico: WINDOWS_PAGE_323,
    typhaLinuxWorkers: WINDOWS_PAGE_323,
    aksMinKubernetes: WINDOWS_PAGE_323,
    eksSecretsNamespace: WINDOWS_PAGE_323,
    datastores: WINDOWS_PAGE_323,
    commands: WINDOWS_PAGE_323,
    rules: WINDOWS_PAGE_323,
  },
} as const satisfies ReleaseProfile;

/** The profile used when none is chosen: the seed's release, so results never change silently. */
export const DEFAULT_PROFILE: ReleaseProfile = CALICO_3_23;
