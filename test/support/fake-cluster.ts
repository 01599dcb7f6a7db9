// Example clusters to read with kubectl, built from the kubectl output in test/fixtures/manifests: which
// API groups each serves and which objects, split by resource type. Two stand-ins serve them — a fake
// kubectl (test/support/fake-kubectl.mjs, a Node script put on the PATH) and a stand-in API server for the
// real kubectl (startApiServer) — from the same state, so both answer alike.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import type { KubectlRunner } from '../../src/node/kubectl.js';
import { COLLECTED_KINDS, kubectlArgs } from '../../src/node/collect.js';
import { answer, authorizes, type PolicyRule } from './fake-kubectl.mjs';

export const FIXTURES = 'test/fixtures/manifests';

/** A resource type as discovery describes it. */
export interface ResourceType {
  readonly group: string;
  readonly version: string;
  readonly resource: string;
  readonly singular: string;
  readonly kind: string;
  readonly namespaced: boolean;
  readonly shortNames?: readonly string[];
}

const core = (resource: string, singular: string, kind: string, namespaced: boolean, shortNames: string[]): ResourceType => ({
  group: '',
  version: 'v1',
  resource,
  singular,
  kind,
  namespaced,
  shortNames,
});
const typed = (group: string, version: string, resource: string, kind: string, namespaced = false): ResourceType => ({
  group,
  version,
  resource,
  singular: kind.toLowerCase(),
  kind,
  namespaced,
});
const calicoTypes = (group: string, version: string, ipam: string, ipamKind: string): ResourceType[] => [
  typed(group, version, 'felixconfigurations', 'FelixConfiguration'),
  typed(group, version, 'ippools', 'IPPool'),
  typed(group, version, ipam, ipamKind),
  typed(group, version, 'bgpconfigurations', 'BGPConfiguration'),
  typed(group, version, 'clusterinformations', 'ClusterInformation'),
  typed(group, version, 'bgppeers', 'BGPPeer'),
];

/** The resource types of each API group a cluster may serve (the core group always). */
export const GROUP_TYPES: Readonly<Record<string, readonly ResourceType[]>> = {
  '': [core('nodes', 'node', 'Node', false, ['no']), core('configmaps', 'configmap', 'ConfigMap', true, ['cm']), core('namespaces', 'namespace', 'Namespace', false, ['ns'])],
  'operator.tigera.io': [typed('operator.tigera.io', 'v1', 'installations', 'Installation'), typed('operator.tigera.io', 'v1', 'apiservers', 'APIServer')],
  'crd.projectcalico.org': calicoTypes('crd.projectcalico.org', 'v1', 'ipamconfigs', 'IPAMConfig'),
  'projectcalico.org': calicoTypes('projectcalico.org', 'v3', 'ipamconfigurations', 'IPAMConfiguration'),
  'helm.cattle.io': [typed('helm.cattle.io', 'v1', 'helmchartconfigs', 'HelmChartConfig', true), typed('helm.cattle.io', 'v1', 'helmcharts', 'HelmChart', true)],
};

/** One object the cluster holds. */
export interface StoredObject {
  /** `ippools.crd.projectcalico.org`, `nodes`. */
  readonly type: string;
  readonly namespace?: string;
  readonly name: string;
  readonly object: Record<string, unknown>;
}

/** What a fake cluster serves, as JSON (the fake kubectl reads it from a file). */
export interface ClusterState {
  /** The API server's version (`/version`). */
  readonly serverVersion: Record<string, string>;
  readonly types: readonly ResourceType[];
  readonly objects: readonly StoredObject[];
  /** Reads RBAC forbids: `list ippools.crd.projectcalico.org`, `get configmaps/kube-system/calico-config`. */
  readonly forbidden?: readonly string[];
  /** A ClusterRole's rules: when set, only what they allow is served (discovery aside, as system:discovery allows it). */
  readonly rbac?: readonly PolicyRule[];
  /** Fake kubectl only: misbehaviour by first resource argument (`version`, `nodes`, `ippools.crd.projectcalico.org`, or `*`). */
  readonly faults?: Readonly<Record<string, Fault>>;
  /** Fake kubectl only: the contexts its kubeconfig has (any name when absent). */
  readonly contexts?: readonly string[];
  /** Fake kubectl only: where it appends a JSON line per run (arguments, start and end times). */
  readonly log?: string;
  /** Fake kubectl only: where a hanging run writes its own and its child's process ids. */
  readonly pidFile?: string;
}

