import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCompatibility } from '../../src/api.js';
import { formatJson, formatJsonChunks } from '../../src/formatters/json.js';
import { JsonWriter, jsonChunks } from '../../src/formatters/json-writer.js';
import { formatSarif, formatSarifChunks } from '../../src/formatters/sarif.js';
import { formatText, formatTextChunks } from '../../src/formatters/text.js';
import { formatMarkdown, formatMarkdownChunks } from '../../src/formatters/markdown.js';
import { formatJunit, formatJunitChunks } from '../../src/formatters/junit.js';
import type { ClusterFacts, WindowsNodeFacts } from '../../src/model/facts.js';
import { facts, runs } from '../properties/arbitraries.js';

const joined = (chunks: Iterable<string>): string => [...chunks].join('');

/** A cluster of `count` Windows nodes, large enough for its report to be built on first read. */
function bigCluster(count: number): ClusterFacts {
  const nodes = Array.from({ length: count }, (_, i): WindowsNodeFacts => ({
    os: 'windows',
    name: `win-${String(i).padStart(5, '0')}`,
    osBuild: `10.0.17763.${1400 + (i % 60)}`,
    containerRuntime: i % 7 === 0 ? 'docker://20.10.9' : 'containerd://1.6.6',
    datastore: 'kubernetes',
    remoteAccess: i % 5 === 0 ? [] : ['rdp'],
    tls12Enabled: i % 3 !== 0,
  }));
  return { platform: 'kubernetes', networking: 'calico-vxlan', kubernetes: { version: '1.22.3' }, calico: { datastore: 'kubernetes' }, nodes };
}

/** Values JSON.stringify writes in all its ways: absent keys, holes, non-finite numbers, toJSON, boxed and odd objects. */
const oddValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<unknown>(undefined, null, NaN, -0, Infinity, 'a\u2028"\\\n', '', true, 0.1, 1e21, () => 1, Symbol('s')),
    fc.string(),
    fc.double(),
    fc.constantFrom<unknown>(new Date(0), new String('boxed'), new Number(3), new Map([[1, 2]]), { toJSON: (key: string) => `key:${key}` }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'references', 'subject', 'evidence', '__proto__', '1'), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('JSON in pieces', () => {
  it('writes any value as JSON.stringify(value, null, 2) does', () => {
    fc.assert(
      fc.property(oddValue, (value) => {
        expect(new JsonWriter().text(value, '', 0)).toBe(JSON.stringify(value, null, 2));
      }),
      runs(500),
    );
  });

  it('writes values shared between places (as findings share references, subjects and evidence) alike in each', () => {
    const shared = { title: 'T', url: 'u' };
    const entry = { fact: 'nodes[a].osBuild', value: ['x'] };
    const value = {
      list: [
        { references: [shared], subject: shared, evidence: [entry, entry] },
        { references: [shared], subject: shared, evidence: [entry], nested: { references: [shared], evidence: [entry] } },
      ],
    };
    const writer = new JsonWriter();
    expect(writer.text(value, '', 0)).toBe(JSON.stringify(value, null, 2));
    expect(writer.text(value, '', 3)).toBe(JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(3)}`));
    expect(joined(jsonChunks(value, 'list'))).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it('refuses what JSON.stringify refuses: cycles and BigInts', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle['self'] = cycle;
    expect(() => new JsonWriter().text(cycle, '', 0)).toThrow(TypeError);
    expect(() => new JsonWriter().text({ n: 1n }, '', 0)).toThrow(TypeError);
  });

  it('formatJsonChunks joins to formatJson, for any report', () => {
    fc.assert(
      fc.property(facts, (input) => {
        const report = evaluateCompatibility(input);
        expect(joined(formatJsonChunks(report))).toBe(formatJson(report));
      }),
      runs(100),
    );
  });

  it('writes a large report in pieces of about 64 KiB, the same text as formatJson, findings built on first read', () => {
    const report = evaluateCompatibility(bigCluster(3000));
    const chunks = [...formatJsonChunks(report)];
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(64 * 1024);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(80 * 1024);
    expect(chunks.join('')).toBe(formatJson(report));
  });

  it('writes the findings of a large report one at a time, without building its findings list', () => {
    const report = evaluateCompatibility(bigCluster(3000));
    const descriptor = Object.getOwnPropertyDescriptor(report, 'findings');
    let reads = 0;
    Object.defineProperty(report, 'findings', {
      ...descriptor,
      get() {
        reads++;
        return descriptor?.get?.call(report) as unknown;
      },
    });
    const text = joined(formatJsonChunks(report));
    expect(reads).toBe(0);
    expect(text).toBe(formatJson(report));
    expect(reads).toBe(1);
    // Once built, the pieces are written from the list itself.
    expect(joined(formatJsonChunks(report))).toBe(text);
  });

  it('formatSarifChunks joins to formatSarif, which is the SARIF log as JSON.stringify writes it', () => {
    for (const report of [evaluateCompatibility(bigCluster(300)), evaluateCompatibility(bigCluster(1))]) {
      const text = joined(formatSarifChunks(report, { input: 'facts.yaml', toolVersion: '1.2.3' }));
      expect(text).toBe(formatSarif(report, { input: 'facts.yaml', toolVersion: '1.2.3' }));
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      expect((JSON.parse(text) as { runs: Array<{ results: unknown[] }> }).runs[0]?.results.length).toBe(report.counts.fail + report.counts.unknown);
    }
  });
});

describe('defect 1: the text, Markdown and JUnit reports in pieces', () => {
  const formats = [
    ['formatTextChunks', formatTextChunks, formatText],
    ['formatMarkdownChunks', formatMarkdownChunks, formatMarkdown],
    ['formatJunitChunks', formatJunitChunks, formatJunit],
  ] as const;

  it.each(formats)('%s joins to the one-string formatter, in pieces of about 64 KiB', (_name, chunked, whole) => {
    const report = evaluateCompatibility(bigCluster(3000));
    const chunks = [...chunked(report)];
    expect(chunks.length).toBeGreaterThan(10);
    // Each piece ends a line: 64 KiB and the rest of the line that passed it.
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(64 * 1024);
      expect(chunk.endsWith('\n')).toBe(true);
    }
    expect(chunks.join('')).toBe(whole(report));
    const small = evaluateCompatibility(bigCluster(1));
    expect([...chunked(small)]).toEqual([whole(small)]);
  });
});
