/**
 * The tool that writes reports: its name and version, the version fixed when the package is built.
 * @module
 */
import type { ReportTool } from './report.js';

/** This library: `calico-windows-compat` and the version of the package it was built as. */
export const TOOL: ReportTool = Object.freeze({ name: 'calico-windows-compat', version: __CALICO_WINDOWS_COMPAT_VERSION__ });
