/**
 * `calico-windows-compat/format`: reports for people and pipelines — text for terminals, Markdown for
 * pull requests and Backstage pages, SARIF for code scanning, JUnit for test dashboards, JSON — and the
 * rule reference (each rule's documentation, hints for finding each fact).
 *
 * Pure and browser-safe, kept apart from the main entry so a bundle that only evaluates stays small.
 * @packageDocumentation
 */
export {
  ReportSchema,
  FindingSchema,
  FindingStatusSchema,
  SeveritySchema,
  VerdictSchema,
  SubjectSchema,
  ReferenceSchema,
  EvidenceSchema,
  FactSourceSchema,
  CountsSchema,
  ReportProfileSchema,
  FindingWaiverSchema,
  WaiverStatusSchema,
  WaiverResultSchema,
  ReportToolSchema,
  ReportInputSchema,
  REPORT_SCHEMA_VERSION,
} from './model/report.js';
export { parseReport, UNKNOWN_TOOL_VERSION, type ParseReportResult } from './model/parse-report.js';
export { formatText, formatTextChunks, describeSubject, type TextFormatOptions } from './formatters/text.js';
export { describeSource } from './model/naming.js';
export { formatRuleTable } from './formatters/rules.js';
export { formatJson, formatJsonChunks } from './formatters/json.js';
export { formatSarif, formatSarifChunks, formatSarifError, type SarifFormatOptions, type SarifErrorInput } from './formatters/sarif.js';
export { formatJunit, formatJunitChunks, type JunitFormatOptions } from './formatters/junit.js';
export { formatMarkdown, formatMarkdownChunks, type MarkdownFormatOptions } from './formatters/markdown.js';
export { formatRuleDoc } from './formatters/rule-doc.js';
export { REPOSITORY_URL, ruleDocsUrl } from './model/links.js';
export { ruleDocs, documented, DOCUMENTED_RULES, type RenderedDocs } from './catalog/docs.js';
export { hintFor } from './catalog/hints.js';
