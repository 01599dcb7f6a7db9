// The operator's Installation, Calico's own resources and the manifest install's ConfigMaps.
import type { Encapsulation, IpPool } from '../../model/facts.js';
import type { FactSource } from '../../model/report.js';
import { formatPath } from '../../model/parse.js';
import { parseVersion } from '../../model/version.js';
import { skip, type Context, type Ref, type Segment } from './context.js';
import { CompatError } from '../../model/errors.js';
import type { Obj } from './types.js';
import { describe, get, isInteger, isObj, lookup, nonEmptyString, own, show, truncate } from './values.js';
import { CIDR, KNOWN_PLATFORMS, KUBERNETES_NAME } from '../../model/names.js';
import { typoOf } from '../../model/words.js';

export const PROVIDERS: Readonly<Record<string, string>> = {
  EKS: 'eks',
  AKS: 'aks',
  OpenShift: 'openshift',
  GKE: 'gke',
  DockerEnterprise: 'docker-enterprise',
  RKE2: 'rke2',
  TKG: 'tkg',
  Kind: 'kind',
};

export const OPERATOR_IPAM: Readonly<Record<string, string>> = {
  Calico: 'calico',
  HostLocal: 'host-local',
  AmazonVPC: 'amazon-vpc',
  AzureVNET: 'azure-vnet',
};

