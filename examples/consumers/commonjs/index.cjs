// @ts-check
// A CommonJS consumer: every entry point of the package through require(), as a CommonJS project (or
// a Jest setup without ESM) loads it. Run against the packed package by scripts/check-examples.mjs.
const assert = require('node:assert/strict');
const { CompatError, RULES, evaluateCompatibility, parseFacts } = require('calico-windows-compat');
const { formatMarkdown, formatSarif, formatText, ruleDocsUrl } = require('calico-windows-compat/format');
const { factsFromManifests, mergeFacts } = require('calico-windows-compat/manifests');
const { parseFactsText, parseManifestsText } = require('calico-windows-compat/yaml');
const { readFactsFile } = require('calico-windows-compat/node');
const { cluster, matchers, windowsNode } = require('calico-windows-compat/testing');
const { formatPlanText, planNetworking } = require('calico-windows-compat/plan');

async function main() {
  // The require condition of the exports map: CommonJS files.
  assert.match(require.resolve('calico-windows-compat'), /dist[\\/]index\.cjs$/);
  assert.match(require.resolve('calico-windows-compat/testing/jest'), /dist[\\/]testing[\\/]jest\.cjs$/);

  const parsed = parseFacts(cluster.eks({ nodes: [windowsNode({ osBuild: '10.0.17763.1000' })] }));
  if (!parsed.success) throw parsed.error;
  const report = evaluateCompatibility(parsed.data);
  assert.equal(report.verdict, 'incompatible');
  assert.equal(report.findings.length, RULES.length);
  assert.match(formatText(report), /windows-os-version/);
  assert.match(formatMarkdown(report), /❌ Incompatible/);
  assert.equal(JSON.parse(formatSarif(report)).version, '2.1.0');
  assert.match(ruleDocsUrl('strict-affinity'), /strict-affinity/);

  const nodes = parseManifestsText(
    'apiVersion: v1\nkind: Node\nmetadata: { name: win-1, labels: { kubernetes.io/os: windows } }\nstatus: { nodeInfo: { operatingSystem: windows, kernelVersion: 10.0.17763.2300 } }\n',
    { file: 'nodes.yaml' },
  );
  const derived = factsFromManifests(nodes.objects, { locate: nodes.locate });
  const node = derived.facts.nodes?.[0];
  assert.ok(node?.os === 'windows');
  assert.equal(node.osBuild, '10.0.17763.2300');
  assert.equal(mergeFacts(derived.facts, { platform: 'eks' }).facts.platform, 'eks');

  // The planner: EKS has one option, judged as the facts are.
  const plan = planNetworking(cluster.eks());
  assert.deepEqual(
    plan.releases[0]?.options.map((o) => [o.networking, o.status]),
    [['eks-vpc-cni', 'viable']],
  );
  assert.match(formatPlanText(plan), /^Answer: VIABLE/m);
  // A misuse error of the planner is the main entry's CompatError.
  assert.throws(() => planNetworking(cluster.eks(), { release: [] }), CompatError);

  // One CompatError class across entry points of one format: instanceof holds.
  const bad = parseFactsText('nodes: [{ os: windows }]');
  assert.ok(!bad.success && bad.error instanceof CompatError);
  const missing = await readFactsFile('does-not-exist.yaml');
  assert.ok(!missing.success && missing.error instanceof CompatError && missing.error.code === 'invalid-input');

  // The matchers are plain functions; the Jest setup module registers them on the global expect.
  assert.equal(matchers.toBeCompatible.call({ isNot: false }, cluster.aks()).pass, true);
  /** @type {Record<string, unknown>} */
  let registered = {};
  Object.assign(globalThis, { expect: { extend: (/** @type {Record<string, unknown>} */ m) => (registered = m) } });
  require('calico-windows-compat/testing/jest');
  assert.deepEqual(Object.keys(registered).sort(), Object.keys(matchers).sort());

  console.log(`CommonJS consumer: ok (${RULES.length} rules, ${Object.keys(matchers).length} matchers)`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
