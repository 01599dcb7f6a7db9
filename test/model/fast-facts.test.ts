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
