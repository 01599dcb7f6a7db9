/**
 * The command line. The only module that touches `process`: it reads arguments, files and the
 * environment, prints, and chooses the exit code. Everything else is the library.
 */
// Loaded at start: argument parsing, exit codes, where output goes. Everything else — the engine, the
// YAML parser, the manifests adapter, the formatter asked for, the other releases, the rule docs, the
// config file's schema — when a command needs it: the bundled binary evaluates a module only when it is
// first imported, so `--version` loads nothing and `check` of a JSON facts file neither the YAML parser
// nor the other formatters.
import { type ParseArgsConfig } from 'node:util';
import { resolve } from 'node:path';
import { CompatError } from './model/errors.js';
import { printable } from './model/words.js';
import { EXIT_CODES, exitCodeOf, FAIL_ON, FORMATS } from './cli/codes.js';
import { finalExitCode, planOutputs, STDOUT, watchStandardStreams, writeFileAtomically, writeStdout, writeStdoutChunks, type Output } from './cli/outputs.js';
import { displayPath, findConfig } from './cli/find-config.js';
import type { Config } from './cli/config.js';
import { didYouMean, oneOf, parseCommandLine as parseArgs, UsageError } from './cli/suggest.js';
import { PLAN_HELP } from './cli/plan-help.js';
import { CLUSTER_HELP, CLUSTER_OPTIONS, clusterArgs, isKubectlPlugin, pluginArgs, pluginHelp, readCluster, type ClusterArgs } from './cli/collect.js';
import type { ClusterNote } from './node/collect.js';
import type { ManifestNote, ManifestSet } from './adapters/manifests.js';
import type { MergeNote } from './adapters/merge.js';
import type { ClusterFacts } from './model/facts.js';
import type { FactSource, Report, ReportInput } from './model/report.js';
import type { TextDocument } from './text/yaml.js';
import type { Waiver } from './model/waiver.js';
import type { ReleaseProfile } from './engine/rule.js';
import pkg from '../package.json' with { type: 'json' };

/** Every release's profile: loaded when a command names a release. */
async function releases(): Promise<readonly ReleaseProfile[]> {
  return (await import('./catalog/releases.js')).CALICO_RELEASES;
}

/** The engine with the default catalog. */
const api = (): Promise<typeof import('./api.js')> => import('./api.js');
/** Reading files and standard input. */
const reading = (): Promise<typeof import('./node/files.js')> => import('./node/files.js');

