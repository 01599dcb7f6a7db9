/**
 * Where a check's reports go: standard output and files, several formats from one run
 * (`-f`, `-o`, `--output <format>=<file>`, a config file's `outputs`), each file written atomically; and
 * standard output that a closed pipe (`| head -1`) ends quietly.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { CompatError } from '../model/errors.js';
import { FORMATS, type Format } from './codes.js';
import { didYouMean, UsageError } from './suggest.js';

/** One report to write: a format, to a file or to standard output (`-`). */
export interface Output {
  readonly format: Format;
  /** A path, or `-` for standard output. */
  readonly to: string;
}

/** Standard output, as `--output` names it. */
export const STDOUT = '-';

/**
 * An `-o` / `--output` value: `sarif=calico.sarif` is a format and its file; anything else is a file for
 * the `-f` format. A name before `=` that is no format is refused (a typo of one is likelier than a file
 * name holding `=`, which `./` writes: `./a=b.txt`).
 */
export function parseOutputOption(value: string): { readonly format?: Format; readonly to: string } {
  const match = /^([A-Za-z][\w-]*)=(.*)$/s.exec(value);
  if (match?.[1] === undefined || match[2] === undefined) {
    if (value === '') throw new UsageError('--output needs a file (or <format>=<file>)');
    return { to: value };
  }
  const [, name, to] = match;
  if (!(FORMATS as readonly string[]).includes(name))
    throw new UsageError(
      `--output '${value}': '${name}' is not a format${didYouMean(name, FORMATS)}; formats: ${FORMATS.join(', ')} (a file whose name holds '=': ./${value})`,
    );
  if (to === '') throw new UsageError(`--output '${value}' names no file (write ${name}=<file>, or ${name}=- for standard output)`);
  return { format: name as Format, to };
}

/** What decides the outputs of a run. */
export interface OutputRequest {
  /** `-f` / `--format`: standard output's format, and the format of a bare `-o <file>`. */
  readonly format: Format;
  /** Every `-o` / `--output` value, in order. */
  readonly outputs: readonly string[];
  /** The config file's `outputs` (paths already resolved); used only when the command line gives none. */
  readonly configured?: readonly Output[];
}

/**
 * The outputs of a run: the `-f` format on standard output, unless a bare `-o <file>` takes it there or
 * an output names `-`; then every `--output <format>=<file>` (or the config file's outputs, when the
 * command line names none). A file named twice, or standard output twice, is a usage error.
 */
export function planOutputs(request: OutputRequest): Output[] {
  const given = request.outputs.map(parseOutputOption);
  const files: Output[] =
    given.length > 0 ? given.map((o) => ({ format: o.format ?? request.format, to: o.to })) : [...(request.configured ?? [])];
  // A bare -o file is where the -f format goes instead of standard output ("told otherwise").
  const redirected = given.some((o) => o.format === undefined) || files.some((o) => o.to === STDOUT);
  const outputs = redirected ? files : [{ format: request.format, to: STDOUT }, ...files];
  const seen = new Map<string, Output>();
  for (const output of outputs) {
    const key = output.to === STDOUT ? STDOUT : resolve(output.to);
    const before = seen.get(key);
    if (before !== undefined)
      throw new UsageError(
        output.to === STDOUT
          ? `two outputs to standard output (${before.format} and ${output.format}): write one of them to a file`
          : `two outputs to ${output.to} (${before.format} and ${output.format})`,
      );
    seen.set(key, output);
  }
  return outputs;
}

/**
 * Writes `content` (text, or its pieces) to `path` so that no reader ever sees half of it: into a temporary file beside it,
 * flushed to disk, then renamed over `path` (atomic on one file system). Missing parent directories are
 * created. A crash leaves the old file, or none, never a truncated one.
 *
 * @throws {@link CompatError} `invalid-input` naming the file when it cannot be written.
 */
export function writeFileAtomically(path: string, content: string | Iterable<string>): void {
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    mkdirSync(dirname(target), { recursive: true });
    fd = openSync(temporary, 'wx', 0o666);
    // In pieces, as they are made: a report of any size is never one string.
    if (typeof content === 'string') writeFileSync(fd, content);
    else for (const chunk of content) writeFileSync(fd, chunk);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Its folder could not be made: there is no temporary file.
    }
    throw new CompatError('invalid-input', `Cannot write ${path}: ${reason(error)}.`);
  }
}

function reason(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a parent of it is not a directory';
  if (code === 'ENOSPC') return 'no space left on the device';
  return error instanceof Error ? error.message : String(error);
}

let stdoutClosed = false;
let stdoutFailed = false;

/**
 * Makes a closed standard output (`… | head -1`, a reader that went away) end the run quietly: the
 * rest of the report is dropped and the exit code stays the verdict's, with no `EPIPE` stack trace. Any
 * other write error is reported in one line and exits 70. Standard error's own errors are ignored: there
 * is nowhere left to report them.
 */
export function watchStandardStreams(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    const first = !stdoutClosed;
    stdoutClosed = true;
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED' || !first) return;
    stdoutFailed = true;
    process.stderr.write(`calico-windows-compat: cannot write to standard output: ${error.message}\n`);
    process.exitCode = 70;
  });
  process.stderr.on('error', () => undefined);
}

/**
 * The exit code of a run whose command returned `code`: 70 (internal error) once writing to standard
 * output failed other than by a closed reader (`/dev/full`: the report is lost, so no verdict's code may
 * stand for it).
 */
export function finalExitCode(code: number): number {
  return stdoutFailed ? 70 : code;
}

/** Writes to standard output, unless it was closed. */
export function writeStdout(text: string): void {
  if (!stdoutClosed) process.stdout.write(text);
}

/**
 * Writes pieces of output one after the other, waiting whenever standard output asks to (so a large
 * report is never held in its buffer whole). A closed standard output ends the writing quietly.
 */
export async function writeStdoutChunks(chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (stdoutClosed) return;
    if (!process.stdout.write(chunk))
      await new Promise<void>((done) => {
        const resume = (): void => {
          process.stdout.off('drain', resume);
          process.stdout.off('error', resume);
          done();
        };
        process.stdout.on('drain', resume);
        process.stdout.on('error', resume);
      });
  }
}
