import { closeSync, openSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { factsFromManifests } from '../../src/adapters/manifests.js';
import { CompatError } from '../../src/model/errors.js';
import { parseManifestsText } from '../../src/text/yaml.js';
import { runCli } from '../support/cli.js';
import { ALIAS_BOMB_ANCHORS, tempDir } from '../hostile/inputs.js';

// Manifests come from wherever users point the tool: every kind of bad input must end in a
// CompatError (exit 2 for the CLI), quickly — never a crash, a hang, or a polluted prototype.

function derive(text: string) {
  const set = parseManifestsText(text, { file: 'm.yaml' });
  return factsFromManifests(set.objects, { locate: set.locate });
}

const cli = (args: string[], input: string | Buffer = '') => runCli(args, { input, timeout: 20_000 });

const temp = tempDir();
afterAll(() => temp.cleanup());

describe('hostile manifests', () => {
  it('text over the size limit is refused before parsing', () => {
    expect(() => parseManifestsText('kind: Node\n'.repeat(100), { file: 'big.yaml', maxLength: 500 })).toThrow(
      /big\.yaml is too large: 1100 characters, the limit is 500/,
    );
  });

  it('a file over the size limit is refused by the CLI before it is read', () => {
    const path = join(temp.dir, 'huge.yaml');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 65 * 1024 * 1024); // sparse: no disk used, but stat says 65 MiB
    closeSync(fd);
    const run = cli(['check', '--manifests', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/huge\.yaml is too large: 68157440 bytes, the limit is 67108864 bytes/);
  });

  it('a YAML alias bomb is refused', () => {
    const bomb = [...ALIAS_BOMB_ANCHORS, 'apiVersion: v1', 'kind: Node', 'metadata: {name: *i}'].join('\n');
    expect(() => derive(bomb)).toThrow(/alias bomb/);
    const run = cli(['check', '--manifests', '-'], bomb);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/too many alias expansions/);
  });

  it('duplicate keys are an error with their line, not a silent last-one-wins', () => {
    let error: unknown;
    try {
      derive('apiVersion: v1\nkind: Node\nmetadata:\n  name: a\nmetadata:\n  name: b\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CompatError);
    expect((error as CompatError).issues[0]).toMatchObject({ code: 'yaml-duplicate-key', location: { file: 'm.yaml', line: 5 } });
  });

  it('__proto__ keys are data: nothing is polluted and nothing is read through them', () => {
    const text = [
      'apiVersion: v1',
      'kind: Node',
      'metadata:',
      '  name: win-1',
      '  __proto__: {polluted: true}',
      '  labels:',
      '    kubernetes.io/os: windows',
      '    __proto__: {kubernetes.io/os: linux}',
      'status:',
      '  __proto__: {nodeInfo: {kernelVersion: 10.0.17763.1432}}',
      '  nodeInfo: {kernelVersion: 10.0.20348.887, __proto__: {containerRuntimeVersion: docker://1.0}}',
      '---',
      '__proto__: {apiVersion: v1, kind: Node}',
      'metadata: {name: sneaky}',
    ].join('\n');
    expect(() => derive(text)).toThrow(/\[1\]: not a Kubernetes object: apiVersion is missing \(m\.yaml:13:1\)/);
    const result = derive(text.split('---')[0] ?? '');
    expect(result.facts.nodes).toEqual([{ os: 'windows', name: 'win-1', osBuild: '10.0.20348.887' }]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('kubernetes.io/os');
    // JSON.parse makes __proto__ an own key too
    const json = JSON.parse('{"apiVersion":"v1","kind":"Node","metadata":{"name":"n","__proto__":{"x":1},"labels":{"kubernetes.io/os":"linux"}}}') as unknown;
    expect(factsFromManifests(json).facts.nodes).toEqual([{ os: 'linux', name: 'n' }]);
  });

  it('keys named like Object.prototype members are never looked up on the prototype', () => {
    const result = derive('apiVersion: v1\nkind: Node\nmetadata: {name: constructor, labels: {toString: x, kubernetes.io/os: linux}}\n');
    expect(result.facts.nodes).toEqual([{ os: 'linux', name: 'constructor' }]);
    expect(() => derive('constructor: 1\ntoString: 2\n')).toThrow(/apiVersion is missing/);
  });

  it('binary garbage is refused by the CLI as not UTF-8 text', () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const path = temp.file('garbage.bin', garbage);
    const run = cli(['check', '--manifests', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/garbage\.bin: it is not UTF-8 text/);
    const stdin = cli(['facts', '--manifests', '-'], garbage);
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toMatch(/\(stdin\): it is not UTF-8 text/);
  });

  it('text garbage (valid UTF-8) ends in a CompatError or in facts, never in anything else', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['a', ':', ' ', '\n', '-', '[', ']', '{', '}', '&', '*', '!', '"', "'", '#', '|', '>', '%', '@', '`', '\t', '\u0000', '\u0007', 'é', '😀', ',', '?', 'kind', 'apiVersion', 'v1', 'Node', 'items'];
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 120) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      try {
        derive(text);
      } catch (error) {
        expect(error, JSON.stringify(text)).toBeInstanceOf(CompatError);
      }
    }
  });

  it('nesting deep enough to exhaust a recursive parser is an error', () => {
    expect(() => derive(`${'['.repeat(50_000)}${']'.repeat(50_000)}`)).toThrow(CompatError);
    const lists = (depth: number): unknown => (depth === 0 ? { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' } } : { apiVersion: 'v1', kind: 'List', items: [lists(depth - 1)] });
    expect(() => factsFromManifests(lists(10))).toThrow(/lists nested too deeply/);
  });

  it('many objects are read (3,000 nodes: the benchmark measures the time)', () => {
    const node = (i: number) =>
      `- apiVersion: v1\n  kind: Node\n  metadata: {name: n${i}, labels: {kubernetes.io/os: ${i % 2 ? 'linux' : 'windows'}}}\n  status: {nodeInfo: {kernelVersion: 10.0.17763.${i}, kubeletVersion: v1.22.${i % 20}}}\n`;
    const text = `apiVersion: v1\nkind: List\nitems:\n${Array.from({ length: 3000 }, (_, i) => node(i)).join('')}`;
    const result = derive(text);
    expect(result.facts.nodes).toHaveLength(3000);
  });
});

describe('values that are objects with their own toString or valueOf keys', () => {
  it('are reported as invalid values, never converted with String() (which throws for them)', () => {
    const installation = {
      apiVersion: 'operator.tigera.io/v1',
      kind: 'Installation',
      metadata: { name: 'default' },
      spec: {
        cni: { type: { toString: 'x' }, ipam: { type: { valueOf: 1 } } },
        calicoNetwork: { bgp: { toString: 'x' }, windowsDataplane: { valueOf: 'y' } },
      },
    };
    const result = factsFromManifests([installation]);
    expect(result.facts.calico?.bgpEnabled).toBeUndefined();
    const pools = factsFromManifests([
      { ...installation, spec: { calicoNetwork: { ipPools: [{ cidr: '10.0.0.0/16', encapsulation: { toString: 1 } }] } } },
    ]);
    expect(pools.facts.calico?.ipPools).toBeUndefined();
    expect(pools.notes.map((n) => n.message).join('\n')).toContain('encapsulation {"toString":1} is not an encapsulation');
    expect(result.notes.map((n) => n.message)).toEqual(
      expect.arrayContaining([
        'spec.calicoNetwork.bgp {"toString":"x"} is neither Enabled nor Disabled.',
        'spec.calicoNetwork.windowsDataplane {"valueOf":"y"} is neither HNS nor Disabled.',
      ]),
    );
  });
});
