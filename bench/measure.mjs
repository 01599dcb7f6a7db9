// How the benchmark times things: tinybench runs each task for a time budget after a warm-up and gives
// the median latency; a figure compared with a floor (JSON.parse of the same text) is timed in rounds,
// the floor and the figure one after the other in each round, and the ratio of each round kept. The
// machine is shared, so what is reported is the median over rounds: of each task's median, and of the
// per-round ratios (a ratio taken within one round is immune to load that changes between rounds).
import { Bench } from 'tinybench';

const collect = globalThis.gc ?? (() => {});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export { median };

/**
 * Times `tasks` (name → function) in `rounds` rounds of one tinybench run each; returns, per task, the
 * median over rounds of its median latency (ms), and the rounds' medians themselves.
 */
export function timeTasks(tasks, { rounds = 5, time = 300, warmupTime = 100, iterations = 2, warmupIterations = 1 } = {}) {
  const perRound = Object.fromEntries(Object.keys(tasks).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time, warmupTime, iterations, warmupIterations });
    for (const [name, fn] of Object.entries(tasks))
      // A collection before each task, so one task's garbage is not billed to the next.
      bench.add(name, fn, { beforeAll: collect });
    bench.runSync();
    for (const task of bench.tasks) {
      if (task.result.state !== 'completed') throw task.result.error ?? new Error(`${task.name}: ${task.result.state}`);
      perRound[task.name].push(task.result.latency.p50);
    }
  }
  return Object.fromEntries(Object.entries(perRound).map(([name, values]) => [name, { ms: median(values), rounds: values }]));
}

/** The median over rounds of `a / b`, two tasks timed in the same rounds by {@link timeTasks}. */
export function ratioOf(timed, a, b) {
  const ratios = timed[a].rounds.map((value, i) => value / timed[b].rounds[i]);
  return median(ratios);
}
