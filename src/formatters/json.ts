import type { Report } from '../model/report.js';

/**
 * The report as JSON: the {@link Report} itself, indented, with a final newline. Its shape is the
 * report model ({@link ReportSchema}); field names are public API and change only additively.
 *
 * @example
 * writeFileSync('report.json', formatJson(evaluateCompatibility(facts)));
 */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
