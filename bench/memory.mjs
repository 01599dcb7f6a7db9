// One memory measurement in a fresh process (`node --expose-gc bench/memory.mjs <mode> <facts.json> <dist>`):
// the process's peak resident set, and its heap, after reading a facts file and
// - `floor`: JSON.parse of it (what any reader of the file pays);
// - `report`: JSON.parse, parseFacts, evaluateCompatibility, the verdict and counts read;
// - `findings`: the same, every finding read.
// Prints one line of JSON.
import { readFileSync } from 'node:fs';

const [mode, file, dist] = process.argv.slice(2);
const { parseFacts, evaluateCompatibility } = await import(`${dist}/index.js`);
const heap = () => process.memoryUsage().heapUsed;
globalThis.gc();
const before = heap();
let peakHeap = before;
const note = () => (peakHeap = Math.max(peakHeap, heap()));

const text = readFileSync(file, 'utf8');
note();
const value = JSON.parse(text);
note();
let kept = value;
if (mode !== 'floor') {
  const parsed = parseFacts(value);
  note();
  if (!parsed.success) throw parsed.error;
  const report = evaluateCompatibility(parsed.data);
  note();
  if (mode === 'findings') report.findings.length;
  else report.counts.total;
  note();
  kept = { report, facts: parsed.data };
}
globalThis.gc();
const retained = heap() - before;
process.stdout.write(
  `${JSON.stringify({ mode, maxRssBytes: process.resourceUsage().maxRSS * 1024, peakHeapBytes: peakHeap, retainedHeapBytes: retained, kept: kept !== undefined })}\n`,
);
