import type { Report } from '../model/report.js';
import { eachFinding } from '../engine/lazy.js';
import { jsonChunks } from './json-writer.js';

/**
 * The report as JSON: the {@link Report} itself, indented, with a final newline. Its shape is the
 * report model ({@link ReportSchema}); field names are public API and change only additively.
 *
 * One string: a report of tens of thousands of nodes can be more text than a string may hold; write
 * those with {@link formatJsonChunks}.
 *
 * @example
 * writeFileSync('report.json', formatJson(evaluateCompatibility(facts)));
 */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * The text of {@link formatJson} in pieces of about 64 KiB, the findings written a few at a time, so that
 * a report of any size can be written to a file or a stream. Joined, the pieces are exactly
 * `formatJson(report)`. Findings share their rules' references and their nodes' subjects and evidence,
 * which are written once each; the report must not change while its pieces are read. A large report of
 * `evaluateCompatibility` whose `findings` have not been read has them made one at a time as they are
 * written, so writing it never holds them all.
 *
 * @example
 * import { createWriteStream } from 'node:fs';
 * import { Readable } from 'node:stream';
 * Readable.from(formatJsonChunks(report)).pipe(createWriteStream('report.json'));
 */
export function formatJsonChunks(report: Report): Iterable<string> {
  return jsonChunks(report as unknown as Record<string, unknown>, 'findings', { items: eachFinding(report) });
}
