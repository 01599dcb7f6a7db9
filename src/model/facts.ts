/**
 * The facts model: what a cluster is known to be. Every field is optional, and an absent field is
 * *unknown* — never assumed to be fine. The schemas are `zod/mini` (zod v4 core), so users can compose
 * them and `z.infer` works, while the browser bundle stays small.
 *
 * Field names are public API (see the contract); extend them additively.
 * @module
 */
import * as z from 'zod/mini';
import { parseWindowsBuild } from './windows.js';
import { parseVersion } from './version.js';
import { parseContainerRuntime } from './runtime.js';
import { typoOf } from './words.js';
import { CIDR, KNOWN_NETWORKING, KNOWN_PLATFORMS, KUBERNETES_NAME } from './names.js';

export { CONTROL_PLANE_ROLES, KUBERNETES_NAME } from './names.js';

/**
 * The platforms the library knows. Any other string is accepted as a fact and is unsupported — but for a
 * slip of one of these (`kubernets`, `EKS`), which is invalid input naming the value meant.
 */
export { KNOWN_PLATFORMS } from './names.js';
/** A platform the library knows. */
export type KnownPlatform = (typeof KNOWN_PLATFORMS)[number];

/** The networking options the library knows; as for platforms, a slip of one is invalid input. */
export { KNOWN_NETWORKING } from './names.js';
/** A networking option the library knows. */
export type KnownNetworking = (typeof KNOWN_NETWORKING)[number];

/** The datastores Calico can use: the Kubernetes API datastore (kdd) or etcd. */
export const DatastoreSchema = z.enum(['kubernetes', 'etcd']);
/** A Calico datastore. */
export type Datastore = z.infer<typeof DatastoreSchema>;

/** An IP pool's encapsulation, as Calico's IPPool `ipipMode` / `vxlanMode` combine. */
export const EncapsulationSchema = z.enum(['none', 'vxlan', 'vxlan-cross-subnet', 'ipip', 'ipip-cross-subnet']);
/** An IP pool's encapsulation. */
export type Encapsulation = z.infer<typeof EncapsulationSchema>;

/** How Calico for Windows is installed: `manifest` (the manual .zip install) or `operator` (the Tigera operator's HostProcess install). */
export const InstallMethodSchema = z.enum(['manifest', 'operator']);
/** An install method. */
export type InstallMethod = z.infer<typeof InstallMethodSchema>;

/** The ways a Windows node can be reached remotely: Remote Desktop, Windows Remote Management, ssh. */
export const RemoteAccessMethodSchema = z.enum(['rdp', 'winrm', 'ssh']);
/** A remote access method. */
export type RemoteAccessMethod = z.infer<typeof RemoteAccessMethodSchema>;

/**
 * Names must be unique in a list: findings and missing facts name nodes and pools by name
 * (`nodes[win-1].osBuild`). The second of two equal names is the problem, pointing at the first.
 */
const uniqueNames = (list: string, what: string) => uniqueBy('name', () => true, (first) => `duplicates the name of ${list}[${first}]: ${what} names must be unique`);

/** The second of two items with the same `key` (among those `counts` keeps) is a problem, pointing at the first. */
function uniqueBy<K extends 'name' | 'cidr'>(
  key: K,
  counts: (item: { readonly name?: string | undefined; readonly cidr?: string | undefined }) => boolean,
  message: (first: number) => string,
) {
  return z.superRefine((items: ReadonlyArray<{ readonly name?: string | undefined; readonly cidr?: string | undefined }>, ctx) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const value = item[key];
      if (value === undefined || !counts(item)) return;
      const first = seen.get(value);
      if (first === undefined) seen.set(value, index);
      else
        ctx.issues.push({
          // Stryker disable next-line StringLiteral: schemaIssues words every issue code it does not know as it words custom ones
          code: 'custom',
          input: value,
          path: [index, key],
          message: message(first),
        });
    });
  });
}

const nonEmpty = () => z.string().check(z.minLength(1, { message: 'must not be empty', abort: true }));

/**
 * An integer from `min` to `max`. A fraction is reported as `z.int()` reports it (`invalid_type`, expected
 * `int`), and stops the range checks; JSON Schema shows it as an `integer`. Not `z.int()` itself: its
 * number-format check and range tables cost the main entry 0.45 KB gzip of its 30 KB budget.
 */
