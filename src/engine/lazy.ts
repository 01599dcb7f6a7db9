/**
 * Reading a report's findings one at a time: for a report whose `findings` are built on first read and
 * not read yet, each is built as it is reached and can be let go — writing a large report as JSON then
 * never holds all of its findings at once.
 * @module
 */
import type { Finding, Report } from '../model/report.js';

/** The reports whose findings are not built yet: how to make them one by one, and whether they have been. */
const pending = new WeakMap<object, { readonly each: () => Iterable<Finding>; readonly built: () => boolean }>();

/** Registers a report whose findings are built on first read. */
export function registerLazy(report: Report, each: () => Iterable<Finding>, built: () => boolean): void {
  pending.set(report, { each, built });
}

/**
 * The report's findings, in order: made one at a time when `findings` has not been read yet (the same
 * findings it would hold), else `findings` itself.
 */
export function eachFinding(report: Report): Iterable<Finding> {
  const lazy = pending.get(report);
  return lazy === undefined || lazy.built() ? report.findings : lazy.each();
}
