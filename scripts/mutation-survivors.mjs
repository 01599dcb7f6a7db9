#!/usr/bin/env node
// Lists the surviving and uncovered mutants of a StrykerJS JSON report, one line each, so a reviewer can
// work through them:  node scripts/mutation-survivors.mjs [report.json] [--file src/x.ts] [--from L --to L]
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
