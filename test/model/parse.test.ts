import { describe, expect, it } from 'vitest';
import { MAX_REPORTED_ISSUES, parseFacts, parseFactsOrThrow, formatPath } from '../../src/model/parse.js';
import { CompatError } from '../../src/model/errors.js';
import * as z from 'zod/mini';
import { schemaIssues } from '../../src/model/parse.js';
import { LinuxNodeFactsSchema, WindowsNodeFactsSchema } from '../../src/model/facts.js';

function issuesOf(input: unknown): Array<{ path: string; code: string; message: string }> {
  const result = parseFacts(input);
  if (result.success) throw new Error('expected invalid facts');
  expect(result.error).toBeInstanceOf(CompatError);
  expect(result.error.code).toBe('invalid-facts');
  return result.error.issues.map(({ path, code, message }) => ({ path, code, message }));
}

describe('parseFacts', () => {
  it('accepts an empty object: every fact is optional', () => {
    expect(parseFacts({})).toEqual({ success: true, data: {} });
  });

  it('returns the facts it was given, typed', () => {
    const input = {
      platform: 'eks',
      kubernetes: { version: 'v1.22.17-eks-0389ca3' },
      calico: { ipPools: [{ name: 'p', encapsulation: 'vxlan' }] },
      nodes: [{ os: 'windows', name: 'win-1', osBuild: '10.0.17763.1432', remoteAccess: ['rdp'] }],
    };
    const result = parseFacts(input);
    expect(result.success && result.data).toEqual(input);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'platform: eks'],
    ['a number', 3],
  ])('refuses %s at the root', (_name, input) => {
    expect(issuesOf(input)).toEqual([{ path: '(root)', code: 'invalid-type', message: expect.stringMatching(/^expected an object, got /) }]);
  });

  it('lists every problem with its path, not only the first', () => {
    const issues = issuesOf({
      platform: 3,
      calico: { datastore: 'consul', vxlanPort: 70000, ipPools: [{ encapsulation: 'gre' }] },
      nodes: [
        { os: 'linux', name: 'l1' },
        { os: 'mac', name: 'm1' },
        { os: 'windows', name: 'w1', osBuild: 'Windows Server 2019' },
        { os: 'windows', name: 'w2', osbuild: '10.0.17763.1432' },
        null,
      ],
    });
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        'platform',
        'calico.datastore',
        'calico.vxlanPort',
        'calico.ipPools[0].encapsulation',
        'nodes[1].os',
        'nodes[2].osBuild',
        'nodes[3].osbuild',
        'nodes[4]',
      ]),
    );
    expect(issues).toHaveLength(8);
    expect(issues.find((i) => i.path === 'platform')?.message).toBe('expected a string, got number 3');
    expect(issues.find((i) => i.path === 'calico.datastore')?.message).toBe('expected one of "kubernetes", "etcd", got "consul"');
    expect(issues.find((i) => i.path === 'nodes[1].os')?.message).toBe('expected one of "linux", "windows", got "mac"');
    expect(issues.find((i) => i.path === 'nodes[2].osBuild')?.message).toMatch(/is not a Windows build/);
    expect(issues.find((i) => i.path === 'calico.vxlanPort')?.code).toBe('too-big');
  });

  it('names unknown keys, suggesting the nearest known one, so a typo is not a silently missing fact', () => {
    const issues = issuesOf({ platfrom: 'eks', calico: { strictAfinity: true }, nodes: [{ os: 'windows', name: 'w', osbuild: '1' }] });
    expect(issues.map((i) => i.path).sort()).toEqual(['calico.strictAfinity', 'nodes[0].osbuild', 'platfrom']);
    expect(issues.every((i) => i.code === 'unknown-key')).toBe(true);
    expect(issues.find((i) => i.path === 'nodes[0].osbuild')?.message).toContain("did you mean 'osBuild'?");
    expect(issues.find((i) => i.path === 'platfrom')?.message).toContain("did you mean 'platform'?");
  });

  it('refuses __proto__ and constructor keys as unknown keys, without polluting prototypes', () => {
    const issues = issuesOf(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"x": 1}}'));
    expect(issues.map((i) => i.path).sort()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses duplicate node names, naming both', () => {
    const issues = issuesOf({ nodes: [{ os: 'windows', name: 'a' }, { os: 'linux', name: 'a' }] });
    expect(issues).toEqual([{ path: 'nodes[1].name', code: 'custom', message: expect.stringContaining('duplicates the name of nodes[0]') }]);
  });

  it('refuses versions that are not versions', () => {
    const issues = issuesOf({ kubernetes: { version: 'latest' }, calico: { version: '' } });
    expect(issues.map((i) => i.path).sort()).toEqual(['calico.version', 'kubernetes.version']);
  });

  it('refuses an empty name and a required field that is missing', () => {
    const issues = issuesOf({ nodes: [{ os: 'windows', name: '' }, { os: 'linux' }], calico: { ipPools: [{ name: 'x' }] } });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'nodes[0].name', code: 'too-small', message: 'must not be empty' },
        { path: 'nodes[1].name', code: 'invalid-type', message: 'is required (a string)' },
        { path: 'calico.ipPools[0].encapsulation', code: 'invalid-value', message: expect.stringContaining('"vxlan"') },
      ]),
    );
  });

  it('parseFactsOrThrow throws the same error', () => {
    expect(() => parseFactsOrThrow({ platform: 1 })).toThrow(CompatError);
    expect(() => parseFactsOrThrow({ platform: 1 })).toThrow(/platform: expected a string, got number 1/);
    expect(parseFactsOrThrow({ platform: 'aks' })).toEqual({ platform: 'aks' });
  });
});

