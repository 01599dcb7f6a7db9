#!/usr/bin/env node
// Runs the examples against the package as users get it: packs it (npm pack), installs the tarball into
// a fresh project with the examples copied in, type-checks them there, then runs each one:
//   examples/consumers/commonjs (require) and examples/consumers/esm (import): every entry point;
//   examples/node-script: the API on a facts object (exits 1: its cluster is incompatible);
//   examples/infrastructure-repo: a Vitest suite using the matchers;
//   the main entry as bundlers resolve it: esbuild for a browser, for no platform (neither the `browser`
//   nor the `node` condition) and for Node, each checked for the build it gets and, off Node, its budget;
//   the kubectl plugin as npm installs it (node_modules/.bin) and as krew would from docs/krew/plugin.yaml,
//   run through the real kubectl.
// Needs a build (dist/). Usage: node scripts/check-examples.mjs [--keep]
import { execFileSync, spawnSync } from 'node:child_process';
import { BUDGETS, KB, bundleSize } from './bundle-size.mjs';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const keep = process.argv.includes('--keep');
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'cwc-examples-'));
const started = Date.now();
let failed = false;

function step(title) {
  console.log(`\n--> ${title}`);
}
function run(command, args, { cwd = work, expectCode = 0, expectOutput, env = {} } = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  const output = `${result.stdout}${result.stderr}`;
  const ok = result.status === expectCode && (expectOutput === undefined || expectOutput.test(output));
  process.stdout.write(output.endsWith('\n') || output === '' ? output : `${output}\n`);
  if (!ok) {
    failed = true;
    console.error(`FAIL: ${command} ${args.join(' ')} exited ${result.status} (expected ${expectCode})` + (expectOutput ? `, output ${expectOutput}` : ''));
  }
  return ok;
}

