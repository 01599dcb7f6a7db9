import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { directoryUri } from '../src/formatters/artifact-uri.js';
import { CLI } from './support/cli.js';
import pkg from '../package.json' with { type: 'json' };

// The CLI's SARIF as code scanning gets it, checked by Microsoft's SARIF Multitool with the SARIF
// specification's rules and GitHub's ("Gh;Sarif"), and by the OASIS schema: with a facts file outside the
// working directory (absolute path), inside it, and on bad input (exit 2).

/** The Multitool's native binary for this platform (the package resolves to its path). */
const MULTITOOL = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
const CONFIG = resolve('test/fixtures/sarif/multitool.config.xml');

const schema = JSON.parse(readFileSync('test/fixtures/sarif/sarif-schema-2.1.0.json', 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSchema = ajv.compile(schema);

const work = mkdtempSync(join(tmpdir(), 'cwc-sarif-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Finding {
  readonly rule: string;
  readonly level: string;
  readonly message: string;
}

/** What the Multitool says of a SARIF file: its results (errors, warnings, notes), from its own SARIF log. */
function multitool(file: string): Finding[] {
  const out = join(mkdtempSync(join(work, 'validation-')), 'validation.sarif');
  const run = spawnSync(MULTITOOL, ['validate', '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning;Note', '-c', CONFIG, '-o', out, file], { encoding: 'utf8' });
  expect(run.error, 'the SARIF Multitool runs').toBeUndefined();
  expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; level?: string; message: { text?: string; arguments?: string[] } }> }> };
  return (log.runs[0]?.results ?? []).map((r) => ({ rule: r.ruleId, level: r.level ?? 'warning', message: r.message.text ?? (r.message.arguments ?? []).join(' | ') }));
}

const problems = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.level === 'error' || f.level === 'warning');

function cli(args: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [resolve(CLI), ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function sarifOf(file: string): { runs: Array<Record<string, unknown> & { results: Array<Record<string, unknown>>; invocations: Array<Record<string, unknown>> }> } {
  const log = JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof sarifOf>;
  expect(validateSchema(log) ? [] : validateSchema.errors).toEqual([]);
  return log;
}

function uris(log: ReturnType<typeof sarifOf>): string[] {
  return log.runs[0]!.results.map((r) => JSON.stringify((r['locations'] as Array<{ physicalLocation: { artifactLocation: unknown } }>)[0]?.physicalLocation.artifactLocation));
}

// A facts file in a folder whose name needs encoding, outside the working directory.
const outside = join(work, 'cluster #1 (prod)');
mkdirSync(outside);
const brokenFacts = join(outside, 'broken-cluster.yaml');
copyFileSync('examples/broken-cluster.yaml', brokenFacts);
const repo = join(work, 'repo');
mkdirSync(join(repo, 'clusters'), { recursive: true });
copyFileSync('examples/broken-cluster.yaml', join(repo, 'clusters', 'prod.yaml'));

describe('the Multitool', () => {
  it('is the real validator: it reports the errors of the SARIF this tool used to write', () => {
    const old = join(work, 'old.sarif');
    // The old form: an absolute path with no scheme, and no invocation.
    const log = JSON.parse(cli(['check', brokenFacts, '-f', 'sarif'], repo).stdout) as { runs: Array<Record<string, unknown> & { results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: Record<string, unknown> } }> }> }> };
    for (const result of log.runs[0]!.results) result.locations[0]!.physicalLocation.artifactLocation = { uri: brokenFacts, uriBaseId: '%SRCROOT%' };
    writeFileSync(old, JSON.stringify(log));
    expect(problems(multitool(old)).map((f) => f.rule)).toContain('SARIF1004');
  });
});

