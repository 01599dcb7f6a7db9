/**
 * Fact builders for tests: each returns facts that meet every requirement of a release (the seed's,
 * Calico v3.23, unless `release` names another), so a test changes only the one fact it is about.
 * Overrides merge into the defaults object by object; a list (`nodes`, `ipPools`, `roles`) replaces the
 * default whole; `undefined` removes a fact, making it unknown.
 * @module
 */
import { CompatError } from '../model/errors.js';
import type { ClusterFacts, IpPool, KnownNetworking, KnownPlatform, LinuxNodeFacts, WindowsNodeFacts } from '../model/facts.js';
import { inRange, minorLine, parseVersion, rangeAlternatives } from '../model/version.js';
import { parseWindowsBuild } from '../model/windows.js';
import type { ReleaseProfile } from '../engine/rule.js';
import { profileLabel } from '../engine/select.js';
import { DEFAULT_PROFILE } from '../catalog/default.js';
import { findRelease } from '../catalog/releases.js';
import { ADVISORIES } from '../catalog/later-rules.js';
import { kubernetesWindowsSupport } from '../catalog/tables/kubernetes.js';

/**
 * The release built facts meet: a release string as `evaluateCompatibility` resolves it against every
 * release (`'3.30'`, `'3.27/manual'`, `'v3.19.1'`) or a profile. Default: the seed's, Calico v3.23.
 */
export interface BuildOptions {
  readonly release?: string | ReleaseProfile;
}

/**
 * Overrides of builder defaults: any part of the facts, objects merged key by key, lists replaced whole.
 * `undefined` removes the fact, so it becomes unknown: `windowsNode({ tls12Enabled: undefined })`.
 */
export type FactOverrides<T> = {
  [K in keyof T]?: (NonNullable<T[K]> extends readonly unknown[]
    ? T[K]
    : NonNullable<T[K]> extends object
      ? FactOverrides<NonNullable<T[K]>>
      : T[K]) | undefined;
};

/** The networking a self-managed cluster builder can set up: its defaults follow it. */
export type SelfManagedNetworking = 'calico-vxlan' | 'calico-bgp' | 'cloud-provider';

/** Overrides of a cluster builder. `networking` also chooses the defaults of a self-managed cluster. */
export type ClusterOverrides = FactOverrides<ClusterFacts>;

/**
 * A Windows node that meets every node requirement: Windows Server 2019 (build 10.0.17763.2300),
 * containerd 1.6.6 (Docker 20.10.21 for a release that supports Docker alone, v3.17 and v3.18), the
 * Kubernetes datastore, calico.exe, PowerShell as Administrator, RDP and WinRM, the RemoteAccess
 * service, TLS 1.2, not a route reflector. Named `win-1` unless `name` is given.
 *
 * @example
 * windowsNode({ name: 'win-2', osBuild: '10.0.17763.1000' }); // too old a 2019 build
 * windowsNode({ tls12Enabled: undefined });                   // TLS 1.2 unknown
 * windowsNode({}, { release: '3.17' });                       // Docker, as v3.17 asks
 */
export function windowsNode(overrides: FactOverrides<WindowsNodeFacts> = {}, options: BuildOptions = {}): WindowsNodeFacts {
  const profile = profileOf(options);
  const defaults: WindowsNodeFacts = {
    os: 'windows',
    name: 'win-1',
    osBuild: '10.0.17763.2300',
    // v3.17 and v3.18 support Docker alone.
    containerRuntime: profile.containerRuntimes === undefined || profile.containerRuntimes.includes('containerd') ? 'containerd://1.6.6' : 'docker://20.10.21',
    datastore: 'kubernetes',
    cniPlugin: 'calico',
    routeReflector: false,
    powershellAdmin: true,
    remoteAccess: ['rdp', 'winrm'],
    remoteAccessServiceInstalled: true,
    tls12Enabled: true,
  };
  return merge(defaults, overrides) as WindowsNodeFacts;
}

