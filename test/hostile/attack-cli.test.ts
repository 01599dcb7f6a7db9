import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../support/cli.js';

// The attack report's (attack 2026-12) CLI defects, through the built binary as users run it: each
// describe is named after the defect it keeps fixed.

const work = mkdtempSync(join(tmpdir(), 'cwc-attack-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const file = (name: string, content: string): string => {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
};

const COMPATIBLE = resolve('examples/self-managed-vxlan.yaml');
const BROKEN = resolve('examples/broken-cluster.yaml');

/** A shell line run by bash, the CLI as `$CLI`; its standard error ends with `exit=<the CLI's exit code>`. */
function shell(line: string, options: { cwd?: string } = {}): { stdout: string; stderr: string } {
  const run = spawnSync('bash', ['--noprofile', '--norc', '-c', line], {
    cwd: options.cwd ?? work,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', CLI: `"${process.execPath}" "${resolve(CLI)}"` },
    timeout: 60_000,
  });
  return { stdout: run.stdout, stderr: run.stderr };
}

describe('defect 8: a closed pipe or a full disk', () => {
  it.each([
    ['check COMPATIBLE --format sarif', 0],
    ['check BROKEN --format sarif', 1],
    ['releases --format json', 0],
    ['facts --facts COMPATIBLE', 0],
  ])('`%s | head -1`: one line, the exit code of the run (%i), no stack trace', (args, code) => {
    const command = args.replace('COMPATIBLE', `"${COMPATIBLE}"`).replace('BROKEN', `"${BROKEN}"`);
    // A reader that reads one line and closes its end while the CLI is still writing.
    const run = shell(`eval "$CLI ${command.replaceAll('"', '\\"')}" | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`);
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).toBe(`exit=${code}\n`);
  });

  it.each([
    ['check COMPATIBLE'],
    ['check COMPATIBLE --format sarif'],
    ['check BROKEN --format json'],
    ['releases --format json'],
    ['facts --facts COMPATIBLE'],
  ])('`%s > /dev/full`: one line naming the error, exit 70, no stack trace', (args) => {
    const command = args.replace('COMPATIBLE', `"${COMPATIBLE}"`).replace('BROKEN', `"${BROKEN}"`);
    const run = shell(`eval "$CLI ${command.replaceAll('"', '\\"')}" > /dev/full; echo "exit=$?" >&2`);
    expect(run.stderr).toBe('calico-windows-compat: cannot write to standard output: ENOSPC: no space left on device, write\nexit=70\n');
  });
});

/** Facts of `count` Windows nodes, names only, as JSON: about ten findings each. */
const windowsNodes = (count: number): string => JSON.stringify({ nodes: Array.from({ length: count }, (_, i) => ({ os: 'windows', name: `w${i}` })) });