function integer(min: number, max: number) {
  const whole = z.superRefine((value: number, ctx) => {
    if (!Number.isInteger(value)) ctx.issues.push({ code: 'invalid_type', expected: 'int', input: value });
  });
  // What z.int() tells JSON Schema: `format` naming an integer makes the number an `integer`.
  whole._zod.onattach.push((schema) => {
    schema._zod.bag.format = 'safeint';
  });
  return z.number().check(whole, z.minimum(min), z.maximum(max));
}

/**
 * A value of an open set with known members (`platform`, `networking`): any string, except a slip of a
 * known one, which would otherwise pass as some other, unsupported value — a finding that misleads
 * ("platform 'kubernets' is not supported") where the input has a typo.
 */
const knownOrOther = (what: string, known: readonly string[]) =>
  nonEmpty().check(
    z.superRefine((value: string, ctx) => {
      const meant = typoOf(value, known);
      if (meant !== undefined)
        ctx.issues.push({ code: 'custom', input: value, message: `is not a known ${what} (did you mean '${meant}'?); known: ${known.join(', ')}` });
    }),
  );

const kubernetesName = () =>
  nonEmpty().check(
    z.refine((v) => v.length <= 253 && KUBERNETES_NAME.test(v), {
      message: "is not a Kubernetes object name (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters)",
      abort: true,
    }),
  );

const cidr = () => nonEmpty().check(z.refine((v) => CIDR.test(v), { message: "is not a CIDR (expected something like '10.244.0.0/16')", abort: true }));

/** Findings name an unnamed pool by its CIDR: two unnamed pools of one CIDR would share a name. */
const uniqueCidrs = uniqueBy('cidr', (pool) => pool.name === undefined, (first) => `duplicates the CIDR of calico.ipPools[${first}]: give the pools names, or drop the duplicate`);


const versionString = () =>
  nonEmpty().check(
    z.refine((v) => parseVersion(v) !== undefined, {
      message: 'is not a version (expected something like 1.23.4 or v1.23.4-eks-0389ca3)',
    }),
  );

/** An IP pool of the Linux side's Calico. Disabled pools are ignored by every rule. */
export const IpPoolSchema = z.strictObject({
  name: z.optional(kubernetesName()),
  cidr: z.optional(cidr()),
  encapsulation: EncapsulationSchema,
  disabled: z.optional(z.boolean()),
});
/** An IP pool. */
export type IpPool = z.infer<typeof IpPoolSchema>;

/** Calico as installed and configured on the Linux side. */
export const CalicoFactsSchema = z.strictObject({
  version: z.optional(versionString()),
  datastore: z.optional(DatastoreSchema),
  operatorManaged: z.optional(z.boolean()),
  ipam: z.optional(nonEmpty()),
  strictAffinity: z.optional(z.boolean()),
  ipipEnabled: z.optional(z.boolean()),
  bgpEnabled: z.optional(z.boolean()),
  vxlanPort: z.optional(integer(1, 65535)),
  /** FelixConfiguration `spec.vxlanVNI`. */
  vxlanVNI: z.optional(integer(1, 16777215)),
  /** How Calico for Windows is (or will be) installed on the Windows nodes. */
  installMethod: z.optional(InstallMethodSchema),
  /** Installation `spec.calicoNetwork.windowsDataplane`: `HNS` turns the operator's Windows install on, `Disabled` off. */
  windowsDataplane: z.optional(nonEmpty()),
  /** Installation `spec.serviceCIDRs`: the cluster's service CIDRs. */
  serviceCIDRs: z.optional(z.array(nonEmpty())),
  /** The `kubernetes-services-endpoint` ConfigMap (tigera-operator namespace): the API server's host and port. */
  kubernetesServicesEndpoint: z.optional(z.strictObject({ host: z.optional(nonEmpty()), port: z.optional(nonEmpty()) })),
  ipPools: z.optional(
    z.array(IpPoolSchema).check(uniqueNames('calico.ipPools', 'pool'), uniqueCidrs),
  ),
});
/** Calico facts. */
export type CalicoFacts = z.infer<typeof CalicoFactsSchema>;

