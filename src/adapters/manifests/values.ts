// Small helpers: reading untrusted values, and showing them in notes.
import type { FactSource } from '../../model/report.js';
import { describeSource as describeReportSource } from '../../model/naming.js';
import type { Obj, Segment } from './types.js';

/** A table's own entry only: `constructor` or `toString` in the input name no entry. */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

export const isInteger = (value: unknown): value is number => Number.isInteger(value);

/** Where a fact came from, in notes: the object, its field, and its file and line. */
export function describeSource(source: FactSource): string {
  // Stryker disable next-line StringLiteral: any precision but 'column' shows the line alone
  return describeReportSource(source, 'line');
}

export function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An own property only: hostile input's `__proto__` or `constructor` keys are data, never lookups. */
export function own(value: Obj, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}

export function get(value: unknown, path: readonly Segment[]): unknown {
  let current = value;
  for (const key of path) {
    // Stryker disable next-line StringLiteral,BlockStatement,ConditionalExpression: no caller passes a numeric segment (typeof key === 'number' -> false changes nothing)
    if (typeof key === 'number') {
      // Stryker disable next-line BooleanLiteral,ConditionalExpression: no caller passes a numeric segment
      if (!Array.isArray(current)) return undefined;
      current = current[key];
    } else {
      if (!isObj(current)) return undefined;
      current = own(current, key);
    }
  }
  return current;
}

export function stringMap(value: unknown): Map<string, string> {
  const map = new Map<string, string>();
  if (!isObj(value)) return map;
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (typeof item === 'string') map.set(key, item);
  }
  return map;
}

export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Stryker disable next-line LogicalOperator: the values compared for one fact are always both lists or both not
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  // Stryker disable next-line LogicalOperator: the values compared for one fact are always both objects or both not
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

export function show(value: unknown): string {
  return typeof value === 'string' ? `'${truncate(value)}'` : JSON.stringify(value) ?? String(value);
}

export function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string '${truncate(value)}'`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