export const OPERATOR_ENCAPSULATION: Readonly<Record<string, Encapsulation>> = {
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
export function installationField(ref: Ref, path: readonly Segment[]): { value: unknown; field: Segment[] } | undefined {
  const base = ref.base ?? ['spec'];
  const spec = get(ref.object, [...base, ...path]);
  if (spec !== undefined && spec !== null && spec !== '') return { value: spec, field: [...base, ...path] };
  // Helm values have no computed status.
  if (ref.base !== undefined) return undefined;
  const computed = get(ref.object, ['status', 'computed', ...path]);
  if (computed !== undefined && computed !== null && computed !== '') return { value: computed, field: ['status', 'computed', ...path] };
  return undefined;
}

export function readInstallation(ref: Ref, ctx: Context): void {
  ctx.installations.push(ref);
  ctx.claim('calico.operatorManaged', true, ref, []);
  // The operator installs Calico on the Kubernetes API datastore only (tigera/operator; the v3.27+ pages:
  // "the operator install supports only the Kubernetes datastore").
  ctx.claim('calico.datastore', 'kubernetes', ref, [], 2);
  ctx.note('inferred', 'info', 'calico.datastore kubernetes: the operator installs Calico on the Kubernetes API datastore only.', { ref, fact: 'calico.datastore' });

  const provider = installationField(ref, ['kubernetesProvider']);
  if (provider && typeof provider.value === 'string') {
    const platform = lookup(PROVIDERS, provider.value) ?? provider.value.toLowerCase();
    // A slip of a known platform is no fact (parseFacts refuses it): the platform is left to the user.
    const slip = typoOf(platform, KNOWN_PLATFORMS);
    if (slip === undefined) ctx.claim('platform', platform, ref, [provider.field]);
    else
      ctx.note('invalid-value', 'warning', `${formatPath(provider.field)} ${show(provider.value)} is no provider the adapter knows (a slip of '${slip}'?): platform is left for you to state.`, { ref, fact: 'platform' });
    if (provider.value === 'RKE2')
      ctx.note('inferred', 'info', "platform 'rke2': the v3.23 requirements name RKE (Rancher Kubernetes Engine), not RKE2; if you hold RKE2 to be covered, state platform: rke in your facts.", { ref, fact: 'platform' });
  }

  const version = nonEmptyString(get(ref.object, ['status', 'calicoVersion']));
  // Stryker disable next-line ConditionalExpression: parseVersion finds no version in undefined either
  if (version !== undefined)
    if (parseVersion(version) !== undefined) ctx.claim('calico.version', version, ref, [['status', 'calicoVersion']], 1);

  readInstallationNetwork(ref, ctx);
  readInstallationWindows(ref, ctx);
}

// BGP, IPAM, the Windows backend and the IP pools: what an Installation's spec says of networking.
function readInstallationNetwork(ref: Ref, ctx: Context, defaultCni?: string): void {
  const bgp = installationField(ref, ['calicoNetwork', 'bgp']);
  if (bgp) {
    if (bgp.value === 'Enabled' || bgp.value === 'Disabled') ctx.claim('calico.bgpEnabled', bgp.value === 'Enabled', ref, [bgp.field]);
    else ctx.note('invalid-value', 'warning', `${formatPath(bgp.field)} ${show(bgp.value)} is neither Enabled nor Disabled.`, { ref, fact: 'calico.bgpEnabled' });
  }

  const ipam = installationField(ref, ['cni', 'ipam', 'type']);
  if (ipam && typeof ipam.value === 'string') ctx.claim('calico.ipam', lookup(OPERATOR_IPAM, ipam.value) ?? ipam.value.toLowerCase(), ref, [ipam.field]);

  readInstallationBackend(ref, ctx, bgp, ipam, defaultCni);
  readInstallationPools(ref, ctx);
}

/**
 * RKE2's HelmChartConfig `rke2-calico`: the values of the chart that renders the Tigera operator's
 * Installation, read as that Installation. Only what the values state counts (the chart's own defaults
 * are not guessed); the chart is RKE2's Calico CNI, so an unset `installation.cni.type` is Calico.
 */
export function readRke2Calico(ref: Ref, ctx: Context): void {
  const content = get(ref.object, ['spec', 'valuesContent']);
  const field: Segment[] = ['spec', 'valuesContent'];
  if (typeof content !== 'string' || content.trim() === '')
    return ctx.note('undecided', 'info', 'spec.valuesContent is not set: the chart runs with its defaults, which the objects do not show (kubectl get installation default -o yaml does).', { ref });
  if (ctx.parseValues === undefined)
    return ctx.note(
      'undecided',
      'warning',
      "spec.valuesContent is YAML text and no parser was given (factsFromManifests' parseValues, e.g. parseValuesText from calico-windows-compat/yaml): its values are not read.",
      { ref },
    );
  let values: unknown;
  try {
    values = ctx.parseValues(content);
  } catch (error) {
    // The error's first line and its first problem: enough to find it, short enough for a note.
    const detail = error instanceof CompatError ? [error.message.split('\n')[0], error.issues[0]?.message].filter(Boolean).join(' ') : String(error);
    return ctx.note('invalid-value', 'warning', `spec.valuesContent is not YAML the adapter can read (${truncate(detail)}): its values are not read.`, { ref });
  }
  const installation = isObj(values) ? own(values, 'installation') : undefined;
  if (!isObj(installation))
    return ctx.note('undecided', 'info', 'spec.valuesContent sets no installation values: the chart renders the Installation from its defaults, which the objects do not show.', { ref });

  // The Installation the values describe, read in place: sources name spec.valuesContent.installation.<field>.
  // Stryker disable next-line StringLiteral: the view is read under spec.valuesContent alone, whatever else its spec holds
  const spec = isObj(own(ref.object, 'spec')) ? (own(ref.object, 'spec') as Obj) : {};
  const view: Ref = { ...ref, object: { ...ref.object, spec: { ...spec, valuesContent: values } }, base: [...field, 'installation'] };
  ctx.claim('calico.operatorManaged', true, view, [field], 1);
  ctx.claim('calico.datastore', 'kubernetes', view, [field], 2);
  ctx.claim('platform', 'rke2', view, [], 1);
  ctx.note(
    'inferred',
    'info',
    "HelmChartConfig rke2-calico configures RKE2's Calico chart, which runs the Tigera operator: calico.operatorManaged true, calico.datastore kubernetes, platform 'rke2' (the v3.23 requirements name RKE, not RKE2; if you hold RKE2 to be covered, state platform: rke). RKE2 runs Calico on its Windows agents itself: calico.installMethod is left for you to state.",
    { ref },
  );
  readInstallationNetwork(view, ctx, 'Calico');
}

// What the operator needs to install Calico for Windows (tigera/operator WindowsEnabled and its
// Installation validation, upstream.md §4).
export function readInstallationWindows(ref: Ref, ctx: Context): void {
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
export function readInstallationBackend(
  ref: Ref,
  ctx: Context,
  bgp: ReturnType<typeof installationField>,
  ipam: ReturnType<typeof installationField>,
  /** The CNI the object implies when its spec leaves `cni.type` unset (RKE2's Calico chart: Calico). */
  defaultCni?: string,
): void {
  const stated = installationField(ref, ['cni', 'type']);
  // Stryker disable next-line LogicalOperator,ArrayDeclaration,StringLiteral: the field of a CNI the chart implies is never cited (its sources drop it, its words name the chart)
  const base = ref.base ?? ['spec'];
  // Stryker disable next-line ArrayDeclaration,StringLiteral: as above
  const cni = stated ?? (defaultCni === undefined ? undefined : { value: defaultCni, field: [...base, 'cni', 'type'] });
  if (!cni)
    return ctx.note('undecided', 'warning', 'spec.cni.type is not set (the operator picks a default by platform): networking is left for you to state.', { ref, fact: 'networking' });
  // A CNI the object implies has no field of its own: the values cited are the ones that decide.
  const source = (fields: Segment[][]) => ctx.source(ref, stated ? fields : fields.slice(1));
  const calicoCni = stated ? `${formatPath(cni.field)} is Calico` : "RKE2's Calico chart (its CNI is Calico)";
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
      how: `${calicoCni} and ${formatPath(bgp.field)} is Enabled (the operator's windows-bgp backend)`,
    });
  if (ipam?.value === 'Calico')
    return void ctx.backends.push({
      value: 'calico-vxlan',
      source: source([cni.field, bgp.field, ipam.field]),
      how: `${calicoCni}, ${formatPath(bgp.field)} is Disabled and ${formatPath(ipam.field)} is Calico (the operator's vxlan backend)`,
    });
  ctx.note(
    'undecided',
    'warning',
    `Calico CNI with BGP disabled and ${ipam ? `IPAM ${typeof ipam.value === 'string' ? ipam.value : show(ipam.value)}` : 'no IPAM type set'}: Calico does not network the pods on Windows; networking is left for you to state.`,
    { ref, fact: 'networking' },
  );
}