describe('formatPath', () => {
  it.each([
    [[], '(root)'],
    [['nodes', 2, 'osBuild'], 'nodes[2].osBuild'],
    [['calico', 'ipPools', 0], 'calico.ipPools[0]'],
    [['a b'], '["a b"]'],
  ])('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('parseFacts: how many problems an error lists', () => {
  const withUnknownKeys = (count: number): Record<string, unknown> =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`extra${i}`, i]));

  it.each([
    [1, 1, undefined],
    [MAX_REPORTED_ISSUES, MAX_REPORTED_ISSUES, undefined],
    [MAX_REPORTED_ISSUES + 1, MAX_REPORTED_ISSUES, 'and 1 more problem, not listed'],
    [MAX_REPORTED_ISSUES + 50, MAX_REPORTED_ISSUES, 'and 50 more problems, not listed'],
  ])('%i unknown keys: %i listed, then %s', (count, listed, more) => {
    const issues = issuesOf(withUnknownKeys(count));
    const unknown = issues.filter((i) => i.code === 'unknown-key');
    expect(unknown).toHaveLength(listed);
    expect(unknown.map((i) => i.path)).toEqual(Array.from({ length: listed }, (_, i) => `extra${i}`));
    expect(issues.slice(listed)).toEqual(more === undefined ? [] : [{ path: '(root)', code: 'more-issues', message: more }]);
  });

  it('counts problems of every kind past the limit, in the order found', () => {
    const nodes = Array.from({ length: MAX_REPORTED_ISSUES + 3 }, (_, i) => ({ os: 'windows', name: `w${i}`, osBuild: 7 }));
    const issues = issuesOf({ ...withUnknownKeys(2), nodes });
    expect(issues).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(issues[0]).toEqual({ path: 'nodes[0].osBuild', code: 'invalid-type', message: 'expected a string, got number 7' });
    expect(issues[MAX_REPORTED_ISSUES - 1]?.path).toBe(`nodes[${MAX_REPORTED_ISSUES - 1}].osBuild`);
    // Three nodes and the two unknown keys (which zod reports after an object's fields) are counted.
    expect(issues[MAX_REPORTED_ISSUES]).toEqual({ path: '(root)', code: 'more-issues', message: 'and 5 more problems, not listed' });
  });

  it('the count of unknown keys beyond the limit is exact when the limit falls inside one object', () => {
    const issues = issuesOf({ calico: withUnknownKeys(MAX_REPORTED_ISSUES - 1), nodes: [{ os: 'linux', name: 'l', bogus: 1, other: 2 }] });
    expect(issues.map((i) => i.path).slice(-2)).toEqual(['nodes[0].bogus', '(root)']);
    expect(issues.at(-1)?.message).toBe('and 1 more problem, not listed');
  });
});

