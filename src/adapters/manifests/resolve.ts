// Resolving claims into facts, once every object is read.
import type { ClusterFacts, IpPool, NodeFacts } from '../../model/facts.js';
import type { FactSource } from '../../model/report.js';
import { compareVersions } from '../../model/version.js';
import type { ManifestFacts } from './types.js';
import { parseVersion } from '../../model/version.js';
import { installationField } from './calico.js';
import { distinctValues, listSource, type BackendClaim, type Context, type PoolDraft } from './context.js';
import { deepEqual, describeSource, get, nonEmptyString, show } from './values.js';

export function assemble(ctx: Context): ManifestFacts {
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
    const claims = ctx.claims.get(fact); // never empty: a fact's list is made with its first claim
    if (!claims) return undefined;
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

export function resolvePools(ctx: Context, sources: Record<string, FactSource>): IpPool[] | undefined {
  const fromObjects = ctx.poolObjects.length > 0;
  const drafts = fromObjects ? ctx.poolObjects : ctx.installationPools;
  if (drafts.length === 0) return undefined;
  const problems = drafts.filter((d) => d.pool === undefined);
  if (problems.length > 0) {
    for (const d of problems)
      ctx.note('undecided', 'warning', `${d.identity === true ? 'The name or CIDR' : 'The encapsulation'} of ${fromObjects ? d.ref.label : `a pool of ${d.ref.label}`} ${d.identity === true ? 'cannot be a fact' : 'cannot be told'}: ${
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
  if (fromObjects) crossCheckInstallationPools(ctx, unique);
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
export function crossCheckInstallationPools(ctx: Context, objects: readonly PoolDraft[]): void {
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
export function resolveNetworking(ctx: Context, pools: IpPool[] | undefined): { value: string; source: FactSource } | undefined {
  const claims: BackendClaim[] = [...ctx.backends];
  const enabled = pools?.filter((p) => p.disabled !== true);
  const isVxlan = (p: IpPool) => p.encapsulation === 'vxlan' || p.encapsulation === 'vxlan-cross-subnet';
  const vxlanPool = enabled?.some(isVxlan) === true;
  const installer: BackendClaim | undefined =
    ctx.felixVxlan[0] ??
    (enabled && enabled.length > 0
      ? {
          value: vxlanPool ? 'calico-vxlan' : 'calico-bgp',
          source: poolsSource(ctx),
          how: vxlanPool
            ? `an enabled IP pool has ${ctx.poolObjects.length > 0 ? 'vxlanMode Always or CrossSubnet' : 'encapsulation VXLAN or VXLANCrossSubnet'} (Calico's Windows installer then picks the vxlan backend)`
            : "no enabled IP pool uses VXLAN (Calico's Windows installer then picks the bgp backend)",
        }
      : undefined);
  if (new Set(ctx.felixVxlan.map((c) => c.value)).size > 1) {
    ctx.note('conflict', 'warning', 'FelixConfiguration default objects disagree on spec.vxlanEnabled: networking is left out.', { fact: 'networking' });
    return undefined;
  }
  // The installer's answer counts only where Calico is known to network the pods: it assumes so. A VXLAN
  // answer shows it by itself; a BGP answer needs the Installation or calico_backend to agree.
  const calicoNetworking = claims.some((c) => c.value === 'calico-bgp' || c.value === 'calico-vxlan');
  if (installer && (calicoNetworking || installer.value === 'calico-vxlan')) claims.push(installer);
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
export function poolsSource(ctx: Context): FactSource {
  if (ctx.poolObjects.length === 0)
    // Stryker disable next-line OptionalChaining,ObjectLiteral,StringLiteral: called only when the Installation's pools were read, each with its encapsulation's source
    return ctx.installationPools[0]?.sources['encapsulation'] ?? { object: 'Installation', field: 'spec.calicoNetwork.ipPools' };
  // Stryker disable next-line OptionalChaining: called only when the pools were told, so every pool object has a pool
  const vxlan = ctx.poolObjects.find((p) => p.pool?.encapsulation === 'vxlan' || p.pool?.encapsulation === 'vxlan-cross-subnet');
  const decided = vxlan ?? (ctx.poolObjects[0] as PoolDraft);
  return ctx.source(decided.ref, [['spec', 'vxlanMode']]);
}

// A kubelet is never newer than its API server: the lowest kubelet (of the control plane when it has
// nodes) is the best the nodes can say of the cluster's version.
export function resolveKubernetesVersion(
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

export function resolveNodes(ctx: Context, resolve: (fact: string) => unknown, sources: Record<string, FactSource>): NodeFacts[] {
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