const HELP = `calico-windows-compat ${pkg.version}
Checks a Kubernetes cluster against the Calico for Windows requirements (Calico v3.16 to v3.32;
v3.23 unless --release says otherwise).

Usage:
  calico-windows-compat check [--cluster [--context <name>]] [--facts <file>] [--manifests <file|-> ...] [options]
  calico-windows-compat collect [--context <name>] [--kubeconfig <file>] [-o facts.yaml]
                                              the facts a cluster states, read through kubectl
  calico-windows-compat facts [--cluster | --manifests <file|-> ...] [--facts <file>] [--format yaml|json]
  calico-windows-compat plan [--cluster] [--facts <file>] [--manifests <file|-> ...] [--release <release> ...]
                             [--format text|json|markdown]
  calico-windows-compat rules [--release <release>] [--format text|json]
  calico-windows-compat releases [--diff <from> <to>] [--format text|json]
                                              the release profiles, or what changed between two
  calico-windows-compat explain <rule-id> [--release <release>]
                                              one rule in full: why, when, facts, remediation, source
  calico-windows-compat schema [facts|report|config]
                                              the JSON Schema of facts files (default), reports
                                              (--format json) or config files
  calico-windows-compat --help | --version

  calico-windows-compat check --cluster --context prod --facts extra.yaml
  kubectl get nodes -o yaml | calico-windows-compat check --manifests - --facts extra.yaml

check options:
${CLUSTER_HELP}
  --facts <file>        the facts file (JSON or YAML); a positional file works too; '-' reads
                        standard input
  --release <release>   the Calico release to check against: a line (3.27), a version (v3.27.2),
                        3.27/manual or 3.27/operator, or auto (the line of calico.version; the
                        oldest or newest profile, with a warning, for a version outside them all);
                        default: 3.23. A calico.version of another line is warned about
  --manifests <file>    Kubernetes objects (kubectl get ... -o yaml or -o json, or manifest files)
                        to derive facts from; '-' reads standard input; repeatable. The facts file
                        fills in and overrides what they say
  -f, --format <format> text, json, sarif (code scanning), junit (test reports) or markdown
                        (pull-request comments): standard output's format; default: text
  -o, --output <file>   write the report to a file instead of standard output; or
  -o, --output <format>=<file>
                        also write a report in another format (repeatable: one run, every format;
                        <format>=- is standard output). Files are replaced atomically
  --sarif-root <dir>    SARIF locations are relative to this directory (%SRCROOT%); files outside
                        it are file:// URIs; default: the working directory
  --config <file>       the config file to use; default: the first .calico-windows-compat.yaml,
                        .yml or .json, or package.json with "calicoWindowsCompat", from the working
                        directory upward. Flags override it
  --no-config           use no config file
  --waivers <file>      accepted exceptions (YAML or JSON): waived findings stay in the report,
                        marked, and no longer fail the run; expired and stale waivers are reported
  --fail-on <level>     what fails the run: error (default: an error requirement fails, or is
                        unknown: exit 3), warning (a warning fails too), unknown (any unknown: exit 3)
  --rule <id>           evaluate only this rule (repeatable)
  --skip-rule <id>      skip this rule (repeatable)
  -q, --quiet           text: only failures and the verdict
  --color, --no-color   force colours on or off (default: on for a terminal unless NO_COLOR is set;
                        FORCE_COLOR=1 turns them on, FORCE_COLOR=0 off)
  --max-nodes <n>       refuse input listing more than n nodes before evaluating it (check, facts
                        and plan); default: 100000, which every format completes in Node's default heap
  --debug               print stack traces of internal errors (any command)

facts: prints the facts derived from the cluster (--cluster) or --manifests, merged with --facts, each
with the object and field it came from, notes on what was skipped or left out, and the facts still
needed; save the YAML, complete it, and pass it to check with --facts. collect is facts --cluster.
  -f, --format <yaml|json>  output format (default: yaml)
  --release <release>   list the facts still needed for that release (default: 3.23)
  -o, --output <file>   write to the file instead of standard output

${PLAN_HELP}
Exit codes:
  0  compatible        1  incompatible        3  indeterminate (facts missing)
  2  bad usage or invalid input               70 internal error
`;

const CHECK_OPTIONS = {
  facts: { type: 'string' },
  release: { type: 'string' },
  manifests: { type: 'string', multiple: true },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o', multiple: true },
  'sarif-root': { type: 'string' },
  config: { type: 'string' },
  'no-config': { type: 'boolean', default: false },
  rule: { type: 'string', multiple: true },
  'skip-rule': { type: 'string', multiple: true },
  waivers: { type: 'string' },
  'fail-on': { type: 'string' },
  quiet: { type: 'boolean', short: 'q', default: false },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  ...CLUSTER_OPTIONS,
} as const satisfies ParseArgsConfig['options'];

