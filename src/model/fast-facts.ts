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
import { ClusterFactsSchema, KUBERNETES_NAME, type ClusterFacts, type LinuxNodeFacts, type NodeFacts, type WindowsNodeFacts } from './facts.js';
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

const WINDOWS_KEYS: ReadonlySet<string> = new Set(WINDOWS_NODE_KEYS);
const LINUX_KEYS: ReadonlySet<string> = new Set(LINUX_NODE_KEYS);

/** A non-empty string: the schema's `nonEmpty()`. */
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** A Kubernetes object name, as the schema's `kubernetesName()` accepts it. */
const isName = (value: unknown): value is string => isText(value) && value.length <= 253 && KUBERNETES_NAME.test(value);

function isObject(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Whether `o` has an enumerable key that is not in `known`, as the strict schema's `for…in` finds it. */
function hasUnknownKey(o: Plain, known: ReadonlySet<string>): boolean {
  for (const key in o) if (!known.has(key)) return true;
  return false;
}

/** Fresh per call: the last value each check accepted, since nodes of a cluster repeat their values. */
interface Seen {
  build: string | undefined;
  runtime: string | undefined;
  names: Set<string>;
}

/** A copy of a list of `test`ed strings, or undefined when it is not one. */
function stringList(value: unknown, test: (item: unknown) => boolean): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: string[] = new Array<string>(value.length);
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (!test(item)) return undefined;
    out[i] = item as string;
  }
  return out;
}

const isNonEmpty = (item: unknown): boolean => isText(item);
const isRemoteAccessMethod = (item: unknown): boolean => item === 'rdp' || item === 'winrm';
const isBoolean = (value: unknown): boolean => typeof value === 'boolean';

/**
 * Reads one optional field as the schema does: absent → left out; present with the value `undefined` →
 * kept as `undefined`; else the value, when `valid`. Answers whether the field is acceptable.
 */
function copy(o: Plain, key: string, out: Plain, valid: (value: unknown) => boolean): boolean {
  const value = o[key];
  if (value === undefined) {
    if (key in o) out[key] = undefined;
    return true;
  }
  if (!valid(value)) return false;
  out[key] = value;
  return true;
}

/** Like {@link copy}, for a list: a copy of it, as the schema makes one. */
function copyList(o: Plain, key: string, out: Plain, valid: (item: unknown) => boolean): boolean {
  const value = o[key];
  if (value === undefined) {
    if (key in o) out[key] = undefined;
    return true;
  }
  const list = stringList(value, valid);
  if (list === undefined) return false;
  out[key] = list;
  return true;
}

const isDatastore = (value: unknown): boolean => value === 'kubernetes' || value === 'etcd';

function windowsNode(o: Plain, name: string, seen: Seen): WindowsNodeFacts | undefined {
  if (hasUnknownKey(o, WINDOWS_KEYS)) return undefined;
  const out: Plain = { os: 'windows', name };
  const build = o['osBuild'];
  if (build !== undefined) {
    if (build !== seen.build) {
      if (!isText(build) || !isWindowsBuild(build)) return undefined;
      seen.build = build;
    }
    out['osBuild'] = build;
  } else if ('osBuild' in o) out['osBuild'] = undefined;
  const runtime = o['containerRuntime'];
  if (runtime !== undefined) {
    if (runtime !== seen.runtime) {
      if (!isText(runtime) || !isContainerRuntime(runtime)) return undefined;
      seen.runtime = runtime;
    }
    out['containerRuntime'] = runtime;
  } else if ('containerRuntime' in o) out['containerRuntime'] = undefined;
  const ok =
    copy(o, 'datastore', out, isDatastore) &&
    copy(o, 'cniPlugin', out, isNonEmpty) &&
    copy(o, 'routeReflector', out, isBoolean) &&
    copy(o, 'powershellAdmin', out, isBoolean) &&
    copyList(o, 'remoteAccess', out, isRemoteAccessMethod) &&
    copy(o, 'remoteAccessServiceInstalled', out, isBoolean) &&
    copy(o, 'tls12Enabled', out, isBoolean);
  return ok ? (out as WindowsNodeFacts) : undefined;
}

function linuxNode(o: Plain, name: string): LinuxNodeFacts | undefined {
  if (hasUnknownKey(o, LINUX_KEYS)) return undefined;
  const out: Plain = { os: 'linux', name };
  const ok = copyList(o, 'roles', out, isNonEmpty) && copy(o, 'routeReflector', out, isBoolean);
  return ok ? (out as LinuxNodeFacts) : undefined;
}

function nodeList(nodes: unknown): NodeFacts[] | undefined {
  if (!Array.isArray(nodes)) return undefined;
  const seen: Seen = { build: undefined, runtime: undefined, names: new Set() };
  const out = new Array<NodeFacts>(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const o: unknown = nodes[i];
    if (!isObject(o)) return undefined;
    const os = o['os'];
    const name = o['name'];
    if (!isName(name) || seen.names.has(name)) return undefined;
    seen.names.add(name);
    const node = os === 'windows' ? windowsNode(o, name, seen) : os === 'linux' ? linuxNode(o, name) : undefined;
    if (node === undefined) return undefined;
    out[i] = node;
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
