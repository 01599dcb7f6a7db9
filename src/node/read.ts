/**
 * Reading facts and waivers from files and streams, with size limits: the implementation behind
 * `calico-windows-compat/node`.
 * @module
 */
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { CompatError } from '../model/errors.js';
import { parseFactsText } from '../text/yaml.js';
import type { ParseFactsResult } from '../model/parse.js';
import { parseWaiversText } from '../text/waivers.js';
import type { ParseWaiversResult } from '../engine/waivers.js';

/** How files are read. */
export interface ReadOptions {
  /** The largest input accepted, in bytes. Default: {@link DEFAULT_MAX_BYTES}. */
  readonly maxBytes?: number;
}

/** The largest input read by default: 64 MiB. Larger input is refused before it is read. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a UTF-8 text file, refusing files over the size limit before reading them and bytes that are
 * not UTF-8.
 *
 * @throws {@link CompatError} `invalid-input` naming the file.
 */
export async function readTextFile(path: string, options: ReadOptions = {}): Promise<string> {
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new CompatError('invalid-input', `Cannot read ${path}: ${reason(error)}.`);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new CompatError('invalid-input', `Cannot read ${path}: it is a directory.`);
    if (stat.size > limit) throw tooLarge(path, stat.size, limit);
    const chunks: Buffer[] = [];
    let total = 0;
    // Read in chunks, not by size: a pipe or a growing file reports no meaningful size.
    for (;;) {
      const buffer = Buffer.alloc(1024 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) throw tooLarge(path, total, limit);
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return decode(Buffer.concat(chunks), path);
  } finally {
    await handle.close();
  }
}

/** Reads a stream (standard input) as UTF-8 text, with the same limits as {@link readTextFile}. */
export async function readTextStream(stream: Readable, name = '(stdin)', options: ReadOptions = {}): Promise<string> {
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.length;
    if (total > limit) {
      stream.destroy();
      throw tooLarge(name, total, limit, true);
    }
    chunks.push(buffer);
  }
  return decode(Buffer.concat(chunks), name);
}

/**
 * Reads and validates a facts file (JSON or YAML). Never throws for bad content: problems come back
 * in the result, each with its path and line.
 */
export async function readFactsFile(path: string, options: ReadOptions = {}): Promise<ParseFactsResult> {
  return readAndParse(path, options, (text) => parseFactsText(text, { file: path }));
}

/**
 * Reads and validates a waivers file (YAML or JSON: a list of `{ rule, subject?, reason, owner?,
 * expires? }`, or `{ waivers: [...] }`). Never throws for bad content: problems come back in the
 * result, each with its path and line.
 *
 * @example
 * const waivers = await readWaiversFile('waivers.yaml');
 * if (!waivers.success) throw waivers.error;
 * evaluateCompatibility(facts, { waivers: waivers.data, now: new Date() });
 */
export async function readWaiversFile(path: string, options: ReadOptions = {}): Promise<ParseWaiversResult> {
  return readAndParse(path, options, (text) => parseWaiversText(text, { file: path }));
}

/** Reads a file and parses it; a file that cannot be read is a failed result, like bad content. */
async function readAndParse<T>(
  path: string,
  options: ReadOptions,
  parse: (text: string) => T | { readonly success: false; readonly error: CompatError },
): Promise<T | { readonly success: false; readonly error: CompatError }> {
  let text: string;
  try {
    text = await readTextFile(path, options);
  } catch (error) {
    if (error instanceof CompatError) return { success: false, error };
    throw error;
  }
  return parse(text);
}

function decode(bytes: Uint8Array, name: string): string {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new CompatError('invalid-input', `Cannot read ${name}: it is not UTF-8 text.`);
  }
  // UTF-16 and UTF-32 without a byte order mark decode as UTF-8 full of NULs; no YAML or JSON holds one.
  if (text.includes('\0'))
    throw new CompatError('invalid-input', `Cannot read ${name}: it is not UTF-8 text (it holds NUL characters, as UTF-16 and UTF-32 text does).`);
  return text;
}

function tooLarge(name: string, size: number, limit: number, atLeast = false): CompatError {
  return new CompatError(
    'invalid-input',
    `${name} is too large: ${atLeast ? 'more than ' : ''}${size} bytes, the limit is ${limit} bytes.`,
  );
}

function reason(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}

