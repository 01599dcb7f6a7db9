#!/usr/bin/env node
// Parse + evaluate a generated 10,000-node cluster, against JSON.parse of the same text.
// Run after `npm run build`: node bench/scale.mjs [nodes]
import { parseFacts, evaluateCompatibility } from '../dist/index.js';
import { parseFactsText } from '../dist/yaml.js';
import { planNetworking } from '../dist/plan.js';

const count = Number(process.argv[2] ?? 10_000);
const nodes = [];
for (let i = 0; i < count; i++) {
  nodes.push(
    i % 5 === 0
      ? { os: 'linux', name: `linux-${i}`, roles: ['worker'] }
      : {
          os: 'windows',
          name: `win-${i}`,
          osBuild: `10.0.17763.${1000 + (i % 2000)}`,
          containerRuntime: 'containerd://1.6.6',
          datastore: 'kubernetes',
          cniPlugin: 'calico',
          powershellAdmin: true,
          remoteAccess: ['rdp'],
          remoteAccessServiceInstalled: true,
          tls12Enabled: i % 7 !== 0,
        },
  );
}
const facts = {
  platform: 'kubernetes',
  networking: 'calico-vxlan',
  kubernetes: { version: '1.22.3' },
  calico: { version: '3.23.1', datastore: 'kubernetes', ipam: 'calico', strictAffinity: true, ipipEnabled: false, bgpEnabled: false, ipPools: [{ name: 'p', encapsulation: 'vxlan' }] },
  network: { vxlanPortOpen: true },
  nodes,
};
const text = JSON.stringify(facts);

function time(fn, runs = 15) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const jsonParse = time(() => JSON.parse(text));
const parse = time(() => parseFacts(JSON.parse(text)));
// As a facts file is read: JSON.parse, the duplicate-key scan, then parseFacts.
const parseText = time(() => parseFactsText(text));
const parsed = parseFacts(JSON.parse(text));
if (!parsed.success) throw parsed.error;
const evaluate = time(() => evaluateCompatibility(parsed.data));
const both = time(() => {
  const r = parseFacts(JSON.parse(text));
  if (r.success) evaluateCompatibility(r.data);
});
const report = evaluateCompatibility(parsed.data);
console.log(`${count} nodes, ${(text.length / 1024 / 1024).toFixed(1)} MB of JSON, ${report.findings.length} findings`);
console.log(`JSON.parse                 ${jsonParse.toFixed(1)} ms`);
console.log(`JSON.parse + parseFacts    ${parse.toFixed(1)} ms`);
console.log(`parseFactsText             ${parseText.toFixed(1)} ms  (the same, plus the duplicate-key scan)`);
console.log(`evaluateCompatibility      ${evaluate.toFixed(1)} ms`);
console.log(`all of it                  ${both.toFixed(1)} ms  (${(both / jsonParse).toFixed(1)}× JSON.parse of the same text)`);

// The planner evaluates the facts once per option and again with the option's own facts set.
const plan = time(() => planNetworking(parsed.data), 5);
console.log(`planNetworking             ${plan.toFixed(1)} ms  (${(plan / evaluate).toFixed(1)}× evaluateCompatibility; 3 options)`);
