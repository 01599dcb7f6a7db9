/**
 * Merging facts derived from a cluster with facts written by hand: the hand-written file fills in what
 * a cluster cannot say (PowerShell as Administrator, remote access, TLS 1.2, firewalls, EKS role
 * permissions) and overrides what it says. Every override and conflict is reported as data.
 * @module
 */
import type { ClusterFacts, NodeFacts } from '../model/facts.js';
import type { FactSource } from '../model/report.js';
import { CompatError } from '../model/errors.js';
import { parseFacts } from '../model/parse.js';

/** One place where the hand-written facts changed a derived one. */
export interface MergeNote {
  /**
   * `override`: the explicit value replaced a different derived value. `conflict`: the two could not
   * be combined (a node with the same name but another `os`), so the explicit one replaced the derived
   * one whole.
   */
  readonly code: 'override' | 'conflict';
  /** The fact path, as findings name it: `nodes[win-1].osBuild`, `calico.ipPools`. */
  readonly path: string;
  readonly derived: unknown;
  readonly explicit: unknown;
  /** The note in English. */
  readonly message: string;
}

/** Options of {@link mergeFacts}. */
export interface MergeOptions {
  /** Where the derived facts came from (`factsFromManifests`' `sources`). Overridden facts lose theirs. */
  readonly sources?: Readonly<Record<string, FactSource>>;
  /**
   * Where an explicit fact stands, e.g. its file and line: `path` is the fact path, `segments` its
   * place in the explicit facts (`['nodes', 2, 'osBuild']`).
   */
  readonly explicitSource?: (path: string, segments: readonly (string | number)[]) => FactSource | undefined;
}

/** What {@link mergeFacts} returns. */
export interface MergeResult {
  readonly facts: ClusterFacts;
  /** Sources of the merged facts: derived ones that still hold, and explicit ones when located. */
  readonly sources: Record<string, FactSource>;
  /** Every override and conflict, in the order of the explicit facts. */
  readonly notes: MergeNote[];
}

/**
 * Merges explicit (hand-written) facts over derived ones. Objects merge key by key; nodes are matched
 * by name and merged field by field; any other list (`calico.ipPools`, `roles`, `remoteAccess`) is
 * replaced whole by the explicit one. Pure: neither input is changed.
 *
 * @throws {@link CompatError} `invalid-facts` when either input is not valid facts (see `parseFacts`).
 *
 * @example
 * const derived = factsFromManifests(objects);
 * const merged = mergeFacts(derived.facts, handWritten, { sources: derived.sources });
 * evaluateCompatibility(merged.facts, { sources: merged.sources });
 */
