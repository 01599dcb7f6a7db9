// The word helpers every message is built with (typo suggestions, lists, alternatives, numbers), the
// error class and its issue lines, and how sources and Windows releases are named.
import { describe, expect, it } from 'vitest';
import { alternatives, closest, compareText, editDistance, listForMessage, numberWord, plural, shorten, typoOf } from '../../src/model/words.js';
import { CompatError, formatIssues } from '../../src/model/errors.js';
import { describeSource } from '../../src/model/naming.js';
import { windowsReleaseName } from '../../src/model/windows.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['abc', 'abc', 0],
    ['ab', 'a', 1],
    ['a', 'ab', 1],
    ['ab', 'b', 1],
    ['abc', 'abd', 1],
    ['kitten', 'sitting', 3],
    ['Strict', 'strict', 0],
    ['flaw', 'lawn', 2],
  ])('%j → %j: %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('closest', () => {
  it.each<[string, string, readonly string[], string | undefined]>([
    ['a typo of one letter', 'windows-tsl12', ['windows-tls12', 'typha-ha'], 'windows-tls12'],
    ['the first of two as near', 'abc', ['abd', 'abe'], 'abd'],
    ['the nearer of two', 'abcd', ['abxy', 'abcx'], 'abcx'],
    ['nothing within two edits of a short word', 'abc', ['xyz'], undefined],
    ['two edits of a short word', 'abcd', ['abxy'], 'abxy'],
    ['two letters short of a short word', 'abcdef', ['abcd'], 'abcd'],
    ['a third of a long word', 'abcdefghi', ['abcdefxyz'], 'abcdefxyz'],
    ['more than a third of a long word', 'abcdefghi', ['abcdewxyz'], undefined],
    ['no candidates', 'abc', [], undefined],
    ['a candidate too long to be a typo', 'abc', ['abcdefgh'], undefined],
    ['a word longer than any name', 'a'.repeat(101), ['a'.repeat(100)], undefined],
    ['a word as long as the longest name', 'a'.repeat(100), ['a'.repeat(99)], 'a'.repeat(99)],
  ])('%s', (_name, word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
});

describe('listForMessage', () => {
  it.each([
    [['b', 'a'], 'a, b'],
    [['e', 'd', 'c', 'b', 'a'], 'a, b, c, d, e'],
    [['f', 'e', 'd', 'c', 'b', 'a'], 'a, b, c, d, e and 1 more'],
    [[], ''],
  ])('%j → %j', (items, text) => {
    expect(listForMessage(items)).toBe(text);
  });

  it('takes another maximum', () => {
    expect(listForMessage(['c', 'b', 'a'], 2)).toBe('a, b and 1 more');
  });
});

describe('alternatives', () => {
  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a, or b'],
    [['a', 'b', 'c'], 'a, b, or c'],
    [['x, y', 'z'], 'x, y, or z'],
  ])('%j → %j', (items, text) => {
    expect(alternatives(items)).toBe(text);
  });
});

describe('the smaller helpers', () => {
  it('compareText orders by code unit', () => {
    expect(['b', 'B', 'a', 'é'].sort(compareText)).toEqual(['B', 'a', 'b', 'é']);
    expect(compareText('a', 'b')).toBe(-1);
    expect(compareText('b', 'a')).toBe(1);
    expect(compareText('a', 'a')).toBe(0);
  });

  it('numberWord writes zero to ten in words', () => {
    expect([0, 3, 10, 11, 12].map(numberWord)).toEqual(['zero', 'three', 'ten', '11', '12']);
  });

  it('plural', () => {
    expect([plural(1, 'node'), plural(0, 'node'), plural(2, 'node')]).toEqual(['node', 'nodes', 'nodes']);
  });

  it('shorten cuts at 80 characters, or another length, saying how long the text was', () => {
    expect(shorten('a'.repeat(80))).toBe('a'.repeat(80));
    expect(shorten('a'.repeat(81))).toBe(`${'a'.repeat(80)}… (81 characters)`);
    expect(shorten('abcdef', 3)).toBe('abc… (6 characters)');
  });
});

