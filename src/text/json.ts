/**
 * JSON facts text, read by the platform's parser: the common case of a facts file, without loading a
 * YAML parser. Anything it cannot settle — text that is not JSON, a duplicate key, invalid facts, whose
 * problems are reported with their line and column — is left to `parseFactsText` (`yaml.ts`).
 * @module
 */
import { CompatError } from '../model/errors.js';
import { acceptFacts } from '../model/fast-facts.js';
import type { ParseFactsResult } from '../model/parse.js';

/** How text is read. */
export interface TextOptions {
  /** The file name, for error locations. */
  readonly file?: string;
  /** The largest text accepted, in characters. Default: {@link DEFAULT_MAX_TEXT_LENGTH}. */
  readonly maxLength?: number;
}

/** The largest text accepted by default: 64 Mi characters. */
export const DEFAULT_MAX_TEXT_LENGTH = 64 * 1024 * 1024;

/**
 * Valid facts from JSON text, or `undefined` when the text is not plain JSON facts (not JSON, a key twice
 * in an object, invalid facts): then `parseFactsText` gives the facts or the problems, with positions.
 * Throws the {@link CompatError} of a text over the size limit.
 */
export function parseFactsJson(text: string, options: TextOptions = {}): ParseFactsResult | undefined {
  const source = checkText(text, options);
  if (!/^\s*[{[]/.test(source)) return undefined;
  const json = tryJson(source);
  if (json === undefined) return undefined;
  // Valid facts are accepted by hand, with no schema loaded; anything else is parseFactsText's.
  const data = acceptFacts(json.value);
  return data === undefined ? undefined : { success: true, data };
}

/** The value of JSON text, or undefined when it is not JSON or an object in it has a key twice. */
export function tryJson(text: string): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined; // not JSON after all: YAML gives the error with its position
  }
  // JSON.parse keeps the last of two equal keys; the YAML parser refuses them with their position.
  return hasDuplicateKey(text) ? undefined : { value };
}

/**
 * Whether an object of a valid JSON text has the same key twice (`{"a":1,"\u0061":2}` included). One pass
 * over the text: a string followed by `:` is a key of the innermost open object.
 */
function hasDuplicateKey(json: string): boolean {
  const open: (Set<string> | undefined)[] = [];
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x7b /* { */) open.push(new Set());
    else if (c === 0x5b /* [ */) open.push(undefined);
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) open.pop();
    else if (c === 0x22 /* " */) {
      const start = i;
      let escaped = false;
      for (i++; i < json.length && json.charCodeAt(i) !== 0x22; i++) {
        if (json.charCodeAt(i) === 0x5c /* \ */) {
          escaped = true;
          i++;
        }
      }
      let next = i + 1;
      while (next < json.length && /\s/.test(json[next] ?? '')) next++;
      const keys = open[open.length - 1];
      if (json.charCodeAt(next) !== 0x3a /* : */ || keys === undefined) continue;
      const key = escaped ? (JSON.parse(json.slice(start, i + 1)) as string) : json.slice(start + 1, i);
      if (keys.has(key)) return true;
      keys.add(key);
    }
  }
  return false;
}

/** The text to parse: within the size limit, without a byte order mark. */
export function checkText(text: string, options: TextOptions): string {
  if (typeof text !== 'string') throw new CompatError('invalid-input', 'Expected text to parse.');
  const limit = options.maxLength ?? DEFAULT_MAX_TEXT_LENGTH;
  if (text.length > limit)
    throw new CompatError('invalid-input', `${options.file ?? 'The text'} is too large: ${text.length} characters, the limit is ${limit}.`);
  // A byte order mark is not content.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

