/**
 * The common shape of facts, accepted by hand: the node list — the one part of the facts that grows
 * with the cluster — checked in one loop instead of through the schema's per-field machinery (which
 * allocates about thirteen bytes per byte of input), the rest by a table of checkers. It builds no
 * schema: the command line checks a facts file without loading zod.
 *
 * It only ever *accepts*: given anything it is not sure of (a key it does not know, a value of the wrong
 * type, a duplicate name, an object that is not plain) it answers `undefined`, and the schema decides and
 * words every problem. What it accepts is what the schema would return, built the same way: a copy with
 * the schema's key order, a key present with the value `undefined` kept. Every read it makes is one the
 * schema makes (`key in node`, `node[key]`, `for…in` for unknown keys), so even an object with
 * inherited or non-enumerable properties reads alike. test/model/fast-facts.test.ts holds it to that.
 * @module
 */
import type { ClusterFacts, LinuxNodeFacts, NodeFacts, WindowsNodeFacts } from './facts.js';
import { CIDR, isKubernetesName, KNOWN_NETWORKING, KNOWN_PLATFORMS } from './names.js';
import { typoOf } from './words.js';
import { parseVersion } from './version.js';
import { isContainerRuntime } from './runtime.js';
import { isWindowsBuild } from './windows.js';

type Plain = Record<string, unknown>;

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

