/**
 * Facts from the cluster itself: Kubernetes `Node` objects, the Tigera operator's `Installation`, Calico's
 * own resources and the manifest install's `calico-config` ConfigMap, as `kubectl get … -o yaml` prints
 * them. Pure and browser-safe: it receives parsed objects (see `parseManifestsText` in
 * `calico-windows-compat/yaml` for text) and returns partial facts, where each came from, and notes.
 *
 * Its one promise is the library's: a fact the objects do not state stays absent. Where objects disagree,
 * the fact is left out and a note says so; nothing is guessed.
 * @module
 */
import { CompatError, type InputIssue } from '../errors.js';
import type { ClusterFacts, Encapsulation, IpPool, NodeFacts } from '../model/facts.js';
import type { FactSource } from '../model/report.js';
import { formatPath } from '../model/parse.js';
import { parseWindowsBuild } from '../model/windows.js';
import { parseContainerRuntime } from '../model/runtime.js';
import { compareVersions, parseVersion } from '../model/version.js';
import { WINDOWS_RELEASES } from '../data/windows-builds.js';

/** A position in a source text: 1-based line and column, and the file when known. */
export interface SourceLocation {
  readonly file?: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Where the value at `path` inside `root` stands in its source text. `root` is the value given to
 * {@link factsFromManifests} (or a document inside it); `parseManifestsText` returns one.
 */
export type ManifestLocator = (root: object, path: readonly (string | number)[]) => SourceLocation | undefined;

/** Parsed manifests and the way back to their text, as `parseManifestsText` returns them. */
export interface ManifestSet {
  /** The documents, in order: Kubernetes objects, `List`s, or arrays of them. */
  readonly objects: readonly unknown[];
  /** Locates values inside `objects`. */
  readonly locate: ManifestLocator;
}

/** Options of {@link factsFromManifests}. */
export interface ManifestOptions {
  /** Locates values in the input, so sources and errors carry file, line and column. */
  readonly locate?: ManifestLocator;
}

/** What a {@link ManifestNote} is about. */
export type ManifestNoteCode =
  /** Objects of a kind (or a name) that says nothing about the requirements were not read. */
  | 'skipped'
  /** Objects disagree about a fact: it is left out. */
  | 'conflict'
  /** A field holds a value the adapter does not understand: the fact is left out. */
  | 'invalid-value'
  /** The objects come close to a fact but do not decide it: it is left out. */
  | 'undecided'
  /** A fact was inferred from one or more fields, and how. */
  | 'inferred'
  /** A Calico resource names a node no Kubernetes `Node` object describes. */
  | 'unmatched'
  /** The input holds no Kubernetes object. */
  | 'empty';

/** Something the adapter wants users to know: what it skipped, inferred or could not decide. Data, not text. */
export interface ManifestNote {
  readonly code: ManifestNoteCode;
  /** `warning`: a fact is missing or doubtful because of it; `info`: for the record. */
  readonly level: 'info' | 'warning';
  /** The note in English. */
  readonly message: string;
  /** The object it is about: `Node/win-1`, `Installation/default`. */
  readonly object?: string;
  /** The fact it is about: `nodes[win-1].osBuild`, `networking`. */
  readonly fact?: string;
  /** Where the object stands in its source text. */
  readonly location?: SourceLocation;
}

/** What {@link factsFromManifests} returns. */
export interface ManifestFacts {
  /** The facts the objects state: partial, valid against `ClusterFactsSchema`. */
  readonly facts: ClusterFacts;
  /**
   * Where each fact came from, keyed by fact path as findings name them (`nodes[win-1].osBuild`,
   * `calico.ipPools[default-ipv4-ippool].encapsulation`): pass it to `evaluateCompatibility`'s `sources`.
   */
  readonly sources: Record<string, FactSource>;
  /** What was skipped, inferred, or left out and why, in input order. */
  readonly notes: ManifestNote[];
}

/**
 * Derives facts from Kubernetes objects: `kubectl get nodes -o yaml`,
 * `kubectl get installation,felixconfiguration,ippool,ipamconfig,bgpconfiguration,clusterinformation -o yaml`,
 * the `calico-config` ConfigMap, the operator's `kubernetes-services-endpoint` ConfigMap (tigera-operator
 * namespace), `calicoctl get nodes -o yaml`, and `kubectl version -o yaml`.
 *
 * Accepts a single object, a `List` (`kind: List` or a typed `NodeList`), an array, or arrays of those.
 * Objects of other kinds are skipped with a note. Pure: no I/O.
 *
 * @throws {@link CompatError} `invalid-input` when a document is not a Kubernetes object (no `apiVersion`
 * and `kind`), listing each with its position.
 * @example
 * const { facts, sources, notes } = factsFromManifests(JSON.parse(kubectlGetNodesJson));
 * evaluateCompatibility(mergeFacts(facts, handWritten).facts, { sources });
 */
export function factsFromManifests(objects: unknown, options: ManifestOptions = {}): ManifestFacts {
  const root = typeof objects === 'object' ? (objects ?? undefined) : undefined;
  const ctx = new Context(root, options.locate);
  const refs = collect(objects, ctx);
  if (refs.length === 0) ctx.note('empty', 'info', 'The input holds no Kubernetes object.');
  for (const ref of refs) read(ref, ctx);
  return assemble(ctx);
}

/** Joins parsed manifest sets (from several files) into one, keeping each one's locations. */
export function concatManifests(sets: readonly ManifestSet[]): ManifestSet {
  const objects: unknown[] = [];
  const owners: Array<{ set: ManifestSet; offset: number }> = [];
  for (const set of sets) {
    owners.push({ set, offset: objects.length });
    objects.push(...set.objects);
  }
  return {
    objects,
    locate(root, path) {
      if (root === objects) {
        const [index, ...rest] = path;
        if (typeof index !== 'number') return undefined;
        // Stryker disable next-line ArithmeticOperator: starting past the end only meets undefined owners, which the loop skips
        for (let i = owners.length - 1; i >= 0; i--) {
          const owner = owners[i];
          if (owner && index >= owner.offset) return owner.set.locate(owner.set.objects, [index - owner.offset, ...rest]);
        }
        return undefined;
      }
      for (const { set } of owners) {
        const found = set.locate(root, path);
        if (found) return found;
      }
      return undefined;
    },
  };
}

// -------------------------------------------------------------------------------------------------
// Walking the input

type Obj = Record<string, unknown>;
type Segment = string | number;

/** One Kubernetes object of the input, with its place. */
interface Ref {
  readonly object: Obj;
  /** Its path from the root given to factsFromManifests. */
  readonly path: readonly Segment[];
  /** `Node/win-1`, `ConfigMap/kube-system/calico-config`, `Node.projectcalico.org/rr-1`. */
  readonly label: string;
  readonly group: string;
  readonly kind: string;
  readonly name: string | undefined;
}

const MAX_LIST_DEPTH = 4;
const CALICO_GROUPS = new Set(['projectcalico.org', 'crd.projectcalico.org']);

function collect(input: unknown, ctx: Context): Ref[] {
  const refs: Ref[] = [];
  const issues: InputIssue[] = [];
  const visit = (value: unknown, path: Segment[], depth: number, inherited?: { apiVersion: string; kind: string }): void => {
    if (Array.isArray(value)) {
      if (depth >= MAX_LIST_DEPTH) return void issues.push(issue(ctx, path, 'nested-too-deep', 'lists nested too deeply'));
      value.forEach((item, index) => visit(item, [...path, index], depth + 1));
      return;
    }
    if (!isObj(value)) {
      issues.push(
        issue(ctx, path, 'not-an-object', `expected a Kubernetes object (with apiVersion and kind), got ${describe(value)}`),
      );
      return;
    }
    let apiVersion = own(value, 'apiVersion');
    let kind = own(value, 'kind');
    if (apiVersion === undefined && kind === undefined && inherited) ({ apiVersion, kind } = inherited);
    if (typeof apiVersion !== 'string' || typeof kind !== 'string' || apiVersion === '' || kind === '') {
      if (isKubectlVersion(value)) {
        refs.push({
          object: value,
          path,
          label: 'kubectl version',
          // Stryker disable next-line StringLiteral: read() dispatches on kind 'KubectlVersion' before it looks at the group
          group: '',
          kind: 'KubectlVersion',
          name: undefined,
        });
        return;
      }
      issues.push(
        issue(
          ctx,
          path,
          'not-a-kubernetes-object',
          `not a Kubernetes object: ${typeof apiVersion !== 'string' || apiVersion === '' ? 'apiVersion' : 'kind'} is missing`,
        ),
      );
      return;
    }
    const items = own(value, 'items');
    if (kind.endsWith('List') && Array.isArray(items)) {
      if (depth >= MAX_LIST_DEPTH) return void issues.push(issue(ctx, path, 'nested-too-deep', 'lists nested too deeply'));
      // A typed list from the API (NodeList) may omit apiVersion and kind on its items.
      const itemKind = kind === 'List' ? undefined : { apiVersion, kind: kind.slice(0, -'List'.length) };
      items.forEach((item, index) => visit(item, [...path, 'items', index], depth + 1, itemKind));
      return;
    }
    const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
    const metadata = own(value, 'metadata');
    const name = nonEmptyString(isObj(metadata) ? own(metadata, 'name') : undefined);
    const namespace = nonEmptyString(isObj(metadata) ? own(metadata, 'namespace') : undefined);
    // Calico's Node shares its kind with Kubernetes' Node: name its group.
    const kindLabel = kind === 'Node' && CALICO_GROUPS.has(group) ? `Node.${group}` : kind;
    const label = `${kindLabel}/${namespace === undefined ? '' : `${namespace}/`}${name ?? '(unnamed)'}`;
    refs.push({ object: value, path, label, group, kind, name });
  };
  visit(input, [], 0);
  if (issues.length > 0)
    throw new CompatError(
      'invalid-input',
      `Not Kubernetes objects: ${issues.length === 1 ? 'a document is' : `${issues.length} documents are`} neither an object with apiVersion and kind, nor a List, nor kubectl version output:`,
      issues,
    );
  return refs;
}

function issue(ctx: Context, path: readonly Segment[], code: string, message: string): InputIssue {
  const location = ctx.locate(path);
  const base = { path: formatPath(path), code, message };
  return location ? { ...base, location } : base;
}

function isKubectlVersion(value: Obj): boolean {
  return isObj(own(value, 'serverVersion')) || isObj(own(value, 'clientVersion'));
}

// -------------------------------------------------------------------------------------------------
// Claims: every fact an object states, with its source. Facts are resolved once everything is read.

interface Claim {
  readonly value: unknown;
  readonly source: FactSource;
  /** Which claim is cited when claims agree: the lowest rank. */
  readonly rank: number;
  readonly ref: Ref;
}

interface KubeletVersion {
  readonly node: string;
  readonly version: string;
  readonly controlPlane: boolean;
  readonly source: FactSource;
}

interface PoolDraft {
  readonly name: string | undefined;
  readonly pool: IpPool | undefined;
  /** Why the pool's encapsulation cannot be told. */
  readonly problem?: string | undefined;
  readonly sources: Record<string, FactSource>;
  readonly ref: Ref;
}

/** What Calico's own Windows installer would pick as its backend, from one object. */
interface BackendClaim {
  /** A networking value, or `policy-only` (calico_backend: none: Calico does no networking). */
  readonly value: string;
  readonly source: FactSource;
  /** How, for the note. */
  readonly how: string;
}

class Context {
  readonly claims = new Map<string, Claim[]>();
  readonly notes: ManifestNote[] = [];
  readonly nodeOrder: string[] = [];
  readonly nodeObjects = new Map<string, Ref[]>();
  readonly kubelets: KubeletVersion[] = [];
  readonly installations: Ref[] = [];
  readonly poolObjects: PoolDraft[] = [];
  readonly installationPools: PoolDraft[] = [];
  readonly backends: BackendClaim[] = [];
  /** Pool-derived backend (the installer's fallback when FelixConfiguration leaves vxlanEnabled unset). */
  readonly felixVxlan: BackendClaim[] = [];
  // Stryker disable next-line ArrayDeclaration: resolveNodes passes over an entry without a name, as a stray string is
  readonly calicoNodes: Ref[] = [];
  readonly skipped = new Map<string, Ref[]>();

