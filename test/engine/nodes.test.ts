// engine/nodes.ts on its own: a declared node rule is decided once per distinct value of the node facts
// it declares (the probe that stops sharing when it does not pay included), and each node's finding is
// built from the shared decision with its own name, evidence and missing facts.
import { describe, expect, it } from 'vitest';
import { CALICO_3_23 } from '../../src/catalog/default.js';
import { defineNodeRule } from '../../src/engine/define.js';
import { decideNodes, hasMarker, missingFacts, nodeFinding, type NodeBatch } from '../../src/engine/nodes.js';
import { fail, pass, unknown, type CheckContext, type NodeRule, type Outcome } from '../../src/engine/rule.js';
import { findingBase } from '../../src/engine/findings.js';
import { NodeList } from '../../src/engine/subjects.js';
import type { ClusterFacts, WindowsNodeFacts } from '../../src/model/facts.js';

const ctx: CheckContext<unknown> = { profile: CALICO_3_23, kubernetesVersion: undefined, given: {} };
const ALWAYS = { given: {} };
const meta = { title: 'T', severity: 'error', sections: ['Datastores'], remediation: 'R' } as const;
const FACTS: ClusterFacts = {};

/** Nodes named n000, n001 … holding these values of `osBuild` (absent where undefined). */
function nodesOf(values: readonly unknown[], key = 'osBuild'): NodeList {
  const names = values.map((_, i) => `n${String(i).padStart(3, '0')}`);
  const nodes = values.map((value, i) => ({ os: 'windows', name: names[i], ...(value === undefined ? {} : { [key]: value }) }) as unknown as WindowsNodeFacts);
  return new NodeList(nodes, names);
}

/** A declared node rule over `osBuild` whose check says what it saw, counting its calls. */
function recorder(check: (build: unknown, name: string) => Outcome = (build, name) => pass(`${name}: ${show(build)}`)) {
  const seen: string[] = [];
  const rule = defineNodeRule({
    ...meta,
    id: 'probe',
    reads: ['node.osBuild'],
    check: (_facts, node) => {
      seen.push(String(node.name));
      return check(node.osBuild, String(node.name));
    },
  });
  return { rule, seen };
}

function show(value: unknown): string {
  return Object.is(value, -0) ? '-0' : typeof value === 'string' ? value : `${typeof value} ${JSON.stringify(value)}`;
}

function run(rule: NodeRule, nodes: NodeList, keys: readonly string[] = ['osBuild'], markedNames = false) {
  const decided = decideNodes(rule, FACTS, nodes, keys, ALWAYS, ctx, markedNames);
  const batch: NodeBatch = { base: findingBase(rule, CALICO_3_23), clusterEvidence: [], keys, nodes, ...decided, sources: undefined };
  const findings = Array.from({ length: nodes.length }, (_, i) => nodeFinding(batch, i));
  return { ...decided, batch, findings };
}

