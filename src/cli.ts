/**
 * The command line. The only module that touches `process`: it reads arguments, files and the
 * environment, prints, and chooses the exit code. Everything else is the library.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { evaluateCompatibility } from './evaluate.js';
import { CompatError } from './errors.js';
import { formatText } from './formatters/text.js';
import { readFactsFile } from './node.js';
import { RULES } from './rules/index.js';
import type { Report } from './model/report.js';
import pkg from '../package.json' with { type: 'json' };

/** Exit codes, documented in the README. */
const EXIT = { compatible: 0, incompatible: 1, usage: 2, indeterminate: 3, internal: 70 } as const;

const HELP = `calico-windows-compat ${pkg.version}
Checks a Kubernetes cluster against the Calico for Windows requirements (Calico v3.23).

Usage:
  calico-windows-compat check [--facts] <facts.yaml|facts.json> [options]
  calico-windows-compat rules
  calico-windows-compat --help | --version

check options:
  --facts <file>        the facts file (JSON or YAML); a positional file works too
  --format <text|json>  output format (default: text)
  --rule <id>           evaluate only this rule (repeatable)
  --skip-rule <id>      skip this rule (repeatable)
  --quiet               text: only failures and the verdict
  --color, --no-color   force colours on or off (default: on for a terminal unless NO_COLOR is set)
  --debug               print stack traces of internal errors

Exit codes:
  0  compatible        1  incompatible        3  indeterminate (facts missing)
  2  bad usage or invalid input               70 internal error
`;

const CHECK_OPTIONS = {
  facts: { type: 'string' },
  format: { type: 'string', default: 'text' },
  rule: { type: 'string', multiple: true },
  'skip-rule': { type: 'string', multiple: true },
  quiet: { type: 'boolean', default: false },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

/** Runs the CLI with arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await run(argv);
  } catch (error) {
    if (error instanceof CompatError) {
      process.stderr.write(`calico-windows-compat: ${error.message}\n`);
      return EXIT.usage;
    }
    if (isUsageError(error)) {
      process.stderr.write(`calico-windows-compat: ${(error as Error).message}\nRun 'calico-windows-compat --help' for usage.\n`);
      return EXIT.usage;
    }
    process.stderr.write(
      debug && error instanceof Error && error.stack
        ? `${error.stack}\n`
        : `calico-windows-compat: internal error: ${error instanceof Error ? error.message : String(error)}\n(run again with --debug for details)\n`,
    );
    return EXIT.internal;
  }
}

async function run(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(HELP);
    return first === undefined ? EXIT.usage : EXIT.compatible;
  }
  if (first === '--version' || first === '-v') {
    process.stdout.write(`${pkg.version}\n`);
    return EXIT.compatible;
  }
  if (first === 'rules') return listRules(rest);
  if (first === 'check') return check(rest);
  // `calico-windows-compat facts.yaml` is `check facts.yaml`.
  if (!first.startsWith('-') && !/^[a-z]+$/.test(first)) return check(argv);
  if (first.startsWith('-')) return check(argv);
  throw usage(`unknown command '${first}' (commands: check, rules)`);
}

async function check(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], options: CHECK_OPTIONS, allowPositionals: true, strict: true });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.compatible;
  }
  if (values.format !== 'text' && values.format !== 'json') throw usage(`--format must be text or json, not '${values.format}'`);
  const files = [...(values.facts === undefined ? [] : [values.facts]), ...positionals];
  if (files.length === 0) throw usage('no facts file: pass one, e.g. calico-windows-compat check facts.yaml');
  if (files.length > 1) throw usage(`one facts file at a time, got ${files.length}: ${files.join(', ')}`);
  const file = files[0] ?? '';

  const parsed = await readFactsFile(file);
  if (!parsed.success) throw parsed.error;
  const report = evaluateCompatibility(parsed.data, {
    ...(values.rule ? { rules: values.rule } : {}),
    ...(values['skip-rule'] ? { skipRules: values['skip-rule'] } : {}),
  });

  if (values.format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else
    process.stdout.write(
      formatText(report, { color: useColor(values.color, values['no-color']), quiet: values.quiet, input: `facts: ${file}` }),
    );
  return exitCode(report);
}

function listRules(argv: readonly string[]): number {
  const { values } = parseArgs({ args: [...argv], options: { format: { type: 'string', default: 'text' } }, strict: true });
  if (values.format === 'json') {
    const rules = RULES.map((rule) => ({
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
    process.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
    return EXIT.compatible;
  }
  if (values.format !== 'text') throw usage(`--format must be text or json, not '${values.format}'`);
  const width = Math.max(...RULES.map((r) => r.id.length));
  for (const rule of RULES) process.stdout.write(`${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.title}\n`);
  return EXIT.compatible;
}

function exitCode(report: Report): number {
  return EXIT[report.verdict];
}

function useColor(color: boolean | undefined, noColor: boolean | undefined): boolean {
  if (noColor) return false;
  if (color) return true;
  const env = process.env['NO_COLOR'];
  return process.stdout.isTTY === true && (env === undefined || env === '');
}

class UsageError extends Error {
  override readonly name = 'UsageError';
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

process.exitCode = await main(process.argv.slice(2));
