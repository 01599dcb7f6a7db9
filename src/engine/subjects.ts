/**
 * The subjects per-node and per-pool rules fan out over: the Windows nodes and the enabled IP pools,
 * sorted by name, and what such a rule answers when there is nothing to fan out over.
 * @module
 */
import type { ClusterFacts, IpPool, NodeFacts, WindowsNodeFacts } from '../model/facts.js';
import { enabledPools } from '../model/pools.js';
import type { Evidence, Subject } from '../model/report.js';
import { compareText } from '../model/words.js';
import type { RuleFactPath } from './fact-paths.js';
import type { ConditionResult, Outcome, Rule } from './rule.js';

/**
 * A node or pool a rule fans out over, with what every rule's finding about it shares. Its subject and
 * fact prefix are made when a finding first needs them.
 */
export class Item {
  #subject: (Subject & { readonly name: string }) | undefined;
  #prefix: string | undefined;
  /** Evidence entries made so far, shared by the findings of every rule about this item; made on first use. */
  evidence: Map<string, Evidence | null> | undefined;

  // Declared, not class fields: set once here, and no field definitions in the bundle.
  declare readonly kind: 'node' | 'ip-pool';
  declare readonly name: string;
  declare readonly value: WindowsNodeFacts | IpPool;

  constructor(kind: 'node' | 'ip-pool', name: string, value: WindowsNodeFacts | IpPool) {
    this.kind = kind;
    this.name = name;
    this.value = value;
  }

  get subject(): Subject & { readonly name: string } {
    return (this.#subject ??= { kind: this.kind, name: this.name });
  }

  /** How its facts are named in findings: `nodes[win-1].`, `calico.ipPools[default].`. */
  get prefix(): string {
    return (this.#prefix ??= this.kind === 'node' ? `nodes[${this.name}].` : `calico.ipPools[${this.name}].`);
  }
}

/**
 * The Windows nodes of one evaluation, by name: their facts, and their names as they were when evaluated;
 * an {@link Item} for a node is made when a finding about it is first built.
 */
export class NodeList {
  readonly #items: Array<Item | undefined> = [];

  /** The nodes' facts, sorted by name. */
  declare readonly values: readonly WindowsNodeFacts[];
  /** Their names, in the same order. */
  declare readonly names: readonly string[];

  constructor(values: readonly WindowsNodeFacts[], names: readonly string[]) {
    this.values = values;
    this.names = names;
  }

  get length(): number {
    return this.values.length;
  }

  /** Node `i` as a subject of findings. */
  item(i: number): Item {
    return (this.#items[i] ??= new Item('node', this.names[i] as string, this.values[i] as WindowsNodeFacts));
  }
}

/** The subjects of one evaluation. */
export interface Subjects {
  /** The Windows nodes, by name. */
  readonly nodes: NodeList;
  /** The enabled IP pools, by name. */
  readonly pools: readonly Item[];
}

function byName(a: Item, b: Item): number {
  return compareText(a.name, b.name);
}

/** Sorts items by name; lists usually come sorted (kubectl lists objects by name), and are then left as they are. */
function sortByName(items: Item[]): void {
  for (let i = 1; i < items.length; i++) {
    // Stryker disable next-line EqualityOperator,ConditionalExpression: names are unique, and sorting a sorted list changes nothing
    if (compareText((items[i - 1] as Item).name, (items[i] as Item).name) > 0) {
      items.sort(byName);
      return;
    }
  }
}

/** The Windows nodes and enabled IP pools of the facts, each sorted by name. */
export function subjectsOf(facts: ClusterFacts): Subjects {
  const pools: Item[] = [];
  // Stryker disable next-line ArrayDeclaration: without a pool list, pool rules answer before fanning out (noSubjectOutcome)
  for (const { pool, name } of enabledPools(facts.calico?.ipPools ?? [])) pools.push(new Item('ip-pool', name, pool));
  if (__FAST_PATHS__) sortByName(pools);
  // Stryker disable next-line all: the browser build's (__FAST_PATHS__ false): vitest and Stryker run the Node build's constants; the browser suite (test/browser) runs this in Chromium against Node's answers
  else pools.sort(byName);
  return { nodes: __FAST_PATHS__ ? nodeList(facts.nodes ?? []) : plainNodeList(facts.nodes ?? []), pools };
}

/** The browser build's: the Windows nodes, sorted. */
// Stryker disable all: the browser build's (__FAST_PATHS__ false): vitest and Stryker run the Node build's constants; the browser suite (test/browser) runs this in Chromium against Node's answers
function plainNodeList(list: readonly NodeFacts[]): NodeList {
  const windows = list.filter((node): node is WindowsNodeFacts => node.os === 'windows').sort((a, b) => compareText(a.name, b.name));
  return new NodeList(windows, windows.map((node) => node.name));
}
// Stryker restore all

/** The Windows nodes, sorted, in lists sized up front. */
function nodeList(list: readonly NodeFacts[]): NodeList {
  let count = 0;
  for (const node of list) if (node.os === 'windows') count++;
  // Sized up front: lists grown by push leave their smaller copies behind.
  const windows = new Array<WindowsNodeFacts>(count);
  const names = new Array<string>(count);
  let sorted = true;
  let n = 0;
  for (const node of list)
    if (node.os === 'windows') {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: names are unique, and sorting a sorted list changes nothing
      if (sorted && n > 0 && compareText(names[n - 1] as string, node.name) > 0) sorted = false;
      windows[n] = node;
      names[n++] = node.name;
    }
  if (sorted) return new NodeList(windows, names);
  const order = windows.map((_, i) => i).sort((a, b) => compareText(names[a] as string, names[b] as string));
  return new NodeList(
    order.map((i) => windows[i] as WindowsNodeFacts),
    order.map((i) => names[i] as string),
  );
}

/** The outcome of a per-node or per-pool rule when there is nothing to fan out over, else undefined. */
export function noSubjectOutcome(rule: Rule, applicability: ConditionResult<unknown>, facts: ClusterFacts): Outcome | undefined {
  if ('notApplicable' in applicability) return { status: 'not-applicable', message: applicability.notApplicable };
  const unknownApplicability = 'unknown' in applicability ? applicability.unknown : [];
  if (rule.scope === 'windows-node') {
    if (facts.nodes === undefined)
      return {
        status: 'unknown',
        message: 'Cannot decide: the nodes are not known. List the Windows nodes (joined or planned).',
        missing: [...unknownApplicability, 'nodes'],
      };
    if (!facts.nodes.some((n) => n.os === 'windows'))
      return {
        status: 'unknown',
        message: 'Cannot decide: no Windows node is described. Add the Windows nodes (joined or planned) to the facts.',
        missing: [...unknownApplicability, 'nodes[os=windows]' as RuleFactPath],
      };
    return undefined;
  }
  const pools = facts.calico?.ipPools;
  if (pools === undefined)
    return {
      status: 'unknown',
      message: 'Cannot decide: the IP pools are not known.',
      missing: [...unknownApplicability, 'calico.ipPools'],
    };
  if (!pools.some((p) => p.disabled !== true)) {
    if ('unknown' in applicability) return { status: 'unknown', message: applicability.message, missing: applicability.unknown };
    return { status: 'not-applicable', message: 'No enabled IP pool: every pool is disabled or none is defined.' };
  }
  return undefined;
}