  constructor(
    readonly root: object | undefined,
    private readonly locator: ManifestLocator | undefined,
  ) {}

  locate(path: readonly Segment[]): SourceLocation | undefined {
    if (!this.root || !this.locator) return undefined;
    try {
      return this.locator(this.root, path);
    } catch {
      // A locator that throws locates nothing.
    }
    return undefined;
  }

  source(ref: Ref, fields: ReadonlyArray<readonly Segment[]>): FactSource {
    const field = fields.map((f) => formatPath(f)).join(' + ');
    const first = fields[0];
    const location = this.locate(first ? [...ref.path, ...first] : ref.path) ?? this.locate(ref.path);
    return {
      object: ref.label,
      ...(fields.length > 0 ? { field } : {}),
      ...(location?.file === undefined ? {} : { file: location.file }),
      ...(location === undefined ? {} : { line: location.line, column: location.column }),
    };
  }

  claim(fact: string, value: unknown, ref: Ref, fields: ReadonlyArray<readonly Segment[]>, rank = 0): void {
    const list = this.claims.get(fact);
    const claim = { value, source: this.source(ref, fields), rank, ref };
    if (list) list.push(claim);
    else this.claims.set(fact, [claim]);
  }

  note(code: ManifestNoteCode, level: ManifestNote['level'], message: string, extra: { ref?: Ref; fact?: string } = {}): void {
    const location = extra.ref ? this.locate(extra.ref.path) : undefined;
    this.notes.push({
      code,
      level,
      message,
      ...(extra.ref ? { object: extra.ref.label } : {}),
      ...(extra.fact === undefined ? {} : { fact: extra.fact }),
      ...(location ? { location } : {}),
    });
  }
}

// -------------------------------------------------------------------------------------------------
// Reading each kind

function read(ref: Ref, ctx: Context): void {
  const { group, kind } = ref;
  if (kind === 'KubectlVersion') return readKubectlVersion(ref, ctx);
  if (group === '' && kind === 'Node') return readNode(ref, ctx);
  if (group === '' && kind === 'ConfigMap' && ref.name === 'calico-config') return readCalicoConfig(ref, ctx);
  if (group === '' && kind === 'ConfigMap' && ref.name === 'kubernetes-services-endpoint') return readServicesEndpoint(ref, ctx);
  if (group === 'operator.tigera.io' && kind === 'Installation') return readInstallation(ref, ctx);
  if (CALICO_GROUPS.has(group)) {
    switch (kind) {
      case 'FelixConfiguration':
        return ref.name === 'default' ? readFelixConfiguration(ref, ctx) : skip(ref, ctx, 'per-node FelixConfiguration');
      case 'IPPool':
        return readIpPool(ref, ctx);
      case 'IPAMConfiguration':
      case 'IPAMConfig':
        return ref.name === 'default' ? readIpamConfig(ref, ctx) : skip(ref, ctx, `${kind} other than default`);
      case 'ClusterInformation':
        return ref.name === 'default' ? readClusterInformation(ref, ctx) : skip(ref, ctx, 'ClusterInformation other than default');
      case 'BGPConfiguration':
        // Recognised: it shapes peering (node-to-node mesh, AS numbers), which no requirement reads.
        return;
      case 'Node':
        if (group === 'projectcalico.org') return void ctx.calicoNodes.push(ref);
        break;
    }
  }
  skip(ref, ctx, group === '' && kind === 'ConfigMap' ? 'ConfigMap other than calico-config' : undefined);
}

function skip(ref: Ref, ctx: Context, reason?: string): void {
  const key = reason ?? `${ref.group === '' ? '' : `${ref.group}/`}${ref.kind}`;
  const list = ctx.skipped.get(key);
  if (list) list.push(ref);
  else ctx.skipped.set(key, [ref]);
}

const LABELS: Segment[] = ['metadata', 'labels'];
const ANNOTATIONS: Segment[] = ['metadata', 'annotations'];
const NODE_INFO: Segment[] = ['status', 'nodeInfo'];

// Labels managed clusters put on their nodes. `kubernetes.azure.com/cluster` and `/role` alone are not
// AKS: aks-engine (self-managed on Azure) sets them too; AKS node resource groups are named `MC_…`.
const PLATFORM_HINTS: ReadonlyArray<{ platform: string; test: (key: string, value: string) => boolean }> = [
  { platform: 'eks', test: (key) => key.startsWith('eks.amazonaws.com/') || key.startsWith('alpha.eksctl.io/') },
  {
    platform: 'aks',
    test: (key, value) =>
      key === 'kubernetes.azure.com/node-image-version' ||
      key === 'kubernetes.azure.com/mode' ||
      (key === 'kubernetes.azure.com/cluster' && value.startsWith('MC_')),
  },
  { platform: 'openshift', test: (key) => key === 'node.openshift.io/os_id' },
];

/** A table's own entry only: `constructor` or `toString` in the input name no entry. */
function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

const isInteger = (value: unknown): value is number => Number.isInteger(value);

const PROVIDER_ID_SCHEMES: Readonly<Record<string, string>> = { aws: 'aws', azure: 'azure', gce: 'gcp', vsphere: 'vsphere' };

// Release names in osImage (the registry's ProductName). Semi-annual releases print no year
// ("Windows Server Datacenter"), so only the long-term releases can be told from it.
const OS_IMAGE_RELEASES: ReadonlyArray<{ pattern: RegExp; release: string }> = [
  { pattern: /\bWindows Server 2016\b/i, release: '1607' },
  { pattern: /\bWindows Server 2019\b/i, release: '1809' },
  { pattern: /\bWindows Server 2022\b/i, release: '2022' },
  { pattern: /\bWindows Server 2025\b/i, release: '2025' },
];

const CONTROL_PLANE_ROLES = new Set(['control-plane', 'controlplane', 'master']);

function readNode(ref: Ref, ctx: Context): void {
  const name = ref.name;
  if (name === undefined) return ctx.note('invalid-value', 'warning', 'A Node without metadata.name was not read.', { ref });
  const o = ref.object;
  const base = `nodes[${name}]`;
  if (!ctx.nodeObjects.has(name)) {
    ctx.nodeOrder.push(name);
    ctx.nodeObjects.set(name, []);
  }
  // Stryker disable next-line OptionalChaining: the list for name was set just above when missing
  ctx.nodeObjects.get(name)?.push(ref);
  const labels = stringMap(get(o, LABELS));
  const annotations = stringMap(get(o, ANNOTATIONS));

  // os: the well-known label, else the kubelet's report.
  const osLabelKey = labels.has('kubernetes.io/os') ? 'kubernetes.io/os' : labels.has('beta.kubernetes.io/os') ? 'beta.kubernetes.io/os' : undefined;
  const osInfo = nonEmptyString(get(o, [...NODE_INFO, 'operatingSystem']));
  if (osLabelKey !== undefined) ctx.claim(`${base}.os`, labels.get(osLabelKey), ref, [[...LABELS, osLabelKey]]);
  if (osInfo !== undefined) ctx.claim(`${base}.os`, osInfo, ref, [[...NODE_INFO, 'operatingSystem']], 1);

  const roles = [...labels.keys()]
    .filter((key) => key.startsWith('node-role.kubernetes.io/') && key.length > 'node-role.kubernetes.io/'.length)
    .map((key) => key.slice('node-role.kubernetes.io/'.length))
    .sort();
  const [firstRole] = roles;
  if (firstRole !== undefined) ctx.claim(`${base}.roles`, roles, ref, [[...LABELS, `node-role.kubernetes.io/${firstRole}`]]);

  const kubelet = nonEmptyString(get(o, [...NODE_INFO, 'kubeletVersion']));
  if (kubelet !== undefined) {
    if (parseVersion(kubelet) === undefined)
      ctx.note('invalid-value', 'warning', `status.nodeInfo.kubeletVersion '${kubelet}' is not a version.`, { ref });
    else
      ctx.kubelets.push({
        node: name,
        version: kubelet,
        controlPlane: roles.some((r) => CONTROL_PLANE_ROLES.has(r)),
        source: ctx.source(ref, [[...NODE_INFO, 'kubeletVersion']]),
      });
  }

  const providerId = nonEmptyString(get(o, ['spec', 'providerID']));
  if (providerId !== undefined) {
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(providerId)?.[1];
    const infrastructure = scheme === undefined ? undefined : lookup(PROVIDER_ID_SCHEMES, scheme.toLowerCase());
    if (infrastructure !== undefined) ctx.claim('infrastructure', infrastructure, ref, [['spec', 'providerID']]);
    else
      ctx.note('undecided', 'info', `spec.providerID '${truncate(providerId)}' names no infrastructure the library knows.`, {
        ref,
        fact: 'infrastructure',
      });
  }

  for (const [key, value] of labels) {
    const hint = PLATFORM_HINTS.find((h) => h.test(key, value));
    if (hint) {
      ctx.claim('platform', hint.platform, ref, [[...LABELS, key]], 1);
      break;
    }
  }

  const rr = nonEmptyString(annotations.get('projectcalico.org/RouteReflectorClusterID'));
  if (rr !== undefined) ctx.claim(`${base}.routeReflector`, true, ref, [[...ANNOTATIONS, 'projectcalico.org/RouteReflectorClusterID']]);

  // Windows-only facts, read when the node says it is Windows.
  const os = osLabelKey !== undefined ? labels.get(osLabelKey) : osInfo;
  if (os !== 'windows') return;
  readWindowsBuild(ref, ctx, base, labels);
  const runtime = nonEmptyString(get(o, [...NODE_INFO, 'containerRuntimeVersion']));
  if (runtime !== undefined) {
    if (parseContainerRuntime(runtime) === undefined)
      ctx.note('invalid-value', 'warning', `status.nodeInfo.containerRuntimeVersion '${truncate(runtime)}' is not a container runtime.`, {
        ref,
        fact: `${base}.containerRuntime`,
      });
    else ctx.claim(`${base}.containerRuntime`, runtime, ref, [[...NODE_INFO, 'containerRuntimeVersion']]);
  }
}

function readWindowsBuild(ref: Ref, ctx: Context, base: string, labels: ReadonlyMap<string, string>): void {
  const fact = `${base}.osBuild`;
  const kernel = nonEmptyString(get(ref.object, [...NODE_INFO, 'kernelVersion']));
  const label = nonEmptyString(labels.get('node.kubernetes.io/windows-build'));
  const kernelBuild = kernel === undefined ? undefined : parseWindowsBuild(kernel);
  const labelBuild = label === undefined ? undefined : parseWindowsBuild(label);
  if (kernel !== undefined && kernelBuild === undefined)
    ctx.note('invalid-value', 'warning', `status.nodeInfo.kernelVersion '${truncate(kernel)}' is not a Windows build.`, { ref, fact });
  if (label !== undefined && labelBuild === undefined)
    ctx.note('invalid-value', 'warning', `label node.kubernetes.io/windows-build '${truncate(label)}' is not a Windows build.`, { ref, fact });
  if (kernelBuild !== undefined) {
    // The label is set when the node registers and is not updated after an in-place upgrade
    // (kubernetes/kubernetes#84472): the kubelet's kernelVersion is the live value.
    if (labelBuild !== undefined && labelBuild.build !== kernelBuild.build)
      ctx.note(
        'conflict',
        'warning',
        `label node.kubernetes.io/windows-build says ${String(label)} but status.nodeInfo.kernelVersion says ${kernel}: kernelVersion, the kubelet's current report, is used.`,
        { ref, fact },
      );
    return ctx.claim(fact, kernel, ref, [[...NODE_INFO, 'kernelVersion']]);
  }
  if (labelBuild !== undefined)
    return ctx.claim(fact, label, ref, [[...LABELS, 'node.kubernetes.io/windows-build']]);
  const osImage = nonEmptyString(get(ref.object, [...NODE_INFO, 'osImage']));
  if (osImage === undefined) return;
  const match = OS_IMAGE_RELEASES.find((r) => r.pattern.test(osImage));
  const release = match && WINDOWS_RELEASES.find((r) => r.id === match.release);
  if (!release)
    return ctx.note('undecided', 'warning', `status.nodeInfo.osImage '${truncate(osImage)}' does not name the Windows Server release, and neither kernelVersion nor the windows-build label is set.`, { ref, fact });
  ctx.claim(fact, `10.0.${release.build}`, ref, [[...NODE_INFO, 'osImage']]);
  ctx.note(
    'inferred',
    'info',
    `${fact} 10.0.${release.build} from osImage '${truncate(osImage)}' (${release.displayName}), without the revision: status.nodeInfo.kernelVersion would give it.`,
    { ref, fact },
  );
}

function readKubectlVersion(ref: Ref, ctx: Context): void {
  const version = nonEmptyString(get(ref.object, ['serverVersion', 'gitVersion']));
  if (version === undefined) return skip(ref, ctx, 'kubectl version output without serverVersion');
  if (parseVersion(version) === undefined)
    return ctx.note('invalid-value', 'warning', `serverVersion.gitVersion '${truncate(version)}' is not a version.`, { ref, fact: 'kubernetes.version' });
  ctx.claim('kubernetes.version', version, ref, [['serverVersion', 'gitVersion']]);
}

const PROVIDERS: Readonly<Record<string, string>> = {
  EKS: 'eks',
  AKS: 'aks',
  OpenShift: 'openshift',
  GKE: 'gke',
  DockerEnterprise: 'docker-enterprise',
  RKE2: 'rke2',
  TKG: 'tkg',
  Kind: 'kind',
};

const OPERATOR_IPAM: Readonly<Record<string, string>> = {
  Calico: 'calico',
  HostLocal: 'host-local',
  AmazonVPC: 'amazon-vpc',
  AzureVNET: 'azure-vnet',
};

const OPERATOR_ENCAPSULATION: Readonly<Record<string, Encapsulation>> = {
  IPIP: 'ipip',
  IPIPCrossSubnet: 'ipip-cross-subnet',
  VXLAN: 'vxlan',
  VXLANCrossSubnet: 'vxlan-cross-subnet',
  None: 'none',
};

/**
 * Reads a field of the Installation's spec, else of `status.computed` (the spec with the operator's
 * defaults filled in, as a live cluster prints it).
 */
function installationField(ref: Ref, path: readonly Segment[]): { value: unknown; field: Segment[] } | undefined {
  const spec = get(ref.object, ['spec', ...path]);
  if (spec !== undefined && spec !== null && spec !== '') return { value: spec, field: ['spec', ...path] };
  const computed = get(ref.object, ['status', 'computed', ...path]);
  if (computed !== undefined && computed !== null && computed !== '') return { value: computed, field: ['status', 'computed', ...path] };
  return undefined;
}

function readInstallation(ref: Ref, ctx: Context): void {
  ctx.installations.push(ref);
  ctx.claim('calico.operatorManaged', true, ref, []);

  const provider = installationField(ref, ['kubernetesProvider']);
  if (provider && typeof provider.value === 'string') {
    const platform = lookup(PROVIDERS, provider.value) ?? provider.value.toLowerCase();
    ctx.claim('platform', platform, ref, [provider.field]);
    if (provider.value === 'RKE2')
      ctx.note('inferred', 'info', "platform 'rke2': the v3.23 requirements name RKE (Rancher Kubernetes Engine), not RKE2; if you hold RKE2 to be covered, state platform: rke in your facts.", { ref, fact: 'platform' });
  }

  const version = nonEmptyString(get(ref.object, ['status', 'calicoVersion']));
  // Stryker disable next-line ConditionalExpression: parseVersion finds no version in undefined either
  if (version !== undefined)
    if (parseVersion(version) !== undefined) ctx.claim('calico.version', version, ref, [['status', 'calicoVersion']], 1);

  const bgp = installationField(ref, ['calicoNetwork', 'bgp']);
  if (bgp) {
    if (bgp.value === 'Enabled' || bgp.value === 'Disabled') ctx.claim('calico.bgpEnabled', bgp.value === 'Enabled', ref, [bgp.field]);
    else ctx.note('invalid-value', 'warning', `${formatPath(bgp.field)} ${show(bgp.value)} is neither Enabled nor Disabled.`, { ref, fact: 'calico.bgpEnabled' });
  }

  const ipam = installationField(ref, ['cni', 'ipam', 'type']);
  if (ipam && typeof ipam.value === 'string') ctx.claim('calico.ipam', lookup(OPERATOR_IPAM, ipam.value) ?? ipam.value.toLowerCase(), ref, [ipam.field]);

  readInstallationBackend(ref, ctx, bgp, ipam);
  readInstallationPools(ref, ctx);
  readInstallationWindows(ref, ctx);
}

// What the operator needs to install Calico for Windows (tigera/operator WindowsEnabled and its
// Installation validation, upstream.md §4).
function readInstallationWindows(ref: Ref, ctx: Context): void {
  const dataplane = installationField(ref, ['calicoNetwork', 'windowsDataplane']);
  if (!dataplane)
    ctx.note('undecided', 'info', 'spec.calicoNetwork.windowsDataplane is not set (the operator then leaves Windows off): calico.windowsDataplane is left for you to state.', { ref, fact: 'calico.windowsDataplane' });
  else if (dataplane.value === 'HNS' || dataplane.value === 'Disabled') {
    ctx.claim('calico.windowsDataplane', dataplane.value, ref, [dataplane.field]);
    // With HNS the operator itself installs Calico for Windows, in HostProcess containers.
    if (dataplane.value === 'HNS') ctx.claim('calico.installMethod', 'operator', ref, [dataplane.field]);
  } else
    ctx.note('invalid-value', 'warning', `${formatPath(dataplane.field)} ${show(dataplane.value)} is neither HNS nor Disabled.`, { ref, fact: 'calico.windowsDataplane' });

  const cidrs = installationField(ref, ['serviceCIDRs']);
  if (!cidrs) return;
  if (Array.isArray(cidrs.value) && cidrs.value.every((c) => nonEmptyString(c) !== undefined))
    ctx.claim('calico.serviceCIDRs', cidrs.value.map((c) => String(c).trim()), ref, [cidrs.field]);
  else ctx.note('invalid-value', 'warning', `${formatPath(cidrs.field)} is not a list of CIDRs.`, { ref, fact: 'calico.serviceCIDRs' });
}

// The operator's choice of Windows backend (tigera/operator `getWindowsBackend`, upstream.md §4): BGP
// enabled → windows-bgp; BGP disabled with Calico IPAM → vxlan; with HostLocal IPAM → none; a non-Calico
// CNI → none (the cloud's CNI networks the pods).
function readInstallationBackend(
  ref: Ref,
  ctx: Context,
  bgp: ReturnType<typeof installationField>,
  ipam: ReturnType<typeof installationField>,
): void {
  const cni = installationField(ref, ['cni', 'type']);
  if (!cni)
    return ctx.note('undecided', 'warning', 'spec.cni.type is not set (the operator picks a default by platform): networking is left for you to state.', { ref, fact: 'networking' });
  const source = (fields: Segment[][]) => ctx.source(ref, fields);
  switch (cni.value) {
    case 'AmazonVPC':
      return void ctx.backends.push({ value: 'eks-vpc-cni', source: source([cni.field]), how: `${formatPath(cni.field)} is AmazonVPC` });
    case 'AzureVNET':
      return void ctx.backends.push({ value: 'aks-azure-cni', source: source([cni.field]), how: `${formatPath(cni.field)} is AzureVNET` });
    case 'Calico':
      break;
    default:
      return ctx.note('undecided', 'warning', `${formatPath(cni.field)} ${show(cni.value)} is no networking option of the requirements: state networking yourself.`, { ref, fact: 'networking' });
  }
  if (!bgp)
    return ctx.note('undecided', 'warning', 'Calico CNI, but spec.calicoNetwork.bgp is not set (the operator defaults it by platform): networking is left for you to state.', { ref, fact: 'networking' });
  if (bgp.value !== 'Enabled' && bgp.value !== 'Disabled')
    return ctx.note('undecided', 'warning', `Calico CNI, but ${formatPath(bgp.field)} ${show(bgp.value)} is neither Enabled nor Disabled: networking is left for you to state.`, { ref, fact: 'networking' });
  if (bgp.value === 'Enabled')
    return void ctx.backends.push({
      value: 'calico-bgp',
      source: source([cni.field, bgp.field]),
      how: `${formatPath(cni.field)} is Calico and ${formatPath(bgp.field)} is Enabled (the operator's windows-bgp backend)`,
    });
  if (ipam?.value === 'Calico')
    return void ctx.backends.push({
      value: 'calico-vxlan',
      source: source([cni.field, bgp.field, ipam.field]),
      how: `${formatPath(cni.field)} is Calico, ${formatPath(bgp.field)} is Disabled and ${formatPath(ipam.field)} is Calico (the operator's vxlan backend)`,
    });
  ctx.note(
    'undecided',
    'warning',
    `Calico CNI with BGP disabled and ${ipam ? `IPAM ${typeof ipam.value === 'string' ? ipam.value : show(ipam.value)}` : 'no IPAM type set'}: Calico does not network the pods on Windows; networking is left for you to state.`,
    { ref, fact: 'networking' },
  );
}

function readInstallationPools(ref: Ref, ctx: Context): void {
  const found = installationField(ref, ['calicoNetwork', 'ipPools']);
  if (!found || !Array.isArray(found.value)) return;
  found.value.forEach((raw, index) => {
    const at = [...found.field, index];
    const poolRef = ref;
    if (!isObj(raw)) return void ctx.installationPools.push({ name: undefined, pool: undefined, problem: 'not an object', sources: {}, ref: poolRef });
    const name = nonEmptyString(own(raw, 'name'));
    const cidr = nonEmptyString(own(raw, 'cidr'));
    const encapsulation = own(raw, 'encapsulation');
    const mapped = typeof encapsulation === 'string' ? lookup(OPERATOR_ENCAPSULATION, encapsulation) : undefined;
    const sources: Record<string, FactSource> = {};
    if (mapped === undefined) {
      ctx.installationPools.push({
        name,
        pool: undefined,
        problem: encapsulation === undefined ? `${formatPath([...at, 'encapsulation'])} is not set` : `${formatPath([...at, 'encapsulation'])} ${show(encapsulation)} is not an encapsulation`,
        sources,
        ref,
      });
      return;
    }
    sources['encapsulation'] = ctx.source(ref, [[...at, 'encapsulation']]);
    if (cidr !== undefined) sources['cidr'] = ctx.source(ref, [[...at, 'cidr']]);
    if (name !== undefined) sources['name'] = ctx.source(ref, [[...at, 'name']]);
    const pool: IpPool = { ...(name === undefined ? {} : { name }), ...(cidr === undefined ? {} : { cidr }), encapsulation: mapped };
    ctx.installationPools.push({ name, pool, sources, ref });
  });
}

function readFelixConfiguration(ref: Ref, ctx: Context): void {
  const spec: Segment[] = ['spec'];
  const ipip = get(ref.object, [...spec, 'ipipEnabled']);
  if (typeof ipip === 'boolean') ctx.claim('calico.ipipEnabled', ipip, ref, [[...spec, 'ipipEnabled']]);
  else if (ipip !== undefined && ipip !== null)
    ctx.note('invalid-value', 'warning', `spec.ipipEnabled ${describe(ipip)} is not a boolean.`, { ref, fact: 'calico.ipipEnabled' });
  const vni = get(ref.object, [...spec, 'vxlanVNI']);
  if (isInteger(vni) && vni >= 1 && vni <= 16777215) ctx.claim('calico.vxlanVNI', vni, ref, [[...spec, 'vxlanVNI']]);
  else if (vni !== undefined && vni !== null)
    ctx.note('invalid-value', 'warning', `spec.vxlanVNI ${describe(vni)} is not a VXLAN network identifier.`, { ref, fact: 'calico.vxlanVNI' });
  const port = get(ref.object, [...spec, 'vxlanPort']);
  if (isInteger(port) && port >= 1 && port <= 65535)
    ctx.claim('calico.vxlanPort', port, ref, [[...spec, 'vxlanPort']]);
  else if (port !== undefined && port !== null)
    ctx.note('invalid-value', 'warning', `spec.vxlanPort ${describe(port)} is not a port number.`, { ref, fact: 'calico.vxlanPort' });
  // The installer's first question (install-calico-windows.ps1, upstream.md §3a).
  const vxlan = get(ref.object, [...spec, 'vxlanEnabled']);
  if (typeof vxlan === 'boolean')
    ctx.felixVxlan.push({
      value: vxlan ? 'calico-vxlan' : 'calico-bgp',
      source: ctx.source(ref, [[...spec, 'vxlanEnabled']]),
      how: `spec.vxlanEnabled is ${String(vxlan)} (Calico's Windows installer then picks the ${vxlan ? 'vxlan' : 'bgp'} backend)`,
    });
}

const POOL_MODES = new Set(['Never', 'Always', 'CrossSubnet']);

function readIpPool(ref: Ref, ctx: Context): void {
  const spec = get(ref.object, ['spec']);
  const name = ref.name;
  const sources: Record<string, FactSource> = {};
  const push = (pool: IpPool | undefined, problem?: string): void => {
    ctx.poolObjects.push({ name, pool, problem, sources, ref });
  };
  if (!isObj(spec)) return push(undefined, 'it has no spec');
  const ipip = own(spec, 'ipipMode');
  const vxlan = own(spec, 'vxlanMode');
  for (const [field, mode] of [['ipipMode', ipip], ['vxlanMode', vxlan]] as const)
    if (mode !== undefined && (typeof mode !== 'string' || !POOL_MODES.has(mode)))
      return push(undefined, `spec.${field} ${describe(mode)} is not Never, Always or CrossSubnet`);
  const on = (mode: unknown): mode is 'Always' | 'CrossSubnet' => mode === 'Always' || mode === 'CrossSubnet';
  let encapsulation: Encapsulation;
  let decidedBy: Segment[][];
  if (on(ipip) && on(vxlan)) return push(undefined, 'both spec.ipipMode and spec.vxlanMode are on, which Calico rejects');
  if (on(ipip)) {
    encapsulation = ipip === 'Always' ? 'ipip' : 'ipip-cross-subnet';
    decidedBy = [['spec', 'ipipMode']];
  } else if (on(vxlan)) {
    encapsulation = vxlan === 'Always' ? 'vxlan' : 'vxlan-cross-subnet';
    decidedBy = [['spec', 'vxlanMode']];
  } else if (ipip !== undefined && vxlan !== undefined) {
    encapsulation = 'none';
    decidedBy = [['spec', 'ipipMode'], ['spec', 'vxlanMode']];
  } else if (ref.group === 'projectcalico.org') {
    // calicoctl and the Calico API server default an unset mode to Never, and print it.
    encapsulation = 'none';
    decidedBy = [['spec', 'ipipMode'], ['spec', 'vxlanMode']].filter((f) => own(spec, f[1] as string) !== undefined);
  } else {
    // A crd.projectcalico.org pool created with kubectl gets no defaults, and Calico releases before
    // the fix read an unset vxlanMode differently (projectcalico/calico#6301, fixed by #6498).
    return push(undefined, `spec.${ipip === undefined ? 'ipipMode' : 'vxlanMode'} is not set, and unset modes on a crd.projectcalico.org pool are read differently by different Calico releases (projectcalico/calico#6301)`);
  }
  sources['encapsulation'] = ctx.source(ref, decidedBy);
  const cidr = nonEmptyString(own(spec, 'cidr'));
  const disabled = own(spec, 'disabled');
  if (cidr !== undefined) sources['cidr'] = ctx.source(ref, [['spec', 'cidr']]);
  if (typeof disabled === 'boolean') sources['disabled'] = ctx.source(ref, [['spec', 'disabled']]);
  if (name !== undefined) sources['name'] = ctx.source(ref, [['metadata', 'name']]);
  push({
    ...(name === undefined ? {} : { name }),
    ...(cidr === undefined ? {} : { cidr }),
    encapsulation,
    ...(typeof disabled === 'boolean' ? { disabled } : {}),
  });
}

function readIpamConfig(ref: Ref, ctx: Context): void {
  const value = get(ref.object, ['spec', 'strictAffinity']);
  if (typeof value === 'boolean') return ctx.claim('calico.strictAffinity', value, ref, [['spec', 'strictAffinity']]);
  if (value === undefined || value === null)
    return ctx.note('undecided', 'info', 'spec.strictAffinity is not set (Calico then treats it as false): calico.strictAffinity is left for you to state.', { ref, fact: 'calico.strictAffinity' });
  ctx.note('invalid-value', 'warning', `spec.strictAffinity ${describe(value)} is not a boolean.`, { ref, fact: 'calico.strictAffinity' });
}

function readClusterInformation(ref: Ref, ctx: Context): void {
  const version = nonEmptyString(get(ref.object, ['spec', 'calicoVersion']));
  if (version !== undefined) {
    if (parseVersion(version) === undefined)
      ctx.note('invalid-value', 'warning', `spec.calicoVersion '${truncate(version)}' is not a version.`, { ref, fact: 'calico.version' });
    else ctx.claim('calico.version', version, ref, [['spec', 'calicoVersion']]);
  }
  const clusterType = nonEmptyString(get(ref.object, ['spec', 'clusterType']));
  if (clusterType === undefined) return;
  // calico-node adds `kdd` when it runs on the Kubernetes datastore; the operator sets `operator`.
  const types = clusterType.split(',').map((t) => t.trim());
  ctx.claim('calico.datastore', types.includes('kdd') ? 'kubernetes' : 'etcd', ref, [['spec', 'clusterType']]);
  if (types.includes('operator')) ctx.claim('calico.operatorManaged', true, ref, [['spec', 'clusterType']], 1);
}

// The API server's address for Calico when it cannot use the kubernetes service; the operator reads it
// from tigera-operator (a manifest install keeps its own copy in kube-system).
function readServicesEndpoint(ref: Ref, ctx: Context): void {
  if (get(ref.object, ['metadata', 'namespace']) !== 'tigera-operator')
    return skip(ref, ctx, 'kubernetes-services-endpoint outside tigera-operator, where the operator reads it');
  const data = get(ref.object, ['data']);
  const host = isObj(data) ? nonEmptyString(own(data, 'KUBERNETES_SERVICE_HOST')) : undefined;
  const port = isObj(data) ? nonEmptyString(own(data, 'KUBERNETES_SERVICE_PORT')) : undefined;
  const fields: Segment[][] = [];
  if (host !== undefined) fields.push(['data', 'KUBERNETES_SERVICE_HOST']);
  if (port !== undefined) fields.push(['data', 'KUBERNETES_SERVICE_PORT']);
  ctx.claim('calico.kubernetesServicesEndpoint', { ...(host === undefined ? {} : { host }), ...(port === undefined ? {} : { port }) }, ref, fields.length > 0 ? fields : [['data']]);
}

const BACKENDS: Readonly<Record<string, string>> = { bird: 'calico-bgp', vxlan: 'calico-vxlan', none: 'policy-only' };

function readCalicoConfig(ref: Ref, ctx: Context): void {
  const data = get(ref.object, ['data']);
  if (!isObj(data)) return;
  // kube-system/calico-config belongs to the manifest install; the operator does not create it.
  ctx.claim('calico.operatorManaged', false, ref, [], 2);
  const backend = own(data, 'calico_backend');
  if (typeof backend === 'string') {
    const value = lookup(BACKENDS, backend);
    if (value === undefined)
      ctx.note('invalid-value', 'warning', `data.calico_backend '${truncate(backend)}' is not bird, vxlan or none.`, { ref, fact: 'networking' });
    else {
      ctx.claim('calico.bgpEnabled', backend === 'bird', ref, [['data', 'calico_backend']], 1);
      ctx.backends.push({ value, source: ctx.source(ref, [['data', 'calico_backend']]), how: `data.calico_backend is ${backend}` });
    }
  }
  const etcd = nonEmptyString(own(data, 'etcd_endpoints'));
  if (etcd !== undefined) ctx.claim('calico.datastore', 'etcd', ref, [['data', 'etcd_endpoints']], 1);
  const cni = own(data, 'cni_network_config');
  if (typeof cni === 'string') {
    // A template, not JSON (`"mtu": __CNI_MTU__`): find the IPAM plugin's type by pattern.
    const type = /"ipam"\s*:\s*\{[^{}]*?"type"\s*:\s*"([^"]+)"/.exec(cni)?.[1];
    if (type !== undefined) ctx.claim('calico.ipam', type === 'calico-ipam' ? 'calico' : type, ref, [['data', 'cni_network_config']], 1);
  }
}

