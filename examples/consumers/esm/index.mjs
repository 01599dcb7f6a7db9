// @ts-check
// An ES module consumer: every entry point of the package through import. Run against the packed
// package by scripts/check-examples.mjs.
import assert from 'node:assert/strict';
import { CompatError, RULES, evaluateCompatibility, parseFacts } from 'calico-windows-compat';
import { formatJunit, formatMarkdown, formatText, hintFor } from 'calico-windows-compat/format';
import { factsFromManifests, mergeFacts } from 'calico-windows-compat/manifests';
import { parseFactsText, parseManifestsText } from 'calico-windows-compat/yaml';
import { readFactsFile } from 'calico-windows-compat/node';
import { cluster, matchers, linuxNode } from 'calico-windows-compat/testing';
import { formatPlanMarkdown, planNetworking } from 'calico-windows-compat/plan';
import factsSchema from 'calico-windows-compat/facts.schema.json' with { type: 'json' };

// Node's condition of the exports map: ES module files with the fast paths (dist/node/).
assert.match(import.meta.resolve('calico-windows-compat'), /dist\/node\/index\.js$/);
assert.match(import.meta.resolve('calico-windows-compat/testing/vitest'), /dist\/node\/testing\/vitest\.js$/);

const parsed = parseFacts(cluster.kubernetes({ nodes: [linuxNode({ roles: ['control-plane'] })] }));
if (!parsed.success) throw parsed.error;
const report = evaluateCompatibility(parsed.data);
assert.equal(report.verdict, 'incompatible');
assert.equal(report.findings.filter((f) => f.status === 'fail')[0]?.ruleId, 'linux-worker-node');
assert.match(formatText(report), /linux-worker-node/);
assert.match(formatMarkdown(report), /linux-worker-node/);
assert.match(formatJunit(report), /<testsuites/);
assert.ok(hintFor('calico.strictAffinity').length > 0);
assert.equal(factsSchema.type, 'object');

// The planner: the self-managed cluster's three options, the one in use judged as the facts are.
const plan = planNetworking(parsed.data);
assert.equal(plan.releases[0]?.options.length, 3);
assert.equal(plan.releases[0]?.options.find((o) => o.current)?.status, 'blocked');
assert.match(formatPlanMarkdown(plan), /^## ❌ Networking plan/);
assert.throws(() => planNetworking(parsed.data, { release: [] }), CompatError);

const set = parseManifestsText('apiVersion: crd.projectcalico.org/v1\nkind: IPAMConfig\nmetadata: { name: default }\nspec: { strictAffinity: true }\n');
const derived = factsFromManifests(set.objects, { locate: set.locate });
assert.equal(derived.facts.calico?.strictAffinity, true);
assert.equal(mergeFacts(derived.facts, { calico: { strictAffinity: false } }).notes[0]?.code, 'override');

const bad = parseFactsText('platform: [eks]');
assert.ok(!bad.success && bad.error instanceof CompatError);
const missing = await readFactsFile('does-not-exist.yaml');
assert.ok(!missing.success && missing.error.code === 'invalid-input');

assert.equal(matchers.toFailRule.call({ isNot: false }, report, 'linux-worker-node').pass, true);
/** @type {Record<string, unknown>} */
let registered = {};
Object.assign(globalThis, { expect: { extend: (/** @type {Record<string, unknown>} */ m) => (registered = m) } });
await import('calico-windows-compat/testing/jest');
assert.deepEqual(Object.keys(registered).sort(), Object.keys(matchers).sort());

console.log(`ES module consumer: ok (${RULES.length} rules, ${Object.keys(matchers).length} matchers)`);
