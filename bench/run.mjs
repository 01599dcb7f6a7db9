#!/usr/bin/env node
// The benchmark: `npm run bench` (builds first, then `node --expose-gc bench/run.mjs`). Prints a table of
// every figure with its ratio to its floor and its target, and writes bench/results.json. Never part of
// `npm test`: times are measured here and only here.
//
//   node --expose-gc bench/run.mjs [--quick] [--only <section>[,<section>…]] [--dist <dir>] [--out <file>]
//
// Sections: pipeline (text → report, 10 to 50,000 nodes, and how it scales), memory, manifests, peer
// (json-rules-engine), fleet (1,000 clusters of 100 nodes, one after another and in worker threads),
// serialise (JSON and SARIF of a 10,000-node report), startup (the CLI against `node -e 0`).
// `--dist` benchmarks another build of the library (a directory holding index.js, format.js, yaml.js,
// manifests.js, and cli.cjs or cli.js in it or its parent), to compare a change with what came before it;
// default: dist/node, what Node gets. `--dist dist` measures the build browsers and bundlers get.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parse as parseYaml } from 'yaml';
import { cluster, distinctCluster } from './clusters.mjs';
import { nodesYaml } from './manifests.mjs';
import { median, ratioOf, timeTasks } from './measure.mjs';
import { NODE_RULE_IDS, peerEngine, runPeer } from './peer.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
const quick = args.includes('--quick');
const only = option('--only')?.split(',');
// The library as Node gets it (dist/node/, with the fast paths); the CLI beside it, or in dist/.
const distDir = resolve(option('--dist') ?? join(here, '../dist/node'));
const dist = pathToFileURL(distDir).href;
const out = option('--out') ?? join(here, 'results.json');
if (globalThis.gc === undefined) {
  console.error('run with node --expose-gc (npm run bench does)');
  process.exit(2);
}

const lib = await import(`${dist}/index.js`);
const format = await import(`${dist}/format.js`);
const yamlEntry = await import(`${dist}/yaml.js`);
const manifestsEntry = await import(`${dist}/manifests.js`);
const cli = ['cli.cjs', 'cli.js'].flatMap((f) => [join(distDir, f), join(distDir, '..', f)]).find((f) => existsSync(f));

const results = {
  date: new Date().toISOString(),
  machine: {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))),
  },
  method: quick ? 'quick' : 'full',
  figures: {},
  targets: [],
};
const rows = [];
const began = performance.now();
const want = (section) => {
  const wanted = only === undefined || only.includes(section);
  // Progress on standard error: the table comes at the end.
  if (wanted) process.stderr.write(`[${((performance.now() - began) / 1000).toFixed(0)} s] ${section}\n`);
  return wanted;
};
const round = (x, digits = 2) => Number(x.toFixed(digits));

function row(section, figure, ms, ratio, floor, target) {
  rows.push({ section, figure, ms, ratio, floor, target });
}
function target(name, value, limit, kind = 'at most') {
  const met = kind === 'at most' ? value <= limit : value >= limit;
  results.targets.push({ target: name, value: round(value), limit, kind, met });
}
function check(report) {
  return report.verdict.length + report.counts.total;
}
function pipeline(text) {
  const parsed = lib.parseFacts(JSON.parse(text));
  if (!parsed.success) throw parsed.error;
  return lib.evaluateCompatibility(parsed.data);
}

const R = quick ? 3 : 5;

