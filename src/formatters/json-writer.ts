/**
 * JSON as `JSON.stringify(value, null, 2)` writes it, in pieces: a report of a large cluster is more text
 * than one string can hold (V8's limit is about 512 MiB), so its findings are written a few at a time.
 *
 * Findings share most of what they hold — a rule's references, a node's subject and evidence — so
 * those (the values of `references` and `subject`, the items of `evidence`) are written once per depth
 * and their text reused: the value must not change while it is being written, as with any writer.
 * Nothing else is kept, so the writer holds a few texts per rule and node, never the findings'.
 * @module
 */

/** Size of the pieces a long list is written in, in characters (about). */
const CHUNK = 64 * 1024;

/** How deep the writer goes before it hands the rest to `JSON.stringify` (which then reports a cycle). */
const MAX_DEPTH = 512;

const INDENT = '  ';

/** Keys whose values findings share, and the key whose list items they share. */
const SHARED_VALUES: ReadonlySet<string> = new Set(['references', 'subject']);
const SHARED_ITEMS = 'evidence';

/** Writes JSON text of values, reusing the text of the shared parts of findings. */
export class JsonWriter {
  readonly #keys = new Map<string, string>();
  readonly #written: Array<Map<object, string>> = [];

  /**
   * `JSON.stringify(value, null, 2)` of `value` standing at `depth` (its lines indented as there), under
   * `key`, as one string; `shared`: its text may be kept and reused.
   */
  text(value: unknown, key: string, depth: number, shared = false): string | undefined {
    let v = value;
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function')
      v = (v as { toJSON: (key: string) => unknown }).toJSON(key);
    switch (typeof v) {
      case 'string':
        return JSON.stringify(v);
      case 'number':
        return Number.isFinite(v) ? String(v) : 'null';
      case 'boolean':
        return v ? 'true' : 'false';
      case 'object':
        return v === null ? 'null' : this.#object(v, key, depth, shared);
      case 'bigint':
        // What JSON.stringify does with it: throws, or what a BigInt.prototype.toJSON says.
        return JSON.stringify(v);
      default:
        return undefined;
    }
  }

  #object(value: object, key: string, depth: number, shared: boolean): string {
    const known = shared ? this.#written[depth]?.get(value) : undefined;
    if (known !== undefined) return known;
    const proto: unknown = Object.getPrototypeOf(value);
    let text: string;
    if (depth > MAX_DEPTH || (!Array.isArray(value) && proto !== Object.prototype && proto !== null))
      // Boxed primitives, maps, class instances, very deep values: as JSON.stringify writes them.
      text = (JSON.stringify(value, null, 2) ?? 'null').replaceAll('\n', `\n${INDENT.repeat(depth)}`);
    else text = Array.isArray(value) ? this.#array(value, depth, key === SHARED_ITEMS) : this.#record(value as Record<string, unknown>, depth);
    if (shared) (this.#written[depth] ??= new Map()).set(value, text);
    return text;
  }

  #array(value: readonly unknown[], depth: number, sharedItems: boolean): string {
    if (value.length === 0) return '[]';
    const inner = `\n${INDENT.repeat(depth + 1)}`;
    let text = '[';
    for (let i = 0; i < value.length; i++) text += `${i === 0 ? '' : ','}${inner}${this.text(value[i], String(i), depth + 1, sharedItems) ?? 'null'}`;
    return `${text}\n${INDENT.repeat(depth)}]`;
  }

  #record(value: Record<string, unknown>, depth: number): string {
    const inner = `\n${INDENT.repeat(depth + 1)}`;
    let text = '';
    for (const key of Object.keys(value)) {
      const item = this.text(value[key], key, depth + 1, SHARED_VALUES.has(key));
      if (item !== undefined) text += `${text === '' ? '' : ','}${inner}${this.key(key)}: ${item}`;
    }
    return text === '' ? '{}' : `{${text}\n${INDENT.repeat(depth)}}`;
  }

  /** A key as JSON writes it: `"ruleId"`. */
  key(key: string): string {
    let quoted = this.#keys.get(key);
    if (quoted === undefined) {
      quoted = JSON.stringify(key);
      this.#keys.set(key, quoted);
    }
    return quoted;
  }
}

/** Options of {@link jsonChunks}. */
export interface ChunkOptions {
  /** The items of the list, when they are made as they are written (the record's own list is then not read). */
  readonly items?: Iterable<unknown>;
  /** How deep the record stands (its lines indented as there). Default 0. */
  readonly depth?: number;
  /** A newline after the text. Default true. */
  readonly newline?: boolean;
  readonly writer?: JsonWriter;
}

/**
 * `JSON.stringify(record, null, 2)`, in pieces: the record's own enumerable keys in order, its lists (and
 * the items given for `listKey`) an item at a time, a piece about every 64 KiB; joined, the pieces are
 * exactly that text (followed by a newline, unless `newline` is false). `record` must be a plain object
 * without `toJSON`.
 */
export function* jsonChunks(record: Record<string, unknown>, listKey: string, options: ChunkOptions = {}): Generator<string> {
  const { depth = 0, newline = true, writer = new JsonWriter() } = options;
  const indent = INDENT.repeat(depth);
  const inner = `\n${indent}${INDENT}`;
  let text = '';
  let first = true;
  for (const key of Object.keys(record)) {
    // The list given as items is not read from the record (a report would build its findings).
    const value = key === listKey && options.items !== undefined ? undefined : record[key];
    const items = key === listKey && options.items !== undefined ? options.items : Array.isArray(value) ? (value as readonly unknown[]) : undefined;
    if (items !== undefined) {
      text += `${first ? '{' : ','}${inner}${writer.key(key)}: [`;
      first = false;
      const itemIndent = `${inner}${INDENT}`;
      let i = 0;
      for (const item of items) {
        text += `${i === 0 ? '' : ','}${itemIndent}${writer.text(item, String(i), depth + 2) ?? 'null'}`;
        i++;
        if (text.length >= CHUNK) {
          yield text;
          text = '';
        }
      }
      text += i === 0 ? ']' : `${inner}]`;
      continue;
    }
    const item = writer.text(value, key, depth + 1);
    if (item === undefined) continue;
    text += `${first ? '{' : ','}${inner}${writer.key(key)}: ${item}`;
    first = false;
  }
  text += first ? '{}' : `\n${indent}}`;
  if (newline) text += '\n';
  yield text;
}
