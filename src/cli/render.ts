/**
 * The report in the format asked for, loading that format's formatter only, in pieces the CLI writes
 * one after the other: a report of any size is written without being one string.
 */
import type { Report } from '../model/report.js';
import type { TextPosition } from '../text/yaml.js';
import type { Format } from './codes.js';
import type { SarifFormatOptions } from '../formatters/sarif.js';

/** Options of `renderReport` and {@link renderReportChunks}. */
export interface RenderOptions {
  /** The input file, as given on the command line: SARIF locations, the JUnit suite, the Markdown heading. */
  readonly input?: string;
  /** The line naming the input in text output; default `facts: <input>`. */
  readonly label?: string;
  readonly color?: boolean;
  readonly quiet?: boolean;
  readonly toolVersion?: string;
  /** Where facts stand in the input (see `factLocator`), for SARIF locations. */
  readonly locate?: (fact: string) => TextPosition | undefined;
  /** SARIF: the directory locations are relative to (`--sarif-root`), absolute. */
  readonly sarifRoot?: string;
  /** SARIF: the working directory, absolute; relative paths are relative to it. */
  readonly workingDirectory?: string;
  /** SARIF: the command line's arguments. */
  readonly arguments?: readonly string[];
  /** SARIF: the exit code of the run. */
  readonly exitCode?: number;
}

/** The text formatter's options. */
export function textOptions(options: RenderOptions): { color: boolean; quiet: boolean; input?: string } {
  return {
    color: options.color ?? false,
    quiet: options.quiet ?? false,
    ...(options.label === undefined && options.input === undefined ? {} : { input: options.label ?? `facts: ${options.input}` }),
  };
}

/** The SARIF formatter's options. */
export function sarifOptions(options: RenderOptions): SarifFormatOptions {
  return {
    ...(options.input === undefined ? {} : { input: options.input }),
    ...(options.toolVersion === undefined ? {} : { toolVersion: options.toolVersion }),
    ...(options.locate === undefined ? {} : { locate: options.locate }),
    ...(options.sarifRoot === undefined ? {} : { root: options.sarifRoot }),
    ...(options.workingDirectory === undefined ? {} : { workingDirectory: options.workingDirectory }),
    ...(options.arguments === undefined ? {} : { arguments: options.arguments }),
    ...(options.exitCode === undefined ? {} : { exitCode: options.exitCode }),
  };
}

/** The report in one of the formats, in pieces: joined, what `renderReport` gives. */
export async function renderReportChunks(report: Report, format: Format, options: RenderOptions): Promise<Iterable<string>> {
  switch (format) {
    case 'text':
      return (await import('../formatters/text.js')).formatTextChunks(report, textOptions(options));
    case 'json':
      return (await import('../formatters/json.js')).formatJsonChunks(report);
    case 'sarif':
      return (await import('../formatters/sarif.js')).formatSarifChunks(report, sarifOptions(options));
    case 'junit':
      return (await import('../formatters/junit.js')).formatJunitChunks(report, options.input === undefined ? {} : { input: options.input });
    case 'markdown':
      return (await import('../formatters/markdown.js')).formatMarkdownChunks(report, options.input === undefined ? {} : { input: options.input });
  }
}
