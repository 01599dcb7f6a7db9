/**
 * Reading text from files and streams, with size limits. Apart from parsing (`read.ts`), so that
 * reading a file loads no parser.
 * @module
 */
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { CompatError } from '../model/errors.js';

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