try {
  step('npm pack');
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }));
  console.log(`${packed.filename}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(1)} KB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KB unpacked`);

  step('a fresh project: the tarball, vitest and @types/node (from the npm cache when there)');
  for (const dir of ['consumers', 'node-script', 'infrastructure-repo']) cpSync(join(root, 'examples', dir), join(work, dir), { recursive: true });
  const dev = rootPkg.devDependencies;
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify(
      {
        name: 'calico-windows-compat-examples',
        private: true,
        dependencies: { 'calico-windows-compat': `file:./${packed.filename}` },
        devDependencies: { vitest: dev.vitest, '@types/node': dev['@types/node'] },
      },
      null,
      2,
    ),
  );
  const install = Date.now();
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']);
  console.log(`installed in ${((Date.now() - install) / 1000).toFixed(1)} s`);

  step('type-check the examples against the packed declarations');
  // The JavaScript examples with checkJs, in Node's module mode: .cjs resolves the require condition
  // (dist/*.d.cts), .mjs the import condition (dist/*.d.ts).
  writeFileSync(
    join(work, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', allowJs: true, checkJs: true, strict: true, noEmit: true, skipLibCheck: true, resolveJsonModule: true, types: ['node'] },
      include: ['consumers/**/*', 'node-script/**/*'],
    }),
  );
  // Misuse the declarations must refuse, beside the suite (in the fresh project only).
  writeFileSync(
    join(work, 'infrastructure-repo/test/types.check.ts'),
    [
      "import { expect } from 'vitest';",
      "import { cluster } from 'calico-windows-compat/testing';",
      'export function misuse(): void {',
      '  // @ts-expect-error: a rule id is required',
      '  expect(cluster.eks()).toPassRule();',
      "  // @ts-expect-error: not a verdict",
      "  expect(cluster.eks()).toHaveVerdict('fine');",
      "  // @ts-expect-error: node is a node's name",
      "  expect(cluster.eks()).toFailRule('windows-tls12', { node: 1 });",
      '}',
      '',
    ].join('\n'),
  );
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  run(process.execPath, [tsc, '-p', 'tsconfig.json']);
  run(process.execPath, [tsc, '-p', 'infrastructure-repo/tsconfig.json']);

  step('CommonJS consumer');
  run(process.execPath, ['consumers/commonjs/index.cjs'], { expectOutput: /CommonJS consumer: ok/ });
  step('ES module consumer');
  run(process.execPath, ['consumers/esm/index.mjs'], { expectOutput: /ES module consumer: ok/ });
  step('Node script (its cluster is incompatible: exit 1)');
  run(process.execPath, ['node-script/check-facts.mjs'], { expectCode: 1, expectOutput: /✗ strict-affinity[\s\S]*fix: calicoctl ipam configure[\s\S]*verdict: incompatible/ });
  step("An infrastructure repository's Vitest suite");
  run(process.execPath, [join(work, 'node_modules/vitest/vitest.mjs'), 'run'], { cwd: join(work, 'infrastructure-repo'), expectOutput: /Tests\s+\d+ passed/ });

  step('the main entry as bundlers resolve it (esbuild, minified, gzip -9)');
  // Every resolver but Node's gets dist/*.js by the plain `import` (no fast paths), which keeps within the
  // main entry's 30 KB budget (scripts/check-size.mjs measures it from the sources). Node (the `node`
  // condition) gets dist/node/*.js, with the fast paths.
  // `require` for a browser (Jest's jsdom environment) gets the CommonJS build, which Jest loads untransformed.
  writeFileSync(join(work, 'bundle-entry.mjs'), "export * from 'calico-windows-compat';\n");
  writeFileSync(join(work, 'bundle-entry.cjs'), "module.exports = require('calico-windows-compat');\n");
  const resolvers = [
    { name: 'a browser bundler', options: { platform: 'browser' }, file: 'dist/index.js', budget: BUDGETS.index },
    { name: 'a bundler for no platform', options: { platform: 'neutral', mainFields: ['module', 'main'] }, file: 'dist/index.js', budget: BUDGETS.index },
    { name: 'Node', options: { platform: 'node' }, file: 'dist/node/index.js' },
    { name: 'require() for a browser', entry: 'bundle-entry.cjs', options: { platform: 'browser', format: 'cjs' }, file: 'dist/index.cjs' },
  ];
  for (const { name, entry = 'bundle-entry.mjs', options, file, budget } of resolvers) {
    const { gzip: gz, inputs } = await bundleSize({ entryPoints: [join(work, entry)], absWorkingDir: work, ...options });
    const got = inputs.includes(`node_modules/calico-windows-compat/${file}`);
    const ok = got && (budget === undefined || gz <= budget);
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${got ? file : `not ${file}`}, ${(gz / KB).toFixed(1)} KB gzip [${gz} B]` + (budget ? ` (budget ${budget / KB} KB)` : ''));
    if (!ok) {
      failed = true;
      console.error(`FAIL: ${name} resolved ${inputs.filter((p) => p.startsWith('node_modules/calico-windows-compat/')).join(', ')}`);
    }
  }

  step('the kubectl plugin as npm installs it: kubectl calico-windows, through the real kubectl');
  const kubectlHome = join(work, 'kubectl-home');
  mkdirSync(kubectlHome);
  const npmBin = { PATH: `${join(work, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`, HOME: kubectlHome };
  run('kubectl', ['plugin', 'list'], { env: npmBin, expectOutput: /node_modules\/\.bin\/kubectl-calico_windows/ });
  run('kubectl', ['calico-windows', '--version'], { env: npmBin, expectOutput: new RegExp(`^${rootPkg.version.replaceAll('.', '\\.')}\n$`) });
  run('kubectl', ['calico-windows', '--help'], { env: npmBin, expectOutput: /^kubectl calico-windows .* \(calico-windows-compat\)\n/ });

  step('the kubectl plugin as krew installs it from docs/krew/plugin.yaml and the packed archive');
  // What krew-release-bot renders for this version, with the packed archive's sha256.
  const tarball = join(work, packed.filename);
  const sha256 = createHash('sha256').update(readFileSync(tarball)).digest('hex');
  const template = readFileSync(join(root, 'docs/krew/plugin.yaml'), 'utf8');
  const rendered = template
    .replace(/\{\{addURIAndSha "([^"]+)" \.TagName \}\}/, (_, uri) => `uri: ${uri.replaceAll('{{ .TagName }}', `v${rootPkg.version}`)}\n      sha256: ${sha256}`)
    .replaceAll('{{ .TagName }}', `v${rootPkg.version}`);
  const manifest = parse(rendered);
  const platform = manifest.spec.platforms[0];
  const okManifest =
    manifest.kind === 'Plugin' &&
    manifest.metadata.name === 'calico-windows' &&
    manifest.spec.version === `v${rootPkg.version}` &&
    /^[0-9a-f]{64}$/.test(platform.sha256) &&
    platform.uri.endsWith(`/v${rootPkg.version}/calico-windows-compat.tgz`);
  if (!okManifest) {
    failed = true;
    console.error(`FAIL: docs/krew/plugin.yaml does not render to a manifest for v${rootPkg.version}:\n${rendered}`);
  }
  // krew: extract the archive, copy each `files` entry (a glob from the archive's root) into the install
  // directory, and link `bin` into its bin directory as kubectl-<name with _ for ->.
  const archive = join(work, 'krew-archive');
  const installDir = join(work, 'krew-install');
  const krewBin = join(work, 'krew-bin');
  for (const dir of [archive, installDir, krewBin]) mkdirSync(dir);
  run('tar', ['-xzf', tarball, '-C', archive]);
  for (const { from, to } of platform.files) {
    const [base, glob] = [from.slice(0, from.lastIndexOf('/')), from.slice(from.lastIndexOf('/') + 1)];
    if (glob !== '*') throw new Error(`check-examples knows "dir/*" globs only, not ${from}`);
    for (const entry of readdirSync(join(archive, base))) cpSync(join(archive, base, entry), join(installDir, to, entry), { recursive: true });
  }
  symlinkSync(join(installDir, platform.bin), join(krewBin, `kubectl-${manifest.metadata.name.replaceAll('-', '_')}`));
  const krewPath = { PATH: `${krewBin}:${process.env.PATH ?? ''}`, HOME: kubectlHome };
  run('kubectl', ['calico-windows', '--version'], { env: krewPath, expectOutput: new RegExp(`^${rootPkg.version.replaceAll('.', '\\.')}\n$`) });
  run('kubectl', ['calico-windows', 'rules'], { env: krewPath, expectOutput: /strict-affinity/ });
} finally {
  if (keep) console.log(`\nkept: ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
console.log(`\n${failed ? 'examples FAILED' : 'examples ok'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = failed ? 1 : 0;
