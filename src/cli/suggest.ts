/**
 * "Did you mean": the nearest command, option or value to a mistyped one, for the CLI's usage errors.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from '../model/words.js';

/** A usage error: exit 2, with a pointer to `--help`. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** ` (did you mean 'x'?)` when a candidate is near `word`, else nothing. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const suggestion = closest(word, candidates);
  return suggestion === undefined ? '' : ` (did you mean '${suggestion}'?)`;
}

/** `value` when it is one of `choices`, else a {@link UsageError} naming them and the nearest. */
export function oneOf<T extends string>(option: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be ${choices.join(', ')}; not '${value}'${didYouMean(value, choices)}`);
}

/** The long options a parsed command line holds, as `--name` (a one-letter flag is too short to guess from). */
function optionNames(options: ParseArgsConfig['options']): string[] {
  return Object.keys(options ?? {}).map((name) => `--${name}`);
}

/**
 * `parseArgs` (strict) whose unknown option error names the nearest known option:
 * `unknown option '--fromat' (did you mean '--format'?)`; an option that takes one value, given twice
 * (`--format json --format sarif`), is a usage error naming it, never the last one silently.
 */
export function parseCommandLine<const T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    const parsed = parseArgs({ ...config, tokens: true });
    refuseRepeated(parsed.tokens ?? [], config.options);
    const { tokens: _tokens, ...rest } = parsed;
    return rest as ReturnType<typeof parseArgs<T>>;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const unknown = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'([^']+)'/.exec((error as Error).message)?.[1] : undefined;
    if (unknown === undefined) throw error;
    const name = unknown.split('=')[0] ?? unknown;
    throw new UsageError(`unknown option '${name}'${name.startsWith('--') ? didYouMean(name, optionNames(config.options)) : ''}`);
  }
}

/** A {@link UsageError} for the first option of one value that the command line gives more than once. */
function refuseRepeated(tokens: ReadonlyArray<{ kind: string; name?: string; rawName?: string; value?: string | undefined }>, options: ParseArgsConfig['options']): void {
  const seen = new Map<string, string[]>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined) continue;
    const option = options?.[token.name];
    if (option === undefined || option.type !== 'string' || option.multiple === true) continue;
    const values = seen.get(token.name) ?? [];
    values.push(token.value ?? '');
    seen.set(token.name, values);
    if (values.length > 1) throw new UsageError(`--${token.name} given twice (${values.map((v) => `'${v}'`).join(' and ')}): give it once`);
  }
}