const FACTS_OPTIONS = {
  facts: { type: 'string' },
  release: { type: 'string' },
  manifests: { type: 'string', multiple: true },
  format: { type: 'string', short: 'f', default: 'yaml' },
  output: { type: 'string', short: 'o' },
  ...CLUSTER_OPTIONS,
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

/** The commands, for "did you mean". */
const COMMANDS = ['check', 'collect', 'facts', 'plan', 'rules', 'releases', 'explain', 'schema'] as const;

/** Runs the CLI with arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await run(argv);
  } catch (error) {
    if (error instanceof CompatError) {
      // Messages quote input (keys, values, file names): shown, never obeyed by the terminal.
      process.stderr.write(`calico-windows-compat: ${printable(error.message)}\n`);
      return EXIT_CODES.usage;
    }
    if (isUsageError(error)) {
      process.stderr.write(`calico-windows-compat: ${printable((error as Error).message)}\nRun 'calico-windows-compat --help' for usage.\n`);
      return EXIT_CODES.usage;
    }
    process.stderr.write(
      debug && error instanceof Error && error.stack
        ? `${error.stack}\n`
        : `calico-windows-compat: internal error: ${error instanceof Error ? error.message : String(error)}\n(run again with --debug for details)\n`,
    );
    return EXIT_CODES.internal;
  }
}

async function run(args: readonly string[]): Promise<number> {
  // As the kubectl plugin (kubectl calico-windows …), check and facts read the cluster.
  const plugin = isKubectlPlugin();
  const given = plugin ? pluginArgs(args) : args;
  if (typeof given === 'string') throw usage(given);
  const argv = globalOptions(given);
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    writeStdout(plugin ? pluginHelp(pkg.version) : HELP);
    return first === undefined ? EXIT_CODES.usage : EXIT_CODES.compatible;
  }
  if (first === '--version' || first === '-v') {
    writeStdout(`${pkg.version}\n`);
    return EXIT_CODES.compatible;
  }
  if (first === 'rules') return listRules(rest);
  if (first === 'releases') return listReleases(rest);
  if (first === 'check') return check(rest, argv);
  if (first === 'facts') return printFacts(rest);
  if (first === 'collect') return printFacts(rest, true);
  if (first === 'explain') return explain(rest);
  if (first === 'plan') return (await import('./cli/plan.js')).planCommand(rest, { loadInput, writeNotes, usage, useColor, help: HELP });
  if (first === 'schema') return printSchema(rest);
  // `calico-windows-compat facts.yaml` is `check facts.yaml`.
  if (!first.startsWith('-') && !/^[a-z]+$/.test(first)) return check(argv, argv);
  if (first.startsWith('-')) return check(argv, argv);
  throw usage(`unknown command '${first}'${didYouMean(first, COMMANDS)} (commands: ${COMMANDS.join(', ')})`);
}

async function check(argv: readonly string[], commandLine: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], options: CHECK_OPTIONS, allowPositionals: true, strict: true });
  if (values.help) {
    writeStdout(HELP);
    return EXIT_CODES.compatible;
  }
  const cwd = process.cwd();
  const format = oneOf('--format', values.format ?? 'text', FORMATS);
  // Until the outputs are known, a failure has nowhere to put its SARIF; from then on, every SARIF
  // output gets one saying why the run failed (exit 2), so an upload step never finds the file missing.
  let outputs = planOutputs({ format, outputs: values.output ?? [] });
  const sarifRootFlag = values['sarif-root'] === undefined ? undefined : resolve(cwd, values['sarif-root']);
  let sarifRoot = sarifRootFlag ?? cwd;
  try {
    if (values.config !== undefined && values['no-config']) throw usage('--config and --no-config: give one');
    const configFile = values.config ?? (values['no-config'] ? undefined : findConfig(cwd));
    const config = configFile === undefined ? undefined : await (await import('./cli/config.js')).loadConfig(configFile, cwd);
    if (config?.outputs !== undefined) outputs = planOutputs({ format, outputs: values.output ?? [], configured: config.outputs });
    sarifRoot = sarifRootFlag ?? config?.sarifRoot ?? cwd;
    return await checkWith(values, positionals, { config, outputs, sarifRoot, cwd, commandLine });
  } catch (error) {
    if (error instanceof CompatError || error instanceof UsageError) {
      const { formatSarifError } = await import('./formatters/sarif.js');
      const sarif = formatSarifError(error, { root: sarifRoot, workingDirectory: cwd, arguments: commandLine, exitCode: EXIT_CODES.usage, toolVersion: pkg.version });
      for (const output of outputs.filter((o) => o.format === 'sarif'))
        try {
          await writeOutput(output.to, [sarif]);
        } catch (unwritable) {
          // The run's own error is the one to report; this one is said in a line of its own.
          if (!(unwritable instanceof CompatError)) throw unwritable;
          if (unwritable.message !== error.message) process.stderr.write(`calico-windows-compat: ${unwritable.message}\n`);
        }
    }
    throw error;
  }
}

/** The settings of a check besides its flags: the config file and where reports go. */
interface CheckSettings {
  readonly config: Config | undefined;
  readonly outputs: readonly Output[];
  readonly sarifRoot: string;
  readonly cwd: string;
  /** The whole command line, for SARIF's invocation. */
  readonly commandLine: readonly string[];
}

type CheckValues = ReturnType<typeof parseArgs<{ options: typeof CHECK_OPTIONS; allowPositionals: true; strict: true }>>['values'];

async function checkWith(values: CheckValues, positionals: readonly string[], settings: CheckSettings): Promise<number> {
  const { config, outputs, cwd } = settings;
  const failOn = oneOf('--fail-on', values['fail-on'] ?? config?.failOn ?? 'error', FAIL_ON);
  const files = [...(values.facts === undefined ? [] : [values.facts]), ...positionals];
  const manifests = values.manifests ?? [];
  const cluster = clusterArgs(values);
  if (typeof cluster === 'string') throw usage(cluster);
  if (files.length === 0 && manifests.length === 0 && cluster === undefined)
    throw usage('no facts file, no manifests and no --cluster: pass one, e.g. calico-windows-compat check --cluster, or check facts.yaml');
  if (files.length > 1) throw usage(`one facts file at a time, got ${files.length}: ${files.join(', ')}`);

  const input = await loadInput(files[0], manifests, cluster);
  // Flags override the config file: --waivers replaces its waivers, --skip-rule its skipRules.
  const waiversFile = values.waivers ?? (config?.waivers !== undefined && 'file' in config.waivers ? displayPath(config.waivers.file, cwd) : undefined);
  let waivers: readonly Waiver[] | undefined;
  if (waiversFile !== undefined) {
    const { readWaiversFile } = await import('./node/read.js');
    const parsed = await readWaiversFile(waiversFile);
    if (!parsed.success) throw parsed.error;
    waivers = parsed.data;
  } else if (config?.waivers !== undefined && 'list' in config.waivers) waivers = config.waivers.list;
  const release = values.release ?? config?.release;
  const skipRules = values['skip-rule'] ?? config?.skipRules;
  const inputs: ReportInput[] = [
    ...files.map((name) => ({ kind: 'facts', name: name === STDIN ? '(stdin)' : name })),
    ...manifests.map((name) => ({ kind: 'manifests', name: name === STDIN ? '(stdin)' : name })),
    ...(cluster === undefined ? [] : [{ kind: 'cluster', name: cluster.context ?? '(current context)' }]),
    ...(waiversFile === undefined ? [] : [{ kind: 'waivers', name: waiversFile }]),
    ...(config === undefined ? [] : [{ kind: 'config', name: config.file }]),
  ];
  const { evaluateCompatibility } = await api();
  const report = evaluateCompatibility(input.facts, {
    ...(release === undefined ? {} : { release, profiles: await releases() }),
    ...(values.rule ? { rules: values.rule } : {}),
    ...(skipRules ? { skipRules } : {}),
    ...(input.sources ? { sources: input.sources } : {}),
    // Waivers expire by today's date: the one place the clock is read.
    ...(waivers ? { waivers, now: new Date() } : {}),
    inputs,
  });
  writeNotes(input);
  for (const warning of await releaseWarnings(report, input.facts, release !== undefined)) process.stderr.write(`calico-windows-compat: ${warning}\n`);

  // SARIF locates results in the facts file by line; with manifests, facts carry their own sources.
  const factsFile = files[0];
  const locate =
    outputs.some((o) => o.format === 'sarif') && factsFile !== undefined && manifests.length === 0 && cluster === undefined
      ? (await import('./cli/output.js')).factLocator(await input.factsDocument(), input.facts)
      : undefined;
  const inputFile = [factsFile, ...manifests].find((m) => m !== undefined && m !== STDIN);
  const exitCode = exitCodeOf(report, failOn);
  const { renderReportChunks } = await import('./cli/render.js');
  // Known before the report is written: a reader that stops early (`| head`) does not change it.
  process.exitCode = exitCode;
  const render = (output: Output): Promise<Iterable<string>> =>
    renderReportChunks(report, output.format, {
      label: input.description,
      ...(inputFile === undefined ? {} : { input: inputFile }),
      // Colour is for a terminal: files never get escape codes.
      color: output.to === STDOUT && useColor(values.color, values['no-color']),
      quiet: values.quiet,
      toolVersion: pkg.version,
      ...(locate ? { locate } : {}),
      sarifRoot: settings.sarifRoot,
      workingDirectory: cwd,
      arguments: settings.commandLine,
      exitCode,
    });
  // Each report is written in pieces as it is made (a report of any size), files atomically.
  for (const output of outputs) await writeOutput(output.to, await render(output));
  return exitCode;
}

/** A report or the facts to a file (atomically) or to standard output (`-`). */
async function writeOutput(to: string, chunks: Iterable<string>): Promise<void> {
  if (to === STDOUT) await writeStdoutChunks(chunks);
  else writeFileAtomically(to, chunks);
}

/** The JSON Schemas `schema` prints, each loaded when asked for. */
const SCHEMAS = {
  facts: async () => (await import('../facts.schema.json', { with: { type: 'json' } })).default,
  report: async () => (await import('../report.schema.json', { with: { type: 'json' } })).default,
  config: async () => (await import('../config.schema.json', { with: { type: 'json' } })).default,
} as const;

async function printSchema(argv: readonly string[]): Promise<number> {
  const { positionals } = parseArgs({ args: [...argv], options: {}, allowPositionals: true, strict: true });
  if (positionals.length > 1) throw usage('schema takes at most one name: facts, report or config');
  const which = oneOf('schema', positionals[0] ?? 'facts', Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[]);
  writeStdout(`${JSON.stringify(await SCHEMAS[which](), null, 2)}\n`);
  return EXIT_CODES.compatible;
}

async function explain(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], options: { release: { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw usage('explain takes one rule id, e.g. calico-windows-compat explain strict-affinity');
  const profile = values.release === undefined ? undefined : (await api()).selectRelease(values.release, {}, await releases()).profile;
  const { explainRule } = await import('./cli/output.js');
  writeStdout(explainRule(positionals[0] ?? '', profile));
  return EXIT_CODES.compatible;
}

/** facts, and collect (`collect` true: facts --cluster). */
async function printFacts(argv: readonly string[], collect = false): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], options: FACTS_OPTIONS, allowPositionals: true, strict: true });
  if (values.help) {
    writeStdout(HELP);
    return EXIT_CODES.compatible;
  }
  if (values.format !== 'yaml' && values.format !== 'json') throw usage(`--format must be yaml or json, not '${values.format}'${didYouMean(values.format, ['yaml', 'json'])}`);
  if (positionals.length > 0) throw usage(`unexpected argument '${positionals[0] ?? ''}': pass objects with --manifests, a facts file with --facts`);
  const manifests = values.manifests ?? [];
  const cluster = clusterArgs(values, collect);
  if (typeof cluster === 'string') throw usage(cluster);
  if (manifests.length === 0 && values.facts === undefined && cluster === undefined)
    throw usage('nothing to derive facts from: pass --cluster, or --manifests <file|-> (e.g. kubectl get nodes -o yaml | calico-windows-compat facts --manifests -)');

  const input = await loadInput(values.facts, manifests, cluster);
  const { evaluateCompatibility } = await api();
  const missing = evaluateCompatibility(input.facts, values.release === undefined ? {} : { release: values.release, profiles: await releases() }).missingFacts;
  if (values.format === 'json') {
    const out = {
      facts: input.facts,
      sources: input.sources ?? {},
      notes: input.notes,
      ...(input.cluster ? { cluster: input.cluster } : {}),
      overrides: input.overrides,
      missingFacts: missing,
    };
    await writeOutput(values.output ?? STDOUT, [`${JSON.stringify(out, null, 2)}\n`]);
    return EXIT_CODES.compatible;
  }
  const header = [
    `Facts for calico-windows-compat ${pkg.version}, derived from ${input.description}.`,
    'Each derived fact names the object and field it came from. Review them, add what the cluster',
    'cannot say (listed at the end), then run: calico-windows-compat check --facts <this file>',
  ];
  const clusterNotes = input.cluster?.notes ?? [];
  if (input.notes.length + clusterNotes.length > 0)
    header.push('', 'Notes:', ...clusterNotes.map((n) => `- [${n.level}] ${n.message}`), ...input.notes.map((n) => `- [${n.level}] ${describeNote(n)}`));
  if (input.overrides.length > 0) header.push('', `Overridden by ${values.facts ?? 'the facts file'}:`, ...input.overrides.map((n) => `- ${n.message}`));
  const [{ hintFor }, { formatFactsYaml }] = await Promise.all([import('./catalog/hints.js'), import('./text/yaml.js')]);
  const footer =
    missing.length === 0
      ? ['Nothing is missing to decide the verdict.']
      : ['Still needed to decide the verdict:', ...missing.map((path) => `- ${path}: ${hintFor(path)}`)];
  await writeOutput(values.output ?? STDOUT, [formatFactsYaml(input.facts, { ...(input.sources ? { sources: input.sources } : {}), header, footer })]);
  return EXIT_CODES.compatible;
}

