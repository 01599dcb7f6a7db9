import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateCompatibility } from 'calico-windows-compat';
import { CALICO_RELEASES } from 'calico-windows-compat/releases';
import { analyze, releaseChoices } from '../../playground/src/analyze.js';

// The playground's work without the page: what it evaluates and what it reports for each input.
const fixture = (path: string): string => readFileSync(new URL(`../fixtures/manifests/${path}`, import.meta.url), 'utf8');

describe('the playground analysis', () => {
  it('nothing to evaluate without input', () => {
    expect(analyze({ objects: ' \n', facts: '', release: '' })).toEqual({ kind: 'empty' });
  });

  it('a facts file alone: the report the library gives, without sources', () => {
    const facts = readFileSync(new URL('../../examples/broken-cluster.yaml', import.meta.url), 'utf8');
    const analysis = analyze({ objects: '', facts, release: '' });
    if (analysis.kind !== 'report') throw new Error(analysis.kind);
    expect(analysis.report.verdict).toBe('incompatible');
    expect(analysis.sources).toEqual({});
    expect(analysis.description).toBe('facts file');
  });

  it('kubectl output and a facts file: derived facts traced to their line in the objects, those of the file to theirs in the file', () => {
    const analysis = analyze({ objects: fixture('eks/nodes.yaml'), facts: fixture('eks/extra.yaml'), release: 'auto' });
    if (analysis.kind !== 'report') throw new Error(analysis.kind);
    expect(analysis.description).toBe('cluster objects, facts file');
    expect(Object.values(analysis.sources).some((s) => s.file === 'cluster objects' && typeof s.line === 'number')).toBe(true);
    expect(Object.values(analysis.sources).some((s) => s.file === 'facts file')).toBe(true);
    expect(analysis.report.profile.requested).toBe('auto');
    expect(analysis.factsYaml).toMatch(/# Node\/\S+ status\.nodeInfo\.\w+ \(cluster objects:\d+:\d+\)/);
  });

  it('every problem of both inputs at once, each with its input and position', () => {
    const analysis = analyze({ objects: 'kind: Node\nkind: Node\n', facts: 'platform: 42\n', release: '' });
    expect(analysis).toEqual({
      kind: 'problems',
      problems: [
        expect.objectContaining({ input: 'facts', path: 'platform', line: 1, column: 11 }),
        expect.objectContaining({ input: 'objects', path: 'document 1', line: 2, column: 1 }),
      ],
    });
  });

  it('objects that are not Kubernetes objects, and a release no profile covers, are problems too', () => {
    expect(analyze({ objects: '- 1\n', facts: '', release: '' })).toMatchObject({ kind: 'problems', problems: [{ input: 'objects' }] });
    expect(analyze({ objects: '', facts: 'platform: eks\n', release: '9.99' })).toMatchObject({
      kind: 'problems',
      problems: [{ input: 'release', message: expect.stringMatching(/9\.99/) }],
    });
  });

  it('offers the default, auto, and every release the library knows, each one it accepts', () => {
    const choices = releaseChoices();
    expect(choices.slice(0, 2).map((c) => c.value)).toEqual(['', 'auto']);
    for (const line of new Set(CALICO_RELEASES.map((p) => p.release))) expect(choices.map((c) => c.value)).toContain(line);
    for (const { value } of choices.slice(1)) expect(() => evaluateCompatibility({}, { release: value, profiles: CALICO_RELEASES }), value).not.toThrow();
  });
});