// ---------------------------------------------------------------------------------------------------
// text → report, against JSON.parse of the same text in the same rounds; scaling.
if (want('pipeline')) {
  const sizes = [10, 1_000, 10_000, 50_000];
  const figures = {};
  for (const n of sizes) {
    const text = JSON.stringify(cluster(n));
    const big = n >= 50_000;
    const timed = timeTasks(
      {
        'JSON.parse': () => JSON.parse(text),
        'text → report': () => check(pipeline(text)),
        'text → report (parseFactsText, the /yaml entry)': () => {
          const parsed = yamlEntry.parseFactsText(text);
          if (!parsed.success) throw parsed.error;
          return check(lib.evaluateCompatibility(parsed.data));
        },
        'text → report, every finding read': () => pipeline(text).findings.length,
      },
      { rounds: big ? 3 : R, time: big ? 1000 : n >= 10_000 ? 600 : 300 },
    );
    const report = pipeline(text);
    figures[n] = {
      bytes: text.length,
      findings: report.counts.total,
      counts: report.counts,
      jsonParseMs: round(timed['JSON.parse'].ms, 3),
      textToReportMs: round(timed['text → report'].ms, 3),
      ratio: round(ratioOf(timed, 'text → report', 'JSON.parse')),
      parseFactsTextRatio: round(ratioOf(timed, 'text → report (parseFactsText, the /yaml entry)', 'JSON.parse')),
      everyFindingReadMs: round(timed['text → report, every finding read'].ms, 3),
      everyFindingReadRatio: round(ratioOf(timed, 'text → report, every finding read', 'JSON.parse')),
      microsecondsPerNode: round((timed['text → report'].ms * 1000) / n, 3),
    };
    for (const name of Object.keys(timed))
      if (name !== 'JSON.parse')
        row('pipeline', `${n.toLocaleString('en')} nodes: ${name}`, timed[name].ms, ratioOf(timed, name, 'JSON.parse'), 'JSON.parse', n === 10_000 && name === 'text → report' ? '≤ 3×' : '');
  }
  // The worst case for sharing decisions: every node's build its own.
  const worst = JSON.stringify(distinctCluster(10_000));
  const timedWorst = timeTasks({ 'JSON.parse': () => JSON.parse(worst), 'text → report': () => check(pipeline(worst)) }, { rounds: R, time: 800 });
  figures.distinctBuilds10k = { ratio: round(ratioOf(timedWorst, 'text → report', 'JSON.parse')), textToReportMs: round(timedWorst['text → report'].ms, 3) };
  row('pipeline', '10,000 nodes, every build distinct: text → report', timedWorst['text → report'].ms, ratioOf(timedWorst, 'text → report', 'JSON.parse'), 'JSON.parse', '');

  const scale = {
    tenKOverOneK: round(figures[10_000].textToReportMs / figures[1_000].textToReportMs),
    fiftyKOverTenK: round(figures[50_000].textToReportMs / figures[10_000].textToReportMs),
    jsonParseFiftyKOverTenK: round(figures[50_000].jsonParseMs / figures[10_000].jsonParseMs),
  };
  results.figures.pipeline = { sizes: figures, scale };
  row('scaling', 'time per node, 1,000 → 50,000 (µs)', undefined, undefined, '', `${figures[1_000].microsecondsPerNode} / ${figures[10_000].microsecondsPerNode} / ${figures[50_000].microsecondsPerNode}`);
  row('scaling', '10,000 nodes ÷ 1,000 nodes', undefined, scale.tenKOverOneK, '(10× the nodes)', '');
  row('scaling', '50,000 nodes ÷ 10,000 nodes', undefined, scale.fiftyKOverTenK, `(JSON.parse: ${scale.jsonParseFiftyKOverTenK})`, '≤ 5.5');
  target('text → report, 10,000 nodes, × JSON.parse', figures[10_000].ratio, 3);
  target('50,000 nodes within ×5.5 the time of 10,000', scale.fiftyKOverTenK, 5.5);
}

