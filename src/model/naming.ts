/**
 * How subjects and sources are named in output and waivers. Kept apart from the report's schemas, so
 * that code which only names things (the engine, in the main entry) does not carry the schemas.
 * @module
 */
import type { FactSource, Subject } from './report.js';

/** How a subject is written in waivers, JUnit and SARIF: `cluster`, `node/win-1`, `ip-pool/default-ipv4-ippool`. */
export function subjectKey(subject: Subject): string {
  return subject.kind === 'cluster' ? 'cluster' : `${subject.kind}/${subject.name}`;
}

/**
 * Where a fact came from, as one phrase: `Node/win-1 status.nodeInfo.kernelVersion (nodes.yaml:42:7)`;
 * `precision: 'line'` leaves the column out.
 */
export function describeSource(source: FactSource, precision: 'line' | 'column' = 'column'): string {
  const column = precision === 'column' && source.column !== undefined ? `:${source.column}` : '';
  const where = source.file === undefined ? '' : ` (${source.file}${source.line === undefined ? '' : `:${source.line}${column}`})`;
  return `${source.object}${source.field === undefined ? '' : ` ${source.field}`}${where}`;
}
