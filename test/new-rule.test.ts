// `npm run new-rule`: the scaffold writes a rule a later release adds, and the catalog it leaves compiles
// and evaluates the rule under that release.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { camel, scaffold } from '../scripts/new-rule.js';

import { tmpdir } from 'node:os';

const read = (path: string): string => readFileSync(path, 'utf8');

describe('new-rule', () => {
  it('turns an id into the name its import takes', () => {
    expect(camel('vxlan-vni')).toBe('vxlanVni');
    expect(camel('windows-tls12')).toBe('windowsTls12');
  });

  it.each([
    ['Not-Kebab', '3.32', /is not a kebab-case rule id/],
    ['vxlan-vni', '3.32', /is a rule id already/],
    ['a-new-rule', '9.99', /no profile of release 9\.99/],
  ])('refuses %s for %s', (id, release, message) => {
    expect(() => scaffold({ id, release, scope: 'cluster' }, read)).toThrow(message);
  });

  it('adds the id to the one list of ids, the later rules, the docs and the release', () => {
    const files = scaffold({ id: 'a-new-rule', release: '3.29', scope: 'cluster' }, read);
    expect([...files.keys()].sort()).toEqual([
      'src/catalog/docs.ts',
      'src/catalog/ids.ts',
      'src/catalog/later-rules.ts',
      'src/catalog/releases.ts',
      'src/catalog/rules/a-new-rule.ts',
      'test/rules/a-new-rule.test.ts',
    ]);
    const ids = files.get('src/catalog/ids.ts') ?? '';
    expect(ids.slice(ids.indexOf('LATER_RULE_IDS'), ids.indexOf('ADVISORY_RULE_IDS ='))).toMatch(/'windows-containerd-version',\n {2}'a-new-rule',\n\] as const;/);
    expect(files.get('src/catalog/later-rules.ts')).toMatch(/^import aNewRule from '\.\/rules\/a-new-rule\.js';$/m);
    expect(files.get('src/catalog/later-rules.ts')).toMatch(/^ {2}'a-new-rule': aNewRule,\n\};\n\n\/\*\* The advisories by id/m);
    expect(files.get('src/catalog/docs.ts')).toMatch(/^ {2}'a-new-rule': aNewRule,$/m);
    const releases = files.get('src/catalog/releases.ts') ?? '';
    const v329 = releases.slice(releases.indexOf("  release: '3.29',"), releases.indexOf('\n});', releases.indexOf("  release: '3.29',")));
    expect(v329).toMatch(/\n {2}add: \['a-new-rule'\],$/);
  });

  it("appends to a release's add: list when it has one", () => {
    const files = scaffold({ id: 'a-new-rule', release: '3.32', scope: 'cluster' }, read);
    expect(files.get('src/catalog/releases.ts')).toMatch(/add: \['advisory-confd-template-getenv', 'a-new-rule'\]/);
  });

  describe('in a copy of the repository', () => {
    const root = mkdtempSync(join(tmpdir(), 'cwc-new-rule-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('the scaffolded catalog compiles, and the new rule runs under its release and later ones only', async () => {
      for (const dir of ['src', 'test/rules', 'test/support']) cpSync(dir, join(root, dir), { recursive: true });
      for (const file of ['package.json', 'facts.schema.json', 'tsconfig.core.json']) cpSync(file, join(root, file));
      symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
      const files = scaffold({ id: 'a-new-rule', release: '3.31', scope: 'windows-node' }, (path) => read(join(root, path)));
      for (const [path, content] of files) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), content);
      }
      writeFileSync(
        join(root, 'tsconfig.json'),
        JSON.stringify({ extends: './tsconfig.core.json', compilerOptions: { types: ['node'] }, include: ['src', 'test/rules/a-new-rule.test.ts', 'test/rules/harness.ts'] }),
      );
      execFileSync(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'pipe' });

      const { findRelease } = (await import(join(root, 'src/catalog/releases.ts'))) as typeof import('../src/catalog/releases.js');
      const { evaluateCompatibility } = (await import(join(root, 'src/api.ts'))) as typeof import('../src/api.js');
      const ids = (release: string) => findRelease(release).profile.rules.map((r) => r.id);
      expect(ids('3.31')).toContain('a-new-rule');
      expect(ids('3.32')).toContain('a-new-rule');
      expect(ids('3.30')).not.toContain('a-new-rule');
      const report = evaluateCompatibility(
        { kubernetes: { version: '1.31.0' }, nodes: [{ name: 'win-1', os: 'windows' }] },
        { release: findRelease('3.31').profile, rules: ['a-new-rule'] },
      );
      expect(report.findings.map((f) => [f.ruleId, f.status])).toEqual([['a-new-rule', 'pass']]);
    }, 60_000);
  });
});