// ---------------------------------------------------------------------------------------------------
// Memory: fresh processes, medians of three.
if (want('memory')) {
  const dir = mkdtempSync(join(tmpdir(), 'cwc-bench-'));
  const memory = {};
  try {
    for (const n of [10_000, 50_000]) {
      const file = join(dir, `facts-${n}.json`);
      writeFileSync(file, JSON.stringify(cluster(n)));
      memory[n] = {};
      for (const mode of ['floor', 'report', 'findings']) {
        const runs = [];
        for (let i = 0; i < 3; i++) {
          const run = spawnSync(process.execPath, ['--expose-gc', join(here, 'memory.mjs'), mode, file, dist], { encoding: 'utf8' });
          if (run.status !== 0) throw new Error(run.stderr);
          runs.push(JSON.parse(run.stdout));
        }
        const mib = (key) => round(median(runs.map((r) => r[key])) / 2 ** 20, 1);
        memory[n][mode] = { peakRssMiB: mib('maxRssBytes'), peakHeapMiB: mib('peakHeapBytes'), retainedHeapMiB: mib('retainedHeapBytes') };
      }
      const m = memory[n];
      m.ratio = round(m.report.peakRssMiB / m.floor.peakRssMiB);
      m.everyFindingReadRatio = round(m.findings.peakRssMiB / m.floor.peakRssMiB);
      for (const mode of ['floor', 'report', 'findings'])
        row(
          'memory',
          `${n.toLocaleString('en')} nodes, ${mode === 'floor' ? 'read + JSON.parse (floor)' : mode === 'report' ? 'text → report' : 'text → report, every finding read'}: peak RSS ${m[mode].peakRssMiB} MiB, heap peak ${m[mode].peakHeapMiB} / kept ${m[mode].retainedHeapMiB} MiB`,
          undefined,
          mode === 'floor' ? undefined : m[mode].peakRssMiB / m.floor.peakRssMiB,
          mode === 'floor' ? '' : 'floor RSS',
          n === 50_000 && mode === 'report' ? '≤ 2×' : '',
        );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  results.figures.memory = memory;
  target('peak RSS, 50,000 nodes, × read + JSON.parse', memory[50_000].ratio, 2);
}

// ---------------------------------------------------------------------------------------------------
// Manifests: kubectl get nodes -o yaml of 5,000 nodes, through /yaml and /manifests, against yaml's own parse.
if (want('manifests')) {
  const n = quick ? 1_000 : 5_000;
  const text = nodesYaml(n);
  const toFacts = () => {
    const set = yamlEntry.parseManifestsText(text);
    return manifestsEntry.factsFromManifests(set.objects, { locate: set.locate });
  };
  const timed = timeTasks(
    {
      'yaml parse': () => parseYaml(text),
      'text → facts (parseManifestsText + factsFromManifests)': () => toFacts().facts.nodes.length,
      'text → report': () => {
        const derived = toFacts();
        return check(lib.evaluateCompatibility(derived.facts, { sources: derived.sources }));
      },
    },
    { rounds: quick ? 1 : 2, time: 0, iterations: 1, warmupTime: 0, warmupIterations: 0 },
  );
  results.figures.manifests = {
    nodes: n,
    bytes: text.length,
    yamlParseMs: round(timed['yaml parse'].ms, 1),
    textToFactsMs: round(timed['text → facts (parseManifestsText + factsFromManifests)'].ms, 1),
    ratio: round(ratioOf(timed, 'text → facts (parseManifestsText + factsFromManifests)', 'yaml parse')),
    textToReportRatio: round(ratioOf(timed, 'text → report', 'yaml parse')),
  };
  for (const name of ['text → facts (parseManifestsText + factsFromManifests)', 'text → report'])
    row('manifests', `${n.toLocaleString('en')} nodes of kubectl YAML (${(text.length / 2 ** 20).toFixed(1)} MiB): ${name}`, timed[name].ms, ratioOf(timed, name, 'yaml parse'), "yaml's parse", '');
}

// ---------------------------------------------------------------------------------------------------
// Peer: the node rules in json-rules-engine, on the same 10,000 nodes (8,000 of them Windows).
if (want('peer')) {
  const facts = lib.parseFacts(cluster(10_000)).data;
  const peer = peerEngine(lib, facts);
  const peerFailures = await runPeer(peer, facts);
  // An older build under --dist has no select: it filters.
  const failures = (report) => (report.select ? report.select({ status: 'fail' }) : report.findings.filter((f) => f.status === 'fail')).length;
  const libraryFailures = failures(lib.evaluateCompatibility(facts, { rules: NODE_RULE_IDS }));
  if (peerFailures !== libraryFailures) throw new Error(`json-rules-engine finds ${peerFailures} failures, the library ${libraryFailures}: the rules differ`);
  const timedPeer = [];
  for (let i = 0; i < (quick ? 2 : 3); i++) {
    const start = performance.now();
    await runPeer(peer, facts);
    timedPeer.push(performance.now() - start);
  }
  const enginesMs = median(timedPeer);
  const timed = timeTasks(
    {
      'node rules, failures read': () => failures(lib.evaluateCompatibility(facts, { rules: NODE_RULE_IDS })),
      'every rule, verdict and counts': () => check(lib.evaluateCompatibility(facts)),
      'node rules, every finding read': () => lib.evaluateCompatibility(facts, { rules: NODE_RULE_IDS }).findings.length,
    },
    { rounds: R, time: 500 },
  );
  const times = Object.fromEntries(Object.entries(timed).map(([k, v]) => [k, v.ms]));
  results.figures.peer = {
    windowsNodes: facts.nodes.filter((node) => node.os === 'windows').length,
    failures: peerFailures,
    jsonRulesEngineMs: round(enginesMs, 1),
    libraryMs: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, round(v, 2)])),
    timesFaster: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, round(enginesMs / v, 1)])),
  };
  row('peer', `json-rules-engine, ${results.figures.peer.windowsNodes.toLocaleString('en')} Windows nodes (${peerFailures} failures)`, enginesMs, undefined, '', '');
  for (const [name, ms] of Object.entries(times))
    row('peer', `library, ${name}: ${(enginesMs / ms).toFixed(0)}× faster`, ms, ms / enginesMs, 'json-rules-engine', name.startsWith('node rules, failures') ? '≥ 30× faster' : '');
  target('× faster than json-rules-engine, same rules and data', enginesMs / times['node rules, failures read'], 30, 'at least');
}

