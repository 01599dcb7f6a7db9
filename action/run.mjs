#!/usr/bin/env node
// @ts-check
// The GitHub Action's check step (action.yml): runs `calico-windows-compat check` with the action's
// inputs, writing every report format into a fresh folder under RUNNER_TEMP; appends the Markdown report
// to the job summary (or, when the check could not run, what went wrong); and sets the step's outputs:
// verdict, exit-code and the reports' paths. It always exits 0: the action's last step fails the job by
// the exit code, after the SARIF upload has had its turn.
//
// Environment (what GitHub gives a composite action's step, and what action.yml maps):
//   INPUT_FACTS, INPUT_MANIFESTS (one path a line), INPUT_CLUSTER ('true' or a context name),
//   INPUT_RELEASE, INPUT_WAIVERS, INPUT_FAIL_ON, INPUT_ARGS (more arguments, one a line),
//   INPUT_OUTPUT_DIRECTORY (where the reports go; default a fresh folder under RUNNER_TEMP);
//   CALICO_WINDOWS_COMPAT_CLI: the CLI to run (the install step's output);
//   GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, GITHUB_WORKSPACE.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * An input as the action passes it: trimmed; '' when not given.
 * @param {string} name
 */
const input = (name) => (process.env[`INPUT_${name}`] ?? '').trim();
/**
 * A multi-line input: one item a line, blank lines and surrounding spaces dropped.
 * @param {string} name
 */
const lines = (name) =>
  input(name)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * The command line for the inputs, and where each report goes.
 * @param {string} dir
 */
function commandLine(dir) {
  const reports = { json: join(dir, 'report.json'), sarif: join(dir, 'calico-windows.sarif'), markdown: join(dir, 'summary.md'), junit: join(dir, 'junit.xml') };
  const args = ['check'];
  if (input('FACTS')) args.push('--facts', input('FACTS'));
  for (const manifest of lines('MANIFESTS')) args.push('--manifests', manifest);
  const cluster = input('CLUSTER');
  // 'true' reads the current context; any other value names the context ('false' or nothing: no cluster).
  if (cluster !== '' && cluster !== 'false') args.push('--cluster', ...(cluster === 'true' ? [] : ['--context', cluster]));
  if (input('RELEASE')) args.push('--release', input('RELEASE'));
  if (input('WAIVERS')) args.push('--waivers', input('WAIVERS'));
  if (input('FAIL_ON')) args.push('--fail-on', input('FAIL_ON'));
  args.push(...lines('ARGS'));
  // SARIF locations relative to the repository's checkout, where code scanning looks for them.
  if (process.env.GITHUB_WORKSPACE) args.push('--sarif-root', process.env.GITHUB_WORKSPACE);
  // The text report goes to the job's log, coloured as the log shows colours.
  args.push('--color');
  for (const [format, path] of Object.entries(reports)) args.push('--output', `${format}=${path}`);
  return { args, reports };
}

/**
 * Appends a step output (the delimiter form, safe for any value).
 * @param {string} name
 * @param {string} value
 */
function setOutput(name, value) {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) return;
  const delimiter = `calico_windows_compat_${randomBytes(8).toString('hex')}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

/** @param {string} text */
function summarize(text) {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
}

function main() {
  const cli = process.env.CALICO_WINDOWS_COMPAT_CLI;
  if (!cli) {
    console.error('::error::CALICO_WINDOWS_COMPAT_CLI is not set: the install step of the action did not run');
    setOutput('exit-code', '70');
    return;
  }
  let dir;
  if (input('OUTPUT_DIRECTORY')) {
    dir = resolve(input('OUTPUT_DIRECTORY'));
    mkdirSync(dir, { recursive: true });
  } else {
    const base = process.env.RUNNER_TEMP || tmpdir();
    mkdirSync(base, { recursive: true });
    dir = mkdtempSync(join(base, 'calico-windows-compat-'));
  }
  const { args, reports } = commandLine(dir);
  // Reports of an earlier run in the same folder must not pass for this run's.
  for (const path of Object.values(reports)) rmSync(path, { force: true });
  console.log(`calico-windows-compat ${args.join(' ')}`);
  const run = spawnSync(process.execPath, [cli, ...args], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const stderr = run.stderr ?? '';
  process.stderr.write(stderr);
  const code = run.status ?? 70;

  let verdict = '';
  if (existsSync(reports.json)) verdict = JSON.parse(readFileSync(reports.json, 'utf8')).verdict ?? '';
  if (existsSync(reports.markdown)) summarize(readFileSync(reports.markdown, 'utf8'));
  else {
    const problem = stderr.trim() || run.error?.message || `exit code ${code}`;
    // A fence longer than any run of backticks in the message.
    const fence = '`'.repeat(Math.max(3, ...[...problem.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    summarize(`## ❗ Calico for Windows: the check could not run (exit ${code})\n\n${fence}text\n${problem}\n${fence}\n`);
  }
  setOutput('verdict', verdict);
  setOutput('exit-code', String(code));
  for (const [format, path] of Object.entries(reports)) setOutput(format === 'json' ? 'report' : format, existsSync(path) ? path : '');
}

main();