describe('parseFacts: the words of each problem', () => {
  it('begins its message with "Invalid facts:", then one problem a line', () => {
    const result = parseFacts({ platform: 1, infrastructure: 2 });
    expect(result.success || result.error.message).toBe(
      'Invalid facts:\n  platform: expected a string, got number 1\n  infrastructure: expected a string, got number 2',
    );
  });

  it.each([
    ['null', null, 'null'],
    ['an array', ['eks'], 'an array'],
    ['an object', { name: 'eks' }, 'an object'],
    ['a boolean', true, 'boolean true'],
    ['a number', 2.5, 'number 2.5'],
    ['a bigint', 10n, 'bigint'],
    ['a function', () => 'eks', 'function'],
    ['a string of 60 characters, whole', 'x'.repeat(60), JSON.stringify('x'.repeat(60))],
    ['a longer string, cut to 57 characters and an ellipsis', `${'y'.repeat(57)}zzzz`, JSON.stringify(`${'y'.repeat(57)}...`)],
  ])('names the value seen: %s', (_name, value, shown) => {
    expect(issuesOf({ calico: { datastore: value } })).toEqual([
      {
        path: 'calico.datastore',
        code: 'invalid-value',
        message: `expected one of "kubernetes", "etcd", got ${shown}`,
      },
    ]);
  });

  it('describes a value of the wrong type the same way', () => {
    expect(issuesOf({ platform: null, infrastructure: ['aws'], networking: {}, kubernetes: { hostProcessContainersEnabled: 'yes' } })).toEqual([
      { path: 'platform', code: 'invalid-type', message: 'expected a string, got null' },
      { path: 'infrastructure', code: 'invalid-type', message: 'expected a string, got an array' },
      { path: 'networking', code: 'invalid-type', message: 'expected a string, got an object' },
      { path: 'kubernetes.hostProcessContainersEnabled', code: 'invalid-type', message: 'expected a boolean, got "yes"' },
    ]);
  });

  it('names a missing value of a fixed set "nothing"', () => {
    expect(issuesOf({ calico: { ipPools: [{ name: 'p' }] } })).toEqual([
      {
        path: 'calico.ipPools[0].encapsulation',
        code: 'invalid-value',
        message: 'expected one of "none", "vxlan", "vxlan-cross-subnet", "ipip", "ipip-cross-subnet", got nothing',
      },
    ]);
  });

  it('names the value a schema checked even when the object inherits it', () => {
    const node = Object.assign(Object.create({ name: 5 }) as object, { os: 'linux' });
    expect(issuesOf({ nodes: [node] })).toEqual([{ path: 'nodes[0].name', code: 'invalid-type', message: 'expected a string, got number 5' }]);
  });

  it('says integer, minimum and maximum in words', () => {
    expect(issuesOf({ calico: { vxlanPort: 1.5, vxlanVNI: 0 } })).toEqual([
      { path: 'calico.vxlanPort', code: 'invalid-type', message: 'expected an integer, got number 1.5' },
      { path: 'calico.vxlanVNI', code: 'too-small', message: 'must be at least 1, got number 0' },
    ]);
    expect(issuesOf({ calico: { vxlanVNI: 16777216 } })).toEqual([
      { path: 'calico.vxlanVNI', code: 'too-big', message: 'must be at most 16777215, got number 16777216' },
    ]);
  });

  it('a node of an unknown os is an invalid value of os', () => {
    expect(issuesOf({ nodes: [{ os: 'mac', name: 'm' }] })).toEqual([
      { path: 'nodes[0].os', code: 'invalid-value', message: 'expected one of "linux", "windows", got "mac"' },
    ]);
  });

  it('an unknown key nothing is near lists the known keys without a suggestion', () => {
    expect(issuesOf({ network: { qqqqqqqqqq: 1 } })).toEqual([
      { path: 'network.qqqqqqqqqq', code: 'unknown-key', message: 'unknown key; known keys here: vxlanPortOpen, sourceDestCheckDisabled' },
    ]);
  });

  it('gives each problem its path as keys and indexes', () => {
    const result = parseFacts({ calico: { strictAfinity: true }, nodes: [{ os: 'windows', name: 'w', osBuild: 'x', 'odd key': 1 }] });
    expect(result.success || result.error.issues.map((i) => [i.path, i.segments])).toEqual([
      ['calico.strictAfinity', ['calico', 'strictAfinity']],
      ['nodes[0].osBuild', ['nodes', 0, 'osBuild']],
      ['nodes[0]["odd key"]', ['nodes', 0, 'odd key']],
    ]);
  });
});

