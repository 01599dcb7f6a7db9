/**
 * Every file derived from the catalog and the schemas, generated here and nowhere else:
 * - `facts.schema.json`: the JSON Schema of facts files, from `ClusterFactsSchema`;
 * - `docs/rules/<id>.md` and `docs/rules/README.md`: the rule reference, from the catalog (every release's rules);
 * - the rule list in `README.md` (between its `rules:start` and `rules:end` markers): the v3.23 rules;
 * - `docs/support-matrix.md`: every release profile × Windows builds, runtimes, Kubernetes, platforms, install methods;
 * - `docs/examples/<example>.{txt,json,sarif,junit.xml,md}`: each example cluster in every report
 *   format, rendered by the code the CLI runs;
 * - `docs/examples/<example>.plan.md` and the plans in `docs/guides/choose-a-networking-option.md`
 *   (between its `plans:start` and `plans:end` markers): each example cluster's networking plan;
 * - `report.schema.json`: the JSON Schema of reports, from `ReportSchema`;
 * - `config.schema.json`: the JSON Schema of config files, from `ConfigSchema`.
 *
 * `npm run docs:generate` writes them; `test/docs.test.ts` fails when a committed one differs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { toJSONSchema } from 'zod/v4/core';
import { exitCodeOf, factLocator, FORMATS, renderReport, type Format } from '../src/cli/output.js';
import { ConfigSchema } from '../src/cli/config.js';
import { REPORT_SCHEMA_VERSION, ReportSchema, SCHEMA_VERSION } from '../src/model/report.js';
import { HINTED_FACTS, hintFor } from '../src/catalog/hints.js';
import { NETWORKING, PLATFORMS } from '../src/catalog/tables/platforms.js';
import { evaluateCompatibility } from '../src/api.js';
import { formatRuleDoc } from '../src/formatters/rule-doc.js';
import { formatRuleTable } from '../src/formatters/rules.js';
import { REPOSITORY_URL } from '../src/model/links.js';
import { ClusterFactsSchema } from '../src/model/facts.js';
import { CATALOG } from '../src/catalog/later-rules.js';
import { RULES } from '../src/catalog/default.js';
import { formatSupportMatrix } from '../src/formatters/support-matrix.js';
import { parseWaiversText } from '../src/text/waivers.js';
import { parseFactsText, parseFactsTextLocated } from '../src/text/yaml.js';
import { planExitCode, renderPlan } from '../src/cli/plan.js';
import { planNetworking } from '../src/planner/plan.js';
import { CALICO_RELEASES } from '../src/catalog/releases.js';
import type { PlanOptions } from '../src/planner/types.js';
import pkg from '../package.json' with { type: 'json' };

/** Folders whose every file is generated: a file there that the generator does not make is stale. */
export const GENERATED_DIRS = ['docs/rules', 'docs/examples'] as const;

/** The command that regenerates everything. */
export const REGENERATE = 'npm run docs:generate';

/**
 * The directory the sample SARIF logs were made in, standing for the working directory: a GitHub runner's
 * checkout of the repository, where `--sarif-root` defaults to. Tests comparing the CLI's SARIF with the
 * samples put their own working directory's URI in its place.
 */
export const EXAMPLE_ROOT = '/home/runner/work/calico-windows-compat/calico-windows-compat';

/** The extension of each report format's sample file. */
export const EXTENSIONS: Record<Format, string> = { text: 'txt', json: 'json', sarif: 'sarif', junit: 'junit.xml', markdown: 'md' };

const GENERATED = 'Generated from the catalog by `npm run docs:generate`: do not edit by hand.';