/**
 * A Linux node: a worker named `linux-1` unless `name` is given; `roles: ['control-plane']` makes it a
 * control-plane node.
 *
 * @example
 * linuxNode({ name: 'cp-1', roles: ['control-plane'] });
 */
export function linuxNode(overrides: FactOverrides<LinuxNodeFacts> = {}): LinuxNodeFacts {
  return merge({ os: 'linux', name: 'linux-1', roles: ['worker'] } satisfies LinuxNodeFacts, overrides) as LinuxNodeFacts;
}

/**
 * Builders of whole clusters, one per platform, each compatible as built under its release (every
 * requirement passes or does not apply; nothing is unknown): one control-plane node, three Linux
 * workers (four where the release asks four for Typha), one Windows node.
 *
 * Under a release other than the seed's, the facts follow its profile: `calico.version` in its line (at
 * or above its minimum on Linux, past the known issues its patch releases fixed), a Kubernetes version
 * it was tested on whose Windows OS support lists the node's Windows Server, `calico.installMethod`, and
 * what the operator install needs where the release's install is the operator's. Where no release of
 * the line is clear of a known issue (Windows BGP on v3.30 and v3.32), the advisory's warning remains:
 * the verdict is still compatible. A platform the release does not support is an error.
 */
export interface ClusterBuilders {
  /**
   * A self-managed Kubernetes cluster on bare metal with Calico v3.23.1 on Kubernetes v1.22.9. The
   * defaults follow `networking`: `calico-vxlan` (the default: a VXLAN IP pool, BGP off, UDP 4789 open),
   * `calico-bgp` (an unencapsulated pool, BGP on) or `cloud-provider` (Calico policy-only, win-bridge.exe
   * on Windows).
   *
   * @example
   * cluster.kubernetes({ calico: { strictAffinity: false } }); // fails strict-affinity, nothing else
   * cluster.kubernetes({ networking: 'calico-bgp' });         // a compatible BGP cluster
   * cluster.kubernetes({}, { release: '3.30' });               // compatible under Calico v3.30 (operator)
   */
  kubernetes(overrides?: ClusterOverrides, options?: BuildOptions): ClusterFacts;
  /** Like {@link ClusterBuilders.kubernetes}, on OpenShift. */
  openshift(overrides?: ClusterOverrides, options?: BuildOptions): ClusterFacts;
  /** Like {@link ClusterBuilders.kubernetes}, on Rancher Kubernetes Engine. */
  rke(overrides?: ClusterOverrides, options?: BuildOptions): ClusterFacts;
  /**
   * Amazon EKS with the VPC CNI and operator-managed Calico v3.23.5 for policy, Kubernetes v1.22, the VPC
   * controllers installed and an instance role that can read namespaces and the `calico-system` secrets.
   *
   * @example
   * cluster.eks({ eks: { vpcControllersInstalled: false } }); // fails eks-vpc-controllers
   */
  eks(overrides?: ClusterOverrides, options?: BuildOptions): ClusterFacts;
  /**
   * Azure AKS with Azure CNI and Calico for Windows enabled when the cluster was created, Kubernetes
   * 1.22.11.
   *
   * @example
   * cluster.aks({ aks: { newCluster: false } }); // fails aks-new-cluster
   */
  aks(overrides?: ClusterOverrides, options?: BuildOptions): ClusterFacts;
}

