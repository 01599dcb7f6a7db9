/**
 * The common shape of facts, accepted by hand: the node list — the one part of the facts that grows
 * with the cluster — checked in one loop instead of through the schema's per-field machinery (which
 * allocates about thirteen bytes per byte of input). The rest of the document goes through
 * {@link ClusterFactsSchema} itself.
 *
 * It only ever *accepts*: given anything it is not sure of (a key it does not know, a value of the wrong
 * type, a duplicate name, an object that is not plain) it answers `undefined`, and the schema decides and
 * words every problem. What it accepts is what the schema would return, built the same way: a copy with
 * the schema's key order, a key present with the value `undefined` kept. Every read it makes is one the
 * schema makes (`key in node`, `node[key]`, `for…in` for unknown keys), so even an object with
 * inherited or non-enumerable properties reads alike. test/model/fast-facts.test.ts holds it to that.
 * @module
 */
import { ClusterFactsSchema, type ClusterFacts, type LinuxNodeFacts, type NodeFacts, type WindowsNodeFacts } from './facts.js';
import { isContainerRuntime } from './runtime.js';
import { isWindowsBuild } from './windows.js';

type Plain = Record<string, unknown>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The keys of a Windows node, in the schema's order (a test checks them against the schema). */
export const WINDOWS_NODE_KEYS = [
  'os',
  'name',
  'osBuild',
  'containerRuntime',
  'datastore',
  'cniPlugin',
  'routeReflector',
  'powershellAdmin',
  'remoteAccess',
  'remoteAccessServiceInstalled',
  'tls12Enabled',
] as const;
/** The keys of a Linux node, in the schema's order. */
export const LINUX_NODE_KEYS = ['os', 'name', 'roles', 'routeReflector'] as const;
/** The keys of the facts document, in the schema's order. */
export const CLUSTER_KEYS = ['platform', 'infrastructure', 'networking', 'kubernetes', 'calico', 'network', 'eks', 'aks', 'nodes'] as const;

/** A non-empty string: the schema's `nonEmpty()`. */
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * A Kubernetes object name, as the schema's `kubernetesName()` accepts it (`KUBERNETES_NAME`, at
 * most 253 characters), read character by character: labels of `[a-z0-9-]` joined by dots, each starting
 * and ending with a letter or digit.
 */
export function isKubernetesName(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 253) return false;
  let previous = 0x2e; // as if after a dot: a label starts
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) previous = c;
    else if (c === 0x2d /* - */ && previous !== 0x2e) previous = c;
    else if (c === 0x2e /* . */ && previous !== 0x2e && previous !== 0x2d) previous = c;
    else return false;
  }
  return previous !== 0x2e && previous !== 0x2d;
}

function isObject(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A key's place in the Windows node schema (its bit in a key mask), or -1 for a key it does not know. */
function windowsRank(key: string): number {
  switch (key) {
    case 'os':
      return 0;
    case 'name':
      return 1;
    case 'osBuild':
      return 2;
    case 'containerRuntime':
      return 3;
    case 'datastore':
      return 4;
    case 'cniPlugin':
      return 5;
    case 'routeReflector':
      return 6;
    case 'powershellAdmin':
      return 7;
    case 'remoteAccess':
      return 8;
    case 'remoteAccessServiceInstalled':
      return 9;
    case 'tls12Enabled':
      return 10;
    default:
      return -1;
  }
}

function linuxRank(key: string): number {
  switch (key) {
    case 'os':
      return 0;
    case 'name':
      return 1;
    case 'roles':
      return 2;
    case 'routeReflector':
      return 3;
    default:
      return -1;
  }
}

const UNKNOWN_KEY = -1;
const OUT_OF_ORDER = -2;

/**
 * The keys of a node as the strict schema's `for…in` finds them: a mask of their ranks when they come
 * in the schema's order, {@link OUT_OF_ORDER} when they do not, {@link UNKNOWN_KEY} when one is unknown.
 */
function keyMask(o: Plain, rank: (key: string) => number): number {
  let mask = 0;
  let last = -1;
  let ordered = true;
  for (const key in o) {
    const r = rank(key);
    if (r < 0) return UNKNOWN_KEY;
    if (r < last) ordered = false;
    last = r;
    mask |= 1 << r;
  }
  return ordered ? mask : OUT_OF_ORDER;
}

/**
 * Whether a spread copy of `o` is what the schema builds: its keys came in the schema's order, every
 * schema key it does not list is not in it at all (not inherited, not hidden from `for…in`), and it has
 * no symbol keys.
 */
function copiesAlike(o: Plain, mask: number, keys: readonly string[]): boolean {
  if (mask === OUT_OF_ORDER) return false;
  for (let r = 0; r < keys.length; r++) if ((mask & (1 << r)) === 0 && (keys[r] as string) in o) return false;
  // A spread copies symbol keys too; the schema does not.
  return Object.getOwnPropertySymbols(o).length === 0;
}

/** Fresh per call: the last value each check accepted, since nodes of a cluster repeat their values. */
interface Seen {
  build: string | undefined;
  runtime: string | undefined;
}

/** A copy of a list of strings each passing `test`, or undefined when it is not one. */
function stringList(value: unknown, test: (item: unknown) => boolean): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  // Sized up front: a list grown by push keeps room for more, several times its size.
  const out = new Array<string>(value.length);
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (!test(item)) return undefined;
    out[i] = item as string;
  }
  return out;
}

