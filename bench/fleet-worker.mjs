// A worker of the fleet benchmark: makes its share of the fleet's clusters, warms up, then checks them
// all each time it is asked, answering with the time it took.
import { parentPort, workerData } from 'node:worker_threads';
import { cluster } from './clusters.mjs';

const { dist, from, count, nodes, readAll } = workerData;
const { parseFacts, evaluateCompatibility } = await import(`${dist}/index.js`);
const texts = Array.from({ length: count }, (_, i) => JSON.stringify(cluster(nodes, from + i)));

function checkAll() {
  let findings = 0;
  for (const text of texts) {
    const parsed = parseFacts(JSON.parse(text));
    if (!parsed.success) throw parsed.error;
    const report = evaluateCompatibility(parsed.data);
    findings += readAll ? report.findings.length : report.counts.total;
  }
  return findings;
}

for (let i = 0; i < 3; i++) checkAll();
parentPort.postMessage({ ready: true });
parentPort.on('message', (message) => {
  if (message !== 'run') return;
  const start = performance.now();
  const findings = checkAll();
  parentPort.postMessage({ ms: performance.now() - start, findings });
});
