import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';
import { runComposite, type CompositeAction } from '../support/actions.js';
import { fakeCluster, installFakeKubectl, type FakeKubectl } from '../support/fake-cluster.js';

// examples/github-actions/calico-windows.yml, run as GitHub runs it: each `run` step in bash -eo
// pipefail, in order, later steps skipped after a failure unless `if: always()`. kubectl is the fake that
// serves an example cluster (test/support/fake-kubectl.mjs). The calico-windows-compat action step runs
// this repository's action.yml (test/support/actions.ts), its install stood in for by the CLI built for
// this test run, as npx is; the other actions' steps (checkout, upload-sarif, upload-artifact) are recorded.

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

const ACTION = parse(readFileSync('action.yml', 'utf8')) as CompositeAction;
const THIS_ACTION = /^calico-windows-compat\/calico-windows-compat@v\d+$/;

interface Outcome {
  readonly name: string;
  readonly code: number | null;
  readonly stderr: string;
}

/** Runs the workflow in a fresh workspace; returns each step's outcome, what was uploaded, and the job summary. */
function runWorkflow(extraFacts: string): { dir: string; outcomes: Outcome[]; uploads: Array<{ uses: string; with: Record<string, string> }>; summary: string } {
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
    GITHUB_WORKSPACE: dir,
    KUBECONFIG_DATA: 'apiVersion: v1\nkind: Config\n',
  };
  mkdirSync(env['RUNNER_TEMP']!);
  writeFileSync(env['GITHUB_STEP_SUMMARY']!, '');
  const outcomes: Outcome[] = [];
  const uploads: Array<{ uses: string; with: Record<string, string> }> = [];
  let failed = false;
  for (const step of steps) {
    if (failed && step.if !== 'always()') continue;
    if (step.uses !== undefined && THIS_ACTION.test(step.uses)) {
      const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, String(value)]));
      const result = runComposite(ACTION, {
        inputs,
        env,
        actionPath: resolve('.'),
        cwd: dir,
        standIn: (inner, given) => {
          if (inner.id === 'install') return { cli: resolve(CLI) };
          if (inner.uses?.startsWith('actions/setup-node@')) return {};
          if (inner.uses !== undefined) {
            uploads.push({ uses: inner.uses, with: given });
            return {};
          }
          return undefined;
        },
      });
      outcomes.push({ name: step.name ?? '', code: result.failed ? 1 : 0, stderr: result.steps.map((s) => s.stderr).join('') });
      if (result.failed) failed = true;
      continue;
    }
    if (step.uses !== undefined) {
      uploads.push({ uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)])) });
      continue;
    }
    // Step env values are expressions GitHub fills in; here the environment above stands in for them.
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? ''], { cwd: dir, env, encoding: 'utf8' });
    outcomes.push({ name: step.name ?? '', code: result.status, stderr: result.stderr });
    if (result.status !== 0) failed = true;
  }
  return { dir, outcomes, uploads, summary: readFileSync(env['GITHUB_STEP_SUMMARY']!, 'utf8') };
}

describe('examples/github-actions/calico-windows.yml', () => {
  it('is a workflow that may upload to code scanning, with current action versions', () => {
    expect(workflow.name).toBeTruthy();
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['workflow_dispatch']));
    expect(workflow.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    const uses = steps.flatMap((s) => (s.uses ? [s.uses] : []));
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w./-]+@v\d+$/);
    expect(uses).toEqual(['actions/checkout@v7', 'calico-windows-compat/calico-windows-compat@v0', 'actions/upload-artifact@v7']);
  });

  it('uses the action with inputs it has: the cluster, facts, release auto, SARIF to code scanning', () => {
    const check = steps.find((s) => s.uses !== undefined && THIS_ACTION.test(s.uses));
    for (const input of Object.keys(check?.with ?? {})) expect(Object.keys(ACTION.inputs)).toContain(input);
    expect(check?.with).toMatchObject({ cluster: true, release: 'auto', 'upload-sarif': true, facts: 'cluster/extra-facts.yaml' });
    // The action sets up Node.js 24 itself.
    expect(ACTION.runs.steps[0]).toMatchObject({ uses: 'actions/setup-node@v7', with: { 'node-version': 24 } });
  });

  it('runs the CLI with options it has', () => {
    const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout;
    const commands = steps.flatMap((s) => (s.run ?? '').replaceAll('\\\n', ' ').split('\n')).filter((line) => line.includes('calico-windows-compat'));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      expect(command).toMatch(/calico-windows-compat@0 collect --release auto /);
      for (const flag of command.match(/--[a-z-]+/g) ?? []) if (flag !== '--yes') expect(help).toContain(`${flag} `);
    }
  });

  it('on a compatible cluster: reads the cluster, checks once for every report, uploads the SARIF, every step green', () => {
    const { dir, outcomes, uploads, summary } = runWorkflow(readFileSync(join(FIXTURE, 'extra.yaml'), 'utf8'));
    expect(outcomes.map((o) => [o.name, o.code])).toEqual(steps.filter((s) => s.run || THIS_ACTION.test(s.uses ?? '')).map((s) => [s.name, 0]));
    expect(readFileSync(join(dir, 'github-env'), 'utf8')).toBe(`KUBECONFIG=${join(dir, 'runner-temp', 'kubeconfig')}\n`);
    expect(readFileSync(join(dir, 'reports/calico-windows-facts.yaml'), 'utf8')).toMatch(/^# Facts for calico-windows-compat .+, derived from cluster: current context, facts: cluster\/extra-facts\.yaml\.\n/);
    const sarif = JSON.parse(readFileSync(join(dir, 'reports/calico-windows.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.filter((r: { level: string }) => r.level === 'error')).toEqual([]);
    expect(uploads.find((u) => u.uses.startsWith('github/codeql-action/upload-sarif@v4'))?.with).toEqual({ sarif_file: join(dir, 'reports/calico-windows.sarif'), category: 'calico-windows' });
    expect(summary).toContain('✅ Compatible');
    expect(existsSync(join(dir, 'reports/junit.xml'))).toBe(true);
  });

  it('on an incompatible cluster: the check step fails after the SARIF upload; the artifact step still runs', () => {
    const extra = readFileSync(join(FIXTURE, 'extra.yaml'), 'utf8').replace('tls12Enabled: true', 'tls12Enabled: false');
    const { dir, outcomes, uploads, summary } = runWorkflow(extra);
    expect(outcomes.find((o) => o.name === 'Check the requirements')?.code).toBe(1);
    const sarif = JSON.parse(readFileSync(join(dir, 'reports/calico-windows.sarif'), 'utf8'));
    const errors = sarif.runs[0].results.filter((r: { level: string }) => r.level === 'error');
    expect(errors.map((r: { ruleId: string }) => r.ruleId)).toEqual(['windows-tls12']);
    expect(uploads.map((u) => u.uses)).toEqual(['actions/checkout@v7', 'github/codeql-action/upload-sarif@v4', 'actions/upload-artifact@v7']);
    expect(summary).toContain('❌ Incompatible');
    expect(existsSync(join(dir, 'reports/calico-windows-facts.yaml'))).toBe(true);
  });
});
