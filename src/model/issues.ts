/**
 * Problems with untrusted input in the library's words: paths as users write them, values as they were
 * seen, the nearest known key for an unknown one. Shared by every validator (facts, waivers); reads
 * zod's issues but builds no schema, so loading it costs nothing.
 * @module
 */
import type * as z from 'zod/mini';
import { MAX_REPORTED_ISSUES, type InputIssue } from './errors.js';
import { closest, shorten } from './words.js';

/** ` (did you mean 'x'?)` when the value seen is a string near one of the allowed values. */
function nearest(seen: unknown, allowed: readonly unknown[]): string {
  if (typeof seen !== 'string') return '';
  const suggestion = closest(seen, allowed.filter((v): v is string => typeof v === 'string'));
  return suggestion === undefined ? '' : ` (did you mean '${suggestion}'?)`;
}

/** Formats a path as users write it: `nodes[2].osBuild`; `(root)` for the document. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = shorten(String(key));
      out += /^[A-Za-z_$][\w$]*$/.test(name) ? (out === '' ? name : `.${name}`) : `[${JSON.stringify(name)}]`;
    }
  }
  return out === '' ? '(root)' : out;
}


/**
 * Every problem zod found, as {@link InputIssue}s in the library's words: paths users write
 * (`nodes[2].osBuild`, after `prefix`), the value seen, and the nearest known key for an unknown one.
 * Shared by every validator of untrusted input (facts, waivers), so they speak alike. At most
 * {@link MAX_REPORTED_ISSUES} are listed, then one issue counts the others.
 */
export function schemaIssues(
  schema: z.core.$ZodType,
  error: { readonly issues: readonly z.core.$ZodIssue[] },
  input: unknown,
  prefix: readonly (string | number)[] = [],
): InputIssue[] {
  const out: InputIssue[] = [];
  let unreported = 0;
  // A value of the wrong type is one problem: zod also runs a string's length check on an array.
  const wrongType = new Set<string>();
  for (const issue of error.issues) {
    const at = formatPath(issue.path);
    if (issue.code === 'invalid_type') wrongType.add(at);
    else if (wrongType.has(at)) continue;
    const room = MAX_REPORTED_ISSUES - out.length;
    const count = issue.code === 'unrecognized_keys' ? issue.keys.length : 1;
    // Stryker disable next-line EqualityOperator: with room === count nothing is left over: it adds 0
    if (room < count) unreported += count - Math.max(room, 0);
    if (room <= 0) continue;
    for (const i of toInputIssues(schema, issue, input, at, room)) {
      const segments = [...prefix, ...(i.segments ?? segmentsOf(issue.path))];
      out.push({ ...i, path: formatPath(segments), segments });
    }
  }
  if (unreported > 0)
    out.push({ path: formatPath(prefix), code: 'more-issues', message: `and ${unreported} more problem${unreported === 1 ? '' : 's'}, not listed` });
  return out;
}

function segmentsOf(path: readonly PropertyKey[]): (string | number)[] {
  // Stryker disable next-line ConditionalExpression: zod paths hold only strings and numbers here (a symbol would need String)
  return path.map((key) => (typeof key === 'number' ? key : String(key)));
}

