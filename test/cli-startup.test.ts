// What the command line loads to start: its speed is measured by `npm run bench`; what it loads, and
// when, is held here. A module the CLI imports statically is evaluated at every start; the rest only
// when a command imports it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CLI } from './support/cli.js';

const IMPORT = /^\s*import\s+(?!type\b)[^'"]*?from\s*['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

/** The files and packages `src/<file>` loads by static imports (type-only imports load nothing), transitively. */
function staticClosure(file: string): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    if (!path.startsWith('src/')) return;
    const code = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const match of code.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? '';
      visit(spec.startsWith('.') ? normalize(join(dirname(path), spec)).replace(/\.js$/, '.ts') : spec);
    }
  };
  visit(file);
  return seen;
}

/** Runs the built CLI, reporting whether the YAML parser's file was read. */
function run(args: string[]): { code: number | null; yaml: boolean } {
  const dir = mkdtempSync(join(tmpdir(), 'cwc-start-'));
  const hook = join(dir, 'hook.cjs');
  writeFileSync(
    hook,
    `const Module = require('node:module'); const load = Module.prototype.require;
Module.prototype.require = function (id) { if (String(id).includes('cli-yaml')) process.stderr.write('[yaml loaded]'); return load.apply(this, arguments); };`,
  );
  const result = spawnSync(process.execPath, ['-r', hook, CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, yaml: result.stderr.includes('[yaml loaded]') };
}

describe('starting the command line', () => {
  it('loads at start neither the YAML parser, zod, the formatters, the other releases nor the engine', () => {
    const loaded = [...staticClosure('src/cli.ts')];
    expect(loaded.filter((p) => /^(yaml|zod)|src\/(formatters|text|adapters|engine|catalog)\/|src\/api\.ts/.test(p))).toEqual([]);
  });

  it('checks JSON facts with no schema built but the waivers one, and no YAML parser', () => {
    const loaded = [...staticClosure('src/text/json.ts'), ...staticClosure('src/api.ts'), ...staticClosure('src/formatters/text.ts')];
    expect(loaded.filter((p) => /^yaml|src\/model\/(facts|report|parse)\.ts/.test(p))).toEqual([]);
    // Waivers are validated inside the engine: the one schema a check builds.
    expect(loaded.filter((p) => /^zod/.test(p))).toEqual(['zod/mini']);
  });

  it('reads the YAML parser only for YAML input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cwc-start-'));
    const json = join(dir, 'facts.json');
    writeFileSync(json, JSON.stringify(parse(readFileSync('examples/self-managed-vxlan.yaml', 'utf8'))));
    expect(run(['--version'])).toEqual({ code: 0, yaml: false });
    expect(run(['check', json])).toEqual({ code: 0, yaml: false });
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify(parse(readFileSync('examples/broken-cluster.yaml', 'utf8'))));
    expect(run(['check', broken])).toEqual({ code: 1, yaml: false });
    // SARIF locates results in the facts file: by its positions, which the YAML parser reads.
    expect(run(['check', broken, '--format', 'sarif'])).toEqual({ code: 1, yaml: true });
    expect(run(['check', 'examples/self-managed-vxlan.yaml'])).toEqual({ code: 0, yaml: true });
    // Invalid JSON facts: their problems are located in the text by the YAML parser.
    writeFileSync(json, '{"nodes": [{"os": "windows", "name": "w", "osBuild": "nope"}]}');
    expect(run(['check', json])).toEqual({ code: 2, yaml: true });
  });
});
