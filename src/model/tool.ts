/**
 * The tool that writes reports: its name and version, the version fixed when the package is built; and
 * the version of the reports' shape. Constants only, without the report's schemas, so the core's bundle
 * carries just these.
 * @module
 */
/**
 * The version of the report's shape, in semver: a major for a change that can break a reader (a field
 * removed, renamed or retyped, a new value of a closed set such as `status`), a minor for an addition a
 * reader can ignore (a new optional field, a new input kind), a patch for a fix of the schema's text.
 * docs/report-schema.md states the promise; `parseReport` (in `calico-windows-compat/format`) reads every
 * version of this major and the unversioned reports written before it.
 */
export const REPORT_SCHEMA_VERSION = '1.0.0';

/**
 * This library: `calico-windows-compat` and the version of the package it was built as. Its shape is
 * the report's `tool` (`ReportTool` in ./report.ts, which imports this module, not the other way round).
 */
export const TOOL: { readonly name: string; readonly version: string } = Object.freeze({ name: 'calico-windows-compat', version: __CALICO_WINDOWS_COMPAT_VERSION__ });
