import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { CompatError } from '../../src/model/errors.js';
import { evaluateCompatibility } from '../../src/api.js';
import { MAX_REPORTED_ISSUES, parseFacts } from '../../src/model/parse.js';
import { DEFAULT_MAX_BYTES, readFactsFile, readTextFile, readTextStream } from '../../src/node/read.js';
import { thrown } from '../support/errors.js';
import {
  DEFAULT_MAX_TEXT_LENGTH,
  MAX_LOCATED_JSON_LENGTH,
  MAX_MAPPING_ENTRIES,
  MAX_NESTING_DEPTH,
  parseFactsText,
  parseYamlDocuments,
  type TextDocument,
} from '../../src/text/yaml.js';
import {
  ALIAS_BOMB,
  BOM,
  CONTROL_GARBAGE,
  DEEP,
  DUPLICATE_JSON_KEYS,
  DUPLICATE_KEYS,
  DUPLICATE_NODES,
  EMPTY,
  GOOD_JSON,
  GOOD_YAML,
  HUNDRED_MB,
  NOT_UTF8,
  PROTO_JSON,
  PROTO_YAML,
  WRONG_TYPES,
  crlf,
  hundredMegabytes,
  tempDir,
} from './inputs.js';

// Every hostile input ends in the typed error, with a message that says what is wrong — quickly, and
// without touching anything outside the input. Nothing here may throw anything but a CompatError.

const temp = tempDir();
afterAll(() => temp.cleanup());

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

/** The error of a facts text that must be refused. */
function refusal(text: string, file = 'facts.yaml'): CompatError {
  const result = parseFactsText(text, { file });
  if (result.success) throw new Error(`accepted: ${JSON.stringify(result.data).slice(0, 200)}`);
  expect(result.error).toBeInstanceOf(CompatError);
  expect(result.error.message).not.toMatch(/\n\s+at /);
  return result.error;
}

function codes(error: CompatError): string[] {
  return error.issues.map((i) => i.code);
}


describe('YAML alias bombs', () => {
  it('a billion laughs is refused after 100 alias expansions, in milliseconds', () => {
    const error = refusal(ALIAS_BOMB);
    expect(error.code).toBe('invalid-input');
    expect(error.issues).toEqual([
      expect.objectContaining({
        code: 'yaml-aliases',
        message: 'too many alias expansions (more than 100): refused as a possible alias bomb',
        location: { file: 'facts.yaml', line: 1, column: 1 },
      }),
    ]);
  });

  it('a few aliases, as real files use them, are fine', () => {
    const result = parseFactsText('platform: &p kubernetes\ninfrastructure: bare-metal\nnodes:\n  - &n {os: linux, name: a}\n  - {os: linux, name: b}\n');
    expect(result.success).toBe(true);
  });
});

describe('size limits', () => {
  it(`a file over ${DEFAULT_MAX_BYTES} bytes (100 MiB here) is refused before it is read`, async () => {
    const path = temp.file('huge.yaml', hundredMegabytes());
    const error = await readTextFile(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CompatError);
    expect((error as CompatError).message).toBe(`${path} is too large: ${HUNDRED_MB} bytes, the limit is ${DEFAULT_MAX_BYTES} bytes.`);
    const result = await readFactsFile(path);
    expect(result.success).toBe(false);
  });

  it('a stream over the limit is refused as soon as it passes it, without reading the rest', async () => {
    let produced = 0;
    const chunk = Buffer.alloc(1024 * 1024, 0x78);
    const stream = new Readable({
      read() {
        produced += chunk.length;
        this.push(produced > HUNDRED_MB ? null : chunk);
      },
    });
    const error = await readTextStream(stream, '(stdin)').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CompatError);
    expect((error as CompatError).message).toMatch(/^\(stdin\) is too large: more than \d+ bytes, the limit is 67108864 bytes\.$/);
    expect(produced).toBeLessThan(DEFAULT_MAX_BYTES + 4 * 1024 * 1024);
  });

  it(`text over ${DEFAULT_MAX_TEXT_LENGTH} characters is refused before parsing`, () => {
    const error = refusal('x'.repeat(DEFAULT_MAX_TEXT_LENGTH + 1));
    expect(error.message).toBe(`facts.yaml is too large: ${DEFAULT_MAX_TEXT_LENGTH + 1} characters, the limit is ${DEFAULT_MAX_TEXT_LENGTH}.`);
  });

  it('the limits can be lowered', async () => {
    const small = parseFactsText(GOOD_YAML, { file: 'f.yaml', maxLength: 10 });
    expect(!small.success && small.error.message).toBe(`f.yaml is too large: ${GOOD_YAML.length} characters, the limit is 10.`);
    const path = temp.file('small.yaml', GOOD_YAML);
    await expect(readTextFile(path, { maxBytes: 10 })).rejects.toThrow(`${path} is too large: ${GOOD_YAML.length} bytes, the limit is 10 bytes.`);
  });
});