describe('schemaIssues: the problems of schemas the facts do not use', () => {
  const issuesFor = (schema: z.ZodMiniType, input: unknown): unknown[] => {
    const result = schema.safeParse(input);
    if (result.success) throw new Error('expected invalid input');
    return schemaIssues(schema, result.error, input, ['doc']);
  };

  it('a value matching no form of a plain union', () => {
    expect(issuesFor(z.strictObject({ u: z.union([z.string(), z.number()]) }), { u: true })).toEqual([
      { path: 'doc.u', segments: ['doc', 'u'], code: 'invalid-value', message: 'does not match any allowed form, got boolean true' },
    ]);
  });

  it('a refinement without a message, and a list too short', () => {
    const schema = z.strictObject({ r: z.string().check(z.refine((v) => v === 'ok')), list: z.array(z.string()).check(z.minLength(2)) });
    expect(issuesFor(schema, { r: 'no', list: ['a'] })).toEqual([
      { path: 'doc.r', segments: ['doc', 'r'], code: 'custom', message: 'is invalid, got "no"' },
      { path: 'doc.list', segments: ['doc', 'list'], code: 'too-small', message: 'must be at least 2, got an array' },
    ]);
  });

  it('an unknown key where the schema names no keys (a record) suggests none', () => {
    const schema = z.strictObject({ m: z.optional(z.record(z.string(), z.strictObject({ a: z.string() }))) });
    expect(issuesFor(schema, { m: { k: { a: 'x', b: 1 } } })).toEqual([
      { path: 'doc.m.k.b', segments: ['doc', 'm', 'k', 'b'], code: 'unknown-key', message: 'unknown key; known keys here: ' },
    ]);
  });
});

describe('parseFacts: names unique in a list', () => {
  it('the second of two equal names is the problem, pointing at the first; unnamed items never clash', () => {
    const issues = issuesOf({
      calico: { ipPools: [{ encapsulation: 'vxlan' }, { name: 'p', encapsulation: 'vxlan' }, { encapsulation: 'none' }, { name: 'p', encapsulation: 'none' }] },
      nodes: [
        { os: 'windows', name: 'a' },
        { os: 'linux', name: 'b' },
        { os: 'linux', name: 'a' },
        { os: 'windows', name: 'a' },
      ],
    });
    expect(issues).toEqual([
      { path: 'calico.ipPools[3].name', code: 'custom', message: 'duplicates the name of calico.ipPools[1]: pool names must be unique, got "p"' },
      { path: 'nodes[2].name', code: 'custom', message: 'duplicates the name of nodes[0]: node names must be unique, got "a"' },
      { path: 'nodes[3].name', code: 'custom', message: 'duplicates the name of nodes[0]: node names must be unique, got "a"' },
    ]);
  });

  it('a container runtime that is none is refused in words', () => {
    expect(issuesOf({ nodes: [{ os: 'windows', name: 'w', containerRuntime: 'containerd:1.6' }] })).toEqual([
      {
        path: 'nodes[0].containerRuntime',
        code: 'custom',
        message: "is not a container runtime (expected 'containerd://1.6.6', 'docker://19.3.14', 'containerd' or 'docker'), got \"containerd:1.6\"",
      },
    ]);
  });
});