export function readInstallationPools(ref: Ref, ctx: Context): void {
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
    // Facts take a pool's name and CIDR only as Kubernetes could hold them: a pool the adapter cannot
    // state faithfully leaves the list out, with a note, like one whose encapsulation cannot be told.
    const problem =
      mapped === undefined
        ? encapsulation === undefined
          ? `${formatPath([...at, 'encapsulation'])} is not set`
          : `${formatPath([...at, 'encapsulation'])} ${show(encapsulation)} is not an encapsulation`
        : poolProblem(name, cidr, [...at, 'name'], [...at, 'cidr']);
    if (mapped === undefined || problem !== undefined) {
      ctx.installationPools.push({ name, pool: undefined, problem, identity: mapped !== undefined, sources, ref });
      return;
    }
    sources['encapsulation'] = ctx.source(ref, [[...at, 'encapsulation']]);
    if (cidr !== undefined) sources['cidr'] = ctx.source(ref, [[...at, 'cidr']]);
    if (name !== undefined) sources['name'] = ctx.source(ref, [[...at, 'name']]);
    const pool: IpPool = { ...(name === undefined ? {} : { name }), ...(cidr === undefined ? {} : { cidr }), encapsulation: mapped };
    ctx.installationPools.push({ name, pool, sources, ref });
  });
}

export function readFelixConfiguration(ref: Ref, ctx: Context): void {
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

// Any value may be looked up: what is not one of these strings is no mode.
export const POOL_MODES: ReadonlySet<unknown> = new Set(['Never', 'Always', 'CrossSubnet']);

export function readIpPool(ref: Ref, ctx: Context): void {
  const spec = get(ref.object, ['spec']);
  const name = ref.name;
  const sources: Record<string, FactSource> = {};
  const push = (pool: IpPool | undefined, problem?: string, identity = false): void => {
    ctx.poolObjects.push({ name, pool, problem, identity, sources, ref });
  };
  if (!isObj(spec)) return push(undefined, 'it has no spec');
  const ipip = own(spec, 'ipipMode');
  const vxlan = own(spec, 'vxlanMode');
  for (const [field, mode] of [['ipipMode', ipip], ['vxlanMode', vxlan]] as const)
    if (mode !== undefined && !POOL_MODES.has(mode))
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
  const problem = poolProblem(undefined, cidr, ['metadata', 'name'], ['spec', 'cidr']);
  if (problem !== undefined) return push(undefined, problem, true);
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

export function readIpamConfig(ref: Ref, ctx: Context): void {
  const value = get(ref.object, ['spec', 'strictAffinity']);
  if (typeof value === 'boolean') return ctx.claim('calico.strictAffinity', value, ref, [['spec', 'strictAffinity']]);
  if (value === undefined || value === null)
    return ctx.note('undecided', 'info', 'spec.strictAffinity is not set (Calico then treats it as false): calico.strictAffinity is left for you to state.', { ref, fact: 'calico.strictAffinity' });
  ctx.note('invalid-value', 'warning', `spec.strictAffinity ${describe(value)} is not a boolean.`, { ref, fact: 'calico.strictAffinity' });
}

export function readClusterInformation(ref: Ref, ctx: Context): void {
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
export function readServicesEndpoint(ref: Ref, ctx: Context): void {
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

export const BACKENDS: Readonly<Record<string, string>> = { bird: 'calico-bgp', vxlan: 'calico-vxlan', none: 'policy-only' };

export function readCalicoConfig(ref: Ref, ctx: Context): void {
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

/** Why a pool's name or CIDR cannot be a fact (not a Kubernetes name, not a CIDR), if it cannot. */
function poolProblem(name: string | undefined, cidr: string | undefined, nameField: Segment[], cidrField: Segment[]): string | undefined {
  if (name !== undefined && (name.length > 253 || !KUBERNETES_NAME.test(name))) return `${formatPath(nameField)} ${show(name)} is not a Kubernetes name`;
  if (cidr !== undefined && !CIDR.test(cidr)) return `${formatPath(cidrField)} ${show(cidr)} is not a CIDR`;
  return undefined;
}
