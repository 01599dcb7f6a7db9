/**
 * Hostile inputs shared by the API and CLI suites: each is text or bytes a user (or an attacker) could
 * hand the tool as a facts file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Billion laughs' anchors: nine levels of ten aliases each, a billion strings if `*i` is expanded. */
export const ALIAS_BOMB_ANCHORS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]',
];

/** Billion laughs as a facts file: the platform is the expansion. */
export const ALIAS_BOMB = [...ALIAS_BOMB_ANCHORS, 'platform: *i', ''].join('\n');

const DEPTH = 10_000;

/** 10,000 levels of nesting, in each form the parsers meet it. */
export const DEEP = {
  /** JSON arrays at the root: JSON.parse copes, the schema refuses an array. */
  jsonArrays: `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`,
  /** JSON objects under a known key: the JSON fast path parses it, locating the error must not recurse. */
  jsonObjects: `{"calico":${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}`,
  /** JSON arrays where nodes belong. */
  jsonNodes: `{"nodes":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`,
  /** YAML flow sequences (not JSON: it starts with a key). */
  yamlFlow: `platform: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`,
  /** YAML flow mappings. */
  yamlFlowMaps: `calico: ${'{a: '.repeat(DEPTH)}1${'}'.repeat(DEPTH)}\n`,
  /** YAML block sequences, compact: `- - - - … x`. */
  yamlBlock: `nodes:\n${'- '.repeat(DEPTH)}x\n`,
};

/** Facts whose keys reach for the prototype chain, in JSON (JSON.parse keeps `__proto__` as a key). */
export const PROTO_JSON = JSON.stringify({
  platform: 'kubernetes',
  calico: { version: '3.23.1' },
  nodes: [{ os: 'windows', name: 'win-1' }],
})
  .replace('{"platform"', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true},"platform"')
  .replace('{"version"', '{"__proto__":{"polluted":true},"version"')
  .replace('{"os"', '{"constructor":{"prototype":{"polluted":true}},"__proto__":{"os":"linux"},"os"');

/** The same in YAML. */
export const PROTO_YAML = [
  '__proto__: {polluted: true}',
  'constructor: {prototype: {polluted: true}}',
  'prototype: {polluted: true}',
  'platform: kubernetes',
  'calico:',
  '  __proto__: {polluted: true}',
  '  version: 3.23.1',
  'nodes:',
  '  - os: windows',
  '    name: win-1',
  '    __proto__: {os: linux}',
  '    constructor: {prototype: {polluted: true}}',
  '',
].join('\n');

/** Numbers and booleans where strings belong, and strings where numbers and booleans belong. */
export const WRONG_TYPES = [
  'platform: 123',
  'kubernetes: {version: 1.22}',
  'calico: {vxlanPort: "4789", strictAffinity: "true", operatorManaged: yes}',
  'nodes:',
  '  - {os: windows, name: 1809, osBuild: 17763.1432, cniPlugin: true}',
  '  - {os: linux, name: l, roles: [1]}',
  '',
].join('\n');

export const DUPLICATE_NODES = ['nodes:', '  - {os: linux, name: node-a}', '  - {os: windows, name: node-a}', ''].join('\n');
export const DUPLICATE_KEYS = 'platform: eks\nnetworking: eks-vpc-cni\nplatform: aks\n';

/** The same in JSON, where `JSON.parse` alone would keep the last one: at the root, and nested under an escaped spelling. */
export const DUPLICATE_JSON_KEYS = {
  root: '{\n  "platform": "eks",\n  "networking": "eks-vpc-cni",\n  "platform": "aks"\n}\n',
  escaped: '{\n  "platform": "kubernetes",\n  "calico": {\n    "vxlanPort": 4789,\n    "\\u0076xlanPort": 4790\n  }\n}\n',
};

/** A facts file that is fine, for BOM and CRLF variants. */
export const GOOD_YAML = ['platform: kubernetes', 'networking: calico-vxlan', 'calico:', '  version: 3.23.1', 'nodes:', '  - os: windows', '    name: win-1', '    osBuild: 10.0.17763.1432', ''].join('\n');
export const GOOD_JSON = JSON.stringify(
  { platform: 'kubernetes', networking: 'calico-vxlan', calico: { version: '3.23.1' }, nodes: [{ os: 'windows', name: 'win-1', osBuild: '10.0.17763.1432' }] },
  null,
  2,
);

export const BOM = '\ufeff';
export const crlf = (text: string): string => text.replaceAll('\n', '\r\n');

/** Bytes that are not UTF-8: a stray continuation byte, an overlong NUL, an encoded surrogate, UTF-16. */
export const NOT_UTF8: Record<string, Buffer> = {
  'stray bytes': Buffer.from([0x70, 0x6c, 0x61, 0x74, 0x66, 0x6f, 0x72, 0x6d, 0x3a, 0x20, 0xff, 0xfe, 0x0a]),
  'an overlong NUL': Buffer.concat([Buffer.from('platform: '), Buffer.from([0xc0, 0x80]), Buffer.from('\n')]),
  'an encoded surrogate': Buffer.concat([Buffer.from('platform: '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n')]),
  'UTF-16 with its BOM': Buffer.from(`\ufeff${GOOD_YAML}`, 'utf16le'),
  'binary garbage': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
};

/** Valid UTF-8 that is no text anyone meant: control characters and NULs. */
export const CONTROL_GARBAGE = Buffer.from(Array.from({ length: 2048 }, (_, i) => [0, 1, 2, 3, 7, 8, 11, 12, 27, 127][i % 10] ?? 0)).toString('utf8');

/** Files with nothing in them, in several ways. */
export const EMPTY: Record<string, string> = {
  'an empty file': '',
  'only whitespace': '  \n\t\n\n',
  'only a comment': '# facts go here\n',
  'only a document marker': '---\n',
  'null': 'null\n',
  'an empty list': '[]\n',
  'a string': '"facts"\n',
};

/** A temporary directory, removed by `cleanup`. */
export function tempDir(): { dir: string; file: (name: string, content: string | Buffer) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cwc-hostile-'));
  return {
    dir,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** 100 MiB of valid YAML (one long comment), written for real: refused by size, never read whole. */
export const HUNDRED_MB = 100 * 1024 * 1024;
export function hundredMegabytes(): Buffer {
  const buffer = Buffer.alloc(HUNDRED_MB, 0x78); // 'x'
  buffer.write('# ', 0);
  buffer.write('\nplatform: kubernetes\n', HUNDRED_MB - 22);
  return buffer;
}
