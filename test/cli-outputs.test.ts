import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseOutputOption, planOutputs, writeFileAtomically } from '../src/cli/outputs.js';
import { CompatError } from '../src/model/errors.js';
import { CLI, runCli } from './support/cli.js';

// Where reports go (-f, -o, --output <format>=<file>), how files are written, and how the CLI behaves
// on a pipe that closes early, with FORCE_COLOR, and on typos — through the built binary.

const work = mkdtempSync(join(tmpdir(), 'cwc-outputs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;
const freshDir = (): string => {
  const dir = join(work, `run-${++count}`);
  mkdirSync(dir);
  return dir;
};

const BROKEN = resolve('examples/broken-cluster.yaml');
const EKS = resolve('examples/eks.yaml');

function cli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [resolve(CLI), ...args], {
    cwd: options.cwd ?? process.cwd(),
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('-f, -o and --output', () => {
  it('text goes to standard output unless told otherwise; --output <format>=<file> adds files, each the report -f prints', () => {
    const dir = freshDir();
    const run = cli(['check', BROKEN, '--output', 'json=report.json', '-o', 'junit=reports/junit.xml', '--output', 'markdown=summary.md'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(cli(['check', BROKEN]).stdout);
    for (const [file, format] of [
      ['report.json', 'json'],
      ['reports/junit.xml', 'junit'],
      ['summary.md', 'markdown'],
    ] as const)
      expect(readFileSync(join(dir, file), 'utf8'), file).toBe(cli(['check', BROKEN, '-f', format]).stdout);
  });

  it('-f picks standard output\'s format; a bare -o <file> takes that format to the file instead', () => {
    const dir = freshDir();
    const json = cli(['check', EKS, '-f', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ verdict: 'compatible' });
    const toFile = cli(['check', EKS, '-f', 'json', '-o', 'eks.json'], { cwd: dir });
    expect(toFile).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'eks.json'), 'utf8')).toBe(json.stdout);
    // Without -f, a bare -o is the text report.
    expect(cli(['check', EKS, '-o', 'eks.txt'], { cwd: dir }).stdout).toBe('');
    expect(readFileSync(join(dir, 'eks.txt'), 'utf8')).toBe(cli(['check', EKS]).stdout);
  });

  it('<format>=- sends that format to standard output in place of text', () => {
    const dir = freshDir();
    const run = cli(['check', EKS, '--output', 'sarif=-', '--output', 'markdown=eks.md'], { cwd: dir });
    expect(JSON.parse(run.stdout)).toMatchObject({ version: '2.1.0' });
    expect(existsSync(join(dir, 'eks.md'))).toBe(true);
  });

  it.each([
    [['--output', 'sarfi=x.sarif'], "--output 'sarfi=x.sarif': 'sarfi' is not a format (did you mean 'sarif'?); formats: text, json, sarif, junit, markdown (a file whose name holds '=': ./sarfi=x.sarif)"],
    [['--output', 'sarif='], "--output 'sarif=' names no file (write sarif=<file>, or sarif=- for standard output)"],
    [['-o', 'a.json', '-o', 'json=./a.json'], 'two outputs to ./a.json (text and json)'],
    [['-o', 'sarif=-', '-o', 'json=-'], 'two outputs to standard output (sarif and json): write one of them to a file'],
  ])('refuses %j with exit 2', (args, message) => {
    const run = cli(['check', EKS, ...args], { cwd: freshDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('a file name holding = is written with ./', () => {
    const dir = freshDir();
    expect(cli(['check', EKS, '-o', './json=odd.txt'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'json=odd.txt'), 'utf8')).toMatch(/^Calico for Windows/);
  });

  it('parses output options and plans outputs as documented', () => {
    expect(parseOutputOption('sarif=a=b.sarif')).toEqual({ format: 'sarif', to: 'a=b.sarif' });
    expect(parseOutputOption('C:\\reports\\out.json')).toEqual({ to: 'C:\\reports\\out.json' });
    expect(planOutputs({ format: 'text', outputs: [] })).toEqual([{ format: 'text', to: '-' }]);
    expect(planOutputs({ format: 'json', outputs: [], configured: [{ format: 'sarif', to: 'x.sarif' }] })).toEqual([
      { format: 'json', to: '-' },
      { format: 'sarif', to: 'x.sarif' },
    ]);
    // Outputs on the command line replace the config file's.
    expect(planOutputs({ format: 'text', outputs: ['junit=j.xml'], configured: [{ format: 'sarif', to: 'x.sarif' }] })).toEqual([
      { format: 'text', to: '-' },
      { format: 'junit', to: 'j.xml' },
    ]);
  });
});

describe('files are written atomically', () => {
  it('replaces a file by renaming a complete new one over it, leaving no temporary file', () => {
    const dir = freshDir();
    const target = join(dir, 'report.json');
    writeFileSync(target, 'old report');
    const before = statSync(target).ino;
    writeFileAtomically(target, 'new report\n');
    expect(readFileSync(target, 'utf8')).toBe('new report\n');
    // A new file took the old one's name: a reader sees the old report or the new one, never half of one.
    expect(statSync(target).ino).not.toBe(before);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('creates missing folders', () => {
    const dir = freshDir();
    writeFileAtomically(join(dir, 'a/b/c.sarif'), '{}');
    expect(readFileSync(join(dir, 'a/b/c.sarif'), 'utf8')).toBe('{}');
  });

  it('when the file cannot be written: a CompatError naming it, the old content kept, no temporary file left', () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'report.json'));
    expect(() => writeFileAtomically(join(dir, 'report.json'), 'x')).toThrow(CompatError);
    expect(() => writeFileAtomically(join(dir, 'report.json'), 'x')).toThrow(/Cannot write .*report\.json: it is a directory\./);
    writeFileSync(join(dir, 'file'), 'kept');
    expect(() => writeFileAtomically(join(dir, 'file', 'below.json'), 'x')).toThrow(/Cannot write .*below\.json: a parent of it is not a directory\./);
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('kept');
    expect(readdirSync(dir).sort()).toEqual(['file', 'report.json']);
    expect(readdirSync(join(dir, 'report.json'))).toEqual([]);
  });

  it('on bad input with an unwritable SARIF output: both problems, the input\'s kept as the error, exit 2', () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'taken.sarif'));
    writeFileSync(join(dir, 'bad.yaml'), 'platfrom: eks\n');
    const run = cli(['check', 'bad.yaml', '-o', 'sarif=taken.sarif'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')).toEqual([
      'calico-windows-compat: Cannot write taken.sarif: it is a directory.',
      'calico-windows-compat: Invalid facts in bad.yaml:',
      expect.stringMatching(/^ {2}platfrom: unknown key \(did you mean 'platform'\?\)/),
      '',
    ]);
  });

  it('through the CLI: exit 2 and one line naming the file, and the other outputs still whole', () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'taken.sarif'));
    const run = cli(['check', BROKEN, '-o', 'json=ok.json', '-o', 'sarif=taken.sarif'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('calico-windows-compat: Cannot write taken.sarif: it is a directory.\n');
    expect(JSON.parse(readFileSync(join(dir, 'ok.json'), 'utf8'))).toMatchObject({ verdict: 'incompatible' });
  });
});

/** A facts file whose text report is far larger than a pipe's buffer (64 KiB), so writing it blocks on a slow reader. */
function bigFacts(): string {
  const nodes = Array.from({ length: 600 }, (_, i) => `  - { os: windows, name: win-${i}, osBuild: 10.0.14393.0, tls12Enabled: false }`);
  const file = join(work, 'big.yaml');
  writeFileSync(file, `platform: kubernetes\nnetworking: calico-vxlan\nnodes:\n${nodes.join('\n')}\n`);
  return file;
}

describe('a closed standard output', () => {
  const big = bigFacts();

  it('`check … | head -1` prints one line and exits with the verdict\'s code, without a stack trace', () => {
    expect(cli(['check', big]).stdout.length).toBeGreaterThan(256 * 1024);
    for (const format of ['text', 'json']) {
      const run = spawnSync('bash', ['--noprofile', '--norc', '-c', `"${process.execPath}" "${resolve(CLI)}" check "${big}" -f ${format} | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`], {
        encoding: 'utf8',
        env: { PATH: process.env['PATH'] ?? '' },
      });
      expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(1);
      expect(run.stderr).toBe('exit=1\n');
    }
  });

  /** Runs the CLI with a standard output whose reader is gone before the first write: every write fails with EPIPE. */
  async function withClosedReader(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, [resolve(CLI), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env['PATH'] ?? '' } });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    return { code, stderr };
  }

  it.each([
    [['check', 'examples/eks.yaml'], 0],
    [['check', 'examples/broken-cluster.yaml', '-f', 'sarif'], 1],
    [['rules', '-f', 'json'], 0],
    [['explain', 'strict-affinity'], 0],
  ])('%j with a reader gone before the first write: exit %i and nothing on standard error', async (args, code) => {
    expect(await withClosedReader(args)).toEqual({ code, stderr: '' });
  });

  it('a closed file descriptor (>&-) too, and the files still get written', () => {
    const dir = freshDir();
    const run = spawnSync('bash', ['--noprofile', '--norc', '-c', `"${process.execPath}" "${resolve(CLI)}" check "${BROKEN}" -o json=r.json >&-; echo "exit=$?" >&2`], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('exit=1\n');
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))).toMatchObject({ verdict: 'incompatible' });
  });

});