describe('10,000 levels of nesting', () => {
  it.each(Object.entries(DEEP))('%s: refused or invalid facts, never a stack overflow', (_name, text) => {
    const error = refusal(text);
    expect(error.message).not.toMatch(/call stack/i);
  });

  it.each([
    ['YAML flow sequences', DEEP.yamlFlow, 1],
    ['YAML flow mappings', DEEP.yamlFlowMaps, 1],
    ['YAML block sequences', DEEP.yamlBlock, 2],
  ])('%s: the YAML parser refuses the nesting itself, with its position', (_name, text, line) => {
    const error = refusal(text);
    expect(error.code).toBe('invalid-input');
    expect(error.issues).toEqual([
      expect.objectContaining({ code: 'yaml-nesting', message: `collections nested more than ${MAX_NESTING_DEPTH} levels deep: refused` }),
    ]);
    expect(error.issues[0]?.location).toMatchObject({ file: 'facts.yaml', line });
  });

  it('JSON: parsed by JSON.parse, refused by the schema; no position, since the YAML parser declines to locate it', () => {
    const error = refusal(DEEP.jsonObjects, 'facts.json');
    expect(error.code).toBe('invalid-facts');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'calico.a', code: 'unknown-key' })]);
    expect(error.issues[0]?.location).toBeUndefined();
    expect(refusal(DEEP.jsonArrays).issues).toEqual([expect.objectContaining({ path: '(root)', message: 'expected an object, got an array' })]);
  });

  it(`${MAX_NESTING_DEPTH} levels are accepted, one more is refused; indentation counts as nesting`, () => {
    const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(parseYamlDocuments(nested(MAX_NESTING_DEPTH))).toHaveLength(1);
    expect(codes(thrown(() => parseYamlDocuments(nested(MAX_NESTING_DEPTH + 1))))).toEqual(['yaml-nesting']);
    const indented = (depth: number): string => `${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`;
    expect(parseYamlDocuments(indented(MAX_NESTING_DEPTH))).toHaveLength(1);
    expect(codes(thrown(() => parseYamlDocuments(indented(MAX_NESTING_DEPTH + 1))))).toEqual(['yaml-nesting']);
  });

  it('a million open brackets are refused at once, not after the parser has filled the heap', () => {
    expect(codes(thrown(() => parseYamlDocuments(`a: ${'['.repeat(1_000_000)}`)))).toEqual(['yaml-nesting']);
  });
});

describe('other resource limits', () => {
  it(`a mapping of more than ${MAX_MAPPING_ENTRIES} keys is refused (the key check is quadratic)`, () => {
    const mapping = (entries: number): string => Array.from({ length: entries }, (_, i) => `k${i}: 1`).join('\n');
    expect(parseYamlDocuments(mapping(1_000))).toHaveLength(1);
    const error = thrown(() => parseYamlDocuments(mapping(50_000), { file: 'wide.yaml' }));
    expect(error.issues).toEqual([
      expect.objectContaining({ code: 'yaml-mapping-size', message: `a mapping with 50000 entries, more than ${MAX_MAPPING_ENTRIES}: refused` }),
    ]);
  });

  it('a text with an error on every line reports the first 50 and counts the rest', () => {
    const error = thrown(() => parseYamlDocuments('x: 1\n'.repeat(1_000)));
    expect(error.issues).toHaveLength(51);
    expect(error.issues.at(-1)).toEqual({ path: '(text)', code: 'yaml-more-errors', message: 'and 949 more syntax errors' });
  });

  it.each([
    ['at the limit', 0, { file: 'pad.json', line: 2, column: 15 }],
    ['over the limit', 1, undefined],
  ])(`JSON facts problems have a position up to ${MAX_LOCATED_JSON_LENGTH} characters (%s)`, (_name, over, location) => {
    const head = '{\n  "platfrom": "eks"}';
    const text = head + ' '.repeat(MAX_LOCATED_JSON_LENGTH - head.length + over);
    const error = refusal(text, 'pad.json');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'platfrom', code: 'unknown-key' })]);
    expect(error.issues[0]?.location).toEqual(location);
  });

  it(`a JSON facts file of 300,000 unknown keys lists ${MAX_REPORTED_ISSUES} and counts the rest`, () => {
    const text = JSON.stringify(Object.fromEntries(Array.from({ length: 300_000 }, (_, i) => [`k${i}`, i])));
    const error = refusal(text, 'wide.json');
    expect(error.issues).toHaveLength(MAX_REPORTED_ISSUES + 1);
    // Over MAX_LOCATED_JSON_LENGTH: no position (a YAML parse of that text would take seconds).
    expect(text.length).toBeGreaterThan(MAX_LOCATED_JSON_LENGTH);
    expect(error.issues[0]).toEqual(expect.objectContaining({ path: 'k0', code: 'unknown-key' }));
    expect(error.issues[0]?.location).toBeUndefined();
    expect(error.issues.at(-1)).toEqual({ path: '(root)', code: 'more-issues', message: `and ${300_000 - MAX_REPORTED_ISSUES} more problems, not listed` });
  });
});

