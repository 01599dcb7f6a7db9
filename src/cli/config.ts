/**
 * The config file: settings a repository keeps for every `check` run, found the way eslint finds its
 * own — from the working directory upward — in `.calico-windows-compat.yaml` (`.yml`, `.json`) or under
 * `calicoWindowsCompat` in a package.json. Flags override it; `--config <file>` names one, `--no-config`
 * ignores them. Paths in it are relative to its directory.
 */
import { dirname, resolve } from 'node:path';
import * as z from 'zod/mini';
import { CompatError, type InputIssue } from '../model/errors.js';
import { formatPath, schemaIssues } from '../model/parse.js';
import type { Waiver } from '../model/waiver.js';
import { RULE_IDS } from '../catalog/ids.js';
import { CALICO_RELEASES } from '../catalog/releases.js';
import { parseWaivers, selectRelease } from '../api.js';
import { readTextFile } from '../node/read.js';
import { parseYamlDocuments, type TextDocument } from '../text/yaml.js';
import { FAIL_ON, FORMATS, type FailOn } from './output.js';
import { STDOUT, type Output } from './outputs.js';
import { didYouMean } from './suggest.js';
import { displayPath, PACKAGE_KEY } from './find-config.js';

export { CONFIG_FILES, displayPath, findConfig, PACKAGE_KEY } from './find-config.js';



const text = (description: string) => z.string().check(z.minLength(1, { message: 'must not be empty', abort: true }), z.describe(description));

/** The config file's schema: what `config.schema.json` is generated from. */
export const ConfigSchema = z.strictObject({
  $schema: z.optional(z.string().check(z.describe('The JSON Schema of this file, for editors: node_modules/calico-windows-compat/config.schema.json.'))),
  release: z.optional(text("The Calico release to check against, as --release takes it: a line ('3.27'), a version ('v3.27.2'), '3.27/operator', or 'auto'.")),
  waivers: z.optional(
    z
      .union([text('A waivers file, relative to this file.'), z.array(z.unknown()).check(z.describe('Waivers, as a waivers file lists them: { rule, subject?, reason, owner?, expires? }.'))])
      .check(z.describe('Accepted exceptions: a waivers file (relative to this file) or the list itself.')),
  ),
  skipRules: z.optional(z.array(z.string()).check(z.describe('Rule ids not to evaluate, as --skip-rule takes them.'))),
  failOn: z.optional(z.enum(FAIL_ON).check(z.describe('What fails the run, as --fail-on takes it: error (default), warning or unknown.'))),
  outputs: z.optional(
    z
      .strictObject(Object.fromEntries(FORMATS.map((format) => [format, z.optional(text(`Where the ${format} report goes: a file relative to this file, or - for standard output.`))])) as Record<
        (typeof FORMATS)[number],
        z.ZodMiniOptional<z.ZodMiniString>
      >)
      .check(z.describe('Reports written by every run besides standard output, by format; --output on the command line replaces them.')),
  ),
  sarifRoot: z.optional(text('The directory SARIF locations are relative to (%SRCROOT%), relative to this file; default: the working directory.')),
});

/** A config file, read and checked, its paths resolved. */
export interface Config {
  /** The file it was read from, as shown to users (relative to the working directory when inside it). */
  readonly file: string;
  readonly release?: string;
  /** A waivers file (resolved), or the waivers themselves. */
  readonly waivers?: { readonly file: string } | { readonly list: readonly Waiver[] };
  readonly skipRules?: readonly string[];
  readonly failOn?: FailOn;
  /** Outputs with their paths resolved. */
  readonly outputs?: readonly Output[];
  /** Absolute. */
  readonly sarifRoot?: string;
}

/**
 * Reads and checks a config file (YAML or JSON, or a package.json's {@link PACKAGE_KEY}). Every problem
 * is listed with its path, line and a suggestion where one is near: an unknown key, a rule id, a format,
 * a release.
 *
 * @throws {@link CompatError} `invalid-input`.
 */
