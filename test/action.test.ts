import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { directoryUri } from '../src/formatters/artifact-uri.js';
import { readOutputs, runComposite, type CompositeAction, type CompositeResult, type Step } from './support/actions.js';
import { CLI } from './support/cli.js';

// action.yml, run outside GitHub with the environment a runner gives it: GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, RUNNER_TEMP, GITHUB_WORKSPACE, GITHUB_ACTION_PATH. Its `uses` steps
// (setup-node, upload-sarif) are stood in for and recorded; the install step's npm install is stood in for
// by the CLI built for this test run (no registry here); every other step runs as written.

const ACTION = parse(readFileSync('action.yml', 'utf8')) as CompositeAction;
const work = mkdtempSync(join(tmpdir(), 'cwc-action-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;

interface Run extends CompositeResult {
  readonly summary: string;
  readonly workspace: string;
  readonly uploads: ReadonlyArray<Readonly<Record<string, string>>>;
}

/** A workspace with the example clusters, and the action run in it with these inputs. */
function runAction(inputs: Record<string, string>, options: { cli?: string; workspace?: string } = {}): Run {
  const workspace = options.workspace ?? join(work, `workspace-${++count}`);
  mkdirSync(join(workspace, 'clusters'), { recursive: true });
  for (const name of ['broken-cluster', 'eks', 'self-managed-vxlan']) copyFileSync(`examples/${name}.yaml`, join(workspace, 'clusters', `${name}.yaml`));
  const runnerTemp = mkdtempSync(join(work, 'runner-temp-'));
  const summaryFile = join(runnerTemp, 'step-summary.md');
  writeFileSync(summaryFile, '');
  const uploads: Array<Record<string, string>> = [];
  const result = runComposite(ACTION, {
    inputs,
    env: { PATH: process.env['PATH'] ?? '', RUNNER_TEMP: runnerTemp, GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summaryFile },
    actionPath: resolve('.'),
    cwd: workspace,
    standIn: (step: Step, given) => {
      if (step.id === 'install') return { cli: resolve(options.cli ?? CLI) };
      if (step.uses?.startsWith('actions/setup-node@')) return {};
      if (step.uses?.startsWith('github/codeql-action/upload-sarif@')) {
        uploads.push(given);
        return {};
      }
      return undefined;
    },
  });
  return { ...result, summary: readFileSync(summaryFile, 'utf8'), workspace, uploads };
}

const step = (run: Run, name: string) => run.steps.find((s) => s.name === name);

describe('action.yml', () => {
  it('is a composite action: Node 24, the install, the check, the SARIF upload when asked, the verdict', () => {
    expect(ACTION.runs.using).toBe('composite');
    const steps = ACTION.runs.steps;
    expect(steps.map((s) => s.id ?? s.uses ?? s.name)).toEqual(['actions/setup-node@v7', 'install', 'check', 'github/codeql-action/upload-sarif@v4', 'Verdict']);
    expect(steps[0]?.with).toEqual({ 'node-version': 24 });
    for (const s of steps) if (s.uses) expect(s.uses).toMatch(/^[\w.-]+\/[\w./-]+@v\d+$/);
    for (const s of steps) if (s.run) expect(s.shell).toBe('bash');
  });

  it('documents every input and output, and passes every input of the check to its step', () => {
    for (const [name, spec] of [...Object.entries(ACTION.inputs), ...Object.entries(ACTION.outputs)]) expect(spec.description, name).toMatch(/\w{3,}/);
    expect(Object.keys(ACTION.inputs)).toEqual(expect.arrayContaining(['facts', 'manifests', 'cluster', 'release', 'waivers', 'fail-on', 'upload-sarif']));
    const check = ACTION.runs.steps.find((s) => s.id === 'check');
    for (const name of ['facts', 'manifests', 'cluster', 'release', 'waivers', 'fail-on', 'args', 'output-directory'])
      expect(check?.env?.[`INPUT_${name.toUpperCase().replace('-', '_')}`]).toBe(`\${{ inputs.${name} }}`);
    expect(Object.keys(ACTION.outputs)).toEqual(['verdict', 'exit-code', 'report', 'sarif', 'markdown', 'junit']);
    for (const [name, spec] of Object.entries(ACTION.outputs)) expect(spec.value).toBe(`\${{ steps.check.outputs.${name} }}`);
  });

  it('no input reaches a shell as code: every input goes through the environment', () => {
    for (const s of ACTION.runs.steps) expect(s.run ?? '', s.name).not.toMatch(/\$\{\{/);
  });
});

describe('the action on a compatible cluster', () => {
  const run = runAction({ facts: 'clusters/eks.yaml', 'upload-sarif': 'true' });

  it('succeeds, with the verdict and every report as outputs', () => {
    expect(run.failed).toBe(false);
    expect(run.outputs['verdict']).toBe('compatible');
    expect(run.outputs['exit-code']).toBe('0');
    for (const name of ['report', 'sarif', 'markdown', 'junit']) expect(existsSync(run.outputs[name] ?? ''), name).toBe(true);
    expect(JSON.parse(readFileSync(run.outputs['report'] ?? '', 'utf8'))).toMatchObject({ verdict: 'compatible', inputs: [{ kind: 'facts', name: 'clusters/eks.yaml' }] });
    expect(step(run, 'Verdict')?.ran).toBe(false);
  });

  it('writes the Markdown report to the job summary and the text report to the log', () => {
    expect(run.summary).toBe(readFileSync(run.outputs['markdown'] ?? '', 'utf8'));
    expect(run.summary).toMatch(/^## ✅ Compatible/);
    expect(step(run, 'Check the requirements')?.stdout).toContain('Verdict:');
  });

  it('uploads the SARIF, located relative to the workspace', () => {
    expect(run.uploads).toEqual([{ sarif_file: run.outputs['sarif'], category: 'calico-windows' }]);
    const sarif = JSON.parse(readFileSync(run.outputs['sarif'] ?? '', 'utf8')) as { runs: Array<{ originalUriBaseIds: Record<string, { uri: string }> }> };
    expect(sarif.runs[0]?.originalUriBaseIds['%SRCROOT%']?.uri).toBe(directoryUri(run.workspace));
  });
});

describe('the action on an incompatible cluster', () => {
  const run = runAction({ facts: 'clusters/broken-cluster.yaml', 'upload-sarif': 'true', 'sarif-category': 'prod' });

  it('uploads the SARIF first, then fails the job with the verdict and its exit code', () => {
    expect(run.uploads).toEqual([{ sarif_file: run.outputs['sarif'], category: 'prod' }]);
    expect(run.failed).toBe(true);
    expect(run.outputs['verdict']).toBe('incompatible');
    expect(step(run, 'Verdict')).toMatchObject({ ran: true, code: 1 });
    expect(step(run, 'Verdict')?.stdout).toContain('::error title=Calico for Windows::incompatible (exit code 1)');
    expect(run.summary).toMatch(/^## ❌ Incompatible/);
  });

  it('without upload-sarif, uploads nothing', () => {
    expect(runAction({ facts: 'clusters/broken-cluster.yaml' }).uploads).toEqual([]);
  });

  it('fail-on and waivers reach the check: a waived cluster passes, a failing warning fails with fail-on warning', () => {
    const workspace = join(work, 'waived');
    mkdirSync(workspace);
    writeFileSync(join(workspace, 'waivers.yaml'), '- { rule: kubernetes-version, reason: upgrade planned }\n');
    const onlyWarning = runAction({ facts: 'clusters/broken-cluster.yaml', args: '--rule\nkubernetes-version' }, { workspace });
    expect(onlyWarning.outputs['exit-code']).toBe('0');
    expect(runAction({ facts: 'clusters/broken-cluster.yaml', args: '--rule\nkubernetes-version', 'fail-on': 'warning' }, { workspace }).outputs['exit-code']).toBe('1');
    const waived = runAction({ facts: 'clusters/broken-cluster.yaml', args: '--rule\nkubernetes-version', 'fail-on': 'warning', waivers: 'waivers.yaml' }, { workspace });
    expect(waived.outputs['exit-code']).toBe('0');
    expect(waived.summary).toContain('Waived');
  });
});

describe('the action when the check cannot run', () => {
  it('on invalid facts: the problem in the job summary, a SARIF saying so still uploaded, the job failed with exit code 2', () => {
    const workspace = join(work, 'invalid');
    mkdirSync(workspace);
    writeFileSync(join(workspace, 'facts.yaml'), 'platform: kubernets\n');
    const run = runAction({ facts: 'facts.yaml', 'upload-sarif': 'true' }, { workspace });
    expect(run.outputs['exit-code']).toBe('2');
    expect(run.outputs['verdict']).toBe('');
    expect(run.outputs['report']).toBe('');
    expect(run.summary).toMatch(/^## ❗ Calico for Windows: the check could not run \(exit 2\)/);
    expect(run.summary).toContain("platform: is not a known platform (did you mean 'kubernetes'?)");
    expect(run.uploads).toHaveLength(1);
    const sarif = JSON.parse(readFileSync(run.outputs['sarif'] ?? '', 'utf8')) as { runs: Array<{ invocations: Array<{ executionSuccessful: boolean }> }> };
    expect(sarif.runs[0]?.invocations[0]?.executionSuccessful).toBe(false);
    expect(run.failed).toBe(true);
    expect(step(run, 'Verdict')?.stdout).toContain('::error title=Calico for Windows::the check could not run (exit code 2)');
  });

  it('writes the reports into output-directory when given, never leaving an earlier run\'s report there', () => {
    const workspace = join(work, 'outdir');
    mkdirSync(join(workspace, 'reports'), { recursive: true });
    writeFileSync(join(workspace, 'reports', 'report.json'), '{"verdict": "compatible"}');
    writeFileSync(join(workspace, 'facts.yaml'), 'platform: kubernets\n');
    const run = runAction({ facts: 'facts.yaml', 'output-directory': 'reports' }, { workspace });
    expect(run.outputs['sarif']).toBe(join(workspace, 'reports', 'calico-windows.sarif'));
    expect(existsSync(join(workspace, 'reports', 'report.json'))).toBe(false);
    expect(run.outputs['report']).toBe('');
  });

  it('runs in working-directory, where paths and the config file are found', () => {
    const workspace = join(work, 'nested');
    mkdirSync(join(workspace, 'infra', 'prod'), { recursive: true });
    copyFileSync('examples/broken-cluster.yaml', join(workspace, 'infra', 'prod', 'facts.yaml'));
    writeFileSync(join(workspace, 'infra', '.calico-windows-compat.yaml'), 'skipRules: [windows-tls12]\n');
    const run = runAction({ facts: 'facts.yaml', 'working-directory': 'infra/prod' }, { workspace });
    const report = JSON.parse(readFileSync(run.outputs['report'] ?? '', 'utf8')) as { inputs: unknown[] };
    expect(report.inputs).toEqual([
      { kind: 'facts', name: 'facts.yaml' },
      { kind: 'config', name: '../.calico-windows-compat.yaml' },
    ]);
  });
});

describe('the check step builds the command line from the inputs', () => {
  // A stand-in CLI that records its arguments, so inputs for commands this checkout may not have yet
  // (check --cluster) are seen as passed.
  const recorder = join(work, 'record-args.mjs');
  writeFileSync(recorder, "import { writeFileSync } from 'node:fs';\nwriteFileSync(process.env.ARGS_FILE, JSON.stringify(process.argv.slice(2)));\n");

  function argsFor(inputs: Record<string, string>): string[] {
    const runnerTemp = mkdtempSync(join(work, 'rt-'));
    const argsFile = join(runnerTemp, 'args.json');
    const output = join(runnerTemp, 'output');
    writeFileSync(output, '');
    const env = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase().replace('-', '_')}`, v]));
    runScript({ ...env, CALICO_WINDOWS_COMPAT_CLI: recorder, ARGS_FILE: argsFile, RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: output });
    return JSON.parse(readFileSync(argsFile, 'utf8')) as string[];
  }

  it('facts, manifests (one a line), release, waivers, fail-on and more arguments', () => {
    const args = argsFor({ facts: 'extra.yaml', manifests: 'collected/nodes.yaml\n\n  collected/calico.yaml  \n', release: 'auto', waivers: 'w.yaml', 'fail-on': 'warning', args: '--skip-rule\ntypha-ha' });
    expect(args.slice(0, 15)).toEqual([
      'check',
      '--facts',
      'extra.yaml',
      '--manifests',
      'collected/nodes.yaml',
      '--manifests',
      'collected/calico.yaml',
      '--release',
      'auto',
      '--waivers',
      'w.yaml',
      '--fail-on',
      'warning',
      '--skip-rule',
      'typha-ha',
    ]);
    expect(args.slice(15).filter((a) => a.startsWith('--'))).toEqual(['--color', '--output', '--output', '--output', '--output']);
  });

  it.each([
    ['true', ['--cluster']],
    ['prod-eu', ['--cluster', '--context', 'prod-eu']],
    ['false', []],
    ['', []],
  ])('cluster %j → %j', (cluster, expected) => {
    const args = argsFor({ cluster });
    expect(args.slice(1, 1 + expected.length)).toEqual(expected);
    expect(args.includes('--cluster')).toBe(expected.length > 0);
  });

  it('without the install step, says so and sets exit code 70', () => {
    const output = join(mkdtempSync(join(work, 'o-')), 'output');
    writeFileSync(output, '');
    const result = runScript({ GITHUB_OUTPUT: output });
    expect(result.stderr).toContain('::error::CALICO_WINDOWS_COMPAT_CLI is not set');
    expect(readOutputs(readFileSync(output, 'utf8'))).toEqual({ 'exit-code': '70' });
  });
});

function runScript(env: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [resolve('action/run.mjs')], { env: { PATH: process.env['PATH'] ?? '', ...env }, encoding: 'utf8', cwd: work });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