/**
 * The most nodes a run evaluates unless `--max-nodes` says otherwise. The largest input the size limits
 * admit (64 MiB: about 2,000,000 nodes of names only) would exhaust Node's default heap, so larger inputs
 * are refused before they are evaluated, with a message naming the limit; the figures behind the number
 * are in docs/quality.md.
 */
const DEFAULT_MAX_NODES = 100_000;
let maxNodes = DEFAULT_MAX_NODES;

/**
 * The options every command takes, wherever they stand (before `--`): `--debug` (stack traces of
 * internal errors), and `--max-nodes <n>` for the commands that read facts (check, facts, collect, plan).
 * Returns the other arguments.
 */
function globalOptions(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  const options = end < 0 ? argv : argv.slice(0, end);
  const rest: string[] = [];
  let limit: string | undefined;
  for (let i = 0; i < options.length; i++) {
    const arg = options[i] ?? '';
    if (arg === '--debug') continue;
    const inline = arg.startsWith('--max-nodes=') ? arg.slice('--max-nodes='.length) : undefined;
    if (arg !== '--max-nodes' && inline === undefined) {
      rest.push(arg);
      continue;
    }
    const value = inline ?? options[++i];
    if (value === undefined) throw usage("option '--max-nodes <n>' argument missing");
    if (limit !== undefined) throw usage(`--max-nodes given twice ('${limit}' and '${value}'): give it once`);
    limit = value;
  }
  if (limit !== undefined) {
    const command = rest[0];
    if (command !== undefined && ['rules', 'releases', 'explain', 'schema'].includes(command))
      throw usage(`--max-nodes is an option of check, facts, collect and plan, not of ${command}`);
    if (!/^[1-9][0-9]{0,8}$/.test(limit)) throw usage(`--max-nodes must be a whole number from 1 to 999999999, not '${limit}'`);
    maxNodes = Number(limit);
  }
  return end < 0 ? rest : [...rest, ...argv.slice(end)];
}

