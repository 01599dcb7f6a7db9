import { afterAll, describe, expect, it } from 'vitest';
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
import { spawnCli } from '../support/cli.js';

// The same hostile inputs through the built binary, as users run it: each ends with exit code 2
// (invalid input, as --help documents), one clear message on standard error, nothing on standard
// output — never a stack trace, never 70 (internal error), never a hang.

const temp = tempDir();
afterAll(() => temp.cleanup());

/** Runs the CLI; one that hangs is killed after 30 s, and its signal fails {@link expectRefusal}. */
function cli(args: string[], input: string | Buffer = '') {
  const result = spawnCli(args, { input, timeout: 30_000 });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `check` on a file with this content and expects a clean refusal; returns standard error. */
function refused(name: string, content: string | Buffer, args: string[] = []): string {
  const path = temp.file(name, content);
  const run = cli(['check', path, ...args]);
  expectRefusal(run);
  return run.stderr.replaceAll(path, name);
}

function expectRefusal(run: ReturnType<typeof cli>): void {
  expect(run.signal, run.stderr).toBeNull();
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^calico-windows-compat: /);
  expect(run.stderr).not.toMatch(/\n\s+at |internal error|RangeError|TypeError|Maximum call stack/);
  expect(run.stderr.length).toBeLessThan(20_000);
}

describe('hostile facts files through the CLI', () => {
  it('an alias bomb: exit 2, refused as an alias bomb', () => {
    const stderr = refused('bomb.yaml', ALIAS_BOMB);
    expect(stderr).toContain('too many alias expansions (more than 100): refused as a possible alias bomb (bomb.yaml:1:1)');
  });

  it('a 100 MiB file: exit 2 before it is read', () => {
    const path = temp.file('huge.yaml', hundredMegabytes());
    const run = cli(['check', path]);
    expectRefusal(run);
    expect(run.stderr).toBe(`calico-windows-compat: ${path} is too large: ${HUNDRED_MB} bytes, the limit is 67108864 bytes.\n`);
  });

  it('100 MiB on standard input: exit 2 once the limit is passed', () => {
    const run = cli(['check', '--manifests', '-'], hundredMegabytes());
    expectRefusal(run);
    expect(run.stderr).toMatch(/^calico-windows-compat: \(stdin\) is too large: more than \d+ bytes, the limit is 67108864 bytes\.\n$/);
  });

  it.each(Object.entries(DEEP))('10,000 levels of nesting (%s): exit 2, no stack overflow', (name, text) => {
    const stderr = refused(`${name}.${name.startsWith('json') ? 'json' : 'yaml'}`, text);
    expect(stderr).toMatch(/collections nested more than 256 levels deep: refused|Invalid facts/);
  });

  it('10,000 levels of nesting on standard input (manifests): exit 2', () => {
    const run = cli(['facts', '--manifests', '-'], DEEP.yamlFlow);
    expectRefusal(run);
    expect(run.stderr).toContain('collections nested more than 256 levels deep: refused ((stdin):1:');
  });

  it.each([
    ['proto.json', PROTO_JSON],
    ['proto.yaml', PROTO_YAML],
  ])('%s: __proto__, constructor and prototype keys are unknown keys, exit 2', (name, text) => {
    const stderr = refused(name, text);
    expect(stderr).toMatch(/^ {2}__proto__: unknown key/m);
    expect(stderr).toMatch(/^ {2}constructor: unknown key/m);
    expect(stderr).toMatch(/^ {2}nodes\[0\]\.__proto__: unknown key/m);
  });

  it.each(Object.entries(NOT_UTF8))('%s: exit 2, not UTF-8 text', (name, bytes) => {
    const file = `${name.replaceAll(' ', '-')}.yaml`;
    expect(refused(file, bytes)).toBe(`calico-windows-compat: Cannot read ${file}: it is not UTF-8 text.\n`);
  });

  it('invalid UTF-8 on standard input: exit 2', () => {
    const run = cli(['check', '--manifests', '-'], NOT_UTF8['binary garbage']);
    expectRefusal(run);
    expect(run.stderr).toBe('calico-windows-compat: Cannot read (stdin): it is not UTF-8 text.\n');
  });

  it('control characters: exit 2 with a bounded message', () => {
    // NUL among them: no YAML or JSON text holds one (UTF-16 without a byte order mark does).
    expect(refused('control.yaml', CONTROL_GARBAGE)).toMatch(/^calico-windows-compat: Cannot read \S*control\.yaml: it is not UTF-8 text \(it holds NUL characters/);
  });

  it('numbers where strings belong: exit 2, each named with its line', () => {
    const stderr = refused('types.yaml', WRONG_TYPES);
    expect(stderr).toContain('  platform: expected a string, got number 123 (types.yaml:1:11)');
    expect(stderr).toContain('  kubernetes.version: expected a string, got number 1.22 (types.yaml:2:23)');
    expect(stderr).toContain('  nodes[0].osBuild: expected a string, got number 17763.1432');
  });

  it('duplicated node names and duplicated keys: exit 2', () => {
    expect(refused('dup-nodes.yaml', DUPLICATE_NODES)).toContain(
      'nodes[1].name: duplicates the name of nodes[0]: node names must be unique, got "node-a" (dup-nodes.yaml:3:25)',
    );
    expect(refused('dup-keys.yaml', DUPLICATE_KEYS)).toContain('Map keys must be unique (dup-keys.yaml:3:1)');
    expect(refused('dup-keys.json', DUPLICATE_JSON_KEYS.root)).toContain('Map keys must be unique (dup-keys.json:4:3)');
  });

  it.each(Object.entries(EMPTY))('%s: exit 2, saying what is missing', (name, text) => {
    const stderr = refused(`${name.replaceAll(' ', '-')}.yaml`, text);
    expect(stderr).toMatch(/the facts file is empty: expected one object of facts|expected an object, got/);
  });

  it('a missing file and a directory: exit 2', () => {
    const missing = cli(['check', `${temp.dir}/nope.yaml`]);
    expectRefusal(missing);
    expect(missing.stderr).toContain('no such file');
    const directory = cli(['check', temp.dir]);
    expectRefusal(directory);
    expect(directory.stderr).toContain('it is a directory');
  });
});

describe('files that must work', () => {
  // The same report but for the input's name.
  const report = (stdout: string): unknown => ({ ...(JSON.parse(stdout) as object), inputs: [] });
  const plain = (() => {
    const run = cli(['check', temp.file('plain.yaml', GOOD_YAML), '--format', 'json']);
    return { code: run.code, report: report(run.stdout) };
  })();

  it.each([
    ['bom.yaml', BOM + GOOD_YAML],
    ['bom.json', BOM + GOOD_JSON],
    ['crlf.yaml', crlf(GOOD_YAML)],
    ['crlf.json', crlf(GOOD_JSON)],
    ['bom-crlf.yaml', BOM + crlf(GOOD_YAML)],
  ])('%s gives the report the plain file gives', (name, text) => {
    const run = cli(['check', temp.file(name, text), '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(plain.code);
    expect(report(run.stdout)).toEqual(plain.report);
  });

  it('the plain file is valid facts: evaluated, with a verdict as exit code, not refused', () => {
    expect([0, 1, 3]).toContain(plain.code);
    expect(plain.report).toMatchObject({ verdict: expect.any(String) });
  });
});
