/**
 * Node rules over many nodes: each rule decided once per distinct value of the node facts it declares,
 * and its findings built from those decisions when they are read.
 *
 * A rule made by {@link defineNodeRule} sees only the node facts it declares (and the node's name), so
 * its outcome is a function of those values and the cluster: nodes that share them share one decision.
 * The decision is made on a stand-in node holding only the declared facts, named by a marker that no
 * Kubernetes name (nor any value checked) holds; wherever the marker shows in the message or
 * remediation, each finding puts its node's name. A rule therefore uses the node's name only in its
 * text — never to decide — which the rules' tests check for every node rule, deciding both ways.
 *
 * Nothing here reads the facts after evaluation: a decision keeps the evidence values it was made
 * from, and an item its name, so findings built later are those the evaluation saw.
 * @module
 */
import type { ClusterFacts, WindowsNodeFacts } from '../model/facts.js';
import type { Evidence, Finding, FindingStatus } from '../model/report.js';
import { decide } from './decide.js';
import { DECLARED_NODE_RULES } from './define.js';
import type { RuleFactPath } from './fact-paths.js';
import { evidenceValue, withSource, type Sources } from './evidence.js';
import type { FindingBase } from './findings.js';
import type { CheckContext, ConditionResult, NodeRule, Outcome } from './rule.js';
import type { Item, NodeList } from './subjects.js';

/** The node's name while deciding for every node alike: two noncharacters, in no Kubernetes name. */
const NAME = '\uFDD0\uFDD1';
const MARK = '\uFDD0';

/** Whether a text holds the marker, so cannot be told apart from the name's stand-in. */
export const hasMarker = (text: string): boolean => text.includes(MARK);

/** A text with the node's name to fill in: the text itself when it names no node. */
type Text = string | readonly string[];

const toText = (text: string, shared: boolean): Text => (shared && text.includes(NAME) ? text.split(NAME) : text);

function fill(text: Text, name: string): string {
  if (typeof text === 'string') return text;
  // Most texts name the node once or twice: concatenation, faster than join.
  if (text.length === 2) return (text[0] as string) + name + (text[1] as string);
  if (text.length === 3) return (text[0] as string) + name + (text[1] as string) + name + (text[2] as string);
  return text.join(name);
}

/** One decision of a node rule, shared by every node whose declared facts hold the same values. */
export interface Decision {
  readonly status: FindingStatus;
  readonly message: Text;
  /** Of a fail whose rule gave its own remediation. */
  readonly remediation: Text | undefined;
  /** Of an unknown: the rule paths still needed (`node.osBuild`). */
  readonly missing: readonly RuleFactPath[] | undefined;
  /** The evidence value of each declared node fact, in the rule's order; `undefined` where it is absent. */
  readonly values: readonly unknown[];
}

/** A node rule's decisions, one per node, and what its findings share. */
export interface NodeBatch {
  readonly base: FindingBase;
  readonly clusterEvidence: readonly Evidence[];
  /** The node facts the rule declares (`osBuild` for `node.osBuild`). */
  readonly keys: readonly string[];
  readonly nodes: NodeList;
  /** The rule's distinct decisions. */
  readonly decisions: readonly Decision[];
  /** Per node, the index of its decision. */
  readonly decided: Uint32Array;
  /** Per decision, how many nodes it decides. */
  readonly counts: readonly number[];
  readonly sources: Sources;
}

function decisionOf(outcome: Outcome, values: readonly unknown[], shared: boolean): Decision {
  return {
    status: outcome.status,
    message: toText(outcome.message, shared),
    remediation: outcome.status === 'fail' && outcome.remediation !== undefined ? toText(outcome.remediation, shared) : undefined,
    missing: outcome.status === 'unknown' ? outcome.missing : undefined,
    values,
  };
}

const UNSHARED: unique symbol = Symbol('unshared');

/**
 * The memo key of a value: a primitive itself, a list of strings a string of its items; UNSHARED for
 * anything else, or a list holding the marker (decided node by node). Lists are compared with the few
 * seen before rather than turned into a string per node.
 */
