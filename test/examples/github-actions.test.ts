import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';
import { fakeCluster, installFakeKubectl, type FakeKubectl } from '../support/fake-cluster.js';

// examples/github-actions/calico-windows.yml, run as GitHub runs it: each `run` step in bash -eo
// pipefail, in order, later steps skipped after a failure unless `if: always()`. kubectl is the fake that
// serves an example cluster (test/support/fake-kubectl.mjs); npx runs the CLI built for this test run.

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

const WORKFLOW = 'examples/github-actions/calico-windows.yml';
const FIXTURE = resolve('test/fixtures/manifests/self-managed-vxlan');
const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs)[0]?.steps ?? [];

/** A bin directory with npx running the CLI of this checkout (`npx --yes calico-windows-compat@0 <args>`). */
function fakeNpx(dir: string): string {
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(
    join(bin, 'npx'),
    `#!/usr/bin/env bash
while [ "$1" = "--yes" ]; do shift; done
case "$1" in calico-windows-compat|calico-windows-compat@*) shift ;; *) echo "unexpected npx $1" >&2; exit 127 ;; esac
exec "${process.execPath}" "${resolve(CLI)}" "$@"
`,
  );
  chmodSync(join(bin, 'npx'), 0o755);
  return bin;
}

const workspaces: string[] = [];
const kubectls: FakeKubectl[] = [];
afterAll(() => {
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
  for (const kubectl of kubectls) kubectl.cleanup();
});

/** Runs the workflow's `run` steps in a fresh workspace; returns each step's outcome. */
function runWorkflow(extraFacts: string): { dir: string; outcomes: Array<{ name: string; code: number | null; stderr: string }> } {
  const dir = mkdtempSync(join(tmpdir(), 'cwc-gha-'));
  workspaces.push(dir);
  const bin = fakeNpx(dir);
  const kubectl = installFakeKubectl(fakeCluster('self-managed-vxlan'));
  kubectls.push(kubectl);
  mkdirSync(join(dir, 'cluster'));
  writeFileSync(join(dir, 'cluster/extra-facts.yaml'), extraFacts);
  const env: Record<string, string> = {
    PATH: `${bin}:${kubectl.bin}:${process.env['PATH'] ?? ''}`,
    RUNNER_TEMP: join(dir, 'runner-temp'),
    GITHUB_ENV: join(dir, 'github-env'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    KUBECONFIG_DATA: 'apiVersion: v1\nkind: Config\n',
  };
  mkdirSync(env['RUNNER_TEMP']!);
  const outcomes: Array<{ name: string; code: number | null; stderr: string }> = [];
  let failed = false;
  for (const step of steps) {
    if (step.run === undefined) continue;
    if (failed && step.if !== 'always()') continue;
    // Step env values are expressions GitHub fills in; here the environment above stands in for them.
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd: dir, env, encoding: 'utf8' });
    outcomes.push({ name: step.name ?? '', code: result.status, stderr: result.stderr });
    if (result.status !== 0) failed = true;
  }
  return { dir, outcomes };
}

describe('examples/github-actions/calico-windows.yml', () => {
  it('is a workflow that may upload to code scanning, with pinned action versions', () => {
    expect(workflow.name).toBeTruthy();
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['workflow_dispatch']));
    expect(workflow.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    const uses = steps.flatMap((s) => (s.uses ? [s.uses] : []));
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w./-]+@v\d+$/);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.if).toBe('always()');
    expect(upload?.with?.['sarif_file']).toBe('calico-windows.sarif');
  });

  it('uses only options the CLI has', () => {
    const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout;
    const commands = steps.flatMap((s) => (s.run ?? '').replaceAll('\\\n', ' ').split('\n')).filter((line) => line.includes('calico-windows-compat'));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      expect(command).toMatch(/calico-windows-compat@0 (check --cluster|collect) --release auto /);
      for (const flag of command.match(/--[a-z-]+/g) ?? []) if (flag !== '--yes') expect(help).toContain(`${flag} `);
      for (const format of command.match(/--format (\S+)/g) ?? []) expect(help).toContain(format.split(' ')[1]);
    }
  });

  it('on a compatible cluster: collects, checks, writes SARIF and a summary, every step green', () => {
    const { dir, outcomes } = runWorkflow(readFileSync(join(FIXTURE, 'extra.yaml'), 'utf8'));
    expect(outcomes.map((o) => [o.name, o.code])).toEqual(steps.filter((s) => s.run).map((s) => [s.name, 0]));
    expect(readFileSync(join(dir, 'github-env'), 'utf8')).toBe(`KUBECONFIG=${join(dir, 'runner-temp', 'kubeconfig')}\n`);
    expect(readFileSync(join(dir, 'calico-windows-facts.yaml'), 'utf8')).toMatch(/^# Facts for calico-windows-compat .+, derived from cluster: current context, facts: cluster\/extra-facts\.yaml\.\n/);
    const sarif = JSON.parse(readFileSync(join(dir, 'calico-windows.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.filter((r: { level: string }) => r.level === 'error')).toEqual([]);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('✅ Compatible');
  });

  it('on an incompatible cluster: the check step fails, and SARIF and the summary still get out', () => {
    const extra = readFileSync(join(FIXTURE, 'extra.yaml'), 'utf8').replace('tls12Enabled: true', 'tls12Enabled: false');
    const { dir, outcomes } = runWorkflow(extra);
    expect(outcomes.find((o) => o.name === 'Check the requirements')?.code).toBe(1);
    expect(outcomes.find((o) => o.name === 'Summary')?.code).toBe(0);
    const sarif = JSON.parse(readFileSync(join(dir, 'calico-windows.sarif'), 'utf8'));
    const errors = sarif.runs[0].results.filter((r: { level: string }) => r.level === 'error');
    expect(errors.map((r: { ruleId: string }) => r.ruleId)).toEqual(['windows-tls12']);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('❌ Incompatible');
    expect(existsSync(join(dir, 'calico-windows-facts.yaml'))).toBe(true);
  });
});

