import { gzipSync } from 'node:zlib';
import { builtinModules } from 'node:module';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The card as a Backstage frontend ships it: bundled for the browser (React is the app's), with the
// library's core and the parts of calico-windows-compat/format it uses.
describe('the card in a browser bundle', () => {
  it('bundles without Node built-ins or the YAML parser, and stays small', async () => {
    const result = await build({
      entryPoints: [new URL('../plugins/calico-windows/src/components/CalicoWindowsCard.tsx', import.meta.url).pathname],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      external: ['react', 'react/jsx-runtime'],
      jsx: 'automatic',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((p) => p.startsWith('node:') || builtinModules.includes(p))).toEqual([]);
    expect(inputs.filter((p) => /node_modules\/yaml\//.test(p))).toEqual([]);
    const gzip = gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
    console.log(`CalicoWindowsCard bundle: ${(result.outputFiles[0]!.contents.length / 1024).toFixed(1)} KB minified, ${(gzip / 1024).toFixed(1)} KB gzip`);
    // 39 KB before semver came into the core; 45 KB with it (3.3 KB) and the Kubernetes rows to 1.36.
    expect(gzip).toBeLessThan(48 * 1024);
  });
});
