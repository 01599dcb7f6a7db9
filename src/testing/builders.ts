/**
 * Fact builders for tests: each returns facts that meet every requirement, so a test changes only the
 * one fact it is about. Overrides merge into the defaults object by object; a list (`nodes`, `ipPools`,
 * `roles`) replaces the default whole; `undefined` removes a fact, making it unknown.
 * @module
 */
import type { ClusterFacts, IpPool, LinuxNodeFacts, WindowsNodeFacts } from '../model/facts.js';

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
 * containerd 1.6.6, the Kubernetes datastore, calico.exe, PowerShell as Administrator, RDP and WinRM,
 * the RemoteAccess service, TLS 1.2, not a route reflector. Named `win-1` unless `name` is given.
 *
 * @example
 * windowsNode({ name: 'win-2', osBuild: '10.0.17763.1000' }); // too old a 2019 build
 * windowsNode({ tls12Enabled: undefined });                   // TLS 1.2 unknown
 */
export function windowsNode(overrides: FactOverrides<WindowsNodeFacts> = {}): WindowsNodeFacts {
  const defaults: WindowsNodeFacts = {
    os: 'windows',
    name: 'win-1',
    osBuild: '10.0.17763.2300',
    containerRuntime: 'containerd://1.6.6',
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
 * Builders of whole clusters, one per platform, each compatible as built (every requirement passes or
 * does not apply; nothing is unknown): one control-plane node, three Linux workers (enough for Typha
 * high availability), one Windows node.
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
   */
  kubernetes(overrides?: ClusterOverrides): ClusterFacts;
  /** Like {@link ClusterBuilders.kubernetes}, on OpenShift. */
  openshift(overrides?: ClusterOverrides): ClusterFacts;
  /** Like {@link ClusterBuilders.kubernetes}, on Rancher Kubernetes Engine. */
  rke(overrides?: ClusterOverrides): ClusterFacts;
  /**
   * Amazon EKS with the VPC CNI and operator-managed Calico v3.23.5 for policy, Kubernetes v1.22, the VPC
   * controllers installed and an instance role that can read namespaces and the `calico-system` secrets.
   *
   * @example
   * cluster.eks({ eks: { vpcControllersInstalled: false } }); // fails eks-vpc-controllers
   */
  eks(overrides?: ClusterOverrides): ClusterFacts;
  /**
   * Azure AKS with Azure CNI and Calico for Windows enabled when the cluster was created, Kubernetes
   * 1.22.11.
   *
   * @example
   * cluster.aks({ aks: { newCluster: false } }); // fails aks-new-cluster
   */
  aks(overrides?: ClusterOverrides): ClusterFacts;
}

function selfManaged(platform: 'kubernetes' | 'openshift' | 'rke', overrides: ClusterOverrides): ClusterFacts {
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
      ...workers('worker'),
      windowsNode({ cniPlugin: calicoNetworking ? 'calico' : 'win-bridge' }),
    ],
  };
  return merge(defaults, overrides) as ClusterFacts;
}

function workers(prefix: string): LinuxNodeFacts[] {
  return [1, 2, 3].map((i) => linuxNode({ name: `${prefix}-${i}` }));
}

/** Builders of whole clusters that meet every requirement, one per platform: see {@link ClusterBuilders}. */
export const cluster: ClusterBuilders = {
  kubernetes: (overrides = {}) => selfManaged('kubernetes', overrides),
  openshift: (overrides = {}) => selfManaged('openshift', overrides),
  rke: (overrides = {}) => selfManaged('rke', overrides),
  eks: (overrides = {}) =>
    merge(
      {
        platform: 'eks',
        networking: 'eks-vpc-cni',
        kubernetes: { version: 'v1.22.17-eks-48e63af' },
        calico: { version: 'v3.23.5', datastore: 'kubernetes', operatorManaged: true, ipam: 'amazon-vpc' },
        eks: { vpcControllersInstalled: true, instanceRole: { canGetNamespaces: true, secretsReadableIn: ['calico-system'] } },
        nodes: [...workers('ip-10-0-1'), windowsNode({ name: 'ip-10-0-2-1', cniPlugin: undefined })],
      } satisfies ClusterFacts,
      overrides,
    ) as ClusterFacts,
  aks: (overrides = {}) =>
    merge(
      {
        platform: 'aks',
        networking: 'aks-azure-cni',
        kubernetes: { version: '1.22.11' },
        calico: { version: '3.23.1', datastore: 'kubernetes', operatorManaged: true, ipam: 'azure-vnet' },
        aks: { newCluster: true },
        nodes: [...workers('aks-nodepool1-vmss00000'), windowsNode({ name: 'akswin000000', cniPlugin: undefined })],
      } satisfies ClusterFacts,
      overrides,
    ) as ClusterFacts,
};

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