const repeat = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe('decideNodes: once per distinct value', () => {
  it('decides nodes holding one value once, and fills in each node’s name', () => {
    const { rule, seen } = recorder();
    const { decisions, counts, decided, findings } = run(rule, nodesOf(repeat(100, () => '10.0.17763.1')));
    expect(seen).toHaveLength(1);
    expect(decisions).toHaveLength(1);
    expect(counts).toEqual([100]);
    expect([...decided]).toEqual(repeat(100, () => 0));
    expect(findings.map((f) => f.message)).toEqual(repeat(100, (i) => `n${String(i).padStart(3, '0')}: 10.0.17763.1`));
  });

  it('counts each distinct value’s nodes, alternating values included', () => {
    const { rule, seen } = recorder();
    const values = repeat(100, (i) => (i % 2 === 0 ? '10.0.17763.1' : '10.0.20348.1'));
    const { decisions, counts, decided } = run(rule, nodesOf(values));
    expect(seen).toHaveLength(2);
    expect(decisions).toHaveLength(2);
    expect(counts).toEqual([50, 50]);
    expect([...decided]).toEqual(repeat(100, (i) => i % 2));
  });

  // The probe: after 64 nodes, fewer than 8 that found a decision already made ends sharing.
  it.each([
    ['64 distinct, then 36 repeats of the first: sharing stopped, every later node decided on its own', [...repeat(64, (i) => `10.0.17763.${i}`), ...repeat(36, () => '10.0.17763.0')], 100],
    ['57 distinct and 7 repeats, then 36 repeats: 7 hits are fewer than 8, sharing stopped', [...repeat(57, (i) => `10.0.17763.${i}`), ...repeat(7, () => '10.0.17763.0'), ...repeat(36, () => '10.0.17763.0')], 93],
    ['56 distinct and 8 repeats, then 36 repeats: 8 hits, the 8th at the 64th node, sharing kept', [...repeat(56, (i) => `10.0.17763.${i}`), ...repeat(8, () => '10.0.17763.0'), ...repeat(36, () => '10.0.17763.0')], 56],
    ['63 distinct, then 37 repeats: one hit among the first 64, sharing stopped after it', [...repeat(63, (i) => `10.0.17763.${i}`), ...repeat(37, () => '10.0.17763.0')], 99],
    ['20 distinct, 4 times over: sharing kept', repeat(80, (i) => `10.0.17763.${i % 20}`), 20],
  ])('%s', (_name, values, calls) => {
    const { rule, seen } = recorder();
    const { decisions, counts, findings } = run(rule, nodesOf(values));
    expect(seen).toHaveLength(calls);
    expect(decisions).toHaveLength(calls);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(values.length);
    // Whichever way each node was decided, its finding is its own.
    expect(findings.map((f) => f.message)).toEqual(values.map((v, i) => `n${String(i).padStart(3, '0')}: ${v}`));
  });

  it.each([
    ['0 and -0', [0, -0, 0, -0]],
    ['1 and "1"', [1, '1', 1, '1']],
    ['absent and "undefined"', [undefined, 'undefined', undefined, 'undefined']],
    ['true and "true"', [true, 'true', true, 'true']],
    ['a list and the string of it', [['a'], '["a"]', ['a'], '["a"]']],
    ['lists of different lengths', [['a'], ['a', 'b'], ['a'], ['a', 'b']]],
    ['lists differing in an item', [['a', 'b'], ['a', 'c'], ['a', 'b'], ['a', 'c']]],
  ])('tells %s apart', (_name, values) => {
    const { rule } = recorder();
    const { findings } = run(rule, nodesOf(values));
    expect(findings.map((f) => f.message)).toEqual(values.map((v, i) => `n00${i}: ${show(v)}`));
  });

  it.each([
    ['objects', [{ a: 1 }, { a: 1 }, { a: 1 }]],
    ['lists holding a number', [['a', 1], ['a', 1], ['a', 1]]],
    ['lists holding the marker', [['a\uFDD0'], ['a\uFDD0'], ['a\uFDD0']]],
    ['strings holding the marker', ['a\uFDD0', 'a\uFDD0', 'a\uFDD0']],
    ['functions', [() => 1, () => 1, () => 1]],
    ['-0', [-0, -0, -0]],
  ])('decides each node of %s on its own', (_name, values) => {
    const { rule, seen } = recorder();
    const { decisions, counts } = run(rule, nodesOf(values));
    expect(seen).toEqual(['n000', 'n001', 'n002']);
    expect(decisions).toHaveLength(3);
    expect(counts).toEqual([1, 1, 1]);
  });

  it('shares equal lists, more than sixteen distinct lists included', () => {
    const { rule, seen } = recorder();
    const lists = repeat(20, (i) => [`m${i}`, 'x']);
    const values = [...lists, ...lists.map((l) => [...l])];
    const { decisions, counts, findings } = run(rule, nodesOf(values));
    expect(seen).toHaveLength(20);
    expect(decisions).toHaveLength(20);
    expect(counts).toEqual(repeat(20, () => 2));
    expect(findings[39]?.message).toBe(`n039: ${show(['m19', 'x'])}`);
  });

  it('decides a node whose name holds the marker on its own, when told names may hold it', () => {
    const { rule, seen } = recorder();
    const names = ['a', 'b\uFDD0', 'c'];
    const nodes = new NodeList(names.map((name) => ({ os: 'windows', name, osBuild: '10.0.17763.1' }) as WindowsNodeFacts), names);
    const { decisions, counts, findings } = run(rule, nodes, ['osBuild'], true);
    expect(seen).toEqual(['\uFDD0\uFDD1', 'b\uFDD0']);
    expect(decisions).toHaveLength(2);
    expect(counts).toEqual([2, 1]);
    expect(findings.map((f) => f.message)).toEqual(['a: 10.0.17763.1', 'b\uFDD0: 10.0.17763.1', 'c: 10.0.17763.1']);
  });

  it('keys several facts by type and value: nodes share only when every declared fact matches', () => {
    const seen: string[] = [];
    const rule = defineNodeRule({
      ...meta,
      id: 'two',
      reads: ['node.osBuild', 'node.tls12Enabled'],
      check: (_facts, node) => {
        seen.push(String(node.name));
        return pass(`${node.name}: ${show(node.osBuild)} ${show(node.tls12Enabled)}`);
      },
    });
    const rows: Array<Record<string, unknown>> = [
      { osBuild: '1', tls12Enabled: true },
      { osBuild: 1, tls12Enabled: true },
      { osBuild: '1', tls12Enabled: 'true' },
      { osBuild: '1' },
      { osBuild: '1', tls12Enabled: 'undefined' },
      { osBuild: '1', tls12Enabled: true },
      { osBuild: 1, tls12Enabled: true },
      { osBuild: '1', tls12Enabled: { x: 1 } },
      { osBuild: '1', tls12Enabled: { x: 1 } },
      { osBuild: 'a\uFDD0', tls12Enabled: true },
      { osBuild: 'a\uFDD0', tls12Enabled: true },
    ];
    const names = rows.map((_, i) => `n${i}`);
    const nodes = new NodeList(rows.map((row, i) => ({ os: 'windows', name: names[i], ...row }) as WindowsNodeFacts), names);
    const { decisions, counts, findings } = run(rule, nodes, ['osBuild', 'tls12Enabled']);
    expect(decisions).toHaveLength(9);
    expect(counts).toEqual([2, 2, 1, 1, 1, 1, 1, 1, 1]);
    expect(seen).toHaveLength(9);
    expect(findings.map((f) => f.message)).toEqual(rows.map((row, i) => `n${i}: ${show(row['osBuild'])} ${show(row['tls12Enabled'])}`));
  });

  it('decides every node of a rule written by hand on its own', () => {
    const { rule: declared, seen } = recorder();
    const rule: NodeRule = { ...declared };
    const { decisions, findings } = run(rule, nodesOf(['x', 'x', 'x']));
    expect(seen).toEqual(['n000', 'n001', 'n002']);
    expect(decisions).toHaveLength(3);
    expect(findings.map((f) => f.message)).toEqual(['n000: x', 'n001: x', 'n002: x']);
  });

  it('decides every node of a rule declaring no node fact on its own', () => {
    const seen: string[] = [];
    const rule = defineNodeRule({ ...meta, id: 'none', check: (_facts, node) => (seen.push(String(node.name)), pass(`${node.name} checked`)) });
    const { decisions, findings } = run(rule, nodesOf(['x', 'x']), []);
    expect(seen).toEqual(['n000', 'n001']);
    expect(decisions).toHaveLength(2);
    expect(findings.map((f) => f.message)).toEqual(['n000 checked', 'n001 checked']);
  });
});