// -------------------------------------------------------------------------------------------------
// Resolving claims into facts

function assemble(ctx: Context): ManifestFacts {
  const sources: Record<string, FactSource> = {};
  const facts: {
    platform?: string;
    infrastructure?: string;
    networking?: string;
    kubernetes?: { version?: string };
    calico?: NonNullable<ClusterFacts['calico']>;
    nodes?: NodeFacts[];
  } = {};
  const calico: Record<string, unknown> = {};

  const resolve = (fact: string): unknown => {
    const claims = ctx.claims.get(fact);
    if (!claims || claims.length === 0) return undefined;
    const distinct = distinctValues(claims);
    if (distinct.length > 1) {
      ctx.note(
        'conflict',
        'warning',
        `${fact}: the objects disagree (${distinct.map((c) => `${describeSource(c.source)} says ${show(c.value)}`).join('; ')}); it is left out: state it in your facts.`,
        { fact },
      );
      return undefined;
    }
    const best = [...claims].sort((a, b) => a.rank - b.rank)[0];
    // Stryker disable next-line ConditionalExpression: claims is not empty here, so best is always a claim (best -> true changes nothing)
    if (best) sources[fact] = best.source;
    // Stryker disable next-line OptionalChaining: claims is not empty here, so best is always a claim
    return best?.value;
  };

  if (ctx.installations.length > 1)
    ctx.note('conflict', 'warning', `${ctx.installations.length} Installations (${ctx.installations.map((r) => r.label).join(', ')}): the operator reads only 'default'; facts they disagree on are left out.`, { fact: 'calico.operatorManaged' });

  for (const key of ['platform', 'infrastructure'] as const) {
    const value = resolve(key);
    if (typeof value === 'string') facts[key] = value;
  }
  const keys = ['version', 'datastore', 'operatorManaged', 'ipam', 'strictAffinity', 'ipipEnabled', 'bgpEnabled', 'vxlanPort', 'vxlanVNI'] as const;
  const operatorKeys = ['installMethod', 'windowsDataplane', 'serviceCIDRs', 'kubernetesServicesEndpoint'] as const;
  for (const key of [...keys, ...operatorKeys]) {
    const value = resolve(`calico.${key}`);
    if (value !== undefined) calico[key] = value;
  }
  // The endpoint's host and port are facts of their own, from the same ConfigMap.
  const endpoint = sources['calico.kubernetesServicesEndpoint'];
  if (endpoint)
    for (const leaf of Object.keys(calico['kubernetesServicesEndpoint'] as object)) sources[`calico.kubernetesServicesEndpoint.${leaf}`] = endpoint;

  const pools = resolvePools(ctx, sources);
  if (pools) calico['ipPools'] = pools;

  const networking = resolveNetworking(ctx, pools);
  if (networking) {
    facts.networking = networking.value;
    sources['networking'] = networking.source;
  }

  const version = resolveKubernetesVersion(ctx, resolve);
  if (version) {
    facts.kubernetes = { version: version.value };
    sources['kubernetes.version'] = version.source;
  }

  if (Object.keys(calico).length > 0) facts.calico = calico as NonNullable<ClusterFacts['calico']>;

  const nodes = resolveNodes(ctx, resolve, sources);
  if (nodes.length > 0) {
    facts.nodes = nodes;
    // Stryker disable next-line OptionalChaining,ArrayDeclaration: every resolved node has its objects (nodeOrder and nodeObjects are filled together)
    const objects = nodes.flatMap((n) => ctx.nodeObjects.get(n.name)?.slice(0, 1) ?? []);
    sources['nodes'] = listSource(ctx, objects);
  }

  for (const [reason, refs] of ctx.skipped) {
    const names = refs.slice(0, 3).map((r) => r.label);
    ctx.notes.push({
      code: 'skipped',
      level: 'info',
      message: `Skipped ${refs.length} object${refs.length === 1 ? '' : 's'} (${reason}): ${names.join(', ')}${refs.length > names.length ? ', …' : ''}. They state no fact the requirements use.`,
      ...(refs.length === 1 && refs[0] ? { object: refs[0].label } : {}),
    });
  }

  return { facts: facts as ClusterFacts, sources, notes: ctx.notes };
}