/** Facts with more nodes than `--max-nodes` are refused before they are evaluated (exit 2). */
function refuseTooManyNodes(facts: ClusterFacts): void {
  const count = facts.nodes?.length ?? 0;
  if (count > maxNodes)
    throw new CompatError(
      'invalid-input',
      `The input lists ${count} nodes, more than the limit of ${maxNodes} (--max-nodes): evaluating them could exhaust the memory. ` +
        `Check the nodes in parts, or raise the limit with --max-nodes <n> (and node --max-old-space-size) where the memory is there.`,
    );
}

/** The facts to evaluate: a facts file, facts derived from manifests, or both merged. */
interface Input {
  readonly facts: ClusterFacts;
  /** Where facts came from; absent for a facts file alone, as before manifests existed. */
  readonly sources: Record<string, FactSource> | undefined;
  readonly notes: readonly ManifestNote[];
  /** What reading the cluster found (--cluster): kinds absent or forbidden, and the commands run. */
  readonly cluster?: { readonly notes: readonly ClusterNote[]; readonly reads: ReadonlyArray<{ kind: string; command: string; objects: number }> };
  readonly overrides: readonly MergeNote[];
  /** `facts: extra.yaml, manifests: nodes.yaml, (stdin)`. */
  readonly description: string;
  /**
   * The facts file's document, for positions (SARIF): from the one read and parse of the file — never a
   * second read (a FIFO has no second read) — parsed again only for a JSON text within the 4 MiB position cap.
   */
  readonly factsDocument: () => Promise<TextDocument | undefined>;
}