function toInputIssues(schema: z.core.$ZodType, issue: z.core.$ZodIssue, input: unknown, path: string, limit: number): InputIssue[] {
  const seen = valueAt(input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(schema, issue.path, input);
      return issue.keys.slice(0, limit).map((key) => {
        const suggestion = closest(key, known);
        return {
          // Stryker disable next-line ArrayDeclaration: schemaIssues sets every issue's path from its segments
          path: formatPath([...issue.path, key]),
          segments: segmentsOf([...issue.path, key]),
          code: 'unknown-key',
          message: `unknown key${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; known keys here: ${known.join(', ')}`,
        };
      });
    }
    case 'invalid_type':
      return [
        {
          path,
          code: 'invalid-type',
          message:
            seen === undefined
              ? `is required (${article(issue.expected)})`
              : `expected ${article(issue.expected)}, got ${describeValue(seen)}`,
        },
      ];
    case 'invalid_value':
      return [
        {
          path,
          code: 'invalid-value',
          message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(seen)}${nearest(seen, issue.values)}`,
        },
      ];
    case 'invalid_union':
      if ('discriminator' in issue) {
        const raw = (issue as { options?: unknown }).options;
        // Stryker disable next-line ArrayDeclaration: zod gives every discriminated union's issue its options
        const options = Array.isArray(raw) ? (raw as unknown[]) : [];
        return [
          {
            path,
            code: 'invalid-value',
            message: `expected one of ${options.map((o) => JSON.stringify(o)).join(', ')}, got ${describeValue(seen)}${nearest(seen, options)}`,
          },
        ];
      }
      return [{ path, code: 'invalid-value', message: `does not match any allowed form, got ${describeValue(seen)}` }];
    case 'too_small':
      return [{ path, code: 'too-small', message: custom(issue) ?? `must be at least ${String(issue.minimum)}, got ${describeValue(seen)}` }];
    case 'too_big':
      return [{ path, code: 'too-big', message: custom(issue) ?? `must be at most ${String(issue.maximum)}, got ${describeValue(seen)}` }];
    default:
      return [{ path, code: 'custom', message: `${custom(issue) ?? 'is invalid'}, got ${describeValue(seen)}` }];
  }
}

// zod/mini ships no locale: its default message is a placeholder we replace with our own text.
function custom(issue: z.core.$ZodIssue): string | undefined {
  return issue.message && issue.message !== 'Invalid input' ? issue.message : undefined;
}

function article(expected: string): string {
  const noun = expected === 'int' ? 'integer' : expected;
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** A value as error messages show it: `"text"`, `number 3`, `null`, `an array`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    case 'number':
    case 'boolean':
      return `${typeof value} ${String(value)}`;
    case 'undefined':
      return 'nothing';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** The value at a path, as the schema read it (inherited properties included). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: zod reports a problem only at a path whose every parent is an object or array of the input
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

interface SchemaDef {
  readonly type?: string;
  readonly shape?: Record<string, { readonly _zod: { readonly def: SchemaDef } }>;
  readonly innerType?: { readonly _zod: { readonly def: SchemaDef } };
  readonly element?: { readonly _zod: { readonly def: SchemaDef } };
  readonly options?: ReadonlyArray<{ readonly _zod: { readonly def: SchemaDef } }>;
  readonly discriminator?: string;
}

/** The keys the schema allows at a path, to suggest the nearest one for a typo. */
function knownKeys(schema: z.core.$ZodType, path: readonly PropertyKey[], input: unknown): string[] {
  let def = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  let value = input;
  const unwrap = (): void => {
    while (def.innerType) def = def.innerType._zod.def;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: an unknown key is reported only inside an object, so the value at each union on its path is an object; a union without discriminator matches no option below anyway
    if (def.options && def.discriminator !== undefined && value !== null && typeof value === 'object') {
      const tag = (value as Record<string, unknown>)[def.discriminator];
      const option = def.options.find((o) => {
        const literal = o._zod.def.shape?.[def.discriminator ?? '']?._zod.def as { values?: unknown[] } | undefined;
        // Stryker disable next-line OptionalChaining,BooleanLiteral: every option of a discriminated union has its discriminator as a literal
        return literal?.values?.includes(tag) ?? false;
      });
      // Stryker disable next-line ConditionalExpression: zod reports unknown keys of a discriminated union's object only when its tag picked an option, the one found here
      if (option) def = option._zod.def;
    }
  };
  unwrap();
  for (const key of path) {
    const next = typeof key === 'number' ? def.element : def.shape?.[String(key)];
    if (!next) return [];
    def = next._zod.def;
    value = valueAt(value, [key]);
    unwrap();
  }
  return Object.keys(def.shape ?? {});
}