function resolvePools(ctx: Context, sources: Record<string, FactSource>): IpPool[] | undefined {
  const fromObjects = ctx.poolObjects.length > 0;
  const drafts = fromObjects ? ctx.poolObjects : ctx.installationPools;
  if (drafts.length === 0) return undefined;
  const problems = drafts.filter((d) => d.pool === undefined);
  if (problems.length > 0) {
    for (const d of problems)
      ctx.note('undecided', 'warning', `The encapsulation of ${fromObjects ? d.ref.label : `a pool of ${d.ref.label}`} cannot be told: ${
        // Stryker disable next-line StringLiteral: every draft without a pool carries its problem
        d.problem ?? 'unknown'
      }. calico.ipPools is left out, since a partial list could hide a pool: state the pools in your facts.`, { ref: d.ref, fact: 'calico.ipPools' });
    return undefined;
  }
  // The same pool may come twice (projectcalico.org/v3 and crd.projectcalico.org/v1, or two files).
  const byKey = new Map<string, PoolDraft>();
  const unique: PoolDraft[] = [];
  for (const draft of drafts) {
    // Stryker disable next-line OptionalChaining: drafts without a pool left with a note above
    const key = draft.name ?? draft.pool?.cidr ?? `#${unique.length}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, draft);
      unique.push(draft);
    } else if (!deepEqual(seen.pool, draft.pool)) {
      ctx.note('conflict', 'warning', `IP pool ${key} is described twice, differently (${seen.ref.label}, ${draft.ref.label}): calico.ipPools is left out.`, { fact: 'calico.ipPools' });
      return undefined;
    }
  }
  // Stryker disable next-line EqualityOperator: with no Installation pools the cross-check has nothing to check
  if (fromObjects && ctx.installationPools.length > 0) crossCheckInstallationPools(ctx, unique);
  const pools = unique.map((d) => d.pool as IpPool);
  unique.forEach((draft, index) => {
    const pool = draft.pool as IpPool;
    const name = pool.name ?? pool.cidr ?? `calico.ipPools[${index}]`;
    for (const [field, source] of Object.entries(draft.sources)) sources[`calico.ipPools[${name}].${field}`] = source;
  });
  // Stryker disable next-line OptionalChaining: unique holds at least the first draft
  const installation = unique[0]?.ref;
  if (fromObjects) sources['calico.ipPools'] = listSource(ctx, unique.map((d) => d.ref));
  else if (
    // Stryker disable next-line ConditionalExpression: unique holds at least the first draft (installation -> true changes nothing)
    installation
  )
    sources['calico.ipPools'] = ctx.source(installation, [
      // Stryker disable next-line OptionalChaining: the Installation declared pools, so the field is found
      installationField(installation, ['calicoNetwork', 'ipPools'])?.field ??
        // Stryker disable next-line ArrayDeclaration,StringLiteral: the Installation declared pools, so the field is found
        ['spec'],
    ]);
  return pools;
}

// The operator creates IPPools from the Installation and reverts direct edits to them; a pool whose
// encapsulation differs from the Installation's will not stay as it is.
function crossCheckInstallationPools(ctx: Context, objects: readonly PoolDraft[]): void {
  for (const declared of ctx.installationPools) {
    const cidr = declared.pool?.cidr;
    if (cidr === undefined) continue;
    // Stryker disable next-line OptionalChaining: the pool objects checked here all have a pool
    const live = objects.find((o) => o.pool?.cidr === cidr);
    if (live && live.pool && declared.pool && live.pool.encapsulation !== declared.pool.encapsulation)
      ctx.note(
        'conflict',
        'warning',
        `IP pool ${cidr}: ${live.ref.label} is ${live.pool.encapsulation} but ${declared.ref.label} declares ${declared.pool.encapsulation}; the operator will set it back to the Installation's. The IPPool object is used.`,
        { ref: live.ref, fact: 'calico.ipPools' },
      );
  }
}