function selfManaged(platform: 'kubernetes' | 'openshift' | 'rke', overrides: ClusterOverrides, options: BuildOptions): ClusterFacts {
  const profile = profileOf(options);
  const networking: string = overrides.networking ?? 'calico-vxlan';
  const bgp = networking === 'calico-bgp';
  const calicoNetworking = bgp || networking === 'calico-vxlan';
  const pools: IpPool[] = [{ name: 'default-ipv4-ippool', cidr: '192.168.0.0/16', encapsulation: bgp ? 'none' : 'vxlan' }];
  const defaults: ClusterFacts = {
    platform,
    infrastructure: 'bare-metal',
    networking,
    kubernetes: { version: 'v1.22.9' },
    calico: {
      version: 'v3.23.1',
      datastore: 'kubernetes',
      operatorManaged: false,
      ...(calicoNetworking ? { ipam: 'calico', strictAffinity: true, ipPools: pools } : {}),
      ipipEnabled: false,
      bgpEnabled: bgp,
      ...(networking === 'calico-vxlan' ? { vxlanPort: 4789 } : {}),
    },
    ...(networking === 'calico-vxlan' ? { network: { vxlanPortOpen: true } } : {}),
    nodes: [
      linuxNode({ name: 'control-plane-1', roles: ['control-plane'] }),
      ...workers('worker', profile),
      windowsNode({ cniPlugin: calicoNetworking ? 'calico' : 'win-bridge' }, options),
    ],
  };
  return merge(forRelease(defaults, profile, platform, networking), overrides) as ClusterFacts;
}

function workers(prefix: string, profile: ReleaseProfile = DEFAULT_PROFILE): LinuxNodeFacts[] {
  // v3.17 to v3.19.1 ask four Linux workers for Typha on any install.
  const count = profile.typhaAnyInstall === true ? Math.max(3, profile.typhaLinuxWorkers ?? 3) : 3;
  return Array.from({ length: count }, (_, i) => linuxNode({ name: `${prefix}-${i + 1}` }));
}

/** Builders of whole clusters that meet every requirement, one per platform: see {@link ClusterBuilders}. */
export const cluster: ClusterBuilders = {
  kubernetes: (overrides = {}, options = {}) => selfManaged('kubernetes', overrides, options),
  openshift: (overrides = {}, options = {}) => selfManaged('openshift', overrides, options),
  rke: (overrides = {}, options = {}) => selfManaged('rke', overrides, options),
  eks: (overrides = {}, options = {}) => {
    const profile = profileOf(options);
    const defaults: ClusterFacts = {
      platform: 'eks',
      networking: 'eks-vpc-cni',
      kubernetes: { version: 'v1.22.17-eks-48e63af' },
      calico: { version: 'v3.23.5', datastore: 'kubernetes', operatorManaged: true, ipam: 'amazon-vpc' },
      eks: { vpcControllersInstalled: true, instanceRole: { canGetNamespaces: true, secretsReadableIn: ['calico-system'] } },
      nodes: [...workers('ip-10-0-1', profile), windowsNode({ name: 'ip-10-0-2-1', cniPlugin: undefined }, options)],
    };
    return merge(forRelease(defaults, profile, 'eks', overrides.networking ?? 'eks-vpc-cni'), overrides) as ClusterFacts;
  },
  aks: (overrides = {}, options = {}) => {
    const profile = profileOf(options);
    const defaults: ClusterFacts = {
      platform: 'aks',
      networking: 'aks-azure-cni',
      kubernetes: { version: '1.22.11' },
      calico: { version: '3.23.1', datastore: 'kubernetes', operatorManaged: true, ipam: 'azure-vnet' },
      aks: { newCluster: true },
      nodes: [...workers('aks-nodepool1-vmss00000', profile), windowsNode({ name: 'akswin000000', cniPlugin: undefined }, options)],
    };
    return merge(forRelease(defaults, profile, 'aks', overrides.networking ?? 'aks-azure-cni'), overrides) as ClusterFacts;
  },
};

// ---------------------------------------------------------------------------------------------------
// Releases

function profileOf({ release }: BuildOptions): ReleaseProfile {
  if (release === undefined) return DEFAULT_PROFILE;
  if (typeof release !== 'string') return release;
  if (release.trim() === 'auto')
    throw new CompatError('invalid-options', "Invalid options: a builder needs a release to build for, not 'auto' (auto reads calico.version from the facts being built).");
  return findRelease(release).profile;
}