describe('nodeFinding: the shared decision, made the node’s', () => {
  it.each([
    ['no mention', () => 'a build', 'a build'],
    ['one', (n: string) => `${n} has a build`, 'n001 has a build'],
    ['two', (n: string) => `${n} has ${n}`, 'n001 has n001'],
    ['three', (n: string) => `${n}/${n}/${n}`, 'n001/n001/n001'],
    ['four', (n: string) => `${n}${n}-${n}-${n}`, 'n001n001-n001-n001'],
  ])('fills in the name at every mention (%s), in message and remediation', (_name, text, expected) => {
    const { rule } = recorder((_build, name) => fail(text(name), `fix: ${text(name)}`));
    const { findings } = run(rule, nodesOf(['x', 'x']));
    expect(findings[1]?.message).toBe(expected);
    expect(findings[1]?.remediation).toBe(`fix: ${expected}`);
  });

  it('gives a fail without a remediation of its own the rule’s, and a pass none', () => {
    const { rule } = recorder((build) => (build === 'bad' ? fail('bad build') : pass('good build')));
    const { findings } = run(rule, nodesOf(['bad', 'good', 'bad']));
    expect(findings.map((f) => [f.status, f.remediation])).toEqual([
      ['fail', 'R'],
      ['pass', undefined],
      ['fail', 'R'],
    ]);
    expect('remediation' in (findings[1] as object)).toBe(false);
    expect(findings.every((f) => !('missingFacts' in f))).toBe(true);
  });

  it('names the missing node facts for each node, cluster facts as they are', () => {
    const rule = defineNodeRule({ ...meta, id: 'needs', requires: ['node.osBuild', 'calico.datastore'], check: () => pass('ok') });
    const { findings, decisions } = run(rule, nodesOf([undefined, undefined]));
    expect(decisions).toHaveLength(1);
    expect(findings.map((f) => [f.status, f.missingFacts, 'remediation' in f])).toEqual([
      ['unknown', ['calico.datastore', 'nodes[n000].osBuild'], false],
      ['unknown', ['calico.datastore', 'nodes[n001].osBuild'], false],
    ]);
  });

  it('carries the rule’s fields, the node as subject, and evidence of the facts present', () => {
    const { rule } = recorder();
    const { findings, batch } = run(rule, nodesOf(['10.0.17763.1', undefined]));
    expect(findings[0]).toEqual({
      ruleId: 'probe',
      status: 'pass',
      severity: 'error',
      subject: { kind: 'node', name: 'n000' },
      title: 'T',
      message: 'n000: 10.0.17763.1',
      evidence: [{ fact: 'nodes[n000].osBuild', value: '10.0.17763.1' }],
      references: batch.base.references,
    });
    expect(findings[1]?.evidence).toEqual([]);
  });

  it('puts the cluster’s evidence first, names sources, and reuses a node’s evidence entries', () => {
    const { rule } = recorder();
    const nodes = nodesOf(['10.0.17763.1', '10.0.17763.1']);
    const decided = decideNodes(rule, FACTS, nodes, ['osBuild'], ALWAYS, ctx, false);
    const clusterEvidence = [{ fact: 'calico.datastore', value: 'etcd' }];
    const sources = { 'nodes[n001].osBuild': { object: 'Node/n001', file: 'nodes.yaml', line: 7 } };
    const batch: NodeBatch = { base: findingBase(rule, CALICO_3_23), clusterEvidence, keys: ['osBuild'], nodes, ...decided, sources };
    const [first, second] = [nodeFinding(batch, 0), nodeFinding(batch, 1)];
    expect(first.evidence).toEqual([clusterEvidence[0], { fact: 'nodes[n000].osBuild', value: '10.0.17763.1' }]);
    expect(second.evidence).toEqual([clusterEvidence[0], { fact: 'nodes[n001].osBuild', value: '10.0.17763.1', source: { object: 'Node/n001', file: 'nodes.yaml', line: 7 } }]);
    // The findings' lists are their own; the entries for a node are made once.
    expect(first.evidence).not.toBe(clusterEvidence);
    expect(nodeFinding(batch, 1).evidence[1]).toBe(second.evidence[1]);
    expect(nodes.item(0).evidence?.get('osBuild')).toBe(first.evidence[1]);
  });
});

