/**
 * What a Calico release's Windows requirements pages state, as data: the type rules read their release
 * values from. The profiles that bind these data to rule sets sit above the rules, in `catalog/`.
 * @module
 */
import type { Datastore, InstallMethod, KnownNetworking, KnownPlatform, RemoteAccessMethod } from './facts.js';
import type { WindowsReleaseId } from './windows-releases.js';

/** The sections of the requirements pages a rule can come from. */
export type RequirementSection =
  | "What's supported in this release › Platforms"
  | "What's supported in this release › Networking"
  | 'CNI and networking options'
  | 'Datastores'
  | 'Kubernetes version'
  | 'Linux platform requirements'
  | 'Windows platform requirements'
  | 'EKS requirements'
  | 'AKS requirements'
  // Sections the later releases' pages add (v3.27 and later).
  | 'Windows platform requirements › Operator install requirements';

/**
 * The sections of the seed (the Calico for Windows "Requirements" page) a rule can come from.
 * @deprecated Use {@link RequirementSection}, the same type.
 */
export type SeedSection = RequirementSection;

/** A Windows Server release a profile supports, with its minimum update revision where it has one. */
export interface SupportedWindowsBuild {
  readonly release: WindowsReleaseId;
  readonly build: number;
  /** The lowest update build revision (UBR) supported: 1432 for `17763.1432`. */
  readonly minRevision?: number;
  /**
   * Every later build is supported too: the page says "or greater" (v3.16 to v3.19.1: "Windows Server
   * 2019 / 1809 (RS5) or greater").
   */
  readonly orLater?: boolean;
}

/**
 * The entry of a release's Windows builds that covers a build number: the one naming that build, else
 * the latest "or later" entry below it.
 */
export function supportedBuild(builds: readonly SupportedWindowsBuild[], build: number): SupportedWindowsBuild | undefined {
  const exact = builds.find((b) => b.build === build);
  if (exact !== undefined) return exact;
  // Stryker disable next-line EqualityOperator: an entry naming the build itself was returned just above
  const below = builds.filter((b) => b.orLater === true && b.build < build);
  return below.sort((a, b) => b.build - a.build)[0];
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

/** The data fields of a release: what {@link ReleaseData.sources} cites. */
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
  | 'remoteAccess'
  | 'containerdFirst'
  | 'commands'
  | 'rules';

/**
 * The requirements of one Calico release (and install method), as data: what its pages state. Rules read
 * it through their context; a {@link ReleaseProfile} adds the rules in effect.
 */
export interface ReleaseData {
  /** The Calico release line: `3.23`. */
  readonly release: string;
  /** `manifest`: the .zip install the seed describes; `operator`: the Tigera operator's HostProcess install. */
  readonly installMethod: InstallMethod;
  /**
   * The patch releases the profile covers when its page changed within the line, as a semver range:
   * `'>=3.19.0 <=3.19.1'`, `'3.22.0'`, `'>=3.22.1'` (the rest of the line). Absent: the whole line, as
   * its release branch has it now.
   */
  readonly patches?: string;
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
  /**
   * Where the page supports containerd and Docker, it says Calico uses containerd whenever it runs and
   * assumes Docker otherwise (v3.22.1 to the manual install of v3.30).
   */
  readonly containerdFirst?: boolean;
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
  /** How the page has a Windows node reached remotely: RDP or WinRM (v3.22.1), or ssh too (the manual install from v3.27). */
  readonly remoteAccess?: readonly RemoteAccessMethod[];
  /** The release's own remediation commands. */
  readonly commands: ReleaseCommands;
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

/** How each install method is named: `manual` in tables, `manual (.zip)` in prose (`… install` after it). */
export const INSTALL_METHODS = {
  manifest: { short: 'manual', name: 'manual (.zip)' },
  operator: { short: 'operator', name: 'operator (HostProcess)' },
} as const satisfies Record<InstallMethod, { readonly short: string; readonly name: string }>;
