import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// A composite action run as GitHub runs one, enough for this repository's action.yml: each `run` step in
// bash -eo pipefail with its `env` and `working-directory`, `${{ … }}` expressions over inputs, step
// outputs, github.action_path and runner.temp, `if:` conditions (==, !=, &&, ||), steps after a failure
// skipped unless their `if` says always(), outputs read from each step's GITHUB_OUTPUT file. `uses` steps
// are handed to the caller, which stands in for them.

/** A step of a composite action or a workflow job. */
export interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly shell?: string;
  readonly with?: Readonly<Record<string, unknown>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly 'working-directory'?: string;
}

/** action.yml. */
export interface CompositeAction {
  readonly name: string;
  readonly description: string;
  readonly inputs: Readonly<Record<string, { readonly description: string; readonly required?: boolean; readonly default?: string }>>;
  readonly outputs: Readonly<Record<string, { readonly description: string; readonly value: string }>>;
  readonly runs: { readonly using: string; readonly steps: readonly Step[] };
}

/** What a step did. */
export interface StepRun {
  readonly name: string;
  readonly ran: boolean;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Readonly<Record<string, string>>;
  /** A `uses` step: its `with`, expressions filled in. */
  readonly with?: Readonly<Record<string, string>>;
}

/** How to run an action. */
export interface CompositeRun {
  readonly inputs: Readonly<Record<string, string>>;
  /** The runner's environment: PATH, RUNNER_TEMP, GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY … */
  readonly env: Readonly<Record<string, string>>;
  /** The action's folder (github.action_path). */
  readonly actionPath: string;
  /** The workspace: the working directory of steps without their own. */
  readonly cwd: string;
  /** Stands in for a step: its outputs (and not run), or undefined to run it. Every `uses` step must be stood in for. */
  readonly standIn?: (step: Step, inputs: Readonly<Record<string, string>>) => Record<string, string> | undefined;
}

/** The outcome of an action: every step, its outputs, and whether it failed. */
export interface CompositeResult {
  readonly steps: readonly StepRun[];
  readonly outputs: Readonly<Record<string, string>>;
  readonly failed: boolean;
}

/** Reads a GITHUB_OUTPUT file: `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks. */
export function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const block = /^([^=<]+)<<(.+)$/.exec(line);
    if (block?.[1] !== undefined && block[2] !== undefined) {
      const end = lines.indexOf(block[2], i + 1);
      if (end < 0) throw new Error(`GITHUB_OUTPUT: no closing ${block[2]} for ${block[1]}`);
      outputs[block[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const pair = /^([^=]+)=(.*)$/.exec(line);
    if (pair?.[1] !== undefined) outputs[pair[1]] = pair[2] ?? '';
    else if (line !== '') throw new Error(`GITHUB_OUTPUT: cannot read ${JSON.stringify(line)}`);
  }
  return outputs;
}

/** Runs a composite action. */
export function runComposite(action: CompositeAction, run: CompositeRun): CompositeResult {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, run.inputs[name] ?? spec.default ?? '']));
  for (const name of Object.keys(run.inputs)) if (!(name in action.inputs)) throw new Error(`the action has no input ${name}`);
  const stepOutputs: Record<string, Record<string, string>> = {};
  const context = (ref: string): string => {
    const [scope, ...path] = ref.trim().split('.');
    if (scope === 'inputs') return inputs[path.join('.')] ?? '';
    if (scope === 'steps' && path[1] === 'outputs') return stepOutputs[path[0] ?? '']?.[path.slice(2).join('.')] ?? '';
    if (ref.trim() === 'github.action_path') return run.actionPath;
    if (ref.trim() === 'runner.temp') return run.env['RUNNER_TEMP'] ?? '';
    throw new Error(`unknown expression ${ref}`);
  };
  const fill = (text: string): string => text.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => String(evaluate(expression, context)));

  const steps: StepRun[] = [];
  let failed = false;
  for (const step of action.runs.steps) {
    const name = step.name ?? step.uses ?? step.id ?? '';
    const condition = step.if?.replace(/^\$\{\{(.*)\}\}$/s, '$1').trim();
    const always = condition !== undefined && /always\(\)/.test(condition);
    const wanted = condition === undefined || evaluate(condition.replace(/always\(\)/g, 'true'), context) === true;
    if ((failed && !always) || !wanted) {
      steps.push({ name, ran: false, code: 0, stdout: '', stderr: '', outputs: {} });
      continue;
    }
    const given = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, fill(String(value))]));
    const stood = run.standIn?.(step, given);
    if (stood !== undefined || step.uses !== undefined) {
      if (stood === undefined) throw new Error(`no stand-in for ${name}`);
      if (step.id) stepOutputs[step.id] = stood;
      steps.push({ name, ran: true, code: 0, stdout: '', stderr: '', outputs: stood, with: given });
      continue;
    }
    const outputFile = join(mkdtempSync(join(run.env['RUNNER_TEMP'] ?? run.cwd, 'step-')), 'output');
    writeFileSync(outputFile, '');
    const env = {
      ...run.env,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, fill(value)])),
      GITHUB_OUTPUT: outputFile,
      GITHUB_ACTION_PATH: run.actionPath,
    };
    const cwd = resolve(run.cwd, fill(step['working-directory'] ?? '.'));
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? ''], { cwd, env, encoding: 'utf8' });
    const outputs = readOutputs(readFileSync(outputFile, 'utf8'));
    if (step.id) stepOutputs[step.id] = outputs;
    const code = result.status ?? 1;
    steps.push({ name, ran: true, code, stdout: result.stdout, stderr: result.stderr, outputs });
    if (code !== 0) failed = true;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, spec]) => [name, fill(spec.value)]));
  return { steps, outputs, failed };
}

/** The expressions action.yml uses: references, 'strings', true/false, ==, !=, && and ||. */
function evaluate(expression: string, context: (ref: string) => string): string | boolean {
  const or = expression.split('||');
  if (or.length > 1) return or.some((part) => evaluate(part, context) === true);
  const and = expression.split('&&');
  if (and.length > 1) return and.every((part) => evaluate(part, context) === true);
  const comparison = /^(.*?)(==|!=)(.*)$/.exec(expression);
  if (comparison?.[1] !== undefined && comparison[3] !== undefined) {
    const same = String(evaluate(comparison[1], context)) === String(evaluate(comparison[3], context));
    return comparison[2] === '==' ? same : !same;
  }
  const term = expression.trim();
  if (term === 'true' || term === 'false') return term === 'true';
  const literal = /^'(.*)'$/.exec(term);
  if (literal?.[1] !== undefined) return literal[1].replaceAll("''", "'");
  return context(term);
}
