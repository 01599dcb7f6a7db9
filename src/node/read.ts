/**
 * Reading facts and waivers from files and streams, with size limits: the implementation behind
 * `calico-windows-compat/node`.
 * @module
 */
import { CompatError } from '../model/errors.js';
import { readTextFile, type ReadOptions } from './files.js';
import { parseFactsText } from '../text/yaml.js';
import type { ParseFactsResult } from '../model/parse.js';
import { parseWaiversText } from '../text/waivers.js';
import type { ParseWaiversResult } from '../engine/waivers.js';

export { DEFAULT_MAX_BYTES, readTextFile, readTextStream, type ReadOptions } from './files.js';

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
