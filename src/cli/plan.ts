/**
 * The CLI's `plan` command: which networking option would work for the cluster, and what each would
 * take. Argument parsing and the exit code are here; reading the input is the CLI's own (handed in),
 * and the output is rendered by {@link renderPlan}, which the generated guide uses too.
 */
import type { ParseArgsConfig } from 'node:util';
import { parseCommandLine } from './suggest.js';
import type { ClusterFacts } from '../model/facts.js';
import type { FactSource } from '../model/report.js';
import { CALICO_RELEASES } from '../catalog/releases.js';
import { planNetworking } from '../planner/plan.js';
import type { NetworkingPlan, PlanStatus } from '../planner/types.js';
import { formatPlanMarkdown, formatPlanText } from '../formatters/plan.js';
import { EXIT_CODES, isOneOf } from './codes.js';
import { CLUSTER_OPTIONS, clusterArgs, type ClusterArgs } from './collect.js';

export { PLAN_FORMATS, PLAN_HELP, type PlanFormat } from './plan-help.js';
import { PLAN_FORMATS, type PlanFormat } from './plan-help.js';

const PLAN_OPTIONS = {
  facts: { type: 'string' },
  release: { type: 'string', multiple: true },
  manifests: { type: 'string', multiple: true },
  format: { type: 'string', default: 'text' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  ...CLUSTER_OPTIONS,
} as const satisfies ParseArgsConfig['options'];

/** The input `plan` reads, as `check` reads it. */
export interface PlanInput {
  readonly facts: ClusterFacts;
  readonly sources: Record<string, FactSource> | undefined;
  /** `facts: extra.yaml, manifests: nodes.yaml`. */
  readonly description: string;
}

/** What `plan` needs of the CLI: reading the input as `check` does, its notes, usage errors, colour and help. */
export interface PlanCommandContext<I extends PlanInput> {
  readonly loadInput: (factsFile: string | undefined, manifests: readonly string[], cluster?: ClusterArgs) => Promise<I>;
  readonly writeNotes: (input: I) => void;
  readonly usage: (message: string) => Error;
  readonly useColor: (color: boolean | undefined, noColor: boolean | undefined) => boolean;
  readonly help: string;
}

/** Options of {@link renderPlan}. */
export interface RenderPlanOptions {
  /** The input file, as given on the command line: the Markdown heading. */
  readonly input?: string;
  /** The line naming the input in text output; default `facts: <input>`. */
  readonly label?: string;
  readonly color?: boolean;
}

/** The plan in one of the {@link PLAN_FORMATS}. */
export function renderPlan(plan: NetworkingPlan, format: PlanFormat, options: RenderPlanOptions = {}): string {
  switch (format) {
    case 'text': {
      const label = options.label ?? (options.input === undefined ? undefined : `facts: ${options.input}`);
      return formatPlanText(plan, { color: options.color ?? false, ...(label === undefined ? {} : { input: label }) });
    }
    case 'json':
      return `${JSON.stringify(plan, null, 2)}\n`;
    case 'markdown':
      return formatPlanMarkdown(plan, options.input === undefined ? {} : { input: options.input });
  }
}

const EXIT: Readonly<Record<PlanStatus, number>> = {
  viable: EXIT_CODES.compatible,
  blocked: EXIT_CODES.incompatible,
  open: EXIT_CODES.indeterminate,
};

/** The exit code of a plan: 0 when an option is viable, 1 when none is, 3 when the best is open. */
export function planExitCode(plan: NetworkingPlan): number {
  return EXIT[plan.status];
}

/** Runs `plan` with its arguments and returns the exit code. */
export async function planCommand<I extends PlanInput>(argv: readonly string[], cli: PlanCommandContext<I>): Promise<number> {
  const { values, positionals } = parseCommandLine({ args: [...argv], options: PLAN_OPTIONS, allowPositionals: true, strict: true });
  if (values.help) {
    process.stdout.write(cli.help);
    return EXIT_CODES.compatible;
  }
  const format = values.format;
  if (!isOneOf(PLAN_FORMATS, format)) throw cli.usage(`--format must be ${PLAN_FORMATS.join(', ')}; not '${format}'`);
  const files = [...(values.facts === undefined ? [] : [values.facts]), ...positionals];
  const manifests = values.manifests ?? [];
  const cluster = clusterArgs(values);
  if (typeof cluster === 'string') throw cli.usage(cluster);
  if (files.length === 0 && manifests.length === 0 && cluster === undefined)
    throw cli.usage('no facts file, no manifests and no --cluster: pass one, e.g. calico-windows-compat plan --cluster, or plan facts.yaml');
  if (files.length > 1) throw cli.usage(`one facts file at a time, got ${files.length}: ${files.join(', ')}`);

  const input = await cli.loadInput(files[0], manifests, cluster);
  const releases = values.release;
  const plan = planNetworking(input.facts, {
    ...(releases === undefined ? {} : { release: releases, profiles: CALICO_RELEASES }),
    ...(input.sources ? { sources: input.sources } : {}),
  });
  cli.writeNotes(input);
  // Standard input is named as check names it in reports' inputs.
  const given = files[0] ?? manifests.find((m) => m !== '-') ?? (manifests.length > 0 ? '-' : undefined);
  const inputFile = given === '-' ? '(stdin)' : given;
  process.stdout.write(
    renderPlan(plan, format, {
      label: input.description,
      ...(inputFile === undefined ? {} : { input: inputFile }),
      color: cli.useColor(values.color, values['no-color']),
    }),
  );
  return planExitCode(plan);
}