describe('defect 1: large valid input gives a report in every format', () => {
  // 13,000 nodes: about 130,000 findings, more than a call takes arguments (the text report spread them
  // into Math.max, the Markdown report into push); 20,000 for Markdown, which failed from about 16,000.
  it.each([
    ['text', 13_000, /\nVerdict: INCOMPATIBLE — \d+ errors?, .*\n$/],
    ['markdown', 20_000, /<sub>calico-windows-compat .*<\/sub>\n$/],
    ['junit', 20_000, /<\/testsuites>\n$/],
  ])('%s: %i Windows nodes', (format, count, end) => {
    const facts = file(`nodes-${count}.json`, windowsNodes(count));
    const run = runCli(['check', facts, '--format', format], { timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(end);
    expect(run.stdout).toContain(`w${count - 1}`);
  });

  it('manifests of 130,000 documents are refused with the position of the first one too many (the concatenation overflowed the stack)', () => {
    const documents = file('docs.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n'.repeat(130_000));
    const run = runCli(['check', '--manifests', documents], { timeout: 120_000 });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `calico-windows-compat: Cannot parse ${documents} as YAML:\n  document 10001: more than 10000 documents in one text: refused (${documents}:40000:1)\n`,
    );
  });
});

describe('defect 2: the largest inputs are refused up front (--max-nodes), never a heap exhaustion', () => {
  const limitMessage = (count: number, limit: number): string =>
    `calico-windows-compat: The input lists ${count} nodes, more than the limit of ${limit} (--max-nodes): evaluating them could exhaust the memory. ` +
    'Check the nodes in parts, or raise the limit with --max-nodes <n> (and node --max-old-space-size) where the memory is there.\n';

  it('the default limit is 100,000 nodes: 100,001 are refused with exit 2 before they are evaluated, naming the limit and the option', () => {
    const facts = file('too-many.json', windowsNodes(100_001));
    for (const args of [['check', facts], ['facts', '--facts', facts], ['plan', facts]]) {
      const run = runCli(args, { timeout: 60_000 });
      expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }, args.join(' ')).toEqual({ code: 2, stdout: '', stderr: limitMessage(100_001, 100_000) });
    }
    // SARIF on standard output is the log of the failed run.
    const sarif = runCli(['check', facts, '-f', 'sarif'], { timeout: 60_000 });
    expect({ code: sarif.code, stderr: sarif.stderr }).toEqual({ code: 2, stderr: limitMessage(100_001, 100_000) });
    expect(JSON.parse(sarif.stdout)).toMatchObject({ runs: [{ invocations: [{ executionSuccessful: false, exitCode: 2 }], results: [] }] });
  });

  it('--max-nodes <n> sets the limit: n nodes are evaluated, n + 1 refused, whether from facts, manifests or both', () => {
    const facts = file('fifty.json', windowsNodes(50));
    const nodes = file(
      'nodes.yaml',
      Array.from({ length: 50 }, (_, i) => `apiVersion: v1\nkind: Node\nmetadata: {name: m${i}}\nstatus: {nodeInfo: {operatingSystem: windows}}\n`).join('---\n'),
    );
    expect(runCli(['check', facts, '--max-nodes', '50']).code).toBe(1);
    expect(runCli(['check', facts, '--max-nodes=49'])).toMatchObject({ code: 2, stdout: '', stderr: limitMessage(50, 49) });
    expect(runCli(['check', '--manifests', nodes, '--max-nodes', '49'])).toMatchObject({ code: 2, stderr: limitMessage(50, 49) });
    // Merged: 100 nodes in all.
    expect(runCli(['check', '--manifests', nodes, '--facts', facts, '--max-nodes', '100']).code).toBe(1);
    expect(runCli(['facts', '--manifests', nodes, '--facts', facts, '--max-nodes', '99'])).toMatchObject({ code: 2, stderr: limitMessage(100, 99) });
    expect(runCli(['plan', '--max-nodes', '49', facts])).toMatchObject({ code: 2, stderr: limitMessage(50, 49) });
  });

  it('YAML of more than a million collection items is refused as it is read, with the position of the first too many (8 MB of `- 1` lines took 1.8 GB)', () => {
    const items = file('items.yaml', '- 1\n'.repeat(1_000_001));
    const run = runCli(['facts', '--manifests', items], { timeout: 120_000 });
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: `calico-windows-compat: Cannot parse ${items} as YAML:\n  document 1: more than 1000000 collection entries and items in one text: refused (${items}:1000001:1)\n`,
    });
  });

  it('YAML of more than 8,000,000 tokens is refused as it is read (32 MB of `#` lines took 3.8 GB)', () => {
    const comments = file('comments.yaml', '#\n'.repeat(4_000_001));
    const run = runCli(['facts', '--manifests', comments], { timeout: 120_000 });
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: `calico-windows-compat: Cannot parse ${comments} as YAML:\n  document 1: more than 8000000 tokens (scalars, indicators, comments, line breaks) in one text: refused (${comments}:4000001:1)\n`,
    });
  });

  it('a SARIF output still gets a log saying why the run failed', () => {
    const facts = file('fifty-2.json', windowsNodes(50));
    const sarif = join(work, 'limit.sarif');
    expect(runCli(['check', facts, '--max-nodes', '10', '-o', `sarif=${sarif}`]).code).toBe(2);
    expect(readFileSync(sarif, 'utf8')).toContain('more than the limit of 10 (--max-nodes)');
  });

  it.each([
    [['check', BROKEN, '--max-nodes', '0'], "--max-nodes must be a whole number from 1 to 999999999, not '0'"],
    [['check', BROKEN, '--max-nodes', '1e3'], "--max-nodes must be a whole number from 1 to 999999999, not '1e3'"],
    [['check', BROKEN, '--max-nodes'], "option '--max-nodes <n>' argument missing"],
    [['check', BROKEN, '--max-nodes', '5', '--max-nodes=6'], "--max-nodes given twice ('5' and '6'): give it once"],
    [['rules', '--max-nodes', '5'], '--max-nodes is an option of check, facts, collect and plan, not of rules'],
  ])('%j is a usage error', (args, message) => {
    expect(runCli(args)).toMatchObject({ code: 2, stdout: '', stderr: `calico-windows-compat: ${message}\nRun 'calico-windows-compat --help' for usage.\n` });
  });
});

interface SarifLog {
  runs: Array<{ results: Array<{ ruleId: string; locations?: Array<{ physicalLocation: { region: { startLine: number; startColumn?: number } } }> }> }>;
}
const regions = (sarif: string): string[] =>
  (JSON.parse(sarif) as SarifLog).runs[0]?.results.map((r) => `${r.ruleId} ${JSON.stringify(r.locations?.[0]?.physicalLocation.region)}`) ?? [];

