// The layers of src/ and the imports each may make (docs/architecture.md draws them): checked over every
// file, so a wrong-way import fails here rather than in a review.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

type Layer = 'model' | 'engine' | 'catalog' | 'planner' | 'adapters' | 'text' | 'formatters' | 'node' | 'api' | 'testing' | 'cli' | 'face';

/** The layer of a file under src/, by its path. */
function layerOf(file: string): Layer {
  const [top, ...rest] = file.split('/');
  if (rest.length === 0) {
    if (top === 'api.ts') return 'api';
    if (top === 'cli.ts') return 'cli';
    return 'face';
  }
  return top as Layer;
}

/** Each layer's allowed imports: layers, single files (`catalog/ids.ts`), and packages. */
const ALLOWED: Readonly<Record<Layer, { readonly layers: readonly Layer[]; readonly files?: readonly string[]; readonly packages: RegExp }>> = {
  model: { layers: ['model'], packages: /^zod\/mini$/ },
  engine: { layers: ['model', 'engine'], packages: /^zod\/mini$/ },
  catalog: { layers: ['model', 'engine', 'catalog'], packages: /^$/ },
  // The planner runs the engine with the default catalog on the facts as each option would make them.
  planner: { layers: ['model', 'engine', 'catalog', 'planner'], packages: /^$/ },
  adapters: { layers: ['model', 'adapters'], packages: /^$/ },
  // Waivers files are validated against the rule ids: the engine's parser and the one list of ids.
  text: { layers: ['model', 'text', 'engine'], files: ['catalog/ids.ts'], packages: /^yaml$/ },
  formatters: { layers: ['model', 'engine', 'catalog', 'planner', 'formatters'], packages: /^$/ },
  node: { layers: ['model', 'text', 'adapters', 'engine', 'node'], files: ['catalog/ids.ts'], packages: /^node:/ },
  api: { layers: ['model', 'engine', 'catalog'], packages: /^$/ },
  testing: { layers: ['model', 'engine', 'catalog', 'formatters', 'api', 'testing'], packages: /^vitest$/ },
  // The config file's schema is the CLI's own (zod/mini, like the model's).
  cli: { layers: ['model', 'engine', 'catalog', 'planner', 'adapters', 'text', 'formatters', 'node', 'api', 'cli', 'face'], packages: /^(node:|yaml$|zod\/mini$)/ },
  face: { layers: ['model', 'engine', 'catalog', 'planner', 'adapters', 'text', 'formatters', 'node', 'api', 'testing'], packages: /^$/ },
};

const SEMVER = /^semver(\/|$)/;

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

/** Every import specifier of a source text, type-only ones included (examples in comments are not imports). */
function specifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** The import violations of a set of files (paths relative to src/ → source text). */
export function violations(files: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [file, source] of files) {
    const layer = layerOf(file);
    const allowed = ALLOWED[layer];
    for (const spec of specifiers(source)) {
      if (spec.startsWith('.')) {
        const target = normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts');
        if (target.startsWith('..')) {
          // package.json and the generated schemas, read by the CLI only.
          if (layer !== 'cli') found.push(`${file} imports ${spec}, outside src/`);
          continue;
        }
        const targetLayer = layerOf(target);
        if (!allowed.layers.includes(targetLayer) && !allowed.files?.includes(target))
          found.push(`${file} (${layer}) imports ${target} (${targetLayer})`);
      } else if (SEMVER.test(spec)) {
        // semver is the tests' reference for versions (src/model/version.ts says why), never imported at run time.
        found.push(`${file} (${layer}) imports ${spec}: semver is the tests' reference, not a run-time import`);
      } else if (!allowed.packages.test(spec) && !(layer === 'node' && builtinModules.includes(spec))) {
        found.push(`${file} (${layer}) imports the package ${spec}`);
      }
    }
  }
  return found;
}

function sources(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) files.set(relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return files;
}

const SRC = sources('src');
const FACES = ['index.ts', 'format.ts', 'manifests.ts', 'yaml.ts', 'node.ts', 'releases.ts', 'plan.ts', 'testing.ts'];

describe('architecture', () => {
  it('every import of src/ follows the layers', () => {
    expect(violations(SRC)).toEqual([]);
  });

  it.each([
    ['model/facts.ts', "import { RULES } from '../catalog/default.js';", 'model/facts.ts (model) imports catalog/default.ts (catalog)'],
    ['engine/decide.ts', "import type { RuleId } from '../catalog/ids.js';", 'engine/decide.ts (engine) imports catalog/ids.ts (catalog)'],
    ['catalog/rules/vxlan-port.ts', "import { formatText } from '../../formatters/text.js';", 'catalog/rules/vxlan-port.ts (catalog) imports formatters/text.ts (formatters)'],
    ['adapters/merge.ts', "export { evaluate } from '../engine/evaluate.js';", 'adapters/merge.ts (adapters) imports engine/evaluate.ts (engine)'],
    ['model/report.ts', "import { readFile } from 'node:fs';", 'model/report.ts (model) imports the package node:fs'],
    ['index.ts', "import { main } from './cli.js';", 'index.ts (face) imports cli.ts (cli)'],
    ['engine/evaluate.ts', "const m = await import('../text/yaml.js');", 'engine/evaluate.ts (engine) imports text/yaml.ts (text)'],
    ['engine/select.ts', "import satisfies from 'semver/functions/satisfies.js';", "engine/select.ts (engine) imports semver/functions/satisfies.js: semver is the tests' reference, not a run-time import"],
    ['model/version.ts', "import * as semver from 'semver';", "model/version.ts (model) imports semver: semver is the tests' reference, not a run-time import"],
    ['catalog/hints.ts', "import type { NetworkingPlan } from '../planner/types.js';", 'catalog/hints.ts (catalog) imports planner/types.ts (planner)'],
    ['planner/plan.ts', "import { formatText } from '../formatters/text.js';", 'planner/plan.ts (planner) imports formatters/text.ts (formatters)'],
    ['planner/adopt.ts', "import { evaluateCompatibility } from '../api.js';", 'planner/adopt.ts (planner) imports api.ts (api)'],
  ])('a planted wrong-way import in %s is found', (file, line, message) => {
    const planted = new Map(SRC);
    planted.set(file, `${line}\n${SRC.get(file) ?? ''}`);
    expect(violations(planted)).toEqual([message]);
  });

  it.each(FACES)('the face %s holds re-exports only', (face) => {
    const code = (SRC.get(face) ?? '')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '')
      .replace(/export\s+(type\s+)?\{[^}]*\}\s*from\s*'[^']+';/g, '')
      .trim();
    expect(code).toBe('');
  });
});