/** Facts about the network between the nodes. */
export const NetworkFactsSchema = z.strictObject({
  vxlanPortOpen: z.optional(z.boolean()),
  sourceDestCheckDisabled: z.optional(z.boolean()),
});
/** Network facts. */
export type NetworkFacts = z.infer<typeof NetworkFactsSchema>;

/** Facts only an EKS cluster has. */
export const EksFactsSchema = z.strictObject({
  vpcControllersInstalled: z.optional(z.boolean()),
  instanceRole: z.optional(
    z.strictObject({
      canGetNamespaces: z.optional(z.boolean()),
      secretsReadableIn: z.optional(z.array(nonEmpty())),
    }),
  ),
});
/** EKS facts. */
export type EksFacts = z.infer<typeof EksFactsSchema>;

/** Facts only an AKS cluster has. */
export const AksFactsSchema = z.strictObject({
  newCluster: z.optional(z.boolean()),
});
/** AKS facts. */
export type AksFacts = z.infer<typeof AksFactsSchema>;

/** A Linux node. Roles absent, or without a control-plane role, make it a worker. */
export const LinuxNodeFactsSchema = z.strictObject({
  os: z.literal('linux'),
  name: kubernetesName(),
  roles: z.optional(z.array(nonEmpty())),
  routeReflector: z.optional(z.boolean()),
});
/** A Linux node. */
export type LinuxNodeFacts = z.infer<typeof LinuxNodeFactsSchema>;

/** A Windows node, joined or about to be. */
export const WindowsNodeFactsSchema = z.strictObject({
  os: z.literal('windows'),
  name: kubernetesName(),
  osBuild: z.optional(
    nonEmpty().check(
      z.refine((v) => parseWindowsBuild(v) !== undefined, {
        message: "is not a Windows build (expected '10.0.17763.1432', '17763.1432' or '10.0.17763')",
      }),
    ),
  ),
  containerRuntime: z.optional(
    nonEmpty().check(
      z.refine((v) => parseContainerRuntime(v) !== undefined, {
        message: "is not a container runtime (expected 'containerd://1.6.6', 'docker://19.3.14', 'containerd' or 'docker')",
      }),
    ),
  ),
  datastore: z.optional(DatastoreSchema),
  cniPlugin: z.optional(nonEmpty()),
  routeReflector: z.optional(z.boolean()),
  powershellAdmin: z.optional(z.boolean()),
  remoteAccess: z.optional(z.array(RemoteAccessMethodSchema)),
  remoteAccessServiceInstalled: z.optional(z.boolean()),
  tls12Enabled: z.optional(z.boolean()),
});
/** A Windows node. */
export type WindowsNodeFacts = z.infer<typeof WindowsNodeFactsSchema>;

/** A node of the cluster, discriminated by `os`. */
export const NodeFactsSchema = z.discriminatedUnion('os', [LinuxNodeFactsSchema, WindowsNodeFactsSchema]);
/** A node of the cluster. */
export type NodeFacts = z.infer<typeof NodeFactsSchema>;

/**
 * Everything the library knows about a cluster. Every field is optional: an absent fact is unknown.
 *
 * `platform` and `networking` accept any string: a platform the seed does not support (`'gke'`) is a
 * finding of `platform-supported`, not invalid input. A slip of a known value (`'kubernets'`, `'EKS'`) is
 * invalid input that names the value meant.
 */
export const ClusterFactsSchema = z.strictObject({
  platform: z.optional(knownOrOther('platform', KNOWN_PLATFORMS)),
  infrastructure: z.optional(nonEmpty()),
  networking: z.optional(knownOrOther('networking option', KNOWN_NETWORKING)),
  kubernetes: z.optional(
    z.strictObject({
      version: z.optional(versionString()),
      /** HostProcess containers are enabled (a feature gate on 1.22, on by default from 1.23). */
      hostProcessContainersEnabled: z.optional(z.boolean()),
    }),
  ),
  calico: z.optional(CalicoFactsSchema),
  network: z.optional(NetworkFactsSchema),
  eks: z.optional(EksFactsSchema),
  aks: z.optional(AksFactsSchema),
  nodes: z.optional(
    z.array(NodeFactsSchema).check(uniqueNames('nodes', 'node')),
  ),
});
/** Everything known about a cluster. */
export type ClusterFacts = z.infer<typeof ClusterFactsSchema>;