describe('defect 4: SARIF reads the facts file once', () => {
  const expected = regions(runCli(['check', BROKEN, '-f', 'sarif']).stdout);

  it('a named pipe: the run completes, its results located as in the file (the second open waited forever)', () => {
    expect(expected.some((r) => !r.endsWith('{"startLine":1}'))).toBe(true);
    for (const [name, args, out] of [
      ['stdout.fifo', '-f sarif', 'stdout.sarif'],
      ['output.fifo', '-o sarif=output.sarif -o text=report.txt', ''],
    ] as const) {
      const run = shell(
        `mkfifo ${name} && { cat "${BROKEN}" > ${name} & } && timeout 30 bash -c "$CLI check ${name} ${args}" ${out ? `> ${out}` : ''}; echo "exit=$?" >&2`,
      );
      expect(run.stderr).toBe('exit=1\n');
      const sarif = readFileSync(join(work, out || 'output.sarif'), 'utf8');
      expect(regions(sarif)).toEqual(expected);
    }
  });

  it('facts from standard input (check -) are located too', () => {
    expect(regions(runCli(['check', '-', '-f', 'sarif'], { input: readFileSync(BROKEN) }).stdout).length).toBe(expected.length);
  });

  it('JSON facts are located below the 4 MiB cap and not above it (a YAML parse of a long JSON text takes seconds per MiB)', () => {
    const facts = { ...(JSON.parse(runCli(['facts', '--facts', BROKEN, '-f', 'json']).stdout) as { facts: object }).facts };
    const small = file('broken.json', JSON.stringify(facts, null, 2));
    const located = regions(runCli(['check', small, '-f', 'sarif']).stdout);
    expect(located.some((r) => !r.endsWith('{"startLine":1}'))).toBe(true);
    const large = file('broken-large.json', `${JSON.stringify(facts, null, 2)}${' '.repeat(4 * 1024 * 1024)}`);
    const run = runCli(['check', large, '-f', 'sarif']);
    expect(run.code).toBe(1);
    expect(regions(run.stdout)).toEqual(located.map((r) => r.replace(/\{.*\}$/, '{"startLine":1}')));
  });
});

describe('defect 16: --release auto with a calico.version no profile documents', () => {
  it.each([
    ['3.99.0', 0, 'is newer than every release profile, so the newest, Calico v3.32, was used'],
    ['3.15.9', 0, 'is older than every release profile, so the oldest, Calico v3.16, was used'],
    ['2.6.0', 1, 'is older than every release profile, so the oldest, Calico v3.16, was used'],
  ])('calico.version %s: a warning naming calico.version, the profile nearest it, exit %i (not a usage error blaming the option)', (version, code, warning) => {
    const facts = file(`calico-${version}.yaml`, `calico: {version: ${version}}\n`);
    const run = runCli(['check', facts, '--release', 'auto', '--rule', 'linux-calico-version']);
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(`release auto: Calico ${version} (calico.version) ${warning}`);
    expect(run.stderr).not.toContain('is not a documented release');
    expect(run.stdout).toMatch(code === 0 ? /✓ linux-calico-version/ : /✗ linux-calico-version {2}Calico 2\.6\.0 is older than 3\.12\.0\./);
  });
});