// ---------------------------------------------------------------------------------------------------
// Fleet: 1,000 clusters of 100 nodes, one after another, and in worker threads.
if (want('fleet')) {
  const clusters = 1_000;
  const texts = Array.from({ length: clusters }, (_, i) => JSON.stringify(cluster(100, i)));
  const timed = timeTasks(
    {
      'JSON.parse of every text': () => {
        let n = 0;
        for (const text of texts) n += JSON.parse(text).nodes.length;
        return n;
      },
      'text → report, verdict and counts read': () => {
        let n = 0;
        for (const text of texts) n += check(pipeline(text));
        return n;
      },
      'text → report, every finding read': () => {
        let n = 0;
        for (const text of texts) n += pipeline(text).findings.length;
        return n;
      },
    },
    { rounds: 3, time: 1000 },
  );
  const fleet = {
    clusters,
    nodes: 100,
    jsonParseMs: round(timed['JSON.parse of every text'].ms, 1),
    verdictMs: round(timed['text → report, verdict and counts read'].ms, 1),
    verdictRatio: round(ratioOf(timed, 'text → report, verdict and counts read', 'JSON.parse of every text')),
    everyFindingMs: round(timed['text → report, every finding read'].ms, 1),
    everyFindingRatio: round(ratioOf(timed, 'text → report, every finding read', 'JSON.parse of every text')),
  };
  for (const name of ['text → report, verdict and counts read', 'text → report, every finding read'])
    row('fleet', `1,000 clusters × 100 nodes, one after another: ${name}`, timed[name].ms, ratioOf(timed, name, 'JSON.parse of every text'), 'JSON.parse', '');
  for (const workers of [1, 2]) {
    const pool = await Promise.all(
      Array.from({ length: workers }, (_, w) => {
        const share = clusters / workers;
        const worker = new Worker(join(here, 'fleet-worker.mjs'), { workerData: { dist, from: w * share, count: share, nodes: 100, readAll: false } });
        return new Promise((resolveReady, reject) => {
          worker.once('message', () => resolveReady(worker));
          worker.once('error', reject);
        });
      }),
    );
    const walls = [];
    for (let i = 0; i < R; i++) {
      const start = performance.now();
      await Promise.all(pool.map((worker) => new Promise((done) => (worker.once('message', done), worker.postMessage('run')))));
      walls.push(performance.now() - start);
    }
    await Promise.all(pool.map((worker) => worker.terminate()));
    fleet[`workers${workers}Ms`] = round(median(walls), 1);
    row('fleet', `1,000 clusters × 100 nodes, ${workers} worker thread${workers === 1 ? '' : 's'}: verdict and counts read`, median(walls), median(walls) / fleet.verdictMs, 'one after another, main thread', '');
  }
  results.figures.fleet = fleet;
}

// ---------------------------------------------------------------------------------------------------
// Serialising a 10,000-node report.
if (want('serialise')) {
  const text = JSON.stringify(cluster(10_000));
  const report = pipeline(text);
  report.findings.length;
  let bytes = format.formatJson(report).length;
  const tasks = {
    'JSON.parse': () => JSON.parse(text),
    formatJson: () => format.formatJson(report).length,
    'formatSarif': () => format.formatSarif(report).length,
  };
  // An older build under --dist writes no pieces.
  if (format.formatJsonChunks)
    tasks['formatJsonChunks, every piece'] = () => {
      bytes = 0;
      for (const chunk of format.formatJsonChunks(report)) bytes += chunk.length;
      return bytes;
    };
  const timed = timeTasks(
    tasks,
    { rounds: quick ? 2 : 3, time: 800 },
  );
  results.figures.serialise = {
    reportJsonBytes: bytes,
    ...Object.fromEntries(Object.keys(timed).filter((k) => k !== 'JSON.parse').map((k) => [k, { ms: round(timed[k].ms, 1), ratio: round(ratioOf(timed, k, 'JSON.parse')) }])),
  };
  for (const name of Object.keys(timed))
    if (name !== 'JSON.parse') row('serialise', `10,000-node report (${(bytes / 2 ** 20).toFixed(0)} MiB of JSON): ${name}`, timed[name].ms, ratioOf(timed, name, 'JSON.parse'), 'JSON.parse of the facts', '');
}