describe('missingFacts and hasMarker', () => {
  it('names node paths for the node, and leaves others', () => {
    const decision = { status: 'unknown', message: 'm', remediation: undefined, missing: ['node.osBuild', 'calico.datastore', 'nodes'], values: [] } as const;
    expect(missingFacts(decision, 'win-1')).toEqual(['nodes[win-1].osBuild', 'calico.datastore', 'nodes']);
    expect(missingFacts({ ...decision, missing: undefined }, 'win-1')).toEqual([]);
  });

  it.each([
    ['win-1', false],
    ['', false],
    ['a\uFDD0', true],
    ['\uFDD1', false],
  ])('%j holds the marker: %s', (text, expected) => {
    expect(hasMarker(text)).toBe(expected);
  });
});

// Unknown outcomes are made by the engine, not the check: their text goes through the same filling in.
describe('an unknown decided by the check', () => {
  it('keeps the check’s missing facts, named for each node', () => {
    const { rule } = recorder((_build, name) => unknown(`${name} needs more`, ['node.osBuild']));
    const { findings } = run(rule, nodesOf(['x', 'x']));
    expect(findings.map((f) => [f.message, f.missingFacts])).toEqual([
      ['n000 needs more', ['nodes[n000].osBuild']],
      ['n001 needs more', ['nodes[n001].osBuild']],
    ]);
  });
});
