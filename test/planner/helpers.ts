import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { evaluateCompatibility } from '../../src/api.js';
import { factsFromManifests } from '../../src/adapters/manifests.js';
import { mergeFacts } from '../../src/adapters/merge.js';
import type { EvaluateOptions } from '../../src/engine/evaluate.js';
import type { ClusterFacts } from '../../src/model/facts.js';
import type { Finding, FactSource } from '../../src/model/report.js';
import { subjectKey } from '../../src/model/naming.js';
import type { OptionPlan, PlanStatus } from '../../src/planner/types.js';
import { parseFactsText } from '../../src/text/yaml.js';
import { FIXTURES, loadManifests, manifestFiles } from '../adapters/helpers.js';

/** The example clusters of examples/, by name. */
export const EXAMPLES = readdirSync('examples')
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => name.replace(/\.yaml$/, ''));

/** An example cluster's facts. */
export function exampleFacts(name: string): ClusterFacts {
  const file = `examples/${name}.yaml`;
  const parsed = parseFactsText(readFileSync(file, 'utf8'), { file });
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

/** A real-cluster fixture's facts, as the CLI makes them: its kubectl output merged with its extra.yaml. */
export function fixtureFacts(cluster: string): { facts: ClusterFacts; sources: Record<string, FactSource> } {
  const all = loadManifests(manifestFiles(cluster));
  const derived = factsFromManifests(all.objects, { locate: all.locate });
  const extraFile = join(FIXTURES, cluster, 'extra.yaml');
  const extra = parseFactsText(readFileSync(extraFile, 'utf8'), { file: extraFile });
  if (!extra.success) throw extra.error;
  const merged = mergeFacts(derived.facts, extra.data, { sources: derived.sources });
  return { facts: merged.facts, sources: merged.sources };
}

const STATUS_OF: Readonly<Record<string, PlanStatus>> = { compatible: 'viable', indeterminate: 'open', incompatible: 'blocked' };
const keyOf = (f: Finding): string => `${f.ruleId}|${subjectKey(f.subject)}`;

/**
 * The plan of the option the facts use says what `evaluateCompatibility` says: its status is the verdict,
 * its blockers the failing `error` findings, its unknown facts the report's missing facts, its warnings the
 * other failing findings, its changes one per failing `error` rule, none of them the option's own.
 */
export function expectAgreesWithEvaluate(facts: ClusterFacts, option: OptionPlan, options: EvaluateOptions = {}): void {
  const report = evaluateCompatibility(facts, options);
  expect(option.current).toBe(true);
  expect(option.status).toBe(STATUS_OF[report.verdict]);
  expect(option.assumes).toEqual([]);
  const failing = report.findings.filter((f) => f.status === 'fail');
  expect(option.blocking.map(keyOf)).toEqual(failing.filter((f) => f.severity === 'error').map(keyOf));
  expect(option.warnings.map(keyOf)).toEqual(failing.filter((f) => f.severity !== 'error').map(keyOf));
  expect(option.open.map((o) => o.fact)).toEqual(report.missingFacts);
  expect(option.changes.map((c) => c.ruleId)).toEqual([...new Set(failing.filter((f) => f.severity === 'error').map((f) => f.ruleId))]);
  expect(option.changes.every((c) => !c.assumed)).toBe(true);
}