describe('CompatError and its issue lines', () => {
  it('is an Error named CompatError, its message listing each issue', () => {
    const error = new CompatError('invalid-input', 'Invalid facts:', [{ path: 'nodes[0].name', code: 'invalid-type', message: 'is required (a string)' }]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CompatError');
    expect(error.message).toBe('Invalid facts:\n  nodes[0].name: is required (a string)');
    expect(new CompatError('invalid-options', 'No rule left.').message).toBe('No rule left.');
    expect(new CompatError('invalid-options', 'No rule left.').issues).toEqual([]);
  });

  it('an issue with a location names the file, or the line alone', () => {
    expect(
      formatIssues([
        { path: 'a', code: 'c', message: 'm1', location: { file: 'facts.yaml', line: 3, column: 7 } },
        { path: 'b', code: 'c', message: 'm2', location: { line: 4, column: 1 } },
        { path: 'c', code: 'c', message: 'm3' },
      ]),
    ).toBe('  a: m1 (facts.yaml:3:7)\n  b: m2 (line 4:1)\n  c: m3');
  });
});

describe('describeSource', () => {
  it.each([
    ['object only', { object: 'Node/win-1' }, 'column', 'Node/win-1'],
    ['with a field', { object: 'Node/win-1', field: 'status.nodeInfo.kernelVersion' }, 'column', 'Node/win-1 status.nodeInfo.kernelVersion'],
    ['with a file but no line', { object: 'Node/win-1', file: 'nodes.yaml' }, 'column', 'Node/win-1 (nodes.yaml)'],
    ['with a line', { object: 'Node/win-1', file: 'nodes.yaml', line: 42 }, 'column', 'Node/win-1 (nodes.yaml:42)'],
    ['with a line and column', { object: 'Node/win-1', file: 'nodes.yaml', line: 42, column: 7 }, 'column', 'Node/win-1 (nodes.yaml:42:7)'],
    ['to the line only', { object: 'Node/win-1', file: 'nodes.yaml', line: 42, column: 7 }, 'line', 'Node/win-1 (nodes.yaml:42)'],
  ] as const)('%s', (_name, source, precision, text) => {
    expect(describeSource(source, precision)).toBe(text);
  });
});

describe('windowsReleaseName', () => {
  it('names a known release, and an unknown id by itself', () => {
    expect(windowsReleaseName('1809')).toBe('Windows Server 2019 (1809)');
    expect(windowsReleaseName('2022')).toBe('Windows Server 2022');
    expect(windowsReleaseName('21H2')).toBe('21H2');
  });
});

describe('typoOf: the known value a word is a slip of', () => {
  const known = ['kubernetes', 'openshift', 'rke', 'eks', 'aks'];

  it.each([
    ['kubernets', 'kubernetes'],
    ['kuberentes', 'kubernetes'],
    ['openshit', 'openshift'],
    ['EKS', 'eks'],
    ['Rke', 'rke'],
  ])('%s is a slip of %s', (word, meant) => {
    expect(typoOf(word, known)).toBe(meant);
  });

  it.each(['eks', 'kubernetes', 'gke', 'rke2', 'k3s', 'ekss', 'kubernetes-the-hard-way', 'x'.repeat(500)])('%s is none', (word) => {
    expect(typoOf(word, known)).toBeUndefined();
  });

  it('is stricter than closest, which suggests for any near word', () => {
    expect(closest('gke', known)).toBe('rke');
    expect(typoOf('gke', known)).toBeUndefined();
  });

  it('allows one edit below eight letters, two from eight', () => {
    expect(typoOf('calco', ['calico'])).toBe('calico');
    expect(typoOf('clco', ['calico'])).toBeUndefined();
    expect(typoOf('clicoo', ['calico'])).toBeUndefined();
    expect(typoOf('clico-bgpp', ['calico-bgp'])).toBe('calico-bgp');
  });
});

describe('typoOf at its limits', () => {
  it('looks for no slip in a word longer than any name, even one differing only in case', () => {
    expect(typoOf('A'.repeat(101), ['a'.repeat(101)])).toBeUndefined();
    expect(typoOf('A'.repeat(100), ['a'.repeat(100)])).toBe('a'.repeat(100));
  });

  it('takes the value differing only in case before an earlier one an edit away', () => {
    expect(typoOf('CALICO', ['calicx', 'calico'])).toBe('calico');
  });

  it('allows two edits from exactly eight letters', () => {
    expect(typoOf('calxcovv', ['calico-v'])).toBe('calico-v');
    expect(typoOf('calxcov', ['calico-'])).toBeUndefined();
  });
});
