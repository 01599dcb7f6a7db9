import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DEFINE } from '../scripts/build-constants.mjs';

// The core must bundle for a browser (a Backstage frontend) with no Node built-ins.
async function bundle(entry: string): Promise<{ inputs: string[]; code: string }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    define: DEFINE,
    logLevel: 'silent',
  });
  return { inputs: Object.keys(result.metafile.inputs), code: result.outputFiles[0]?.text ?? '' };
}

const isBuiltin = (path: string): boolean => path.startsWith('node:') || builtinModules.includes(path);

describe('browser safety', () => {
  it.each(['src/index.ts', 'src/format.ts', 'src/manifests.ts', 'src/yaml.ts', 'src/releases.ts', 'src/plan.ts'])('%s bundles for the browser without Node built-ins', async (entry) => {
    const { inputs, code } = await bundle(entry);
    expect(inputs.filter(isBuiltin)).toEqual([]);
    expect(code).not.toMatch(/\bprocess\.(env|exit|argv|stdout|stderr)\b/);
    // semver is the tests' reference, never bundled.
    expect(inputs.filter((p) => /node_modules\/semver\//.test(p))).toEqual([]);
  });

  it('keeps the YAML parser, the formatters, the rule docs and the manifests adapter out of the main entry', async () => {
    const { inputs } = await bundle('src/index.ts');
    expect(inputs.filter((p) => /node_modules\/(yaml|zod\/v4\/classic)\//.test(p))).toEqual([]);
    expect(inputs.filter((p) => /src\/(formatters|adapters|text|planner)\/|src\/catalog\/(docs|hints)\.ts/.test(p))).toEqual([]);
    // The bundle wall is a file name: every other release's profile and rules are in
    // calico-windows-compat/releases (catalog/releases.ts, catalog/later-rules.ts and the rules they bring).
    expect(inputs.filter((p) => /src\/catalog\/(releases|later-rules|compare|advisory)\.ts|advisory-|hostprocess|operator-/.test(p))).toEqual([]);
  });

  it('keeps the plan entry to the core, the planner, the hints and its own formatter: no report formatter, adapter, YAML parser or later release', async () => {
    const { inputs } = await bundle('src/plan.ts');
    expect(inputs.filter((p) => /src\/planner\//.test(p)).length).toBeGreaterThan(0);
    expect(inputs.filter((p) => /node_modules\/(yaml|zod\/v4\/classic)\//.test(p))).toEqual([]);
    expect(inputs.filter((p) => /src\/(adapters|text)\/|src\/formatters\/(?!plan|markdown|text|lines)|src\/catalog\/(docs|releases|later-rules)\.ts/.test(p))).toEqual([]);
  });

  it('the Node entry is the one that needs Node built-ins', async () => {
    await expect(bundle('src/node.ts')).rejects.toThrow(/node:fs|Could not resolve/);
  });
});