describe('defect 22: no CLI input is accepted silently', () => {
  const usageError = (message: string): { code: number; stdout: string; stderr: string } => ({
    code: 2,
    stdout: '',
    stderr: `calico-windows-compat: ${message}\nRun 'calico-windows-compat --help' for usage.\n`,
  });

  it.each([
    [['check', BROKEN, '--format', 'json', '--format', 'sarif'], "--format given twice ('json' and 'sarif'): give it once"],
    [['check', BROKEN, '-f', 'json', '--format', 'text'], "--format given twice ('json' and 'text'): give it once"],
    [['check', BROKEN, '--release', '3.23', '--release', '3.30'], "--release given twice ('3.23' and '3.30'): give it once"],
    [['check', BROKEN, '--fail-on', 'error', '--fail-on', 'unknown'], "--fail-on given twice ('error' and 'unknown'): give it once"],
    [['check', '--facts', BROKEN, '--facts', COMPATIBLE], `--facts given twice ('${BROKEN}' and '${COMPATIBLE}'): give it once`],
    [['facts', '--facts', BROKEN, '-f', 'yaml', '-f', 'json'], "--format given twice ('yaml' and 'json'): give it once"],
    [['rules', '--release', '3.23', '--release', '3.30'], "--release given twice ('3.23' and '3.30'): give it once"],
    [['plan', BROKEN, '--format', 'json', '--format', 'markdown'], "--format given twice ('json' and 'markdown'): give it once"],
    [['schema', 'extra'], "schema must be facts, report, config; not 'extra'"],
    [['schema', '--format', 'json'], "unknown option '--format'"],
  ])('%j is a usage error naming what is wrong', (args, message) => {
    const run = runCli(args);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual(usageError(message));
  });

  it('repeatable options stay repeatable', () => {
    expect(runCli(['check', BROKEN, '--rule', 'strict-affinity', '--rule', 'ipip-disabled', '-f', 'json']).code).toBe(1);
    expect(runCli(['check', BROKEN, '-o', `json=${join(work, 'a.json')}`, '-o', `junit=${join(work, 'a.xml')}`]).code).toBe(1);
  });

  it.each([
    [['--debug', 'check', BROKEN], 1],
    [['check', BROKEN, '--debug'], 1],
    [['--debug', BROKEN], 1],
    [['facts', '--debug', '--facts', BROKEN], 0],
    [['plan', BROKEN, '--debug'], 1],
    [['rules', '--debug'], 0],
    [['releases', '--debug'], 0],
    [['explain', '--debug', 'strict-affinity'], 0],
    [['schema', 'report', '--debug'], 0],
  ])('--debug is taken by every command, wherever it stands: %j', (args, code) => {
    const run = runCli(args);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code, stderr: '' });
    expect(run.stdout).toBe(runCli(args.filter((a) => a !== '--debug')).stdout);
  });

  it('--manifests - with standard input closed, a directory or empty is refused, naming it', () => {
    const empty = "calico-windows-compat: Standard input (--manifests -) is empty: nothing was piped in (did the command before the '|' fail?); or name a file.\n";
    expect(shell(`eval "$CLI check --manifests -" <&-; echo "exit=$?" >&2`)).toEqual({ stdout: '', stderr: `${empty}exit=2\n` });
    expect(shell(`eval "$CLI check --manifests -" < "${work}"; echo "exit=$?" >&2`)).toEqual({
      stdout: '',
      stderr: 'calico-windows-compat: Cannot read standard input (--manifests -): it is a directory.\nexit=2\n',
    });
    expect(runCli(['facts', '--manifests', '-'], { input: '' })).toEqual({ code: 2, stdout: '', stderr: empty });
  });

  it('check - reads the facts from standard input, once', () => {
    const fromFile = runCli(['check', BROKEN, '-f', 'json']);
    const fromStdin = runCli(['check', '-', '-f', 'json'], { input: readFileSync(BROKEN) });
    expect(fromStdin.code).toBe(1);
    const report = JSON.parse(fromStdin.stdout) as { inputs: unknown; findings: unknown };
    expect(report.findings).toEqual((JSON.parse(fromFile.stdout) as { findings: unknown }).findings);
    expect(report.inputs).toEqual([{ kind: 'facts', name: '(stdin)' }]);
    expect(runCli(['check', '-'], { input: readFileSync(BROKEN) }).stdout).toContain('\nfacts: (stdin)\n');
    expect(runCli(['check', '--facts', '-', '--manifests', '-'], { input: 'platform: eks\n' })).toEqual(usageError("standard input ('-') can be read once"));
    expect(runCli(['check', '-'], { input: '' })).toMatchObject({ code: 2, stderr: expect.stringContaining('Standard input (--facts -) is empty') });
  });
});

describe('defect 5 (stderr): notes show input values, never their escape sequences', () => {
  it('a kernelVersion holding CSI sequences and a newline is shown escaped, on one line', () => {
    const manifest = file(
      'escape.yaml',
      'apiVersion: v1\nkind: Node\nmetadata: {name: w}\nstatus: {nodeInfo: {operatingSystem: windows, kernelVersion: "\\e[2J\\e[Hbad\\nVerdict: COMPATIBLE"}}\n',
    );
    const run = runCli(['check', '--manifests', manifest]);
    expect(run.stderr).toContain("note: status.nodeInfo.kernelVersion '\\u001b[2J\\u001b[Hbad\\nVerdict: COMPATIBLE' is not a Windows build.");
    expect(run.stderr).not.toMatch(/[\u001b\r]/);
    expect(run.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('calico-windows-compat: '))).toEqual([]);
  });

  it('usage errors and input errors quoting a value show its escape sequences escaped', () => {
    expect(runCli(['check', BROKEN, '--format', '\u001b[2Jjson']).stderr).toBe(
      "calico-windows-compat: --format must be text, json, sarif, junit, markdown; not '\\u001b[2Jjson'\nRun 'calico-windows-compat --help' for usage.\n",
    );
    expect(runCli(['check', 'missing-\u001b]0;pwned\u0007.yaml'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'calico-windows-compat: Cannot read missing-\\u001b]0;pwned\\u0007.yaml: no such file.\n',
    });
  });
});