/** Every generated file, by path relative to the repository root. */
export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  files.set('facts.schema.json', `${JSON.stringify(factsJsonSchema(), null, 2)}\n`);
  files.set('report.schema.json', `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
  files.set('config.schema.json', `${JSON.stringify(configJsonSchema(), null, 2)}\n`);

  files.set(
    'docs/rules/README.md',
    [
      '# Rule reference',
      '',
      `<!-- ${GENERATED} -->`,
      '',
      `Every rule of the Calico for Windows requirements catalog, in catalog order: the v3.23 page's, then the ones later`,
      'releases add, then the known issues (advisories). Each page says what the rule checks and why, when it applies and',
      'passes, the facts it reads and how to find them, and what to do when it fails. Which release profiles hold each',
      'rule is in the [support matrix](../support-matrix.md). `calico-windows-compat explain <rule-id>` prints the same page.',
      '',
      formatRuleTable(CATALOG).replace(/\| `([a-z0-9-]+)` \|/g, '| [`$1`]($1.md) |'),
      '',
    ].join('\n'),
  );
  for (const rule of CATALOG) files.set(`docs/rules/${rule.id}.md`, `<!-- ${GENERATED} -->\n\n${formatRuleDoc(rule)}`);
  files.set('docs/support-matrix.md', `<!-- ${GENERATED} -->\n\n${formatSupportMatrix()}`);
  files.set('README.md', readmeWithRules(readFileSync('README.md', 'utf8')));

  const examples = readdirSync('examples')
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  for (const name of examples) {
    const input = `examples/${name}`;
    const base = name.replace(/\.yaml$/, '');
    const text = readFileSync(input, 'utf8');
    const { result: parsed, document } = parseFactsTextLocated(text, { file: input });
    if (!parsed.success) throw parsed.error;
    const report = evaluateCompatibility(parsed.data, { inputs: [{ kind: 'facts', name: input }] });
    const locate = factLocator(document, parsed.data);
    for (const format of FORMATS)
      files.set(
        `docs/examples/${base}.${EXTENSIONS[format]}`,
        // What `calico-windows-compat check <input> --format <format>` prints, run in EXAMPLE_ROOT.
        renderReport(report, format, {
          input,
          toolVersion: pkg.version,
          locate,
          sarifRoot: EXAMPLE_ROOT,
          workingDirectory: EXAMPLE_ROOT,
          arguments: ['check', input, '--format', format],
          exitCode: exitCodeOf(report),
        }),
      );
  }

  for (const [path, content] of planFiles(examples)) files.set(path, content);

  // One example with waivers: an applied, an expired and a stale one (no date in the future, so the
  // output does not depend on the day it is generated).
  const waiversFile = 'examples/waivers/broken-cluster.yaml';
  const waivers = parseWaiversText(readFileSync(waiversFile, 'utf8'), { file: waiversFile });
  if (!waivers.success) throw waivers.error;
  const facts = parseFactsText(readFileSync('examples/broken-cluster.yaml', 'utf8'), { file: 'examples/broken-cluster.yaml' });
  if (!facts.success) throw facts.error;
  const waived = evaluateCompatibility(facts.data, {
    waivers: waivers.data,
    now: new Date(),
    inputs: [
      { kind: 'facts', name: 'examples/broken-cluster.yaml' },
      { kind: 'waivers', name: waiversFile },
    ],
  });
  for (const format of ['text', 'markdown'] as const)
    files.set(
      `docs/examples/broken-cluster.waived.${EXTENSIONS[format]}`,
      renderReport(waived, format, { input: 'examples/broken-cluster.yaml', toolVersion: pkg.version }),
    );
  return files;
}

/** The README with its rule list (between the `rules:start` and `rules:end` markers) regenerated. */
export function readmeWithRules(readme: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END} markers`);
  return `${readme.slice(0, start + README_START.length)}\n${formatRuleTable(RULES)}\n${readme.slice(end)}`;
}

/** The networking-option guide, whose plans are generated. */
export const PLAN_GUIDE = 'docs/guides/choose-a-networking-option.md';
const PLANS_START = '<!-- plans:start -->';
const PLANS_END = '<!-- plans:end -->';

/**
 * Each example cluster's plan: its Markdown in `docs/examples/<example>.plan.md`, its text in the guide,
 * with the command that prints it and its exit code; and one example planned under two releases.
 */
function planFiles(examples: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  const sections: string[] = [];
  const section = (input: string, args: readonly string[], options: PlanOptions, about: string): void => {
    const parsed = parseFactsText(readFileSync(input, 'utf8'), { file: input });
    if (!parsed.success) throw parsed.error;
    const plan = planNetworking(parsed.data, options);
    const text = renderPlan(plan, 'text', { input });
    sections.push(
      [`### \`${['calico-windows-compat plan', input, ...args].join(' ')}\``, '', about, '', fenced(`$ calico-windows-compat plan ${[input, ...args].join(' ')}\n${text}`), '', `Exit code ${planExitCode(plan)}.`].join('\n'),
    );
  };
  for (const name of examples) {
    const input = `examples/${name}`;
    const base = name.replace(/\.yaml$/, '');
    const parsed = parseFactsText(readFileSync(input, 'utf8'), { file: input });
    if (!parsed.success) throw parsed.error;
    files.set(`docs/examples/${base}.plan.md`, renderPlan(planNetworking(parsed.data), 'markdown', { input }));
    section(input, [], {}, `${describeExample(input)} The Markdown: [\`${base}.plan.md\`](../examples/${base}.plan.md).`);
  }
  section(
    'examples/aks.yaml',
    ['--release', '3.23', '--release', '3.28/operator'],
    { release: ['3.23', '3.28/operator'], profiles: CALICO_RELEASES },
    'The AKS cluster now, and after an upgrade to Calico v3.28 with the operator install: what the upgrade would take.',
  );
  files.set(PLAN_GUIDE, withMarkers(readFileSync(PLAN_GUIDE, 'utf8'), PLAN_GUIDE, PLANS_START, PLANS_END, sections.join('\n\n')));
  return files;
}

/** What an example cluster is, from the comment lines at the top of its file. */
function describeExample(file: string): string {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('# ') && !line.startsWith('# yaml-language-server'))
    .map((line) => line.slice(2).trim())
    .join(' ');
}

