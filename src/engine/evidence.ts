/**
 * Evidence: the facts a finding was decided from, with their sources. A rule's fact paths are split once
 * per rule; a node's or pool's entries are made once and shared by every rule's finding about it.
 * @module
 */
import type { ClusterFacts } from '../model/facts.js';
import type { Evidence, FactSource } from '../model/report.js';
import { isItemPath, readPath } from './fact-paths.js';
import type { Rule } from './rule.js';
import type { Item } from './subjects.js';

/** Where facts came from, by fact path as findings name them. */
export type Sources = Readonly<Record<string, FactSource>> | undefined;

/** A rule's fact paths, split once per rule rather than once per finding. */
export interface CompiledFacts {
  readonly cluster: ReadonlyArray<{ readonly name: string; readonly path: readonly string[] }>;
  /** Keys of node or pool facts (`osBuild` for `node.osBuild`). */
  readonly item: readonly string[];
}

const compiledFacts = new WeakMap<Rule, CompiledFacts>();

/** The rule's fact paths, split. */
export function compile(rule: Rule): CompiledFacts {
  let compiled = compiledFacts.get(rule);
  // Stryker disable next-line ConditionalExpression: a cache miss computes the same value again
  if (!compiled) {
    compiled = {
      // Stryker disable next-line MethodExpression: a node or pool path (node.…, pool.…) reads nothing at the root of the facts
      cluster: rule.facts.filter((p) => !isItemPath(p)).map((name) => ({ name, path: name.split('.') })),
      // Stryker disable next-line MethodExpression: no cluster path of the rules, cut after five characters, names a node or pool field
      item: rule.facts.filter(isItemPath).map((p) => p.slice(5)),
    };
    compiledFacts.set(rule, compiled);
  }
  return compiled;
}

/** The evidence of the cluster facts a rule reads. */
export function clusterEvidenceOf(compiled: CompiledFacts, facts: ClusterFacts, sources: Sources): Evidence[] {
  const evidence: Evidence[] = [];
  for (const { name, path } of compiled.cluster) {
    const value = readPath(facts, path);
    if (value !== undefined) evidence.push(withSource({ fact: name, value: evidenceValue(name, value) }, sources));
  }
  return evidence;
}

/** The evidence of a finding about a node or pool: the cluster's, then the item's own facts. */
export function itemEvidenceOf(compiled: CompiledFacts, on: Item, clusterEvidence: readonly Evidence[], sources: Sources): Evidence[] {
  const evidence = clusterEvidence.slice();
  const made = (on.evidence ??= new Map());
  for (const key of compiled.item) {
    let entry = made.get(key);
    // Stryker disable next-line ConditionalExpression: a cache miss computes an equal entry again
    if (entry === undefined) {
      const value = (on.value as Record<string, unknown>)[key];
      entry = value === undefined ? null : withSource({ fact: on.prefix + key, value: evidenceValue(key, value) }, sources);
      made.set(key, entry);
    }
    if (entry !== null) evidence.push(entry);
  }
  return evidence;
}

/**
 * Evidence values are independent of the input's key order, and the node list is summarised rather than
 * copied into findings (a 10,000-node list would otherwise be repeated in every finding that reads it).
 */
export function evidenceValue(fact: string, value: unknown): unknown {
  if (fact === 'nodes' && Array.isArray(value)) {
    const nodes = value as ReadonlyArray<{ os: string }>;
    const windows = nodes.filter((n) => n.os === 'windows').length;
    return { total: nodes.length, linux: nodes.length - windows, windows };
  }
  return canonical(value);
}

function canonical(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(canonical);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = canonical((value as Record<string, unknown>)[key]);
  return out;
}

export function withSource(evidence: { fact: string; value: unknown }, sources: Sources): Evidence {
  const source = sources?.[evidence.fact];
  return source === undefined ? evidence : { ...evidence, source };
}
