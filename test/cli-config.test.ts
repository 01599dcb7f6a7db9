import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/model/report.js';
import { CLI } from './support/cli.js';

// The config file, as a repository keeps it: found from the working directory upward, its values in the
// report, flags over it, its problems named with their line and the nearest right value.

const work = mkdtempSync(join(tmpdir(), 'cwc-config-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;

/** A repository: a config file at its root (under `name`), the broken example in clusters/prod/. */
function repository(name: string, config: string): string {
  const root = join(work, `repo-${++count}`);
  mkdirSync(join(root, 'clusters', 'prod'), { recursive: true });
  copyFileSync('examples/broken-cluster.yaml', join(root, 'clusters', 'prod', 'facts.yaml'));
  if (name !== '') writeFileSync(join(root, name), config);
  return root;
}

function cli(args: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [resolve(CLI), ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const report = (stdout: string): Report => JSON.parse(stdout) as Report;

const CONFIG = `# yaml-language-server: $schema=../node_modules/calico-windows-compat/config.schema.json
release: '3.23'
skipRules: [windows-tls12]
waivers:
  - rule: ipip-disabled
    reason: migrating to VXLAN this sprint
    owner: platform-team
failOn: warning
outputs:
  sarif: reports/calico.sarif
  markdown: reports/summary.md
sarifRoot: .
`;

describe('a config file in a parent folder', () => {
  it('is found from the working directory upward, and its values appear in the report', () => {
    const root = repository('.calico-windows-compat.yaml', CONFIG);
    const cwd = join(root, 'clusters', 'prod');
    const run = cli(['check', 'facts.yaml', '-f', 'json'], cwd);
    expect(run.code).toBe(1);
    const r = report(run.stdout);
    expect(r.inputs).toEqual([
      { kind: 'facts', name: 'facts.yaml' },
      { kind: 'config', name: '../../.calico-windows-compat.yaml' },
    ]);
    expect(r.profile.requested).toBe('3.23');
    expect(r.findings.some((f) => f.ruleId === 'windows-tls12')).toBe(false);
    expect(r.findings.find((f) => f.ruleId === 'ipip-disabled')?.waived).toEqual({ reason: 'migrating to VXLAN this sprint', owner: 'platform-team' });
    expect(r.waivers?.map((w) => w.status)).toEqual(['applied']);
    // Its outputs, relative to the config file's folder; SARIF relative to its sarifRoot.
    const sarif = readFileSync(join(root, 'reports/calico.sarif'), 'utf8');
    expect(sarif).toContain('"uri": "clusters/prod/facts.yaml"');
    expect(readFileSync(join(root, 'reports/summary.md'), 'utf8')).toContain('config `../../.calico-windows-compat.yaml`');
  });

  it('failOn applies: a failing warning fails the run', () => {
    const facts = readFileSync('examples/broken-cluster.yaml', 'utf8');
    const root = repository('.calico-windows-compat.yaml', 'failOn: warning\n');
    // Only kubernetes-version (a warning) is evaluated: it fails on this cluster.
    expect(facts).toContain('kubernetes');
    expect(cli(['check', 'clusters/prod/facts.yaml', '--rule', 'kubernetes-version'], root).code).toBe(1);
    expect(cli(['check', 'clusters/prod/facts.yaml', '--rule', 'kubernetes-version', '--fail-on', 'error'], root).code).toBe(0);
    expect(cli(['check', 'clusters/prod/facts.yaml', '--rule', 'kubernetes-version', '--no-config'], root).code).toBe(0);
  });

  it.each([
    ['.calico-windows-compat.json', JSON.stringify({ skipRules: ['windows-tls12'] })],
    ['.calico-windows-compat.yml', 'skipRules: [windows-tls12]\n'],
    ['package.json', JSON.stringify({ name: 'infra', private: true, calicoWindowsCompat: { skipRules: ['windows-tls12'] } }, null, 2)],
  ])('%s works as well', (name, text) => {
    const root = repository(name, text);
    const r = report(cli(['check', 'facts.yaml', '-f', 'json'], join(root, 'clusters', 'prod')).stdout);
    expect(r.findings.some((f) => f.ruleId === 'windows-tls12')).toBe(false);
    expect(r.inputs.at(-1)).toEqual({ kind: 'config', name: `../../${name}` });
  });

  it('a package.json without the key is passed over, and the search goes on upward', () => {
    const root = repository('.calico-windows-compat.yaml', 'skipRules: [windows-tls12]\n');
    writeFileSync(join(root, 'clusters', 'package.json'), '{ "name": "clusters" }');
    const r = report(cli(['check', 'facts.yaml', '-f', 'json'], join(root, 'clusters', 'prod')).stdout);
    expect(r.inputs.at(-1)).toEqual({ kind: 'config', name: '../../.calico-windows-compat.yaml' });
  });

  it('the nearest one wins', () => {
    const root = repository('.calico-windows-compat.yaml', 'skipRules: [windows-tls12]\n');
    writeFileSync(join(root, 'clusters', '.calico-windows-compat.yaml'), 'skipRules: [typha-ha]\n');
    const r = report(cli(['check', 'facts.yaml', '-f', 'json'], join(root, 'clusters', 'prod')).stdout);
    expect(r.inputs.at(-1)).toEqual({ kind: 'config', name: '../.calico-windows-compat.yaml' });
    expect(r.findings.some((f) => f.ruleId === 'windows-tls12')).toBe(true);
  });
});

describe('flags and the config file', () => {
  const root = repository('.calico-windows-compat.yaml', CONFIG);

  it('flags override it: --skip-rule, --waivers, --release, --output', () => {
    writeFileSync(join(root, 'other-waivers.yaml'), '- { rule: strict-affinity, reason: accepted }\n');
    const run = cli(
      ['check', 'clusters/prod/facts.yaml', '--skip-rule', 'typha-ha', '--waivers', 'other-waivers.yaml', '--release', '3.24', '-o', 'json=flags.json'],
      root,
    );
    const r = report(readFileSync(join(root, 'flags.json'), 'utf8'));
    // --output replaced the config's outputs: standard output is text again, no SARIF written.
    expect(run.stdout).toMatch(/^Verdict: INCOMPATIBLE/m);
    expect(() => readFileSync(join(root, 'reports/calico.sarif'))).toThrow(/ENOENT/);
    expect(r.findings.some((f) => f.ruleId === 'windows-tls12')).toBe(true);
    expect(r.findings.some((f) => f.ruleId === 'typha-ha')).toBe(false);
    expect(r.waivers?.map((w) => w.waiver.rule)).toEqual(['strict-affinity']);
    expect(r.profile.requested).toBe('3.24');
    expect(r.inputs.map((i) => i.kind)).toEqual(['facts', 'waivers', 'config']);
  });

  it('--config names the file; --no-config ignores every one; both at once is a usage error', () => {
    writeFileSync(join(root, 'ci.yaml'), 'skipRules: [typha-ha]\n');
    const named = report(cli(['check', 'clusters/prod/facts.yaml', '-f', 'json', '--config', 'ci.yaml'], root).stdout);
    expect(named.inputs.at(-1)).toEqual({ kind: 'config', name: 'ci.yaml' });
    expect(named.findings.some((f) => f.ruleId === 'typha-ha')).toBe(false);
    const none = report(cli(['check', 'clusters/prod/facts.yaml', '-f', 'json', '--no-config'], root).stdout);
    expect(none.inputs).toEqual([{ kind: 'facts', name: 'clusters/prod/facts.yaml' }]);
    expect(none.findings.some((f) => f.ruleId === 'windows-tls12')).toBe(true);
    const both = cli(['check', 'clusters/prod/facts.yaml', '--config', 'ci.yaml', '--no-config'], root);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--config and --no-config: give one');
    expect(cli(['check', 'clusters/prod/facts.yaml', '--config', 'nope.yaml'], root).stderr).toContain('Cannot read nope.yaml: no such file.');
  });

  it('a waivers file named in it is read relative to it', () => {
    const dir = repository('.calico-windows-compat.yaml', 'waivers: policy/waivers.yaml\n');
    mkdirSync(join(dir, 'policy'));
    writeFileSync(join(dir, 'policy', 'waivers.yaml'), '- { rule: ipip-disabled, reason: accepted }\n');
    const r = report(cli(['check', 'facts.yaml', '-f', 'json'], join(dir, 'clusters', 'prod')).stdout);
    expect(r.inputs).toContainEqual({ kind: 'waivers', name: '../../policy/waivers.yaml' });
    expect(r.waivers?.[0]?.status).toBe('applied');
  });
});

describe('a config file with mistakes', () => {
  it('is an error (exit 2) naming every problem with its path, line and the nearest right value', () => {
    const root = repository(
      '.calico-windows-compat.yaml',
      ['release: "3.2x"', 'skipRules: [windows-tsl12]', 'failon: warning', 'outputs:', '  sarfi: x.sarif', 'waivers:', '  - rule: ipip-disabled', ''].join('\n'),
    );
    const run = cli(['check', 'facts.yaml'], join(root, 'clusters', 'prod'));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toEqual([
      'calico-windows-compat: Invalid config file ../../.calico-windows-compat.yaml:',
      expect.stringMatching(/^ {2}release: '3\.2x' is not a documented release; known releases: 3\.16, .* \(\.\.\/\.\.\/\.calico-windows-compat\.yaml:1:10\)$/),
      "  skipRules[0]: 'windows-tsl12' is not a rule id (did you mean 'windows-tls12'?); 'calico-windows-compat rules' lists them (../../.calico-windows-compat.yaml:2:13)",
      "  failon: unknown key (did you mean 'failOn'?); known keys here: $schema, release, waivers, skipRules, failOn, outputs, sarifRoot (../../.calico-windows-compat.yaml:3:9)",
      "  outputs.sarfi: unknown key (did you mean 'sarif'?); known keys here: text, json, sarif, junit, markdown (../../.calico-windows-compat.yaml:5:10)",
      '  waivers[0].reason: is required (a string) (../../.calico-windows-compat.yaml:7:5)',
      '',
    ]);
  });

  it('in package.json, paths start at its key', () => {
    const root = repository('package.json', JSON.stringify({ name: 'infra', calicoWindowsCompat: { failOn: 'warnings' } }, null, 2));
    const run = cli(['check', 'clusters/prod/facts.yaml'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('calicoWindowsCompat.failOn: expected one of "error", "warning", "unknown", got "warnings" (did you mean \'warning\'?) (package.json:4:15)');
  });

  it.each([
    ['YAML that does not parse', 'release: [3.23\n', /Cannot parse \.calico-windows-compat\.yaml as YAML/],
    ['a list', '- release: 3.23\n', /\(root\): expected an object, got an array/],
    ['two documents', 'release: "3.23"\n---\nrelease: "3.24"\n', /document 2: a config file holds one document/],
  ])('refuses %s', (_, text, message) => {
    const root = repository('.calico-windows-compat.yaml', text);
    const run = cli(['check', 'clusters/prod/facts.yaml'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('two config files in one folder: keep one', () => {
    const root = repository('.calico-windows-compat.yaml', 'failOn: error\n');
    writeFileSync(join(root, '.calico-windows-compat.json'), '{}');
    const run = cli(['check', 'clusters/prod/facts.yaml'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.calico-windows-compat.yaml and .calico-windows-compat.json; keep one.');
  });

  it('an empty config file is no settings', () => {
    const root = repository('.calico-windows-compat.yaml', '# nothing yet\n');
    expect(cli(['check', 'clusters/prod/facts.yaml'], root).code).toBe(1);
  });

  it('writes its problems into the SARIF output the command line names (exit 2)', () => {
    const root = repository('.calico-windows-compat.yaml', 'failon: warning\n');
    const run = cli(['check', 'clusters/prod/facts.yaml', '-o', 'sarif=out.sarif'], root);
    expect(run.code).toBe(2);
    const log = JSON.parse(readFileSync(join(root, 'out.sarif'), 'utf8')) as { runs: Array<{ invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ message: { text: string } }> }> }> };
    expect(log.runs[0]?.invocations[0]?.executionSuccessful).toBe(false);
    expect(log.runs[0]?.invocations[0]?.toolExecutionNotifications[0]?.message.text).toContain("failon: unknown key (did you mean 'failOn'?)");
  });
});