/** A non-empty string: the schema's `nonEmpty()`. */
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function isObject(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A key's place in a node schema (its bit in a key mask), by key. */
const ranks = (keys: readonly string[]): ReadonlyMap<string, number> => new Map(keys.map((key, rank) => [key, rank]));
const WINDOWS_RANKS = ranks(WINDOWS_NODE_KEYS);
const LINUX_RANKS = ranks(LINUX_NODE_KEYS);

const UNKNOWN_KEY = -1;
const OUT_OF_ORDER = -2;

/**
 * The keys of a node as the strict schema's `for…in` finds them: a mask of their ranks when they come
 * in the schema's order, {@link OUT_OF_ORDER} when they do not, {@link UNKNOWN_KEY} when one is unknown.
 */
function keyMask(o: Plain, rank: ReadonlyMap<string, number>): number {
  let mask = 0;
  // Stryker disable next-line UnaryOperator: a key taken for out of order is copied key by key: either copy the schema's way gives the same object; the spread is only the faster
  let last = -1;
  // Stryker disable next-line BooleanLiteral: keys taken for out of order are copied key by key: either copy the schema's way gives the same object; the spread is only the faster
  let ordered = true;
  for (const key in o) {
    const r = rank.get(key);
    if (r === undefined) return UNKNOWN_KEY;
    if (r < last) ordered = false;
    last = r;
    // Stryker disable next-line AssignmentOperator: a key missing from the mask makes the copy key by key: either copy the schema's way gives the same object; the spread is only the faster
    mask |= 1 << r;
  }
  return ordered ? mask : OUT_OF_ORDER;
}

/**
 * Whether a spread copy of `o` is what the schema builds: its keys came in the schema's order, every
 * schema key it does not list is not in it at all (not inherited, not hidden from `for…in`), and it has
 * no symbol keys.
 */
// Stryker disable next-line BlockStatement: no answer copies key by key: either copy the schema's way gives the same object; the spread is only the faster
function copiesAlike(o: Plain, mask: number, keys: readonly string[]): boolean {
  if (mask === OUT_OF_ORDER) return false;
  for (let r = 0; r < keys.length; r++) if ((mask & (1 << r)) === 0 && (keys[r] as string) in o) return false;
  // A spread copies symbol keys too; the schema does not.
  // Stryker disable next-line EqualityOperator: objects without symbol keys are then copied key by key: either copy the schema's way gives the same object; the spread is only the faster
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
  // Stryker disable next-line ArrayDeclaration: a list grown as it is filled holds the same items (sizing saves memory)
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
  const mask = keyMask(o, WINDOWS_RANKS);
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
  const remoteAccess = stringList(access, isRemoteAccessMethod);
  if (access !== undefined && remoteAccess === undefined) return undefined;
  const service = o['remoteAccessServiceInstalled'];
  if (service !== undefined && typeof service !== 'boolean') return undefined;
  const tls12 = o['tls12Enabled'];
  if (tls12 !== undefined && typeof tls12 !== 'boolean') return undefined;

  // Stryker disable next-line BlockStatement: the copy is then made key by key: either copy the schema's way gives the same object; the spread is only the faster
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
  const mask = keyMask(o, LINUX_RANKS);
  if (mask === UNKNOWN_KEY) return undefined;
  const given = o['roles'];
  const roles = stringList(given, isText);
  if (given !== undefined && roles === undefined) return undefined;
  const routeReflector = o['routeReflector'];
  if (routeReflector !== undefined && typeof routeReflector !== 'boolean') return undefined;
  // Stryker disable next-line BlockStatement: the copy is then made key by key: either copy the schema's way gives the same object; the spread is only the faster
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
  // Stryker disable next-line ObjectLiteral: an absent key reads as undefined, as the fields start
  const seen: Seen = { build: undefined, runtime: undefined };
  // Sized up front: a list grown by push leaves its smaller copies behind.
  // Stryker disable next-line ArrayDeclaration: a list grown as it is filled holds the same nodes (sizing saves memory)
  const out = new Array<NodeFacts>(nodes.length);
  // Names must be unique. Listed in order (as kubectl lists them), each name is greater than the last,
  // so unique; else a set of them says.
  // Stryker disable next-line StringLiteral: the set of names made sooner (or anew) finds the same duplicates
  let previous = '';
  let names: Set<string> | undefined;
  for (let i = 0; i < nodes.length; i++) {
    const o: unknown = nodes[i];
    if (!isObject(o)) return undefined;
    const name = o['name'];
    if (!isKubernetesName(name)) return undefined;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,MethodExpression: the set of names made sooner, anew, or with the list's empty places, finds the same duplicates
    if (names === undefined && name <= previous) names = new Set(out.slice(0, i).map((node) => node.name));
    if (names !== undefined) {
      if (names.has(name)) return undefined;
      names.add(name);
    }
    previous = name;
    const os = o['os'];
    const node = os === 'windows' ? windowsNode(o, name, seen) : os === 'linux' ? linuxNode(o, name) : undefined;
    if (node === undefined) return undefined;
    out[i] = node;
  }
  return out;
}

// The rest of the document, read as the schema reads it: a checker per key, in the schema's order
// (a test holds these tables to the schemas' shapes). A checker answers the value to keep (a copy, for
// objects and lists), or NO.

const NO: unique symbol = Symbol('no');
type Checker = (value: unknown) => unknown;

const text: Checker = (v) => (isText(v) ? v : NO);
const flag: Checker = (v) => (typeof v === 'boolean' ? v : NO);
const oneOf =
  (...values: readonly string[]): Checker =>
  (v) =>
    (values as readonly unknown[]).includes(v) ? v : NO;
const integer =
  (min: number, max: number): Checker =>
  (v) =>
    Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max ? v : NO;
const version: Checker = (v) => (isText(v) && parseVersion(v) !== undefined ? v : NO);
const texts: Checker = (v) => stringList(v, isText) ?? NO;
/** Any text but a slip of a known value (`kubernets`): the schema's `knownOrOther()` words that one. */
const knownOrOther =
  (known: readonly string[]): Checker =>
  (v) =>
    isText(v) && typoOf(v, known) === undefined ? v : NO;

/** A key the schema requires (`encapsulation` of a pool). */
export const REQUIRED = Symbol('required');
export type Shape = Readonly<Record<string, Checker | readonly [Checker, typeof REQUIRED]>>;

/** A checker of a strict object, with the shape it checks (for the test that holds it to the schema). */
export type StrictChecker = Checker & { readonly shape: Shape };

/** A strict object of `shape`: no unknown key, every value checked, copied in the schema's order. */
function strict(shape: Shape): StrictChecker {
  const keys = Object.keys(shape);
  const check: Checker = (v) => {
    if (!isObject(v)) return NO;
    for (const key in v) if (!Object.prototype.hasOwnProperty.call(shape, key)) return NO;
    const out: Plain = {};
    for (const key of keys) {
      const entry = shape[key] as Checker | readonly [Checker, typeof REQUIRED];
      const check = typeof entry === 'function' ? entry : entry[0];
      const value = v[key];
      if (value === undefined) {
        if (typeof entry !== 'function') return NO;
        if (key in v) out[key] = undefined;
        continue;
      }
      const checked = check(value);
      if (checked === NO) return NO;
      out[key] = checked;
    }
    return out;
  };
  return Object.assign(check, { shape });
}

/** An IP pool, as checkers in the schema's shape. */
export const POOL = strict({
  name: (v) => (isKubernetesName(v) ? v : NO),
  cidr: (v) => (isText(v) && CIDR.test(v) ? v : NO),
  encapsulation: [oneOf('none', 'vxlan', 'vxlan-cross-subnet', 'ipip', 'ipip-cross-subnet'), REQUIRED],
  disabled: flag,
});

/** The pools: names unique, and the CIDRs of unnamed pools (which name their findings). */
const pools: Checker = (v) => {
  if (!Array.isArray(v)) return NO;
  // Stryker disable next-line ArrayDeclaration: a list grown as it is filled holds the same pools (sizing saves memory)
  const out: unknown[] = new Array<unknown>(v.length);
  const names = new Set<string>();
  const cidrs = new Set<string>();
  for (let i = 0; i < v.length; i++) {
    const checked = POOL(v[i]);
    if (checked === NO) return NO;
    const { name, cidr } = checked as { name?: string; cidr?: string };
    if (name !== undefined) {
      if (names.has(name)) return NO;
      names.add(name);
    } else if (cidr !== undefined) {
      if (cidrs.has(cidr)) return NO;
      cidrs.add(cidr);
    }
    out[i] = checked;
  }
  return out;
};

/** The facts document, as checkers in the schema's shape; the node list by {@link nodeList}. */
export const CLUSTER = strict({
  platform: knownOrOther(KNOWN_PLATFORMS),
  infrastructure: text,
  networking: knownOrOther(KNOWN_NETWORKING),
  kubernetes: strict({ version, hostProcessContainersEnabled: flag }),
  calico: strict({
    version,
    datastore: oneOf('kubernetes', 'etcd'),
    operatorManaged: flag,
    ipam: text,
    strictAffinity: flag,
    ipipEnabled: flag,
    bgpEnabled: flag,
    vxlanPort: integer(1, 65535),
    vxlanVNI: integer(1, 16777215),
    installMethod: oneOf('manifest', 'operator'),
    windowsDataplane: text,
    serviceCIDRs: texts,
    kubernetesServicesEndpoint: strict({ host: text, port: text }),
    ipPools: pools,
  }),
  network: strict({ vxlanPortOpen: flag, sourceDestCheckDisabled: flag }),
  eks: strict({ vpcControllersInstalled: flag, instanceRole: strict({ canGetNamespaces: flag, secretsReadableIn: texts }) }),
  aks: strict({ newCluster: flag }),
  nodes: (v: unknown): unknown => nodeList(v) ?? NO,
});

/** Whether anything is enumerable on `Object.prototype`, which every `for…in` would list. */
function prototypeTouched(): boolean {
  for (const _key in {}) return true;
  return false;
}

/**
 * The facts as `ClusterFactsSchema` would return them, or `undefined` when the schema must decide
 * (invalid input, or input of an unusual make). May throw what reading the input throws, as the schema
 * would.
 */
export function acceptFacts(input: unknown): ClusterFacts | undefined {
  if (prototypeTouched()) return undefined;
  const facts = CLUSTER(input);
  return facts === NO ? undefined : (facts as ClusterFacts);
}
