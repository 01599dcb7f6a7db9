import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../src/model/report.js';
import pkg from '../package.json' with { type: 'json' };
import { runCli } from './support/cli.js';

// The built binary, run as users run it (the global setup builds it).
const cli = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) => runCli(args, options);

function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cwc-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('calico-windows-compat CLI', () => {
  it('prints its version and help', () => {
    expect(cli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage:[\s\S]*check[\s\S]*Exit codes/);
  });

  it('without arguments prints usage and exits 2', () => {
    const run = cli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Usage:');
  });

  it('exits 1 for an incompatible cluster and prints failures first, with remediation, the verdict last', () => {
    const run = cli(['check', 'examples/broken-cluster.yaml']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const out = run.stdout;
    expect(out.indexOf('Failed')).toBeGreaterThan(-1);
    expect(out.indexOf('Failed')).toBeLessThan(out.indexOf('Passed') === -1 ? Infinity : out.indexOf('Passed'));
    expect(out).toContain('→ calicoctl patch ippool default-ipv4-ippool');
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/^Verdict: INCOMPATIBLE/);
    expect(out).not.toContain('\u001b['); // not a TTY: no colour
  });

  it('accepts the facts file as --facts or as a positional, with or without the check command', () => {
    const a = cli(['check', '--facts', 'examples/broken-cluster.yaml', '--format', 'json']);
    const b = cli(['examples/broken-cluster.yaml', '--format', 'json']);
    expect(a.code).toBe(1);
    expect(b).toEqual(a);
  });

  it('--format json prints the report, valid against the report schema', () => {
    const run = cli(['check', 'examples/broken-cluster.yaml', '--format', 'json']);
    const report: unknown = JSON.parse(run.stdout);
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect((report as { verdict: string }).verdict).toBe('incompatible');
  });

  it('--quiet prints only failures and the verdict', () => {
    const run = cli(['check', 'examples/broken-cluster.yaml', '--quiet']);
    expect(run.stdout).toContain('Failed');
    expect(run.stdout).not.toMatch(/^(Passed|Unknown|Not applicable)/m);
  });

  it('--color forces colour; NO_COLOR and --no-color keep it off', () => {
    expect(cli(['check', 'examples/broken-cluster.yaml', '--color']).stdout).toContain('\u001b[31m');
    expect(cli(['check', 'examples/broken-cluster.yaml', '--color', '--no-color']).stdout).not.toContain('\u001b[');
  });

  it('exits 3 when facts are missing, naming them', () => {
    const run = cli(['check', tempFile('facts.yaml', 'platform: kubernetes\n')]);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/Verdict: INDETERMINATE/);
    expect(run.stdout).toMatch(/Facts still needed to decide: .*networking/);
  });

  it('--rule and --skip-rule choose rules; an unknown id is a usage error with a suggestion', () => {
    const only = JSON.parse(cli(['check', 'examples/broken-cluster.yaml', '--format', 'json', '--rule', 'platform-supported']).stdout) as {
      findings: Array<{ ruleId: string }>;
    };
    expect(only.findings.map((f) => f.ruleId)).toEqual(['platform-supported']);
    const bad = cli(['check', 'examples/broken-cluster.yaml', '--skip-rule', 'platform-suported']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("skipRules[0]: 'platform-suported' is not a rule id (did you mean 'platform-supported'?)");
  });

  it('invalid facts exit 2 with every path-level error and its line, and no stack trace', () => {
    const file = tempFile('bad.yaml', 'platform: 3\nnodes:\n  - os: windows\n    name: w1\n    osbuild: 10.0.17763.1432\n  - os: mac\n    name: m\n');
    const run = cli(['check', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('platform: expected a string, got number 3');
    expect(run.stderr).toMatch(/nodes\[0\]\.osbuild: unknown key \(did you mean 'osBuild'\?\).*bad\.yaml:5:/);
    expect(run.stderr).toMatch(/nodes\[1\]\.os: expected one of "linux", "windows", got "mac"/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['null', 'null\n'],
    ['an array', '[1, 2]\n'],
    ['a string', '"facts"\n'],
    ['JSON with a type error', '{"calico": {"vxlanPort": "4789"}}'],
  ])('refuses %s with exit 2', (_name, text) => {
    const run = cli(['check', tempFile('facts.json', text)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Invalid facts/);
  });

  it('refuses YAML syntax errors, a missing file, bad options and unknown commands with exit 2', () => {
    const syntax = cli(['check', tempFile('s.yaml', 'platform: [eks\n')]);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/Cannot parse .*s\.yaml as YAML/);
    const missing = cli(['check', 'no-such-file.yaml']);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'calico-windows-compat: Cannot read no-such-file.yaml: no such file.\n' });
    expect(cli(['check', 'examples/eks.yaml', '--frobnicate']).code).toBe(2);
    expect(cli(['check', 'examples/eks.yaml', '--format', 'xml']).stderr).toContain('--format must be text, json, sarif, junit, markdown');
    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli(['check']).stderr).toContain('no facts file');
  });

  it('lists the rules', () => {
    const run = cli(['rules']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(28);
    const json = JSON.parse(cli(['rules', '--format', 'json']).stdout) as Array<{ id: string }>;
    expect(json[0]?.id).toBe('platform-supported');
  });
});