async function loadInput(factsPath: string | undefined, manifests: readonly string[], cluster?: ClusterArgs): Promise<Input> {
  if ([factsPath, ...manifests].filter((m) => m === STDIN).length > 1) throw usage("standard input ('-') can be read once");
  // `-` for the facts file is standard input, as for --manifests.
  const factsFile = factsPath === STDIN ? '(stdin)' : factsPath;
  const described = [
    ...(factsFile === undefined ? [] : [`facts: ${factsFile}`]),
    ...(manifests.length === 0 ? [] : [`manifests: ${manifests.map((m) => (m === STDIN ? '(stdin)' : m)).join(', ')}`]),
  ].join(', ');

  let explicit: ClusterFacts | undefined;
  let explicitSource: ((path: string, segments: readonly (string | number)[]) => FactSource | undefined) | undefined;
  let factsDocument: () => Promise<TextDocument | undefined> = () => Promise.resolve(undefined);
  const { readTextFile } = await reading();
  if (factsPath !== undefined && factsFile !== undefined) {
    // Read once: positions (SARIF, fact sources) come from this text, never from a second read.
    const text = factsPath === STDIN ? await readStandardInput('--facts -') : await readTextFile(factsPath);
    // JSON facts are read without the YAML parser; YAML, and problems to locate, with it.
    const { parseFactsJson } = await import('./text/json.js');
    let parsed = parseFactsJson(text, { file: factsFile });
    let document: TextDocument | undefined;
    if (parsed === undefined) ({ result: parsed, document } = (await import('./text/yaml.js')).parseFactsTextLocated(text, { file: factsFile }));
    if (!parsed.success) throw parsed.error;
    explicit = parsed.data;
    let located: Promise<TextDocument | undefined> | undefined;
    factsDocument = () => (located ??= import('./text/yaml.js').then(({ locatableDocument }) => locatableDocument(text, document, { file: factsFile })));
    if (manifests.length > 0 || cluster !== undefined) {
      const found = await factsDocument();
      explicitSource = (path, segments) => {
        const position = found?.locate(segments);
        return { object: 'facts file', field: path, file: factsFile, ...(position ? { line: position.line, column: position.column } : {}) };
      };
    }
  }
  if (manifests.length === 0 && cluster === undefined) {
    const facts = explicit ?? {};
    refuseTooManyNodes(facts);
    return { facts, sources: undefined, notes: [], overrides: [], description: described, factsDocument };
  }

  const [{ parseManifestsText, parseValuesText }, { concatManifests, factsFromManifests }, { mergeFacts }] = await Promise.all([
    import('./text/yaml.js'),
    import('./adapters/manifests.js'),
    import('./adapters/merge.js'),
  ]);
  const sets: ManifestSet[] = [];
  // After the facts file, so that a bad one fails before kubectl runs; its objects before the files'.
  const collected = cluster === undefined ? undefined : await readCluster(cluster);
  if (collected) sets.push(collected.set);
  for (const manifest of manifests) {
    const name = manifest === STDIN ? '(stdin)' : manifest;
    const text = manifest === STDIN ? await readStandardInput('--manifests -') : await readTextFile(manifest);
    sets.push(parseManifestsText(text, { file: name }));
  }
  const all = concatManifests(sets);
  const derived = factsFromManifests(all.objects, { locate: all.locate, parseValues: (values) => parseValuesText(values) });
  const merged = mergeFacts(derived.facts, explicit ?? {}, {
    sources: derived.sources,
    ...(explicitSource ? { explicitSource } : {}),
  });
  // The adapter and the merge keep facts valid; checked anyway, so a bug can never evaluate bad facts.
  const { parseFacts } = await import('./model/parse.js');
  const valid = parseFacts(merged.facts);
  if (!valid.success) throw valid.error;
  refuseTooManyNodes(valid.data);
  return {
    facts: valid.data,
    sources: merged.sources,
    notes: derived.notes,
    ...(collected
      ? { cluster: { notes: collected.notes, reads: collected.reads.map(({ kind, command, objects }) => ({ kind, command, objects })) } }
      : {}),
    overrides: merged.notes,
    description: collected ? [collected.description, described].filter(Boolean).join(', ') : described,
    factsDocument,
  };
}