/** The seed's defaults, moved to a release: versions, install method, what its rules ask that the seed's do not. */
function forRelease(defaults: ClusterFacts, profile: ReleaseProfile, platform: KnownPlatform, networking: string): ClusterFacts {
  if (profile === DEFAULT_PROFILE) return defaults;
  const supported = profile.networkingByPlatform[platform];
  if (supported === undefined)
    throw new CompatError(
      'invalid-options',
      `Invalid options: ${profileLabel(profile)} supports no ${platform} cluster (its platforms: ${Object.keys(profile.networkingByPlatform).join(', ')}), so no ${platform} facts can meet it.`,
    );
  const operator = profile.installMethod === 'operator';
  const calicoNetworking = networking === 'calico-bgp' || networking === 'calico-vxlan';
  const calico = defaults.calico ?? {};
  const windows = defaults.nodes?.find((n): n is WindowsNodeFacts => n.os === 'windows');
  const kubernetes = kubernetesFor(profile, windows?.osBuild, platform === 'eks' ? '-eks-48e63af' : '');
  return {
    ...defaults,
    kubernetes: { ...defaults.kubernetes, version: kubernetes },
    calico: {
      ...calico,
      version: `v${calicoFor(profile, networking)}`,
      installMethod: profile.installMethod,
      operatorManaged: operator || calico.operatorManaged === true,
      ...(profile.minVxlanVni !== undefined && networking === 'calico-vxlan' ? { vxlanVNI: Math.max(4096, profile.minVxlanVni) } : {}),
      ...(operator
        ? {
            windowsDataplane: 'HNS',
            kubernetesServicesEndpoint: { host: '10.0.0.10', port: '6443' },
            ...(calicoNetworking ? { serviceCIDRs: ['10.96.0.0/12'] } : {}),
          }
        : {}),
    },
  };
}

/**
 * A Kubernetes version the release was tested on, whose Windows OS support lists the node's Windows
 * Server (where the table has the row): the lowest such minor, at patch 1.
 */
function kubernetesFor(profile: ReleaseProfile, osBuild: string | undefined, suffix: string): string {
  const release = osBuild === undefined ? undefined : parseWindowsBuild(osBuild)?.release?.id;
  const minor =
    profile.testedKubernetes.find((m) => {
      const row = kubernetesWindowsSupport(m);
      return row === undefined || release === undefined || (row.windows as readonly string[]).includes(release);
    }) ?? (profile.testedKubernetes[0] as string);
  return `v${minor}.1${suffix}`;
}

/**
 * A Calico version of the release: the first its profile covers, moved past each known issue of the
 * networking that a later patch release of the line fixed.
 */
function calicoFor(profile: ReleaseProfile, networking: string): string {
  let version = firstVersion(profile);
  for (const advisory of ADVISORIES) {
    if (!profile.rules.some((r) => r.id === advisory.id) || !('calico' in advisory.affects)) continue;
    if (advisory.networking !== undefined && !(advisory.networking as readonly string[]).includes(networking as KnownNetworking)) continue;
    const hit = rangeAlternatives(advisory.affects.calico).find(({ text }) => inRange(version, text));
    const fixed = hit?.bounds.find((b) => b.operator === '<')?.version;
    const parsed = fixed === undefined ? undefined : parseVersion(fixed);
    if (parsed !== undefined && minorLine(parsed) === profile.release && (profile.patches === undefined || inRange(parsed, profile.patches))) version = parsed.text;
  }
  return version;
}

function firstVersion(profile: ReleaseProfile): string {
  const low = profile.patches === undefined ? undefined : rangeAlternatives(profile.patches)[0]?.bounds.find((b) => b.operator === '>=' || b.operator === '=');
  return low?.version ?? `${profile.release}.0`;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Overrides over defaults: objects merged key by key, anything else (lists included) replaced, `undefined` removed. */
function merge(defaults: object, overrides: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(overrides)) {
    const current = out[key];
    if (value === undefined) delete out[key];
    else if (isPlainObject(value) && isPlainObject(current)) out[key] = merge(current, value);
    else out[key] = value;
  }
  return out;
}