const isRemoteAccessMethod = (item: unknown): boolean => item === 'rdp' || item === 'winrm';

// Each field is read as the schema reads it: absent → left out; present with the value `undefined` →
// kept as `undefined`; else the value, when valid. Written out per field, so each read is a plain
// property access. The copy is a spread of the node when that builds what the schema builds (the keys
// in its order, as JSON from this library's tools and kubectl-derived facts have them), else built key
// by key; either way the values stored are the ones checked.

function windowsNode(o: Plain, name: string, seen: Seen): WindowsNodeFacts | undefined {
  const mask = keyMask(o, windowsRank);
  if (mask === UNKNOWN_KEY) return undefined;
  const build = o['osBuild'];
  if (build !== undefined && build !== seen.build) {
    if (!isText(build) || !isWindowsBuild(build)) return undefined;
    seen.build = build;
  }
  const runtime = o['containerRuntime'];
  if (runtime !== undefined && runtime !== seen.runtime) {
    if (!isText(runtime) || !isContainerRuntime(runtime)) return undefined;
    seen.runtime = runtime;
  }
  const datastore = o['datastore'];
  if (datastore !== undefined && datastore !== 'kubernetes' && datastore !== 'etcd') return undefined;
  const cniPlugin = o['cniPlugin'];
  if (cniPlugin !== undefined && !isText(cniPlugin)) return undefined;
  const routeReflector = o['routeReflector'];
  if (routeReflector !== undefined && typeof routeReflector !== 'boolean') return undefined;
  const powershellAdmin = o['powershellAdmin'];
  if (powershellAdmin !== undefined && typeof powershellAdmin !== 'boolean') return undefined;
  const access = o['remoteAccess'];
  const remoteAccess = access === undefined ? undefined : stringList(access, isRemoteAccessMethod);
  if (access !== undefined && remoteAccess === undefined) return undefined;
  const service = o['remoteAccessServiceInstalled'];
  if (service !== undefined && typeof service !== 'boolean') return undefined;
  const tls12 = o['tls12Enabled'];
  if (tls12 !== undefined && typeof tls12 !== 'boolean') return undefined;

  if (copiesAlike(o, mask, WINDOWS_NODE_KEYS)) {
    const out: Plain = { ...o };
    // The values checked, over whatever a second read gave (only a getter could give another).
    out['os'] = 'windows';
    out['name'] = name;
    if (build !== undefined) out['osBuild'] = build;
    if (runtime !== undefined) out['containerRuntime'] = runtime;
    if (datastore !== undefined) out['datastore'] = datastore;
    if (cniPlugin !== undefined) out['cniPlugin'] = cniPlugin;
    if (routeReflector !== undefined) out['routeReflector'] = routeReflector;
    if (powershellAdmin !== undefined) out['powershellAdmin'] = powershellAdmin;
    if (remoteAccess !== undefined) out['remoteAccess'] = remoteAccess;
    if (service !== undefined) out['remoteAccessServiceInstalled'] = service;
    if (tls12 !== undefined) out['tls12Enabled'] = tls12;
    return out as WindowsNodeFacts;
  }
  const out: Plain = { os: 'windows', name };
  put(o, out, 'osBuild', build);
  put(o, out, 'containerRuntime', runtime);
  put(o, out, 'datastore', datastore);
  put(o, out, 'cniPlugin', cniPlugin);
  put(o, out, 'routeReflector', routeReflector);
  put(o, out, 'powershellAdmin', powershellAdmin);
  put(o, out, 'remoteAccess', remoteAccess);
  put(o, out, 'remoteAccessServiceInstalled', service);
  put(o, out, 'tls12Enabled', tls12);
  return out as WindowsNodeFacts;
}