/** `-` as a file: standard input. */
const STDIN = '-';

/**
 * Standard input as text, for `--manifests -` or a facts file `-`. Standard input that is a directory,
 * closed (`<&-`: the process finds /dev/null there) or empty is refused, naming the option: an empty
 * stream mostly means that the command piping into it failed, and reading it as no objects would hide that.
 */
async function readStandardInput(option: string): Promise<string> {
  const { fstatSync } = await import('node:fs');
  let directory = false;
  try {
    directory = fstatSync(0).isDirectory();
  } catch {
    throw new CompatError('invalid-input', `Cannot read standard input (${option}): it is closed.`);
  }
  if (directory) throw new CompatError('invalid-input', `Cannot read standard input (${option}): it is a directory.`);
  const text = await (await reading()).readTextStream(process.stdin, '(stdin)');
  if (text === '')
    throw new CompatError('invalid-input', `Standard input (${option}) is empty: nothing was piped in (did the command before the '|' fail?); or name a file.`);
  return text;
}

/**
 * Warnings and overrides go to standard error, so standard output stays the report. They quote input
 * (names, manifest values), so they go through `printable`, as the text report does: no value can
 * restyle the terminal or rewrite a line.
 */
function writeNotes(input: Input): void {
  // One line each: a newline in a value is shown, not obeyed.
  const say = (line: string): void => void process.stderr.write(`calico-windows-compat: ${printable(line).replaceAll('\n', '\\n')}\n`);
  for (const note of input.cluster?.notes ?? []) if (note.level === 'warning') say(`note: ${note.message}`);
  const warnings = input.notes.filter((n) => n.level === 'warning');
  for (const note of warnings) say(`note: ${describeNote(note)}`);
  for (const override of input.overrides) say(`override: ${override.message}`);
  const rest = input.notes.length - warnings.length + (input.cluster?.notes ?? []).filter((n) => n.level !== 'warning').length;
  if (rest > 0)
    process.stderr.write(`calico-windows-compat: ${rest} more note${rest === 1 ? '' : 's'}; 'calico-windows-compat facts' with the same inputs lists them.\n`);
}