/**
 * Networking, decided the way Calico's own installers decide their Windows backend: the operator from
 * the Installation's CNI type and BGP option; the manifest install from `calico_backend`; the Windows
 * installer from FelixConfiguration `vxlanEnabled`, else the pools' `vxlanMode` (upstream.md §3a, §4).
 * Any disagreement, or a pool whose encapsulation contradicts the backend, leaves it out with a note.
 */
function resolveNetworking(ctx: Context, pools: IpPool[] | undefined): { value: string; source: FactSource } | undefined {
  const claims: BackendClaim[] = [...ctx.backends];
  const enabled = pools?.filter((p) => p.disabled !== true);
  const isVxlan = (p: IpPool) => p.encapsulation === 'vxlan' || p.encapsulation === 'vxlan-cross-subnet';
  const installer: BackendClaim | undefined =
    ctx.felixVxlan[0] ??
    (enabled && enabled.length > 0
      ? {
          value: enabled.some(isVxlan) ? 'calico-vxlan' : 'calico-bgp',
          source: {
            object: 'IPPool',
            // Stryker disable next-line StringLiteral: poolsSource replaces this source before a note or source shows it
            field: 'spec.vxlanMode',
          },
          how: enabled.some(isVxlan)
            ? `an enabled IP pool has ${ctx.poolObjects.length > 0 ? 'vxlanMode Always or CrossSubnet' : 'encapsulation VXLAN or VXLANCrossSubnet'} (Calico's Windows installer then picks the vxlan backend)`
            : "no enabled IP pool uses VXLAN (Calico's Windows installer then picks the bgp backend)",
        }
      : undefined);
  if (ctx.felixVxlan.length > 1 && new Set(ctx.felixVxlan.map((c) => c.value)).size > 1) {
    ctx.note('conflict', 'warning', 'FelixConfiguration default objects disagree on spec.vxlanEnabled: networking is left out.', { fact: 'networking' });
    return undefined;
  }
  // The installer's answer counts only where Calico is known to network the pods: it assumes so. A VXLAN
  // answer shows it by itself; a BGP answer needs the Installation or calico_backend to agree.
  const calicoNetworking = claims.some((c) => c.value === 'calico-bgp' || c.value === 'calico-vxlan');
  if (installer && (calicoNetworking || installer.value === 'calico-vxlan')) {
    const poolSource = installer.source.object === 'IPPool' ? poolsSource(ctx) : installer.source;
    claims.push({ ...installer, source: poolSource });
  }
  if (claims.length === 0) {
    if (installer)
      ctx.note('undecided', 'warning', `The objects show Calico's ${ctx.felixVxlan[0] ? 'FelixConfiguration' : 'IP pools'} but not whether Calico networks the pods (no Installation, no calico-config ConfigMap): networking is left for you to state.`, { fact: 'networking' });
    return undefined;
  }
  const values = [...new Set(claims.map((c) => c.value))];
  const networking = values.filter((v) => v !== 'policy-only');
  if (networking.length > 1 || (values.includes('policy-only') && networking.some((v) => v.startsWith('calico-')))) {
    ctx.note('conflict', 'warning', `networking: the objects disagree (${claims.map((c) => `${describeSource(c.source)}: ${c.how} → ${c.value}`).join('; ')}); it is left out: state it in your facts.`, { fact: 'networking' });
    return undefined;
  }
  const value = networking[0];
  if (value === undefined) {
    ctx.note('undecided', 'warning', 'calico_backend is none: Calico enforces policy only, and the objects do not say what networks the pods: state networking (cloud-provider, eks-vpc-cni, aks-azure-cni).', { fact: 'networking' });
    return undefined;
  }
  if (enabled && (value === 'calico-bgp' || value === 'calico-vxlan')) {
    const contradicting = enabled.filter((p) => (value === 'calico-vxlan' ? !isVxlan(p) : isVxlan(p)));
    if (contradicting.length > 0) {
      ctx.note(
        'conflict',
        'warning',
        `networking: ${claims.map((c) => c.how).join('; ')} → ${value}, but IP pool${contradicting.length === 1 ? '' : 's'} ${contradicting.map((p) => `${p.name ?? p.cidr ?? '?'} (${p.encapsulation})`).join(', ')} contradict${contradicting.length === 1 ? 's' : ''} that backend; networking is left out: state it in your facts.`,
        { fact: 'networking' },
      );
      return undefined;
    }
  }
  const primary = claims[0] as BackendClaim;
  ctx.note('inferred', 'info', `networking ${value}: ${[...new Set(claims.map((c) => `${describeSource(c.source)}: ${c.how}`))].join('; ')}.`, { fact: 'networking' });
  return { value, source: primary.source };
}