describe('colour', () => {
  const coloured = (env: Record<string, string>, args: string[] = []): boolean => runCli(['check', BROKEN, ...args], { env }).stdout.includes('\u001b[');

  it('FORCE_COLOR turns colour on whatever NO_COLOR says (1, 2, 3, true, empty), off for any other value', () => {
    for (const value of ['1', '2', '3', 'true', '']) expect(coloured({ FORCE_COLOR: value, NO_COLOR: '1' }), `FORCE_COLOR=${value}`).toBe(true);
    for (const value of ['0', 'false', 'no']) expect(coloured({ FORCE_COLOR: value }), `FORCE_COLOR=${value}`).toBe(false);
    expect(coloured({})).toBe(false);
  });

  it('flags win over FORCE_COLOR; files never get colour', () => {
    expect(coloured({ FORCE_COLOR: '1' }, ['--no-color'])).toBe(false);
    expect(coloured({ FORCE_COLOR: '0' }, ['--color'])).toBe(true);
    const dir = freshDir();
    cli(['check', BROKEN, '--color', '-o', 'text=report.txt'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).not.toContain('\u001b[');
  });
});

describe('short flags and "did you mean"', () => {
  it('-q is --quiet, -f is --format (for facts, rules and releases too)', () => {
    expect(cli(['check', BROKEN, '-q']).stdout).toBe(cli(['check', BROKEN, '--quiet']).stdout);
    expect(cli(['rules', '-f', 'json']).stdout).toBe(cli(['rules', '--format', 'json']).stdout);
    expect(cli(['releases', '-f', 'json']).stdout).toBe(cli(['releases', '--format', 'json']).stdout);
  });

  it.each([
    [['chek', 'facts.yaml'], "unknown command 'chek' (did you mean 'check'?) (commands: check, collect, facts, plan, rules, releases, explain, schema)"],
    [['rule'], "unknown command 'rule' (did you mean 'rules'?)"],
    [['check', 'x.yaml', '--fromat', 'json'], "unknown option '--fromat' (did you mean '--format'?)"],
    [['check', 'x.yaml', '--skip-rules', 'typha-ha'], "unknown option '--skip-rules' (did you mean '--skip-rule'?)"],
    [['check', 'x.yaml', '--wavers=w.yaml'], "unknown option '--wavers' (did you mean '--waivers'?)"],
    [['check', 'x.yaml', '-f', 'sarfi'], "--format must be text, json, sarif, junit, markdown; not 'sarfi' (did you mean 'sarif'?)"],
    [['check', 'x.yaml', '--fail-on', 'warnings'], "--fail-on must be error, warning, unknown; not 'warnings' (did you mean 'warning'?)"],
    [['facts', '--manifests', 'x.yaml', '-f', 'yml'], "--format must be yaml or json, not 'yml' (did you mean 'yaml'?)"],
    [['rules', '-f', 'jsn'], "--format must be text or json, not 'jsn' (did you mean 'json'?)"],
  ])('%j → exit 2: %s', (args, message) => {
    const run = cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain("Run 'calico-windows-compat --help' for usage.");
  });

  it('suggests nothing when nothing is near', () => {
    const run = cli(['frobnicate']);
    expect(run.stderr).toContain("unknown command 'frobnicate' (commands:");
    expect(cli(['check', 'x.yaml', '--zzzzzzzz']).stderr).toContain("unknown option '--zzzzzzzz'\n");
    expect(cli(['check', 'x.yaml', '-x']).stderr).toContain("unknown option '-x'\n");
  });
});