/** What the fake kubectl does instead of answering. */
export type Fault =
  | { readonly hang: true }
  | { readonly exit: number; readonly stderr: string; readonly stdout?: string }
  | { readonly stdout: string }
  | { readonly delayMs: number };

/** The example clusters, as a live cluster serves them: version, API groups, and the files of their objects. */
export const FAKE_CLUSTERS = {
  // A manifest install (calico-vxlan.yaml): Calico's CRDs, no operator.
  'self-managed-vxlan': { version: 'v1.22.9', groups: ['crd.projectcalico.org'], files: ['nodes.yaml', 'calico.yaml', 'calico-config.yaml'] },
  // An operator install with the Calico API server: projectcalico.org/v3 served over crd.projectcalico.org.
  'self-managed-bgp': {
    version: 'v1.21.14',
    groups: ['operator.tigera.io', 'crd.projectcalico.org', 'projectcalico.org'],
    files: ['nodes.json', 'installation.yaml', 'calico-resources.yaml'],
  },
  eks: { version: 'v1.22.17-eks-48e63af', groups: ['operator.tigera.io', 'crd.projectcalico.org'], files: ['nodes.yaml', 'calico.yaml'] },
  aks: { version: 'v1.23.8', groups: ['operator.tigera.io', 'crd.projectcalico.org'], files: ['nodes.yaml', 'calico.yaml'] },
  // Calico on etcd: kubectl sees the nodes and calico-config; Calico's resources are calicoctl's alone.
  'etcd-bgp': { version: 'v1.19.16', groups: [], files: ['nodes.yaml', 'calico.yaml'] },
  'rke2-vxlan': {
    version: 'v1.29.3+rke2r1',
    groups: ['operator.tigera.io', 'crd.projectcalico.org', 'helm.cattle.io'],
    files: ['nodes.yaml', 'calico.yaml', 'helmchartconfig.yaml'],
  },
} as const satisfies Record<string, { version: string; groups: readonly string[]; files: readonly string[] }>;

export type FakeClusterName = keyof typeof FAKE_CLUSTERS;

/** The fixture files of an example cluster. */
export function clusterFiles(name: FakeClusterName): string[] {
  return FAKE_CLUSTERS[name].files.map((file) => join(FIXTURES, name, file));
}

const typeKey = (type: ResourceType): string => (type.group === '' ? type.resource : `${type.resource}.${type.group}`);