describe('prototype keys', () => {
  it.each([
    ['JSON', PROTO_JSON],
    ['YAML', PROTO_YAML],
  ])('%s: __proto__, constructor and prototype are unknown keys, reported with their paths; nothing is polluted', (_name, text) => {
    const error = refusal(text);
    expect(error.code).toBe('invalid-facts');
    const unknown = error.issues.filter((i) => i.code === 'unknown-key').map((i) => i.path);
    expect(unknown).toEqual(
      expect.arrayContaining(['__proto__', 'constructor', 'prototype', 'calico.__proto__', 'nodes[0].__proto__', 'nodes[0].constructor']),
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('the YAML parser keeps __proto__ as data: an own key, the prototype untouched', () => {
    const [document] = parseYamlDocuments(PROTO_YAML) as [TextDocument];
    const value = document.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(value, '__proto__')).toBe(true);
    expect((value as { platform?: unknown }).platform).toBe('kubernetes');
  });

  it('keys named after Object.prototype members are unknown keys, not methods', () => {
    const error = refusal('toString: x\nvalueOf: 1\nhasOwnProperty: true\nnodes: [{os: linux, name: a, toString: x}]\n');
    expect(error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['toString', 'valueOf', 'hasOwnProperty', 'nodes[0].toString']));
  });

  it('valid facts whose names are prototype words evaluate as any others', () => {
    const facts = parseFacts(JSON.parse('{"nodes":[{"os":"windows","name":"prototype"},{"os":"windows","name":"constructor"},{"os":"linux","name":"valueof"}]}'));
    if (!facts.success) throw facts.error;
    const report = evaluateCompatibility(facts.data);
    expect(report.findings.filter((f) => f.ruleId === 'windows-tls12').map((f) => f.subject)).toEqual([
      { kind: 'node', name: 'constructor' },
      { kind: 'node', name: 'prototype' },
    ]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  });
});

describe('encodings and line endings', () => {
  it.each(Object.entries(NOT_UTF8))('%s: refused as not UTF-8 text', async (name, bytes) => {
    const path = temp.file(`${name.replaceAll(' ', '-')}.yaml`, bytes);
    await expect(readTextFile(path)).rejects.toThrow(`Cannot read ${path}: it is not UTF-8 text.`);
    const result = await readFactsFile(path);
    expect(!result.success && result.error.code).toBe('invalid-input');
    await expect(readTextStream(Readable.from([bytes]), '(stdin)')).rejects.toThrow('Cannot read (stdin): it is not UTF-8 text.');
  });

  it.each([
    ['YAML with a BOM', BOM + GOOD_YAML],
    ['JSON with a BOM', BOM + GOOD_JSON],
    ['YAML with CRLF', crlf(GOOD_YAML)],
    ['JSON with CRLF', crlf(GOOD_JSON)],
    ['YAML with a BOM and CRLF', BOM + crlf(GOOD_YAML)],
  ])('%s reads as the plain file does', async (name, text) => {
    const plain = parseFactsText(GOOD_YAML);
    const result = parseFactsText(text);
    expect(result).toEqual(plain);
    const path = temp.file(`${name.replaceAll(' ', '-')}.txt`, text);
    expect(await readFactsFile(path)).toEqual(plain);
  });

  it('errors in a CRLF file name the same lines and columns as in the LF file', () => {
    const bad = 'platform: kubernetes\nnodes:\n  - os: windows\n    name: w\n    osBuild: nope\n';
    const lf = refusal(bad);
    const windows = refusal(BOM + crlf(bad));
    expect(windows.issues).toEqual(lf.issues);
    expect(lf.issues[0]?.location).toEqual({ file: 'facts.yaml', line: 5, column: 14 });
  });

  it('control characters and NULs are an error, not a crash', () => {
    const error = refusal(CONTROL_GARBAGE);
    expect(error.message.length).toBeLessThan(2_000);
  });
});

describe('wrong shapes', () => {
  it('numbers and booleans where strings belong, and strings where they do not, are each named with their line', () => {
    const error = refusal(WRONG_TYPES);
    const byPath = Object.fromEntries(error.issues.map((i) => [i.path, i.message]));
    expect(byPath).toMatchObject({
      platform: 'expected a string, got number 123',
      'kubernetes.version': 'expected a string, got number 1.22',
      'calico.vxlanPort': 'expected a number, got "4789"',
      'calico.strictAffinity': 'expected a boolean, got "true"',
      'calico.operatorManaged': 'expected a boolean, got "yes"',
      'nodes[0].name': 'expected a string, got number 1809',
      'nodes[0].osBuild': 'expected a string, got number 17763.1432',
      'nodes[0].cniPlugin': 'expected a string, got boolean true',
      'nodes[1].roles[0]': 'expected a string, got number 1',
    });
    expect(error.issues.every((i) => i.location !== undefined)).toBe(true);
  });

  it('duplicated node names are an error naming the first', () => {
    const error = refusal(DUPLICATE_NODES);
    expect(error.issues).toEqual([
      expect.objectContaining({
        path: 'nodes[1].name',
        message: 'duplicates the name of nodes[0]: node names must be unique, got "node-a"',
        location: { file: 'facts.yaml', line: 3, column: 25 },
      }),
    ]);
  });

  it('a key given twice in YAML is an error with its line, not last-one-wins', () => {
    const error = refusal(DUPLICATE_KEYS);
    expect(error.issues).toEqual([expect.objectContaining({ code: 'yaml-duplicate-key', location: { file: 'facts.yaml', line: 3, column: 1 } })]);
  });

  it.each([
    ['at the root', DUPLICATE_JSON_KEYS.root, 4, 3],
    ['nested, spelled with an escape', DUPLICATE_JSON_KEYS.escaped, 5, 5],
  ])('a key given twice in JSON (%s) is an error with its line, not last-one-wins', (_name, text, line, column) => {
    const error = refusal(text, 'facts.json');
    expect(error.issues).toEqual([expect.objectContaining({ code: 'yaml-duplicate-key', location: { file: 'facts.json', line, column } })]);
  });

  // Nesting deeper than the YAML parser accepts tells the paths apart: JSON.parse reads it (the schema
  // then refuses the unknown key), the YAML fallback would refuse the nesting.
  it.each([
    ['equal keys in different objects', '"nodes":[{"os":"linux","name":"a"},{"os":"linux","name":"b"}]'],
    ['a key that equals a value', '"platform":"platform"'],
    ['keys with escapes that differ', '"calico":{"version":"3.23.1","\\u0076ersion2":"x"}'],
    ['quotes, colons and brackets inside strings', '"platform":"a\\":{[","networking":"calico-vxlan"'],
  ])('JSON without a repeated key is read by the fast path (%s)', (_name, body) => {
    const text = `{${body},"deep":${'['.repeat(MAX_NESTING_DEPTH + 10)}${']'.repeat(MAX_NESTING_DEPTH + 10)}}`;
    const expected = parseFacts(JSON.parse(text));
    if (expected.success) throw new Error('the unknown key "deep" must be refused');
    expect(codes(refusal(text, 'facts.json'))).toEqual(codes(expected.error));
  });

  it.each(Object.entries(EMPTY))('%s: an error saying so', (_name, text) => {
    const error = refusal(text);
    expect(error.code).toBe('invalid-facts');
    expect(error.issues[0]?.path).toBe('(root)');
    expect(error.issues[0]?.message).toMatch(/^(the facts file is empty: expected one object of facts|expected an object, got .+)$/);
  });

  it('an empty object is valid facts: nothing known, every requirement open', () => {
    const result = parseFactsText('{}');
    expect(result.success && evaluateCompatibility(result.data).verdict).toBe('indeterminate');
  });
});