// The pool that decided the installer's backend: the first VXLAN IPPool object, else the first one; without
// IPPool objects, the Installation's first pool (Installation pools cannot be disabled, so with a VXLAN
// answer every one of them is VXLAN).
function poolsSource(ctx: Context): FactSource {
  if (ctx.poolObjects.length === 0)
    // Stryker disable next-line OptionalChaining,ObjectLiteral,StringLiteral: called only when the Installation's pools were read, each with its encapsulation's source
    return ctx.installationPools[0]?.sources['encapsulation'] ?? { object: 'Installation', field: 'spec.calicoNetwork.ipPools' };
  // Stryker disable next-line OptionalChaining: called only when the pools were told, so every pool object has a pool
  const vxlan = ctx.poolObjects.find((p) => p.pool?.encapsulation === 'vxlan' || p.pool?.encapsulation === 'vxlan-cross-subnet');
  const ref = (vxlan ?? ctx.poolObjects[0])?.ref;
  return ref ? ctx.source(ref, [['spec', 'vxlanMode']]) : { object: 'IPPool', field: 'spec.vxlanMode' };
}

// A kubelet is never newer than its API server: the lowest kubelet (of the control plane when it has
// nodes) is the best the nodes can say of the cluster's version.
function resolveKubernetesVersion(
  ctx: Context,
  resolve: (fact: string) => unknown,
): { value: string; source: FactSource } | undefined {
  const stated = ctx.claims.get('kubernetes.version');
  if (stated && stated[0]) {
    const value = resolve('kubernetes.version');
    return typeof value === 'string' ? { value, source: stated[0].source } : undefined;
  }
  if (ctx.kubelets.length === 0) return undefined;
  const controlPlane = ctx.kubelets.filter((k) => k.controlPlane);
  const pool = controlPlane.length > 0 ? controlPlane : ctx.kubelets;
  const lowest = pool.reduce((a, b) => (compareVersions(parseVersion(b.version)!, parseVersion(a.version)!) < 0 ? b : a));
  const distinct = [...new Set(ctx.kubelets.map((k) => parseVersion(k.version)!.text))];
  if (distinct.length > 1)
    ctx.note(
      'conflict',
      'info',
      `The kubelets run different versions (${distinct.join(', ')}); kubernetes.version is the lowest${controlPlane.length > 0 ? ' of the control-plane nodes' : ''}, ${lowest.version} (Node/${lowest.node}).`,
      { fact: 'kubernetes.version' },
    );
  ctx.note('inferred', 'info', `kubernetes.version ${lowest.version} from the kubelet of Node/${lowest.node}: the API server may be newer; kubectl version -o yaml (passed with the manifests) gives its own.`, { fact: 'kubernetes.version' });
  return { value: lowest.version, source: lowest.source };
}