export function mergeFacts(derived: ClusterFacts, explicit: ClusterFacts, options: MergeOptions = {}): MergeResult {
  for (const [which, facts] of [['derived', derived], ['explicit', explicit]] as const) {
    const parsed = parseFacts(facts);
    if (!parsed.success) throw new CompatError('invalid-facts', `Invalid ${which} facts:`, parsed.error.issues);
  }
  const sources: Record<string, FactSource> = { ...options.sources };
  const notes: MergeNote[] = [];
  const dropSources = (path: string): void => {
    for (const key of Object.keys(sources))
      if (key === path || key.startsWith(`${path}.`) || key.startsWith(`${path}[`)) delete sources[key];
  };
  const located = (path: string, segments: readonly (string | number)[]): void => {
    const source = options.explicitSource?.(path, segments);
    if (source) sources[path] = source;
  };

  const mergeValue = (base: unknown, over: unknown, path: string, segments: (string | number)[]): unknown => {
    // Stryker disable next-line ConditionalExpression: both sides are validated facts, where no path holds an object on one side and another value on the other
    if (isPlainObject(over) && (base === undefined || isPlainObject(base)))
      return mergeObject(isPlainObject(base) ? base : {}, over, path, segments);
    if (over === undefined) return base;
    if (base !== undefined && !deepEqual(base, over)) {
      notes.push({
        code: 'override',
        path,
        derived: base,
        explicit: over,
        message: `${path}: ${show(over)} from the explicit facts replaces ${show(base)}${describeSource(options.sources?.[path])}.`,
      });
      dropSources(path);
    }
    located(path, segments);
    return clone(over);
  };

  const mergeObject = (
    base: Record<string, unknown>,
    over: Record<string, unknown>,
    prefix: string,
    segments: (string | number)[],
  ): Record<string, unknown> => {
    const out: Record<string, unknown> = clone(base) as Record<string, unknown>;
    for (const key of Object.keys(over)) {
      // A matched node's os and name are how it was matched, not facts of their own.
      // Stryker disable next-line StringLiteral: no other object of the facts has an os or name key (pools, which have a name, are lists replaced whole)
      if (prefix.startsWith('nodes[') && (key === 'os' || key === 'name')) continue;
      const path = prefix === '' ? key : `${prefix}.${key}`;
      // Stryker disable next-line ConditionalExpression: no object of the facts but the root has a nodes key
      if (prefix === '' && key === 'nodes') {
        out[key] = mergeNodes(base['nodes'] as NodeFacts[] | undefined, over['nodes'] as NodeFacts[]);
        continue;
      }
      const value = mergeValue(own(base, key), over[key], path, [...segments, key]);
      if (value !== undefined) define(out, key, value);
    }
    return out;
  };

  const mergeNodes = (base: readonly NodeFacts[] | undefined, over: readonly NodeFacts[]): NodeFacts[] => {
    const out: NodeFacts[] = (base ?? []).map((n) => clone(n) as NodeFacts);
    const index = new Map<string, number>();
    out.forEach((node, i) => index.set(node.name, i));
    over.forEach((node, i) => {
      const path = `nodes[${node.name}]`;
      const at = index.get(node.name);
      // Stryker disable next-line ConditionalExpression: out[undefined] is undefined too
      const current = at === undefined ? undefined : out[at];
      // Stryker disable next-line ConditionalExpression,LogicalOperator: every index kept in index has its node in out, so current is undefined exactly when at is; both checks narrow types
      if (at === undefined || current === undefined) {
        index.set(node.name, out.length);
        out.push(clone(node) as NodeFacts);
        for (const key of Object.keys(node)) if (key !== 'os' && key !== 'name') located(`${path}.${key}`, ['nodes', i, key]);
        return;
      }
      if (current.os !== node.os) {
        notes.push({
          code: 'conflict',
          path,
          derived: current,
          explicit: node,
          message: `${path}: the explicit facts describe a ${node.os} node, the derived facts a ${current.os} node; the explicit node replaces it whole.`,
        });
        dropSources(path);
        out[at] = clone(node) as NodeFacts;
        for (const key of Object.keys(node)) if (key !== 'os' && key !== 'name') located(`${path}.${key}`, ['nodes', i, key]);
        return;
      }
      out[at] = mergeObject(current as Record<string, unknown>, node as Record<string, unknown>, path, ['nodes', i]) as NodeFacts;
    });
    return out;
  };

  const facts = mergeObject(derived as Record<string, unknown>, explicit as Record<string, unknown>, '', []) as ClusterFacts;
  return { facts, sources, notes };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  // Stryker disable next-line ConditionalExpression: validated facts hold no null
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function own(value: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}

/** Sets a key as an own data property, whatever its name (`__proto__` included). */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) define(out, key, clone(value[key]));
    return out;
  }
  return value;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Stryker disable next-line LogicalOperator: deepEqual compares values of one fact, never a list with another kind of value of the same length
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  // Stryker disable next-line LogicalOperator: deepEqual compares values of one fact, never an object with another kind of value
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function describeSource(source: FactSource | undefined): string {
  if (!source) return '';
  return ` (from ${source.object}${source.field === undefined ? '' : ` ${source.field}`})`;
}