function describeNote(note: ManifestNote): string {
  const where = note.location ? ` (${note.location.file === undefined ? 'line ' : `${note.location.file}:`}${note.location.line})` : '';
  return `${note.message}${where}`;
}

async function listRules(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { format: { type: 'string', short: 'f', default: 'text' }, release: { type: 'string' } }, strict: true });
  // The seed's catalog, or the rules of a release's profile.
  const { DEFAULT_PROFILE } = await import('./catalog/default.js');
  const profile = values.release === undefined ? DEFAULT_PROFILE : (await api()).selectRelease(values.release, {}, await releases()).profile;
  const list = profile.rules;
  if (values.format === 'json') {
    const { documented } = await import('./catalog/docs.js');
    const rules = list.map((rule) => documented(rule, profile)).map((rule) => ({
      id: rule.id,
      title: rule.title,
      severity: rule.severity,
      scope: rule.scope,
      sections: rule.sections,
      appliesWhen: rule.appliesWhen,
      passesWhen: rule.passesWhen,
      facts: rule.facts,
      description: rule.description,
      remediation: rule.remediation,
    }));
    writeStdout(`${JSON.stringify(rules, null, 2)}\n`);
    return EXIT_CODES.compatible;
  }
  if (values.format !== 'text') throw usage(`--format must be text or json, not '${values.format}'${didYouMean(values.format, ['text', 'json'])}`);
  const width = Math.max(...list.map((r) => r.id.length));
  for (const rule of list) writeStdout(`${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.title}\n`);
  return EXIT_CODES.compatible;
}

async function listReleases(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { format: { type: 'string', short: 'f', default: 'text' }, diff: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw usage(`--format must be text or json, not '${format}'${didYouMean(format, ['text', 'json'])}`);
  const { formatDiff, formatReleaseList, profileJson } = await import('./cli/releases.js');
  if (values.diff) {
    const [from, to, ...extra] = positionals;
    if (from === undefined || to === undefined || extra.length > 0) throw usage('--diff takes two releases, e.g. calico-windows-compat releases --diff 3.23 3.30');
    writeStdout(formatDiff(from, to, format));
    return EXIT_CODES.compatible;
  }
  if (positionals.length > 0) throw usage(`unexpected argument '${positionals[0] ?? ''}' (compare two releases with --diff <from> <to>)`);
  writeStdout(format === 'json' ? `${JSON.stringify((await releases()).map(profileJson), null, 2)}\n` : formatReleaseList());
  return EXIT_CODES.compatible;
}

/**
 * The warnings about the release a report was checked against: a note of its profile, or a
 * calico.version of another release line. Every release is loaded only when there is one.
 */
async function releaseWarnings(report: Report, facts: ClusterFacts, releaseGiven: boolean): Promise<string[]> {
  const { minorLine, parseVersion } = await import('./model/version.js');
  const version = facts.calico?.version === undefined ? undefined : parseVersion(facts.calico.version);
  if (report.profile.note === undefined && (version === undefined || minorLine(version) === report.profile.release)) return [];
  return (await import('./cli/releases.js')).releaseWarnings(report, facts, releaseGiven);
}

/**
 * Whether text output is coloured: `--color` / `--no-color` first; then `FORCE_COLOR` as Node reads it
 * (`1`, `2`, `3`, `true` or empty: on, whatever `NO_COLOR` says; any other value: off); then on for a
 * terminal unless `NO_COLOR` is set.
 */
function useColor(color: boolean | undefined, noColor: boolean | undefined): boolean {
  if (noColor) return false;
  if (color) return true;
  const force = process.env['FORCE_COLOR'];
  if (force !== undefined) return ['', '1', '2', '3', 'true'].includes(force);
  const env = process.env['NO_COLOR'];
  return process.stdout.isTTY === true && (env === undefined || env === '');
}

function usage(message: string): UsageError {
  return new UsageError(message);
}

function isUsageError(error: unknown): boolean {
  if (error instanceof UsageError) return true;
  // node:util parseArgs reports unknown options and missing values with these codes.
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

watchStandardStreams();
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = finalExitCode(code);
});
