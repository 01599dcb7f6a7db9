/** The inputs both sides evaluate: the example clusters (facts files) and the real-cluster fixtures (kubectl output). */
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Case } from './scenarios.js';

const ROOT = new URL('../../', import.meta.url);
const read = (path: string) => ({ file: path, text: readFileSync(new URL(path, ROOT), 'utf8') });

/** examples/*.yaml: facts files. */
export const EXAMPLE_CASES: Case[] = readdirSync(new URL('examples/', ROOT))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ name: `examples/${basename(f, '.yaml')}`, facts: read(`examples/${f}`) }));

/**
 * test/fixtures/manifests/<cluster>/: kubectl output (every file but the facts files), with extra.yaml
 * (what the objects cannot say); and facts.yaml (the whole cluster as a facts file) on its own.
 */
export const FIXTURE_CASES: Case[] = readdirSync(new URL('test/fixtures/manifests/', ROOT), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
  .flatMap((cluster) => {
    const dir = `test/fixtures/manifests/${cluster}/`;
    const files = readdirSync(new URL(dir, ROOT)).sort();
    const objects = files.filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'extra.yaml' && f !== 'facts.yaml').map((f) => read(dir + f));
    const cases: Case[] = [{ name: `fixtures/${cluster}`, objects, ...(files.includes('extra.yaml') ? { facts: read(`${dir}extra.yaml`) } : {}) }];
    if (files.includes('facts.yaml')) cases.push({ name: `fixtures/${cluster}/facts`, facts: read(`${dir}facts.yaml`) });
    return cases;
  });

/** Input the library refuses, each side the same way. */
export const BAD_CASES: Case[] = [
  { name: 'bad/facts', facts: { file: 'bad-facts.yaml', text: 'platform: gke\nnodes:\n  - os: windows\n    name: w\n    osbuild: 10.0.17763.1\n' } },
  { name: 'bad/objects', objects: [{ file: 'bad-objects.yaml', text: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: w\nkind: Node\n' }] },
];

export const ALL_CASES: Case[] = [...EXAMPLE_CASES, ...FIXTURE_CASES, ...BAD_CASES];