class Keys {
  readonly #lists: Array<{ readonly list: readonly string[]; readonly key: string }> = [];

  of(value: unknown): unknown {
    switch (typeof value) {
      case 'undefined':
      // Stryker disable next-line ConditionalExpression: without its case a boolean falls through to the number's, which keys it as itself too
      case 'boolean':
        return value;
      case 'number':
        // 0 and -0 are one key of a Map, but not one value.
        return Object.is(value, -0) ? UNSHARED : value;
      case 'string':
        // A string holding the marker is found when its decision is first made (SHARED_NEVER).
        return value;
      case 'object':
        return Array.isArray(value) ? this.#list(value) : UNSHARED;
      default:
        return UNSHARED;
    }
  }

  #list(value: readonly unknown[]): unknown {
    for (const seen of this.#lists) if (sameList(seen.list, value)) return seen.key;
    for (const item of value) if (typeof item !== 'string' || item.includes(MARK)) return UNSHARED;
    // The prefix keeps a list's key apart from every string value.
    const key = `${MARK}${JSON.stringify(value)}`;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: how many lists are remembered changes only how often a key is made again, never the key
    if (this.#lists.length < 16) this.#lists.push({ list: [...(value as readonly string[])], key });
    return key;
  }
}

function holdsMarker(value: unknown): boolean {
  return typeof value === 'string' && value.includes(MARK);
}

// A function of its own, not a closure in the loop: a closure over the loop's `value` would give every
// iteration a context of its own to allocate.
function anyMarker(value: Record<string, unknown>, keys: readonly string[]): boolean {
  for (const key of keys) if (holdsMarker(value[key])) return true;
  return false;
}

// Stryker disable next-line BlockStatement: a list not found equal to a remembered one gets the same key made again
function sameList(a: readonly string[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  // Stryker disable next-line EqualityOperator: the lists are of one length, so both items past the end are undefined
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  // Stryker disable next-line BooleanLiteral: a list not found equal to a remembered one gets the same key made again
  return true;
}

/**
 * How many nodes a rule is decided for before it is known whether sharing pays: when fewer than
 * {@link MIN_SHARED} of them found a decision already made, the rest are decided one by one.
 */
const PROBE = 64;
const MIN_SHARED = 8;

/** What {@link decideNodes} decides: the distinct decisions, and which one decides each node. */
export type Decided = Pick<NodeBatch, 'decisions' | 'decided' | 'counts'>;

/**
 * Decides a node rule for every node. `markedNames`: whether a node's name holds the marker (only
 * facts that bypassed validation can), so that those nodes are decided on their own.
 */
export function decideNodes(
  rule: NodeRule,
  facts: ClusterFacts,
  nodes: NodeList,
  keys: readonly string[],
  applicability: ConditionResult<unknown>,
  ctx: CheckContext<unknown>,
  markedNames: boolean,
): Decided {
  const n = nodes.length;
  const decided = new Uint32Array(n);
  const decisions: Decision[] = [];
  const counts: number[] = [];
  const add = (decision: Decision): number => {
    decisions.push(decision);
    counts.push(0);
    return decisions.length - 1;
  };
  const direct = (i: number): void => {
    const value = nodes.values[i] as WindowsNodeFacts;
    const values = keys.map((key) => evidenceOf(key, (value as Record<string, unknown>)[key]));
    const index = add(decisionOf(decide(rule, facts, value, applicability, ctx), values, false));
    decided[i] = index;
    counts[index] = 1;
  };
  if (!DECLARED_NODE_RULES.has(rule) || keys.length === 0) {
    // Rules written by hand may read any fact: each node decided on its own. (A rule that declares no
    // node fact decides alike for every node, but its message may still name the node: also on its own.)
    for (let i = 0; i < n; i++) direct(i);
    return { decisions, decided, counts };
  }
  const shared = (value: Record<string, unknown>): number => {
    const stand: Record<string, unknown> = { name: NAME };
    const values: unknown[] = [];
    for (const key of keys) {
      if (key in value) stand[key] = value[key];
      values.push(evidenceOf(key, value[key]));
    }
    return add(decisionOf(decide(rule, facts, stand as WindowsNodeFacts, applicability, ctx), values, true));
  };

  // A decision's index, or NEVER for values holding the marker (decided node by node).
  const NEVER = -1;
  const memo = new Map<unknown, number>();
  const keyer = new Keys();
  const key0 = keys[0] as string;
  const single = keys.length === 1;
  let lastKey: unknown = UNSHARED;
  let last = 0;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    if (i === PROBE && hits < MIN_SHARED) {
      // Nearly every node is different (a small cluster, or builds all distinct): sharing only costs.
      for (; i < n; i++) direct(i);
      break;
    }
    const value = nodes.values[i] as unknown as Record<string, unknown>;
    const key = single ? keyer.of(value[key0]) : compositeKey(keyer, value, keys);
    if (key === UNSHARED || (markedNames && (nodes.names[i] as string).includes(MARK))) {
      direct(i);
      continue;
    }
    let found = key === lastKey ? last : memo.get(key);
    if (found === undefined) {
      found = anyMarker(value, keys) ? NEVER : shared(value);
      memo.set(key, found);
    } else hits++;
    lastKey = key;
    last = found;
    if (found === NEVER) {
      direct(i);
      continue;
    }
    decided[i] = found;
    counts[found] = (counts[found] as number) + 1;
  }
  return { decisions, decided, counts };
}

/** The key of several declared facts' values, or UNSHARED. */
function compositeKey(keyer: Keys, value: Record<string, unknown>, keys: readonly string[]): unknown {
  // Stryker disable next-line StringLiteral: a prefix every key shares tells none apart
  let key = '';
  for (const name of keys) {
    const part = keyer.of(value[name]);
    // The marker separates the parts. Two nodes' keys can read alike only when values of both hold the
    // marker, and a key whose values hold it is decided node by node (NEVER) from its first node on.
    if (part === UNSHARED) return UNSHARED;
    // Typed, so that `1` and `'1'`, absent and `'undefined'` differ.
    key += `${MARK}${typeof part}:${String(part)}`;
  }
  return key;
}

function evidenceOf(key: string, value: unknown): unknown {
  return value === undefined ? undefined : evidenceValue(key, value);
}

/** The finding of node `i` of a batch, as {@link toFinding} makes it. */
export function nodeFinding(batch: NodeBatch, i: number): Finding {
  const { base } = batch;
  const { rule } = base;
  const decision = batch.decisions[batch.decided[i] as number] as Decision;
  const node = batch.nodes.item(i);
  const name = node.name;
  const finding: Finding = {
    ruleId: rule.id,
    status: decision.status,
    severity: rule.severity,
    subject: node.subject,
    title: rule.title,
    message: fill(decision.message, name),
    evidence: evidenceEntries(batch, node, decision),
    references: base.references,
  };
  if (decision.status === 'unknown') finding.missingFacts = missingFacts(decision, name);
  else if (decision.status === 'fail') finding.remediation = decision.remediation === undefined ? base.remediation : fill(decision.remediation, name);
  return finding;
}

/** The missing facts of an unknown decision, named for the node: `node.osBuild` → `nodes[win-1].osBuild`. */
export function missingFacts(decision: Decision, name: string): string[] {
  return (decision.missing ?? []).map((path) => (path.startsWith('node.') ? `nodes[${name}].${path.slice(5)}` : path));
}

function evidenceEntries(batch: NodeBatch, node: Item, decision: Decision): Evidence[] {
  const evidence = batch.clusterEvidence.slice();
  const made = (node.evidence ??= new Map());
  // Stryker disable next-line EqualityOperator: one step past the keys finds no value, so adds no entry
  for (let k = 0; k < batch.keys.length; k++) {
    const key = batch.keys[k] as string;
    let entry = made.get(key);
    if (entry === undefined) {
      const value = decision.values[k];
      entry = value === undefined ? null : withSource({ fact: node.prefix + key, value }, batch.sources);
      made.set(key, entry);
    }
    if (entry !== null) evidence.push(entry);
  }
  return evidence;
}