function resolveNodes(ctx: Context, resolve: (fact: string) => unknown, sources: Record<string, FactSource>): NodeFacts[] {
  // Calico Node resources: spec.bgp.routeReflectorClusterID marks a route reflector.
  for (const ref of ctx.calicoNodes) {
    if (ref.name === undefined) continue;
    if (!ctx.nodeObjects.has(ref.name)) {
      ctx.note('unmatched', 'info', `${ref.label} has no Kubernetes Node object in the input: its route-reflector role is not recorded.`, { ref });
      continue;
    }
    const id = nonEmptyString(get(ref.object, ['spec', 'bgp', 'routeReflectorClusterID']));
    ctx.claim(`nodes[${ref.name}].routeReflector`, id !== undefined, ref, [['spec', 'bgp', 'routeReflectorClusterID']], 1);
  }

  const nodes: NodeFacts[] = [];
  for (const name of ctx.nodeOrder) {
    const base = `nodes[${name}]`;
    const os = resolve(`${base}.os`);
    // Stryker disable next-line OptionalChaining: every name in nodeOrder has its objects
    const first = ctx.nodeObjects.get(name)?.[0];
    if (os === undefined) {
      if (!ctx.claims.has(`${base}.os`))
        ctx.note('undecided', 'warning', `Node/${name} states no OS (no kubernetes.io/os label, no status.nodeInfo.operatingSystem): it is left out.`, { ...(first ? { ref: first } : {}), fact: base });
      continue;
    }
    if (os !== 'linux' && os !== 'windows') {
      ctx.note('undecided', 'warning', `Node/${name} runs ${show(os)}, neither linux nor windows: it is left out.`, { ...(first ? { ref: first } : {}), fact: base });
      delete sources[`${base}.os`];
      continue;
    }
    const fields = os === 'linux' ? (['roles', 'routeReflector'] as const) : (['osBuild', 'containerRuntime', 'routeReflector'] as const);
    const node: Record<string, unknown> = { os, name };
    for (const field of fields) {
      const value = resolve(`${base}.${field}`);
      if (value !== undefined) node[field] = value;
    }
    nodes.push(node as NodeFacts);
  }
  return nodes;
}

