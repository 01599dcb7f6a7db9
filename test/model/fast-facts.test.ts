import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptFacts, CLUSTER, LINUX_NODE_KEYS, POOL, REQUIRED, WINDOWS_NODE_KEYS, type StrictChecker } from '../../src/model/fast-facts.js';
import { isKubernetesName } from '../../src/model/names.js';
import { ClusterFactsSchema, IpPoolSchema, KUBERNETES_NAME, LinuxNodeFactsSchema, WindowsNodeFactsSchema } from '../../src/model/facts.js';
import { parseFacts } from '../../src/model/parse.js';
import { facts, hostileJson, runs } from '../properties/arbitraries.js';

/**
 * Equal as the schema's output would be: the same keys in the same order (a key holding `undefined`
 * included), the same values, arrays copied alike. `toEqual` ignores key order and `undefined` keys.
 */
function sameData(a: unknown, b: unknown, path = '(root)'): string | undefined {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b) ? undefined : `${path}: ${String(a)} ≠ ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array and object`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: prototypes differ`;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.join('|') !== kb.join('|')) return `${path}: keys ${ka.map(String).join(',')} ≠ ${kb.map(String).join(',')}`;
  for (const key of ka) {
    const d = sameData((a as Record<PropertyKey, unknown>)[key], (b as Record<PropertyKey, unknown>)[key], `${path}.${String(key)}`);
    if (d) return d;
  }
  return undefined;
}

/** The property: the fast path declines, or answers exactly what the schema answers (and never accepts what the schema refuses). */
function expectAgreement(input: unknown): 'accepted' | 'declined' {
  const zod = ClusterFactsSchema.safeParse(input);
  const fast = acceptFacts(input);
  if (fast === undefined) return 'declined';
  expect(zod.success, 'the fast path accepted what the schema refuses').toBe(true);
  if (zod.success) expect(sameData(fast, zod.data)).toBeUndefined();
  return 'accepted';
}

const validNode = fc.oneof(
  fc.record({
    os: fc.constant('windows'),
    name: fc.constantFrom('win-1', 'win-2', 'w.x'),
    osBuild: fc.constantFrom('10.0.17763.1432', ' 17763.2 ', '10.0.20348'),
    containerRuntime: fc.constantFrom('containerd://1.6.6', 'Docker', ' containerd '),
    datastore: fc.constantFrom('kubernetes', 'etcd'),
    cniPlugin: fc.constantFrom('calico', 'x'),
    routeReflector: fc.boolean(),
    powershellAdmin: fc.boolean(),
    remoteAccess: fc.array(fc.constantFrom('rdp', 'winrm'), { maxLength: 2 }),
    remoteAccessServiceInstalled: fc.boolean(),
    tls12Enabled: fc.boolean(),
  }, { requiredKeys: ['os', 'name'] }),
  fc.record({
    os: fc.constant('linux'),
    name: fc.constantFrom('linux-1', 'cp-1', 'win-1'),
    roles: fc.array(fc.constantFrom('worker', 'control-plane'), { maxLength: 2 }),
    routeReflector: fc.boolean(),
  }, { requiredKeys: ['os', 'name'] }),
);

/** Values that each break some field: wrong types, empty strings, near-miss builds and runtimes, names no Kubernetes object has. */
const badValue = fc.constantFrom<unknown>(
  undefined, null, '', ' ', 'x', 0, 1, true, [], {}, ['rdp', 'ssh'], [''], ['worker', 3],
  'Windows', '10.0.1776', '10.0.17763.1234567', 'containerd://', 'Win-1', '-x', 'a'.repeat(254), 'mac', 'etcdv3', new Date(0),
);

const anyKey = fc.oneof(fc.constantFrom(...WINDOWS_NODE_KEYS, ...LINUX_NODE_KEYS), fc.constantFrom('osbuild', 'roles', 'toString', '__proto__', 'extra'));

/** A node made odd in one way: a field set to a bad value or removed, an unknown key, an unusual object. */
const oddNode = fc.tuple(validNode, fc.nat(8), anyKey, badValue).map(([node, how, key, value]): unknown => {
  const copy: Record<string, unknown> = { ...node };
  switch (how) {
    case 0:
      copy[key] = value;
      return copy;
    case 1:
      delete copy[key];
      return copy;
    case 2:
      // An own `__proto__` key, as JSON.parse makes one.
      return JSON.parse(JSON.stringify({ ...copy, [key]: 1 }).replace(`"${key}"`, '"__proto__"')) as unknown;
    case 3:
      return Object.assign(Object.create(null) as object, copy);
    case 4: {
      // A field that is there, but not enumerable: the schema reads it, and its strict check does not see it.
      const odd = { ...copy };
      Object.defineProperty(odd, key, { value: value ?? 'x', enumerable: false });
      return odd;
    }
    case 5:
      // A field inherited from a prototype.
      return Object.assign(Object.create({ [key]: value }) as object, copy);
    case 6:
      // A symbol key: for…in does not list it, a spread would copy it.
      return { ...copy, [Symbol('extra')]: value };
    case 7: {
      // The keys in another order than the schema's: the copy has the schema's order.
      const reversed: Record<string, unknown> = {};
      for (const k of Object.keys(copy).reverse()) reversed[k] = copy[k];
      return reversed;
    }
    default:
      return [copy];
  }
});

const nodeLists = fc.array(fc.oneof({ weight: 3, arbitrary: validNode }, { weight: 1, arbitrary: oddNode }), { maxLength: 6 });

describe('acceptFacts, the hand-written acceptance of the common shape', () => {
  it('knows the keys of the schema, in its order, and which are required, at every level', () => {
    expect(WINDOWS_NODE_KEYS).toEqual(Object.keys(WindowsNodeFactsSchema.shape));
    expect(LINUX_NODE_KEYS).toEqual(Object.keys(LinuxNodeFactsSchema.shape));
    interface Def {
      type: string;
      shape?: Record<string, { _zod: { def: Def; optin?: string } }>;
      innerType?: { _zod: { def: Def } };
    }
    const unwrap = (def: Def): Def => (def.innerType ? unwrap(def.innerType._zod.def) : def);
    const compare = (schema: { _zod: { def: Def } }, checker: StrictChecker, path: string): void => {
      const def = unwrap(schema._zod.def);
      const shape = def.shape ?? {};
      expect(Object.keys(checker.shape), path).toEqual(Object.keys(shape));
      for (const [key, field] of Object.entries(shape)) {
        const entry = checker.shape[key];
        const required = Array.isArray(entry) && entry[1] === REQUIRED;
        expect(required, `${path}.${key} required`).toBe(field._zod.optin === undefined);
        const inner = unwrap(field._zod.def);
        const check = (Array.isArray(entry) ? entry[0] : entry) as StrictChecker;
        if (inner.type === 'object') compare(field, check, `${path}.${key}`);
      }
    };
    compare(ClusterFactsSchema as unknown as { _zod: { def: Def } }, CLUSTER, '(root)');
    compare(IpPoolSchema as unknown as { _zod: { def: Def } }, POOL, 'ipPools[]');
  });

  it('reads Kubernetes names as the schema\'s pattern does', () => {
    const schemaAccepts = (name: string): boolean => name.length > 0 && name.length <= 253 && KUBERNETES_NAME.test(name);
    for (const name of ['a', '0', 'a-b', 'a--b', 'a.b', 'a.b-c.d', '-a', 'a-', 'a.', '.a', 'a..b', 'a.-b', 'a-.b', 'A', 'a_b', 'a b', '', 'a'.repeat(253), 'a'.repeat(254)])
      expect(isKubernetesName(name), name).toBe(schemaAccepts(name));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'z', '0', '9', '-', '.', 'A', '_', 'é'), maxLength: 12 }), (name) => {
        expect(isKubernetesName(name)).toBe(schemaAccepts(name));
      }),
      runs(2000),
    );
  });

  it('accepts valid facts as the schema returns them: the same keys in the same order, copies of lists', () => {
    let accepted = 0;
    let tried = 0;
    fc.assert(
      fc.property(facts, (input) => {
        tried++;
        if (expectAgreement(input) === 'accepted') accepted++;
      }),
      runs(300),
    );
    // Valid facts are what it exists for: it must not decline them (as many runs as FC_NUM_RUNS asks for).
    expect(tried).toBeGreaterThan(0);
    expect(accepted).toBe(tried);
  });

  it('on node lists with odd nodes, declines or answers what the schema answers', () => {
    const seen = { accepted: 0, declined: 0 };
    fc.assert(
      fc.property(nodeLists, fc.boolean(), (nodes, withHead) => {
        const input = withHead ? { platform: 'eks', calico: { datastore: 'kubernetes' }, nodes } : { nodes };
        seen[expectAgreement(input)]++;
      }),
      runs(1000),
    );
    expect(seen.accepted).toBeGreaterThan(0);
    expect(seen.declined).toBeGreaterThan(0);
  });

  it('on documents made odd anywhere (a value swapped, a key dropped or added), declines or answers what the schema answers', () => {
    const seen = { accepted: 0, declined: 0 };
    fc.assert(
      fc.property(facts, fc.nat(), fc.nat(3), fc.constantFrom('extra', 'version', 'name', 'encapsulation', '__proto__'), badValue, (input, pick, how, key, value) => {
        const copy = structuredClone(input) as Record<string, unknown>;
        // Every object of the document but the nodes: one of them made odd.
        const objects: Record<string, unknown>[] = [];
        const walk = (o: unknown, depth: number): void => {
          if (o === null || typeof o !== 'object' || depth > 4) return;
          if (!Array.isArray(o)) objects.push(o as Record<string, unknown>);
          for (const [k, v] of Object.entries(o)) if (k !== 'nodes') walk(v, depth + 1);
        };
        walk(copy, 0);
        const target = objects[pick % objects.length] as Record<string, unknown>;
        const keys = Object.keys(target);
        const existing = keys[pick % Math.max(keys.length, 1)] ?? key;
        if (how === 0) target[existing] = value;
        else if (how === 1) delete target[existing];
        else if (how === 2) target[key] = value;
        else Object.defineProperty(target, existing, { value: target[existing], enumerable: false });
        seen[expectAgreement(copy)]++;
      }),
      runs(1000),
    );
    expect(seen.accepted).toBeGreaterThan(0);
    expect(seen.declined).toBeGreaterThan(0);
  });

  it.each([
    ['vxlanPort', { calico: { vxlanPort: 0 } }],
    ['vxlanPort', { calico: { vxlanPort: 1 } }],
    ['vxlanPort', { calico: { vxlanPort: 65535 } }],
    ['vxlanPort', { calico: { vxlanPort: 65536 } }],
    ['vxlanPort', { calico: { vxlanPort: 4789.5 } }],
    ['vxlanPort', { calico: { vxlanPort: '4789' } }],
    ['vxlanVNI', { calico: { vxlanVNI: 16777215 } }],
    ['vxlanVNI', { calico: { vxlanVNI: 16777216 } }],
    ['vxlanVNI', { calico: { vxlanVNI: 0 } }],
    ['version', { calico: { version: 'v3.23' } }],
    ['version', { calico: { version: 'three' } }],
    ['version', { kubernetes: { version: '' } }],
    ['enum', { calico: { datastore: 'etcdv3' } }],
    ['enum', { calico: { installMethod: 'helm' } }],
    ['pool names', { calico: { ipPools: [{ name: 'a', encapsulation: 'vxlan' }, { name: 'a', encapsulation: 'none' }] } }],
    ['pool CIDRs', { calico: { ipPools: [{ cidr: '10.0.0.0/16', encapsulation: 'vxlan' }, { cidr: '10.0.0.0/16', encapsulation: 'none' }] } }],
    ['pool CIDRs', { calico: { ipPools: [{ name: 'a', cidr: '10.0.0.0/16', encapsulation: 'vxlan' }, { name: 'b', cidr: '10.0.0.0/16', encapsulation: 'none' }] } }],
    ['pool CIDRs', { calico: { ipPools: [{ name: 'a', cidr: '10.0.0.0/16', encapsulation: 'vxlan' }, { cidr: '10.0.0.0/16', encapsulation: 'none' }] } }],
    ['pool fields', { calico: { ipPools: [{ name: 'a' }] } }],
    ['pool fields', { calico: { ipPools: [{ name: 'a', encapsulation: undefined }] } }],
    ['pool fields', { calico: { ipPools: [{ name: 'A', encapsulation: 'vxlan' }] } }],
    ['pool fields', { calico: { ipPools: [{ cidr: '10.0.0.0/33', encapsulation: 'vxlan' }] } }],
    ['pool fields', { calico: { ipPools: [{ cidr: 'fd00::/48', encapsulation: 'vxlan', disabled: 'no' }] } }],
    ['lists', { calico: { serviceCIDRs: ['10.96.0.0/12', ''] } }],
    ['lists', { eks: { instanceRole: { secretsReadableIn: [] } } }],
    ['objects', { calico: { kubernetesServicesEndpoint: { host: 'h', port: 6443 } } }],
    ['objects', { aks: { newCluster: true, extra: 1 } }],
    ['objects', { network: null }],
  ])('decides %s like the schema: %j', (_what, input) => {
    const accepted = expectAgreement(input);
    expect(accepted).toBe(ClusterFactsSchema.safeParse(input).success ? 'accepted' : 'declined');
  });

  it('on any JSON, declines or answers what the schema answers', () => {
    fc.assert(
      fc.property(hostileJson, (input) => {
        expectAgreement(input);
      }),
      runs(300),
    );
  });

  it('keeps a key given as undefined, as the schema does, and the document as it was given', () => {
    const node = { os: 'windows', name: 'win-1', osBuild: undefined, remoteAccess: ['rdp'] };
    const input = { platform: 'eks', nodes: [node], calico: undefined };
    const before = JSON.stringify(input);
    const accepted = acceptFacts(input);
    expect(accepted).toBeDefined();
    expect(Object.keys(accepted ?? {})).toEqual(['platform', 'calico', 'nodes']);
    expect(Object.keys(accepted?.nodes?.[0] ?? {})).toEqual(['os', 'name', 'osBuild', 'remoteAccess']);
    // Copies, as the schema makes them: the caller's objects are never handed back.
    expect(accepted?.nodes?.[0]).not.toBe(node);
    expect((accepted?.nodes?.[0] as { remoteAccess?: unknown }).remoteAccess).not.toBe(node.remoteAccess);
    expect(JSON.stringify(input)).toBe(before);
    expectAgreement(input);
  });

  it('declines duplicate names, across Linux and Windows nodes, so the schema names both', () => {
    const input = { nodes: [{ os: 'linux', name: 'n-1' }, { os: 'windows', name: 'n-1' }] };
    expect(acceptFacts(input)).toBeUndefined();
    const result = parseFacts(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.path)).toEqual(['nodes[1].name']);
  });

  it.each([
    [{ platform: 'kubernets' }, 'platform', 'kubernetes'],
    [{ platform: 'EKS' }, 'platform', 'eks'],
    [{ networking: 'calico-vxaln' }, 'networking', 'calico-vxlan'],
  ])('declines a slip of a known platform or networking option (%o), so the schema names the value meant', (input, path, meant) => {
    expect(acceptFacts(input)).toBeUndefined();
    const result = parseFacts(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => [i.path, i.message.includes(`did you mean '${meant}'`)])).toEqual([[path, true]]);
  });

  it('accepts other platforms and networking options, which are facts the rules call unsupported', () => {
    expect(acceptFacts({ platform: 'gke', networking: 'cilium' })).toEqual({ platform: 'gke', networking: 'cilium' });
  });

  it('declines when Object.prototype has an enumerable key, which every strict check would list', () => {
    const input = { nodes: [{ os: 'windows', name: 'win-1' }] };
    expect(acceptFacts(input)).toBeDefined();
    Object.defineProperty(Object.prototype, 'polluted', { value: 1, enumerable: true, configurable: true, writable: true });
    let declined: unknown;
    try {
      declined = acceptFacts(input);
    } finally {
      delete (Object.prototype as Record<string, unknown>)['polluted'];
    }
    expect(declined).toBeUndefined();
  });

  it('answers parseFacts for valid facts with what the schema alone answered, whichever path accepts them', () => {
    fc.assert(
      fc.property(facts, (input) => {
        const result = parseFacts(input);
        const zod = ClusterFactsSchema.safeParse(input);
        expect(result.success).toBe(true);
        if (result.success && zod.success) expect(sameData(result.data, zod.data)).toBeUndefined();
      }),
      runs(100),
    );
  });
});

// Case by case, so that every field's check is held to the schema whatever FC_NUM_RUNS is: the facts it
// accepts (as the schema returns them), and the ones it leaves to the schema.
describe('acceptFacts, field by field', () => {
  const win = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({ os: 'windows', name: 'win-1', ...fields });
  const linux = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({ os: 'linux', name: 'lin-1', ...fields });
  const FULL_WINDOWS = win({
    osBuild: '10.0.17763.1432',
    containerRuntime: 'containerd://1.6.6',
    datastore: 'etcd',
    cniPlugin: 'calico',
    routeReflector: false,
    powershellAdmin: true,
    remoteAccess: ['winrm', 'rdp'],
    remoteAccessServiceInstalled: true,
    tls12Enabled: false,
  });
  const VALID: Record<string, unknown> = {
    osBuild: '10.0.20348.587',
    containerRuntime: 'containerd://1.7.0',
    datastore: 'kubernetes',
    cniPlugin: 'calico',
    routeReflector: true,
    powershellAdmin: false,
    remoteAccess: ['rdp'],
    remoteAccessServiceInstalled: false,
    tls12Enabled: true,
  };
  const reversed = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).reverse());

  /** Accepted, and exactly what the schema returns. */
  function expectAccepted(input: unknown): void {
    const zod = ClusterFactsSchema.safeParse(input);
    expect(zod.success, 'the schema accepts it').toBe(true);
    const fast = acceptFacts(input);
    expect(fast, 'the fast path accepts it').toBeDefined();
    if (zod.success) expect(sameData(fast, zod.data)).toBeUndefined();
  }

  it.each<[string, unknown]>([
    ['a Windows node with every field', { nodes: [FULL_WINDOWS] }],
    ['its fields in reverse order', { nodes: [reversed(FULL_WINDOWS)] }],
    ...Object.entries(VALID).map(([key, value]): [string, unknown] => [`a Windows node with ${key} alone`, { nodes: [win({ [key]: value })] }]),
    ...Object.keys(VALID).map((key): [string, unknown] => [`${key} given as undefined`, { nodes: [win({ [key]: undefined })] }]),
    ...Object.keys(VALID).map((key): [string, unknown] => [`${key} given as undefined, out of order`, { nodes: [reversed(win({ [key]: undefined, tls12Enabled: true }))] }]),
    ...Object.entries(VALID).map(([key, value]): [string, unknown] => [`${key} before the name`, { nodes: [{ os: 'windows', [key]: value, name: 'win-1' }] }]),
    ['a Linux node with every field', { nodes: [linux({ roles: ['control-plane', 'etcd'], routeReflector: true })] }],
    ['a Linux node, fields out of order', { nodes: [{ routeReflector: false, roles: ['worker'], name: 'lin-1', os: 'linux' }] }],
    ['a Linux node, roles given as undefined', { nodes: [linux({ roles: undefined })] }],
    ['a Linux node, routeReflector given as undefined', { nodes: [linux({ routeReflector: undefined })] }],
    ['a Linux node, a field as undefined, out of order', { nodes: [{ routeReflector: undefined, name: 'lin-1', os: 'linux', roles: [] }] }],
    ['nodes named in descending order', { nodes: [win({ name: 'win-3' }), win({ name: 'win-2' }), linux({ name: 'lin-1' })] }],
    ['nodes sharing builds and runtimes, then others', { nodes: ['a', 'b', 'c', 'd'].map((n, i) => win({ name: n, osBuild: i < 3 ? '10.0.17763.1' : '10.0.20348.1', containerRuntime: i < 2 ? 'containerd://1.6.6' : 'docker://20.10.9' })) }],
    ['an own field hidden from for…in', { nodes: [Object.defineProperty(win(), 'tls12Enabled', { value: true, enumerable: false })] }],
    ['a field hidden from for…in before one that is not', { nodes: [Object.defineProperty(win({ tls12Enabled: true }), 'osBuild', { value: '10.0.17763.1', enumerable: false })] }],
    ['a node with a symbol key, which the copy leaves out', { nodes: [{ ...win({ osBuild: '10.0.17763.1' }), [Symbol('x')]: 1 }] }],
    ['an object without a prototype', { nodes: [Object.assign(Object.create(null) as object, win({ osBuild: '10.0.17763.1' }))] }],
    ['pools with neither name nor CIDR', { calico: { ipPools: [{ encapsulation: 'vxlan' }, { encapsulation: 'none', disabled: true }] } }],
    ['pools by name, by CIDR', { calico: { ipPools: [{ name: 'a', encapsulation: 'vxlan' }, { cidr: '10.0.0.0/16', encapsulation: 'ipip' }, { cidr: '10.1.0.0/16', encapsulation: 'none' }] } }],
    ['the cluster fields of every kind', { platform: 'kubernetes', networking: 'calico-vxlan', kubernetes: { version: '1.27.3' }, calico: { version: 'v3.27.2', datastore: 'etcd', installMethod: 'operator', vxlanPort: 4789, vxlanVNI: 4096, serviceCIDRs: ['10.96.0.0/12'] } }],
  ])('accepts %s', (_what, input) => {
    expectAccepted(input);
  });

  class Node {
    os = 'windows';
    name = 'win-1';
  }
  it.each<[string, unknown]>([
    ...(
      [
        ['osBuild', ['Windows', '', 17763, ['10.0.17763.1'], null]],
        ['containerRuntime', ['containerd://', '', 5, ['containerd'], null]],
        ['datastore', ['etcdv3', '', 5, null]],
        ['cniPlugin', ['', ['calico'], 5, null]],
        ['routeReflector', ['true', 1, null]],
        ['powershellAdmin', ['false', 0, null]],
        ['remoteAccess', [['ssh'], 'rdp', [5], ['rdp', null], null]],
        ['remoteAccessServiceInstalled', ['yes', 1, null]],
        ['tls12Enabled', ['yes', 1, null]],
      ] as const
    ).flatMap(([key, values]) => values.map((value): [string, unknown] => [`${key}: ${JSON.stringify(value)}`, { nodes: [win({ [key]: value })] }])),
    ['a bad build after a good one', { nodes: [win({ name: 'a', osBuild: '10.0.17763.1' }), win({ name: 'b', osBuild: '10.0.1776' })] }],
    ['a bad runtime after a good one', { nodes: [win({ name: 'a', containerRuntime: 'containerd://1.6.6' }), win({ name: 'b', containerRuntime: 'containerd://' })] }],
    ['roles: [""]', { nodes: [linux({ roles: [''] })] }],
    ['roles: "worker"', { nodes: [linux({ roles: 'worker' })] }],
    ['roles: [5]', { nodes: [linux({ roles: [5] })] }],
    ['a Linux routeReflector: "yes"', { nodes: [linux({ routeReflector: 'yes' })] }],
    ['os: "mac"', { nodes: [{ os: 'mac', name: 'm-1' }] }],
    ['os: "Windows"', { nodes: [{ os: 'Windows', name: 'w-1' }] }],
    ['no os', { nodes: [{ name: 'w-1' }] }],
    ['a name no object has', { nodes: [win({ name: 'Win_1' })] }],
    ['an empty name', { nodes: [win({ name: '' })] }],
    ['no name', { nodes: [{ os: 'windows' }] }],
    ['duplicate names in order', { nodes: [win({ name: 'a' }), win({ name: 'a' })] }],
    ['duplicate names out of order', { nodes: [win({ name: 'b' }), win({ name: 'a' }), linux({ name: 'b' })] }],
    ['an unknown key of a node', { nodes: [win({ osbuild: '10.0.17763.1' })] }],
    ['an unknown key of a Linux node', { nodes: [linux({ osBuild: '10.0.17763.1' })] }],
    ['a node that is null', { nodes: [null] }],
    ['a node that is undefined', { nodes: [undefined] }],
    ['a node that is a number', { nodes: [5] }],
    ['a node that is a string', { nodes: ['win-1'] }],
    ['a node that is a list', { nodes: [[]] }],
    ['a node of a class', { nodes: [new Node()] }],
    ['nodes that are an object', { nodes: { 0: win(), length: 1 } }],
    ['nodes that are a string', { nodes: 'win-1' }],
    ['a date for an object', { kubernetes: new Date(0) }],
    ['pools that are an object', { calico: { ipPools: { length: 1 } } }],
    ['pools that are an empty object', { calico: { ipPools: {} } }],
    ['pools that are a string', { calico: { ipPools: 'default' } }],
    ['service CIDRs that are a string', { calico: { serviceCIDRs: '10.96.0.0/12' } }],
    ['a port as text', { calico: { vxlanPort: '4789' } }],
    ['a port as a fraction', { calico: { vxlanPort: 4789.5 } }],
    ['a port of a boolean', { calico: { vxlanPort: true } }],
    ['an install method as a list', { calico: { installMethod: ['operator'] } }],
    ['a datastore as a number', { calico: { datastore: 5 } }],
    ['a version as a number', { calico: { version: 3.23 } }],
    ['a platform as a list', { platform: ['eks'] }],
  ])('leaves to the schema: %s', (_what, input) => {
    expect(acceptFacts(input)).toBeUndefined();
    // What it leaves is decided by the schema, as when it is not there.
    const result = parseFacts(input);
    const zod = ClusterFactsSchema.safeParse(input);
    expect(result.success).toBe(zod.success);
  });

  // A getter may answer each read differently: the fast path stores the value it checked, as the schema
  // (which reads each field once) does, never a second read's.
  it.each([
    ...Object.entries(VALID).map(([key, value]): [string, Record<string, unknown>, string, unknown] => [`Windows ${key}`, FULL_WINDOWS, key, value]),
    ['Linux roles', linux({ roles: ['worker'], routeReflector: false }), 'roles', ['worker']] as [string, Record<string, unknown>, string, unknown],
    ['Linux routeReflector', linux({ roles: ['worker'], routeReflector: false }), 'routeReflector', true] as [string, Record<string, unknown>, string, unknown],
  ])('stores the value it checked of a getter (%s), not a second read', (_what, node, key, first) => {
    const make = (): unknown => {
      let reads = 0;
      const copy = { ...node };
      Object.defineProperty(copy, key, { get: () => (reads++ === 0 ? first : 'changed'), enumerable: true, configurable: true });
      return { nodes: [copy] };
    };
    const fast = acceptFacts(make());
    const zod = ClusterFactsSchema.safeParse(make());
    expect(fast).toBeDefined();
    expect(zod.success).toBe(true);
    expect((fast?.nodes?.[0] as Record<string, unknown> | undefined)?.[key]).toEqual(first);
    if (zod.success) expect(sameData(fast, zod.data)).toBeUndefined();
  });

  it('declines when Object.prototype has an enumerable key the schema knows', () => {
    expect(acceptFacts({})).toEqual({});
    Object.defineProperty(Object.prototype, 'platform', { value: 'eks', enumerable: true, configurable: true, writable: true });
    let declined: unknown;
    try {
      declined = acceptFacts({});
    } finally {
      delete (Object.prototype as Record<string, unknown>)['platform'];
    }
    expect(declined).toBeUndefined();
  });
});