/** Stores a checked value as the schema does: an absent key left out, one present as `undefined` kept. */
function put(o: Plain, out: Plain, key: string, value: unknown): void {
  if (value !== undefined) out[key] = value;
  else if (key in o) out[key] = undefined;
}

function linuxNode(o: Plain, name: string): LinuxNodeFacts | undefined {
  const mask = keyMask(o, linuxRank);
  if (mask === UNKNOWN_KEY) return undefined;
  const given = o['roles'];
  const roles = given === undefined ? undefined : stringList(given, isText);
  if (given !== undefined && roles === undefined) return undefined;
  const routeReflector = o['routeReflector'];
  if (routeReflector !== undefined && typeof routeReflector !== 'boolean') return undefined;
  if (copiesAlike(o, mask, LINUX_NODE_KEYS)) {
    const out: Plain = { ...o };
    out['os'] = 'linux';
    out['name'] = name;
    if (roles !== undefined) out['roles'] = roles;
    if (routeReflector !== undefined) out['routeReflector'] = routeReflector;
    return out as LinuxNodeFacts;
  }
  const out: Plain = { os: 'linux', name };
  put(o, out, 'roles', roles);
  put(o, out, 'routeReflector', routeReflector);
  return out as LinuxNodeFacts;
}

function nodeList(nodes: unknown): NodeFacts[] | undefined {
  if (!Array.isArray(nodes)) return undefined;
  const seen: Seen = { build: undefined, runtime: undefined };
  const out: NodeFacts[] = [];
  // Names must be unique. Listed in order (as kubectl lists them), each name is greater than the last,
  // so unique; else a set of them says.
  let previous = '';
  let names: Set<string> | undefined;
  for (let i = 0; i < nodes.length; i++) {
    const o: unknown = nodes[i];
    if (!isObject(o)) return undefined;
    const name = o['name'];
    if (!isKubernetesName(name)) return undefined;
    if (names === undefined && name <= previous) names = new Set(out.map((node) => node.name));
    if (names !== undefined) {
      if (names.has(name)) return undefined;
      names.add(name);
    }
    previous = name;
    const os = o['os'];
    const node = os === 'windows' ? windowsNode(o, name, seen) : os === 'linux' ? linuxNode(o, name) : undefined;
    if (node === undefined) return undefined;
    out.push(node);
  }
  return out;
}

/** Whether anything is enumerable on `Object.prototype`, which every `for…in` would list. */
function prototypeTouched(): boolean {
  for (const _key in {}) return true;
  return false;
}

/**
 * The facts as {@link ClusterFactsSchema} would return them, or `undefined` when the schema must decide
 * (invalid input, or input of an unusual make). May throw what reading the input throws, as the schema
 * would.
 */
export function acceptFacts(input: unknown): ClusterFacts | undefined {
  if (!isObject(input) || prototypeTouched()) return undefined;
  // The document without its node list, for the schema: what the schema would read of it, and no more.
  const rest: Plain = {};
  for (const key in input) {
    if (key === '__proto__') return undefined;
    if (key !== 'nodes') rest[key] = input[key];
  }
  for (const key of CLUSTER_KEYS) if (key !== 'nodes' && (key in input) !== (key in rest)) return undefined;
  const head = ClusterFactsSchema.safeParse(rest);
  if (!head.success) return undefined;
  const facts = head.data as Mutable<ClusterFacts>;
  const nodes = input['nodes'];
  if (nodes === undefined) {
    if ('nodes' in input) facts.nodes = undefined;
    return facts;
  }
  const list = nodeList(nodes);
  if (list === undefined) return undefined;
  facts.nodes = list;
  return facts;
}