export async function loadConfig(path: string, cwd: string): Promise<Config> {
  const shown = displayPath(path, cwd);
  const source = await readTextFile(path);
  const documents = parseYamlDocuments(source, { file: shown });
  if (documents.length > 1)
    throw new CompatError('invalid-input', `Invalid config file ${shown}:`, [{ path: `document ${(documents[1]?.index ?? 1) + 1}`, code: 'multiple-documents', message: 'a config file holds one document' }]);
  const document = documents[0];
  const inPackage = path.endsWith('package.json');
  const prefix = inPackage ? [PACKAGE_KEY] : [];
  const whole = document?.value;
  const value = inPackage ? (whole as Record<string, unknown> | undefined)?.[PACKAGE_KEY] : (whole ?? {});
  // Every problem at once: the schema's, then the rule ids, release and waivers it cannot check itself.
  const parsed = ConfigSchema.safeParse(value);
  const issues: InputIssue[] = parsed.success ? [] : schemaIssues(ConfigSchema, parsed.error, value, prefix);
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const at = (...segments: (string | number)[]): { path: string; segments: (string | number)[] } => {
    const all = [...prefix, ...segments];
    return { path: formatPath(all), segments: all };
  };
  if (Array.isArray(raw['skipRules']))
    raw['skipRules'].forEach((id: unknown, index) => {
      if (typeof id !== 'string' || (RULE_IDS as readonly string[]).includes(id)) return;
      issues.push({ ...at('skipRules', index), code: 'unknown-rule', message: `'${id}' is not a rule id${didYouMean(id, RULE_IDS)}; 'calico-windows-compat rules' lists them` });
    });
  if (typeof raw['release'] === 'string' && raw['release'] !== '') {
    try {
      selectRelease(raw['release'], {}, CALICO_RELEASES);
    } catch (error) {
      if (!(error instanceof CompatError)) throw error;
      issues.push({ ...at('release'), code: 'unknown-release', message: error.issues.map((i) => i.message).join('; ') || error.message });
    }
  }
  let waivers: Config['waivers'];
  if (Array.isArray(raw['waivers'])) {
    const checked = parseWaivers(raw['waivers']);
    if (checked.success) waivers = { list: checked.data };
    else for (const issue of checked.error.issues) issues.push({ ...issue, ...at('waivers', ...(issue.segments ?? [])) });
  }
  if (issues.length > 0 || !parsed.success)
    throw new CompatError(
      'invalid-input',
      `Invalid config file ${shown}:`,
      issues.map((issue) => locate(issue, document, shown)).sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0)),
    );
  const data = parsed.data;
  if (typeof data.waivers === 'string') waivers = { file: resolve(dirname(path), data.waivers) };

  const base = dirname(path);
  const outputs = Object.entries(data.outputs ?? {}).flatMap(([format, to]) =>
    to === undefined ? [] : [{ format: format as Output['format'], to: to === STDOUT ? STDOUT : displayPath(resolve(base, to), cwd) }],
  );
  return {
    file: shown,
    ...(data.release === undefined ? {} : { release: data.release }),
    ...(waivers === undefined ? {} : { waivers }),
    ...(data.skipRules === undefined ? {} : { skipRules: data.skipRules }),
    ...(data.failOn === undefined ? {} : { failOn: data.failOn }),
    ...(data.outputs === undefined ? {} : { outputs }),
    ...(data.sarifRoot === undefined ? {} : { sarifRoot: resolve(base, data.sarifRoot) }),
  };
}

/** An issue with the line and column of its path (or the nearest enclosing value there) in the file. */
function locate(issue: InputIssue, document: TextDocument | undefined, file: string): InputIssue {
  if (document === undefined || issue.segments === undefined) return issue;
  for (let n = issue.segments.length; n >= 0; n--) {
    const position = document.locate(issue.segments.slice(0, n));
    if (position !== undefined) return { ...issue, location: { file, ...position } };
  }
  return issue;
}

