#!/usr/bin/env node
// Lists the surviving and uncovered mutants of a StrykerJS JSON report, one line each, so a reviewer can
// work through them:  node scripts/mutation-survivors.mjs [report.json] [--file src/x.ts] [--from L --to L]
// (--summary: open mutants per file; --score: the score table by area).
// Each line gives the file, the line and column in the source the report was made from, the mutator, the
// original text and its replacement. When the file has changed since, the line is looked up again by its
// original text in the current source ("now L") or marked "gone".
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    file: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    summary: { type: 'boolean' },
    score: { type: 'boolean' },
  },
});
const reportPath = positionals[0] ?? 'reports/mutation/mutation.json';
if (!existsSync(reportPath)) {
  console.error(`No mutation report at ${reportPath}: run \`npm run mutate\` first.`);
  process.exit(2);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const from = values.from === undefined ? 0 : Number(values.from);
const to = values.to === undefined ? Infinity : Number(values.to);

// --score: the table docs/quality.md records, by area (rules, engine, model, adapters) and in all.
if (values.score) {
  const area = (file) =>
    file.startsWith('src/catalog/') ? 'src/catalog' : file.startsWith('src/engine/') ? 'src/engine' : file.startsWith('src/model/') ? 'src/model' : file.startsWith('src/adapters/') ? 'src/adapters' : file;
  const rows = new Map();
  const add = (name, m) => {
    const row = rows.get(name) ?? { killed: 0, timeout: 0, survived: 0, uncovered: 0, ignored: 0 };
    if (m.status === 'Killed') row.killed++;
    else if (m.status === 'Timeout') row.timeout++;
    else if (m.status === 'Survived') row.survived++;
    else if (m.status === 'NoCoverage') row.uncovered++;
    else if (m.status === 'Ignored') row.ignored++;
    rows.set(name, row);
  };
  for (const [file, entry] of Object.entries(report.files)) for (const m of entry.mutants) { add(area(file), m); add('all', m); }
  console.log('| | killed | timeout | survived | no coverage | ignored | score |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [name, r] of [...rows].sort(([a], [b]) => (a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b)))) {
    const detected = r.killed + r.timeout;
    // Rounded down, so a score with anything left open never shows as 100%.
    const score = (100 * detected) / (detected + r.survived + r.uncovered);
    console.log(`| ${name === 'all' ? 'all' : `\`${name}\``} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.uncovered} | ${r.ignored} | ${(Math.floor(score * 10) / 10).toFixed(1)}% |`);
  }
  process.exit(0);
}

const one = (text) => (text.length > 70 ? `${text.slice(0, 67)}...` : text).replace(/\s+/g, ' ');

for (const [file, entry] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  if (values.file !== undefined && !file.includes(values.file)) continue;
  const lines = entry.source.split('\n');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const currentLines = current === entry.source ? undefined : current.split('\n');
  const open = entry.mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage');
  if (values.summary) {
    const tested = entry.mutants.filter((m) => !['Ignored', 'CompileError', 'RuntimeError'].includes(m.status));
    if (open.length > 0) console.log(`${file}: ${open.length} of ${tested.length} open`);
    continue;
  }
  for (const m of open) {
    const { start, end } = m.location;
    if (start.line < from || start.line > to) continue;
    const original =
      start.line === end.line
        ? lines[start.line - 1].slice(start.column - 1, end.column - 1)
        : `${lines[start.line - 1].slice(start.column - 1)}…`;
    let where = '';
    if (currentLines !== undefined) {
      const wanted = lines[start.line - 1];
      const found = currentLines.findIndex((line) => line === wanted);
      where = found === -1 ? ' [gone]' : ` [now ${found + 1}]`;
    }
    const status = m.status === 'NoCoverage' ? 'uncovered' : 'survived';
    console.log(`${file}:${start.line}:${start.column}${where} ${status} ${m.mutatorName}: ${one(original)} -> ${one(m.replacement ?? '')}`);
  }
}