describe('check writes SARIF that strict consumers take', () => {
  it('one run writes SARIF, Markdown and JUnit; with an absolute facts path outside the working directory the SARIF passes the Multitool (Gh;Sarif) and the OASIS schema', () => {
    const args = ['check', brokenFacts, '-q', '--output', 'sarif=out/calico.sarif', '--output', 'markdown=out/summary.md', '--output', 'junit=out/junit.xml'];
    const run = cli(args, repo);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Verdict: INCOMPATIBLE/m);
    // Each file is the report the same run prints in that format.
    expect(readFileSync(join(repo, 'out/summary.md'), 'utf8')).toBe(cli(['check', brokenFacts, '-f', 'markdown'], repo).stdout);
    expect(readFileSync(join(repo, 'out/junit.xml'), 'utf8')).toBe(cli(['check', brokenFacts, '-f', 'junit'], repo).stdout);

    const file = join(repo, 'out/calico.sarif');
    expect(problems(multitool(file))).toEqual([]);
    const log = sarifOf(file);
    const run0 = log.runs[0]!;
    expect(run0['originalUriBaseIds']).toMatchObject({ '%SRCROOT%': { uri: directoryUri(repo) } });
    expect(new Set(uris(log))).toEqual(new Set([JSON.stringify({ uri: `${directoryUri(outside)}broken-cluster.yaml` })]));
    expect(uris(log)[0]).toContain('cluster%20%231%20%28prod%29');
    expect(run0.invocations).toEqual([{ executionSuccessful: true, arguments: args, exitCode: 1, workingDirectory: { uri: directoryUri(repo) } }]);
    expect((run0['tool'] as { driver: { version: string } }).driver.version).toBe(pkg.version);
  });

  it('locates a facts file inside the root relative to %SRCROOT%, however it was named', () => {
    for (const facts of [join(repo, 'clusters', 'prod.yaml'), 'clusters/prod.yaml', './clusters/../clusters/prod.yaml']) {
      const run = cli(['check', facts, '-o', 'sarif=out/inside.sarif'], repo);
      expect(run.code).toBe(1);
      const log = sarifOf(join(repo, 'out/inside.sarif'));
      expect(new Set(uris(log))).toEqual(new Set([JSON.stringify({ uri: 'clusters/prod.yaml', uriBaseId: '%SRCROOT%' })]));
    }
    expect(problems(multitool(join(repo, 'out/inside.sarif')))).toEqual([]);
  });

  it('--sarif-root sets the root: run from a subfolder, locations stay relative to the repository', () => {
    const run = cli(['check', 'prod.yaml', '--sarif-root', '..', '-o', 'sarif=../out/sub.sarif'], join(repo, 'clusters'));
    expect(run.code).toBe(1);
    const log = sarifOf(join(repo, 'out/sub.sarif'));
    expect(log.runs[0]!['originalUriBaseIds']).toMatchObject({ '%SRCROOT%': { uri: directoryUri(repo) } });
    expect(new Set(uris(log))).toEqual(new Set([JSON.stringify({ uri: 'clusters/prod.yaml', uriBaseId: '%SRCROOT%' })]));
  });

  it('on invalid facts (exit 2) still writes SARIF: executionSuccessful false, each problem a notification at its line; it passes the Multitool', () => {
    const bad = join(outside, 'bad facts.yaml');
    writeFileSync(bad, 'platform: eks\nnodes:\n  - os: windows\n    name: win-1\n    osBuild: banana\n');
    const run = cli(['check', bad, '-o', 'sarif=out/bad.sarif', '-o', 'markdown=out/bad.md'], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nodes\[0\]\.osBuild: is not a Windows build/);
    const file = join(repo, 'out/bad.sarif');
    expect(problems(multitool(file))).toEqual([]);
    const invocation = sarifOf(file).runs[0]!.invocations[0]!;
    expect(invocation).toMatchObject({ executionSuccessful: false, exitCode: 2 });
    expect(invocation['toolExecutionNotifications']).toEqual([
      expect.objectContaining({
        level: 'error',
        message: { text: expect.stringMatching(/nodes\[0\]\.osBuild: is not a Windows build/) },
        locations: [{ physicalLocation: { artifactLocation: { uri: `${directoryUri(outside)}bad%20facts.yaml` }, region: { startLine: 5, startColumn: 14 } } }],
      }),
    ]);
  });

  it('on a missing file or a bad option after the outputs are known (exit 2), the SARIF says so; on standard output too', () => {
    const missing = cli(['check', 'no-such.yaml', '-f', 'sarif'], repo);
    expect(missing.code).toBe(2);
    const log = JSON.parse(missing.stdout) as { runs: Array<{ invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ message: { text: string } }> }> }> };
    expect(validateSchema(log)).toBe(true);
    expect(log.runs[0]?.invocations[0]?.executionSuccessful).toBe(false);
    expect(log.runs[0]?.invocations[0]?.toolExecutionNotifications[0]?.message.text).toBe('Cannot read no-such.yaml: no such file.');

    const badRule = cli(['check', 'clusters/prod.yaml', '--rule', 'windows-tsl12', '-o', 'sarif=out/rule.sarif'], repo);
    expect(badRule.code).toBe(2);
    expect(JSON.stringify(sarifOf(join(repo, 'out/rule.sarif')).runs[0]!.invocations[0])).toContain('windows-tsl12');
    expect(problems(multitool(join(repo, 'out/rule.sarif')))).toEqual([]);
  });

  it('never names standard input as a file', () => {
    const nodes = readFileSync('test/fixtures/manifests/self-managed-vxlan/nodes.yaml', 'utf8');
    const run = spawnSync(process.execPath, [resolve(CLI), 'check', '--manifests', '-', '-f', 'sarif'], { cwd: repo, input: nodes, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
    expect(run.status).toBe(3);
    const log = JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ locations?: unknown[] }>; properties: { inputs: unknown[] } }> };
    expect(validateSchema(log)).toBe(true);
    expect(log.runs[0]?.results.length).toBeGreaterThan(0);
    expect(log.runs[0]?.results.filter((r) => r.locations !== undefined)).toEqual([]);
    expect(log.runs[0]?.properties.inputs).toEqual([{ kind: 'manifests', name: '(stdin)' }]);
  });
});