/** Text in a fenced block whose fence no run of backticks in the text can close. */
function fenced(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text.trimEnd()}\n${fence}`;
}

/** `text` with what stands between its `start` and `end` markers replaced by `content`. */
function withMarkers(text: string, file: string, start: string, end: string, content: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} has no ${start} … ${end} markers`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

const README_START = '<!-- rules:start -->';
const README_END = '<!-- rules:end -->';

/**
 * The JSON Schema of facts files, from the zod schema, with a description on every fact saying how to
 * find it and the known values of `platform` and `networking` as examples. Refinements zod cannot
 * express in JSON Schema (version and build syntax, unique names) are checked when facts are read.
 */
export function factsJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = toJSONSchema(ClusterFactsSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  describe(schema, '');
  const properties = schema['properties'] as Record<string, Record<string, unknown>>;
  if (properties['platform']) properties['platform']['examples'] = Object.keys(PLATFORMS);
  if (properties['networking']) properties['networking']['examples'] = Object.keys(NETWORKING);
  return {
    $schema,
    $id: `${REPOSITORY_URL}/blob/main/facts.schema.json`,
    title: 'Calico for Windows compatibility facts',
    description:
      'What is known about a Kubernetes cluster, checked by calico-windows-compat against the Calico for Windows v3.23 requirements. Every field is optional: an absent fact is unknown, never assumed to be fine.',
    ...schema,
  };
}

function describe(node: unknown, path: string): void {
  if (node === null || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  const properties = schema['properties'] as Record<string, Record<string, unknown>> | undefined;
  for (const [key, child] of Object.entries(properties ?? {})) {
    // Node facts are hinted as `node.<key>`; the Linux variant shares only `os`, `name` and `routeReflector`.
    const childPath = path === 'node' ? `node.${key}` : path === '' ? key : `${path}.${key}`;
    if (HINTED_FACTS.includes(childPath) && child['description'] === undefined) child['description'] = `How to find it: ${hintFor(childPath)}`;
    describe(child, childPath);
  }
  const items = schema['items'] as Record<string, unknown> | undefined;
  if (items) describe(items, path === 'nodes' ? 'node' : path);
  for (const variant of (schema['oneOf'] ?? schema['anyOf'] ?? []) as unknown[]) describe(variant, path);
}

/**
 * The JSON Schema of reports (`formatJson`'s output), from the zod schema. It leaves objects open to
 * fields it does not name, as the compatibility promise does for readers: a later minor version may add
 * fields (docs/report-schema.md).
 */
export function reportJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = toJSONSchema(ReportSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  // A refinement zod cannot write as JSON Schema: the schema versions this major reads.
  const properties = schema['properties'] as Record<string, Record<string, unknown>>;
  if (properties['schemaVersion']) properties['schemaVersion']['pattern'] = SCHEMA_VERSION.source;
  return {
    $schema,
    $id: `${REPOSITORY_URL}/blob/main/report.schema.json`,
    title: 'Calico for Windows compatibility report',
    description: `A report of calico-windows-compat (evaluateCompatibility, check --format json), schema version ${REPORT_SCHEMA_VERSION}: the verdict, and one finding per rule and subject. Versions of one major read alike; see docs/report-schema.md.`,
    ...schema,
  };
}

/** The JSON Schema of config files (`.calico-windows-compat.yaml`, `.json`, package.json's `calicoWindowsCompat`). */
export function configJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = toJSONSchema(ConfigSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema,
    $id: `${REPOSITORY_URL}/blob/main/config.schema.json`,
    title: 'calico-windows-compat config file',
    description:
      'Settings for every calico-windows-compat check run in a repository: found from the working directory upward as .calico-windows-compat.yaml, .yml or .json, or under calicoWindowsCompat in package.json. Flags override it; paths are relative to the file.',
    ...schema,
  };
}

// Run directly: write the files, or with --check list the stale ones and exit 1.
if (process.argv.includes('--write') || process.argv.includes('--check')) {
  const { existsSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
  const { dirname, join } = await import('node:path');
  const files = generatedFiles();
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [path, content] of files) {
    if (existsSync(path) && readFileSync(path, 'utf8') === content) continue;
    stale.push(path);
    if (!check) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
  }
  for (const dir of GENERATED_DIRS)
    for (const name of existsSync(dir) ? readdirSync(dir) : []) {
      const path = join(dir, name);
      if (files.has(path)) continue;
      stale.push(`${path} (no longer generated)`);
      if (!check) rmSync(path);
    }
  if (check && stale.length > 0) {
    console.error(`Stale generated files; run \`${REGENERATE}\`:\n${stale.map((p) => `  ${p}`).join('\n')}`);
    process.exitCode = 1;
  } else console.log(stale.length === 0 ? 'Generated files are current.' : `Wrote ${stale.length} files.`);
}
