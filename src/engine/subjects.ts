/**
 * The subjects per-node and per-pool rules fan out over: the Windows nodes and the enabled IP pools,
 * sorted by name, and what such a rule answers when there is nothing to fan out over.
 * @module
 */
import type { ClusterFacts, IpPool, WindowsNodeFacts } from '../model/facts.js';
import { enabledPools } from '../model/pools.js';
import type { Evidence, Subject } from '../model/report.js';
import { compareText } from '../model/words.js';
import type { RuleFactPath } from './fact-paths.js';
import type { ConditionResult, Outcome, Rule } from './rule.js';

/** A node or pool a rule fans out over, with what every rule's finding about it shares. */
export interface Item {
  readonly subject: Subject & { readonly name: string };
  readonly value: WindowsNodeFacts | IpPool;
  /** How its facts are named in findings: `nodes[win-1].`, `calico.ipPools[default].`. */
  readonly prefix: string;
  /** Evidence entries made so far, shared by the findings of every rule about this item. */
  readonly evidence: Map<string, Evidence | null>;
}

/** The subjects of one evaluation. */
export interface Subjects {
  /** The Windows nodes, by name. */
  readonly nodes: readonly Item[];
  /** The enabled IP pools, by name. */
  readonly pools: readonly Item[];
}

function item(subject: Item['subject'], value: Item['value'], prefix: string): Item {
  return { subject, value, prefix, evidence: new Map() };
}

function bySubjectName(a: Item, b: Item): number {
  return compareText(a.subject.name, b.subject.name);
}

/** The Windows nodes and enabled IP pools of the facts, each sorted by name. */
export function subjectsOf(facts: ClusterFacts): Subjects {
  const nodes: Item[] = [];
  // Stryker disable next-line ArrayDeclaration: an item that is no Windows node is skipped
  for (const node of facts.nodes ?? [])
    if (node.os === 'windows') nodes.push(item({ kind: 'node', name: node.name }, node, `nodes[${node.name}].`));
  nodes.sort(bySubjectName);

  const pools: Item[] = [];
  // Stryker disable next-line ArrayDeclaration: without a pool list, pool rules answer before fanning out (noSubjectOutcome)
  for (const { pool, name } of enabledPools(facts.calico?.ipPools ?? []))
    pools.push(item({ kind: 'ip-pool', name }, pool, `calico.ipPools[${name}].`));
  pools.sort(bySubjectName);
  return { nodes, pools };
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