describe('parseFacts: one problem per value of the wrong type', () => {
  it.each([
    ['an array where a non-empty string belongs', { platform: [] }, 'platform', 'expected a string, got an array'],
    ['an array as a node name', { nodes: [{ os: 'windows', name: ['w'] }] }, 'nodes[0].name', 'expected a string, got an array'],
  ])('%s: only the type is reported', (_name, input, path, message) => {
    expect(issuesOf(input)).toEqual([{ path, code: 'invalid-type', message }]);
  });

  it('other problems at other paths are still listed', () => {
    expect(issuesOf({ platform: [], networking: '' })).toEqual([
      { path: 'platform', code: 'invalid-type', message: 'expected a string, got an array' },
      { path: 'networking', code: 'too-small', message: 'must not be empty' },
    ]);
  });
});

describe('parseFacts: the value meant, for a slip of a known one', () => {
  const issues = (input: unknown) => {
    const result = parseFacts(input);
    return result.success ? [] : result.error.issues.map((i) => `${i.path}: ${i.message}`);
  };

  it.each([
    ['platform', 'kubernets', 'kubernetes'],
    ['platform', 'openshfit', 'openshift'],
    ['platform', 'EKS', 'eks'],
    ['platform', 'Kubernetes', 'kubernetes'],
    ['networking', 'calico-vxaln', 'calico-vxlan'],
    ['networking', 'calico_bgp', 'calico-bgp'],
    ['networking', 'AKS-Azure-CNI', 'aks-azure-cni'],
  ])('%s %j is invalid input naming %j, not an unsupported value', (key, value, meant) => {
    expect(issues({ [key]: value })).toEqual([
      expect.stringMatching(new RegExp(`^${key}: is not a known (platform|networking option) \\(did you mean '${meant}'\\?\\); known: .*, got "${value}"$`)),
    ]);
  });

  it.each(['gke', 'rke2', 'k3s', 'kind', 'tkg', 'dockerenterprise'])('platform %j, another platform, is accepted (and fails platform-supported)', (platform) => {
    expect(parseFacts({ platform }).success).toBe(true);
  });

  it.each(['flannel', 'calico', 'cilium', 'azure-cni', 'calico-ipip'])('networking %j, another option, is accepted', (networking) => {
    expect(parseFacts({ networking }).success).toBe(true);
  });

  it.each([
    [{ calico: { datastore: 'kubernets' } }, 'calico.datastore: expected one of "kubernetes", "etcd", got "kubernets" (did you mean \'kubernetes\'?)'],
    [{ calico: { ipPools: [{ encapsulation: 'vxlan-crosssubnet' }] } }, 'calico.ipPools[0].encapsulation: expected one of "none", "vxlan", "vxlan-cross-subnet", "ipip", "ipip-cross-subnet", got "vxlan-crosssubnet" (did you mean \'vxlan-cross-subnet\'?)'],
    [{ nodes: [{ os: 'windwos', name: 'w1' }] }, 'nodes[0].os: expected one of "linux", "windows", got "windwos" (did you mean \'windows\'?)'],
    [{ nodes: [{ os: 'windows', name: 'w1', remoteAccess: ['rpd'] }] }, 'nodes[0].remoteAccess[0]: expected one of "rdp", "winrm", "ssh", got "rpd" (did you mean \'rdp\'?)'],
    [{ calico: { installMethod: 'helm' } }, 'calico.installMethod: expected one of "manifest", "operator", got "helm"'],
  ])('a closed set names the nearest value: %j', (input, message) => {
    expect(issues(input)).toEqual([message]);
  });
});

// parseFacts takes most valid facts by its fast path; the schemas themselves hold the same limits.
describe('the node schemas: a name of at most 253 characters', () => {
  it.each([
    ['a Windows node', WindowsNodeFactsSchema, { os: 'windows' }],
    ['a Linux node', LinuxNodeFactsSchema, { os: 'linux' }],
  ] as const)('%s: 253 characters is a name, 254 is not', (_name, schema, node) => {
    expect(schema.safeParse({ ...node, name: 'a'.repeat(253) }).success).toBe(true);
    expect(schema.safeParse({ ...node, name: 'a'.repeat(254) }).success).toBe(false);
    expect(parseFacts({ nodes: [{ ...node, name: 'a'.repeat(253) }] }).success).toBe(true);
    expect(issuesOf({ nodes: [{ ...node, name: 'a'.repeat(254) }] }).map((i) => i.path)).toEqual(['nodes[0].name']);
  });
});