// ---------------------------------------------------------------------------------------------------
// Start-up: whole processes, in turn; the median of each round's ratio to `node -e 0`.
if (want('startup') && cli !== undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'cwc-bench-'));
  const small = join(dir, 'facts.json');
  writeFileSync(small, JSON.stringify(parseYaml(readFileSync(join(here, '../examples/self-managed-vxlan.yaml'), 'utf8'))));
  // CPU time of each process (user + system, every thread), printed at exit by a preload: less moved by
  // other load than wall time.
  const hook = join(dir, 'cpu.cjs');
  writeFileSync(hook, "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeSync(2, '\\n@cpu ' + (u.user + u.system) + '\\n'); });");
  const commands = {
    'node -e 0': ['-e', '0'],
    'check, small JSON facts file': [cli, 'check', small],
    'check, small YAML facts file': [cli, 'check', join(here, '../examples/self-managed-vxlan.yaml')],
    '--version': [cli, '--version'],
  };
  const wall = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const cpu = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const rounds = quick ? 11 : 25;
  for (let i = 0; i < rounds + 2; i++)
    for (const [name, argv] of Object.entries(commands)) {
      const start = process.hrtime.bigint();
      const run = spawnSync(process.execPath, ['-r', hook, ...argv], { encoding: 'utf8' });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (run.status !== 0) throw new Error(`${name}: ${run.stderr}`);
      if (i < 2) continue; // warm the file cache
      wall[name].push(ms);
      cpu[name].push(Number(/@cpu (\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1000);
    }
  rmSync(dir, { recursive: true, force: true });
  const startup = {};
  for (const name of Object.keys(commands)) {
    const wallRatio = median(wall[name].map((ms, i) => ms / wall['node -e 0'][i]));
    const cpuRatio = median(cpu[name].map((ms, i) => ms / cpu['node -e 0'][i]));
    startup[name] = { wallMs: round(median(wall[name]), 1), wallRatio: round(wallRatio), cpuMs: round(median(cpu[name]), 1), cpuRatio: round(cpuRatio) };
    if (name !== 'node -e 0')
      row('startup', `${name} (CPU ${cpuRatio.toFixed(2)}×)`, median(wall[name]), wallRatio, 'node -e 0', name.startsWith('check') ? '≤ 1.5×' : '');
  }
  results.figures.startup = startup;
  target('CLI check, small JSON facts file, × node -e 0 (wall)', startup['check, small JSON facts file'].wallRatio, 1.5);
  target('CLI check, small YAML facts file, × node -e 0 (wall)', startup['check, small YAML facts file'].wallRatio, 1.5);
}

results.machine.loadAverageAtEnd = loadavg().map((l) => Number(l.toFixed(2)));
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

// ---------------------------------------------------------------------------------------------------
const pad = (text, width) => String(text).padEnd(width);
console.log(`calico-windows-compat benchmark — Node ${process.version}, ${results.machine.cpus} × ${results.machine.cpu}, load ${results.machine.loadAverageAtStart.join(' ')} → ${results.machine.loadAverageAtEnd.join(' ')}`);
console.log(`medians of ${R} rounds; ratios are medians of each round's ratio, measured in the same rounds\n`);
let section = '';
for (const r of rows) {
  if (r.section !== section) {
    section = r.section;
    console.log(`\n${section}`);
  }
  const ms = r.ms === undefined ? '' : `${r.ms < 10 ? r.ms.toFixed(2) : r.ms.toFixed(1)} ms`;
  const ratio = r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}× ${r.floor}`;
  console.log(`  ${pad(r.figure, 96)} ${pad(ms, 12)} ${pad(ratio, 34)} ${r.target ?? ''}`);
}
console.log('\ntargets');
for (const t of results.targets) console.log(`  ${t.met ? 'met   ' : 'MISSED'} ${pad(t.target, 64)} ${t.value} (${t.kind} ${t.limit})`);
console.log(`\nwritten to ${out}`);