/** An example cluster's state: its objects split by type; those of groups it does not serve left out. */
export function fakeCluster(name: FakeClusterName, extra: Partial<ClusterState> = {}): ClusterState {
  const spec = FAKE_CLUSTERS[name];
  const types = ['', ...spec.groups].flatMap((group) => GROUP_TYPES[group] ?? []);
  const objects: StoredObject[] = [];
  const store = (object: Record<string, unknown>): void => {
    const apiVersion = String(object['apiVersion'] ?? '');
    const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
    const type = types.find((t) => t.group === group && t.kind === object['kind']);
    if (!type) return;
    const metadata = (object['metadata'] ?? {}) as Record<string, unknown>;
    const namespace = typeof metadata['namespace'] === 'string' ? metadata['namespace'] : undefined;
    objects.push({ type: typeKey(type), name: String(metadata['name']), ...(namespace ? { namespace } : {}), object });
    // With the Calico API server, the v3 objects are stored as crd.projectcalico.org/v1 objects too.
    if (group === 'projectcalico.org' && spec.groups.includes('crd.projectcalico.org' as never)) {
      const kind = object['kind'] === 'IPAMConfiguration' ? 'IPAMConfig' : object['kind'];
      store({ ...object, apiVersion: 'crd.projectcalico.org/v1', kind });
    }
  };
  for (const file of clusterFiles(name))
    for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) flatten(document.toJS() as unknown, store);
  // The namespaces every cluster has, and the operator's (kubectl looks a namespace up after a NotFound).
  for (const namespace of ['default', 'kube-system', ...(spec.groups.includes('operator.tigera.io' as never) ? ['tigera-operator'] : [])])
    store({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
  const [major = '1', minor = '0'] = spec.version.replace(/^v/, '').split(/[.+-]/);
  return {
    serverVersion: {
      major,
      minor,
      gitVersion: spec.version,
      gitCommit: '0123456789abcdef0123456789abcdef01234567',
      gitTreeState: 'clean',
      buildDate: '2024-01-17T13:38:41Z',
      goVersion: 'go1.21.6',
      compiler: 'gc',
      platform: 'linux/amd64',
    },
    types,
    objects,
    ...extra,
  };
}

function flatten(value: unknown, store: (object: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) return value.forEach((item) => flatten(item, store));
  if (value === null || typeof value !== 'object') return;
  const object = value as Record<string, unknown>;
  if (typeof object['kind'] === 'string' && object['kind'].endsWith('List') && Array.isArray(object['items'])) return flatten(object['items'], store);
  store(object);
}

// ---------------------------------------------------------------------------------------------------
// The fake kubectl: a directory to put first on the PATH.

export const FAKE_KUBECTL = resolve('test/support/fake-kubectl.mjs');

/** A directory holding `kubectl` (the fake) and the state it serves; `cleanup` removes it. */
export interface FakeKubectl {
  readonly bin: string;
  readonly dir: string;
  readonly stateFile: string;
  /** The fake's path. */
  readonly kubectl: string;
  /** The environment to run with: PATH with the fake first. */
  readonly env: Record<string, string>;
  /** The runs so far, as the fake logged them. */
  runs(): Array<{ argv: string[]; start: number; end?: number; pid: number }>;
  cleanup(): void;
}

/**
 * Installs the fake. `log: true` makes it log each run (for `runs()`). Without faults, contexts or a log,
 * the collector's reads are answered ahead from files by a shell script — no Node.js start per run, which
 * is most of a collection's time; other arguments go to the Node.js fake.
 */
export function installFakeKubectl(state: ClusterState, options: { log?: boolean } = {}): FakeKubectl {
  const dir = mkdtempSync(join(tmpdir(), 'cwc-kubectl-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const log = join(dir, 'runs.jsonl');
  const stateFile = join(dir, 'cluster.json');
  const served = { ...(options.log ? { log } : {}), pidFile: join(dir, 'pids.json'), ...state, printed: printed(state) };
  writeFileSync(stateFile, JSON.stringify(served));
  const answers = join(dir, 'answers');
  if (!options.log && state.faults === undefined && state.contexts === undefined) {
    mkdirSync(answers);
    for (const read of COLLECTED_KINDS.flatMap((kind) => kind.reads)) {
      const args = kubectlArgs(read);
      const outcome = answer(served, args);
      if (outcome.fault !== undefined) continue;
      const key = args.map((arg) => `_${arg}`).join('').replaceAll('/', '%');
      writeFileSync(join(answers, `${key}.out`), outcome.stdout);
      writeFileSync(join(answers, `${key}.err`), outcome.stderr);
      writeFileSync(join(answers, `${key}.code`), String(outcome.exitCode));
    }
  }
  // The state's path travels in the script, so that whoever runs `kubectl` needs no variable of its own.
  writeFileSync(
    join(bin, 'kubectl'),
    `#!/bin/bash
PATH="$PATH:/usr/bin:/bin"
answers='${answers}'
if [ -d "$answers" ]; then
  key=
  for arg in "$@"; do
    case $arg in --context=*|--kubeconfig=*) ;; *) key+="_$arg" ;; esac
  done
  key=\${key//\//%}
  if [ -f "$answers/$key.code" ]; then
    cat "$answers/$key.out"; cat "$answers/$key.err" >&2; exit "$(<"$answers/$key.code")"
  fi
fi
FAKE_KUBECTL_STATE='${stateFile}' exec '${process.execPath}' '${FAKE_KUBECTL}' "$@"
`,
  );
  chmodSync(join(bin, 'kubectl'), 0o755);
  return {
    bin,
    dir,
    stateFile,
    kubectl: join(bin, 'kubectl'),
    env: { PATH: `${bin}:${process.env['PATH'] ?? ''}` },
    runs() {
      let text = '';
      try {
        text = readFileSync(log, 'utf8');
      } catch {
        return [];
      }
      const byPid = new Map<number, { argv: string[]; start: number; end?: number; pid: number }>();
      for (const line of text.split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as { pid: number; argv?: string[]; start?: number; end?: number };
        const run = byPid.get(entry.pid) ?? { argv: [], start: 0, pid: entry.pid };
        if (entry.argv) run.argv = entry.argv;
        if (entry.start !== undefined) run.start = entry.start;
        if (entry.end !== undefined) run.end = entry.end;
        byPid.set(entry.pid, run);
      }
      return [...byPid.values()];
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * What kubectl prints for each read, rendered here so the fake need not load a YAML library (it starts
 * sooner): `version`, `list <type>`, `get <type>/<namespace>/<name>`. kubectl prints YAML with sorted keys.
 */
function printed(state: ClusterState): Record<string, string> {
  const yaml = (value: unknown): string => stringify(value, { sortMapEntries: true });
  const out: Record<string, string> = {
    version: yaml({ clientVersion: { gitVersion: 'v1.29.3', major: '1', minor: '29', platform: 'linux/amd64' }, kustomizeVersion: 'v5.0.4-0.20230601165947-6ce0bf390ce3', serverVersion: state.serverVersion }),
  };
  for (const type of state.types) {
    const key = typeKey(type);
    const objects = state.objects.filter((o) => o.type === key);
    out[`list ${key}`] = yaml({ apiVersion: 'v1', items: type.namespaced ? [] : objects.map((o) => o.object), kind: 'List', metadata: { resourceVersion: '' } });
    for (const o of objects) out[`get ${key}/${o.namespace ?? ''}/${o.name}`] = yaml(o.object);
  }
  return out;
}

/**
 * A runner that answers in process as the fake kubectl does (no process: fast), for tests of what the
 * collector makes of kubectl's answers. `calls` records each run's arguments, `stderr` what runs printed there.
 */
export function stateRunner(state: ClusterState): KubectlRunner & { calls: string[][]; stderr: string[] } {
  const served = { ...state, printed: printed(state) };
  const calls: string[][] = [];
  const stderr: string[] = [];
  const run: KubectlRunner = async (args, { signal }) => {
    calls.push([...args]);
    const outcome = answer(served, args);
    if (outcome.fault === undefined) {
      if (outcome.stderr !== '') stderr.push(outcome.stderr);
      return outcome;
    }
    // A hang or a delay, as a process would act it out, stopped by the signal.
    return new Promise((resolve, reject) => {
      const delay = 'delayMs' in outcome.fault ? outcome.fault.delayMs : undefined;
      const timer = delay === undefined ? undefined : setTimeout(() => resolve(answer(served, args, { faults: false }) as never), delay);
      signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason as Error)), { once: true });
    });
  };
  return Object.assign(run, { calls, stderr });
}

// ---------------------------------------------------------------------------------------------------
// The stand-in API server, for the real kubectl: discovery (/api, /apis, /apis/<group>/<version>),
// /version, and list and get of every served type, in the API server's JSON (legacy discovery: kubectl
// asks for aggregated discovery first and takes plain application/json as the answer).

export interface ApiServer {
  readonly url: string;
  /** Request lines served so far: `GET /api/v1/nodes?limit=500`. */
  readonly requests: string[];
  /** Those answered 403 Forbidden. */
  readonly denied: string[];
  close(): Promise<void>;
}

export interface ApiServerOptions {
  /** Every request is refused as unauthenticated (an expired token). */
  readonly unauthorized?: boolean;
  /** Requests to these paths are never answered. */
  readonly hang?: readonly string[];
}

const USER = 'system:serviceaccount:ci:calico-windows-compat';

export async function startApiServer(state: ClusterState, options: ApiServerOptions = {}): Promise<ApiServer> {
  const requests: string[] = [];
  const denied: string[] = [];
  const held: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const line = `${req.method ?? ''} ${req.url ?? ''}`;
    requests.push(line);
    res.on('finish', () => res.statusCode === 403 && denied.push(line));
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (options.hang?.includes(url.pathname)) return void held.push(res);
    serve(state, options, req, url, res, server.address() as AddressInfo);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    denied,
    close: () =>
      new Promise<void>((done) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function serve(state: ClusterState, options: ApiServerOptions, req: IncomingMessage, url: URL, res: ServerResponse, address: AddressInfo): void {
  const send = (code: number, body: unknown): void => {
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const status = (code: number, reason: string, message: string, details?: Record<string, string>): void =>
    send(code, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code });
  if (req.method !== 'GET') return status(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
  if (options.unauthorized) return status(401, 'Unauthorized', 'Unauthorized');
  const path = url.pathname.replace(/\/$/, '');
  if (path === '/version') {
    if (state.rbac !== undefined && !authorizes(state.rbac, { verb: 'get', path: '/version' }))
      return status(403, 'Forbidden', `forbidden: User "${USER}" cannot get path "/version"`);
    return send(200, state.serverVersion);
  }
  if (path === '/api')
    return send(200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: `127.0.0.1:${address.port}` }] });
  const groups = [...new Set(state.types.filter((t) => t.group !== '').map((t) => `${t.group}/${t.version}`))];
  if (path === '/apis')
    return send(200, {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: groups.map((gv) => {
        const [name = '', version = ''] = gv.split('/');
        return { name, versions: [{ groupVersion: gv, version }], preferredVersion: { groupVersion: gv, version } };
      }),
    });
  const discovery = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
  if (discovery) {
    const group = discovery[2] ?? '';
    const version = discovery[1] ?? discovery[3] ?? '';
    const types = state.types.filter((t) => t.group === group && t.version === version);
    if (types.length === 0) return status(404, 'NotFound', 'the server could not find the requested resource');
    return send(200, {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: group === '' ? version : `${group}/${version}`,
      resources: types.map((t) => ({
        name: t.resource,
        singularName: t.singular,
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
        ...(t.shortNames ? { shortNames: t.shortNames } : {}),
      })),
    });
  }
  // /api/v1[/namespaces/<ns>]/<resource>[/<name>], /apis/<group>/<version>[/namespaces/<ns>]/<resource>[/<name>]
  const match = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(path);
  const type = match ? state.types.find((t) => t.group === (match[2] ?? '') && t.version === (match[1] ?? match[3]) && t.resource === match[5]) : undefined;
  if (!match || !type) return status(404, 'NotFound', 'the server could not find the requested resource');
  const namespace = match[4];
  const name = match[6] === undefined ? undefined : decodeURIComponent(match[6]);
  const key = typeKey(type);
  const verb = name === undefined ? 'list' : 'get';
  const qualified = type.group === '' ? type.resource : `${type.resource}.${type.group}`;
  const allowed = state.rbac === undefined || authorizes(state.rbac, { verb, group: type.group, resource: type.resource, ...(name === undefined ? {} : { name }) });
  if (!allowed || state.forbidden?.includes(`${verb} ${key}`) || state.forbidden?.includes(`${verb} ${key}/${namespace ?? ''}/${name ?? ''}`)) {
    const scope = namespace === undefined ? 'at the cluster scope' : `in the namespace "${namespace}"`;
    return status(
      403,
      'Forbidden',
      `${qualified}${name === undefined ? '' : ` "${name}"`} is forbidden: User "${USER}" cannot ${verb} resource "${type.resource}" in API group "${type.group}" ${scope}`,
      { ...(name === undefined ? {} : { name }), ...(type.group === '' ? {} : { group: type.group }), kind: type.resource },
    );
  }
  const objects = state.objects.filter((o) => o.type === key && (namespace === undefined || o.namespace === namespace));
  const gv = type.group === '' ? type.version : `${type.group}/${type.version}`;
  if (name !== undefined) {
    const found = objects.find((o) => o.name === name);
    if (!found) return status(404, 'NotFound', `${qualified} "${name}" not found`, { name, ...(type.group === '' ? {} : { group: type.group }), kind: type.resource });
    return send(200, found.object);
  }
  // Core lists omit each item's apiVersion and kind, as the API server does; custom resources keep them.
  const items = objects.map((o) => (type.group === '' ? omit(o.object, ['apiVersion', 'kind']) : o.object));
  return send(200, { apiVersion: gv, kind: `${type.kind}List`, metadata: { resourceVersion: '48215' }, items });
}

function omit(object: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

/** A kubeconfig for the stand-in: one cluster, one user, the given contexts (the first current). */
export function writeKubeconfig(dir: string, server: string, contexts: readonly string[] = ['stand-in']): string {
  const path = join(dir, 'kubeconfig');
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'stand-in', cluster: { server } }],
    users: [{ name: 'reader', user: { token: 'not-sent-over-plain-http' } }],
    contexts: contexts.map((name) => ({ name, context: { cluster: 'stand-in', user: 'reader' } })),
    'current-context': contexts[0] ?? '',
  };
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}
export type { PolicyRule } from './fake-kubectl.mjs';