// -------------------------------------------------------------------------------------------------
// Small helpers

function listSource(ctx: Context, refs: readonly Ref[]): FactSource {
  const shown = refs.slice(0, 5).map((r) => r.label);
  const object = `${shown.join(', ')}${refs.length > shown.length ? `, … (${refs.length} objects)` : ''}`;
  const first = refs[0];
  const location = first ? ctx.locate(first.path) : undefined;
  return {
    object,
    ...(location?.file === undefined ? {} : { file: location.file }),
    ...(location === undefined ? {} : { line: location.line, column: location.column }),
  };
}

function distinctValues(claims: readonly Claim[]): Claim[] {
  const out: Claim[] = [];
  for (const claim of [...claims].sort((a, b) => a.rank - b.rank)) if (!out.some((c) => deepEqual(c.value, claim.value))) out.push(claim);
  return out;
}

function describeSource(source: FactSource): string {
  const where = source.file === undefined ? '' : ` (${source.file}${source.line === undefined ? '' : `:${source.line}`})`;
  return `${source.object}${source.field === undefined ? '' : ` ${source.field}`}${where}`;
}

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An own property only: hostile input's `__proto__` or `constructor` keys are data, never lookups. */
function own(value: Obj, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}

function get(value: unknown, path: readonly Segment[]): unknown {
  let current = value;
  for (const key of path) {
    // Stryker disable next-line StringLiteral,BlockStatement,ConditionalExpression: no caller passes a numeric segment (typeof key === 'number' -> false changes nothing)
    if (typeof key === 'number') {
      // Stryker disable next-line BooleanLiteral,ConditionalExpression: no caller passes a numeric segment
      if (!Array.isArray(current)) return undefined;
      current = current[key];
    } else {
      if (!isObj(current)) return undefined;
      current = own(current, key);
    }
  }
  return current;
}

function stringMap(value: unknown): Map<string, string> {
  const map = new Map<string, string>();
  if (!isObj(value)) return map;
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (typeof item === 'string') map.set(key, item);
  }
  return map;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  // Stryker disable next-line LogicalOperator: the values compared for one fact are always both objects or both not
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${truncate(value)}'` : JSON.stringify(value) ?? String(value);
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string '${truncate(value)}'`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
