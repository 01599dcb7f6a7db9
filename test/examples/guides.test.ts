import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../support/cli.js';
import { FIXTURES, fakeCluster, installFakeKubectl, type FakeClusterName } from '../support/fake-cluster.js';
import type { Report } from '../../src/model/report.js';

// The guides stay true: linked from the README, their links lead somewhere, and the CLI options they
// show exist.
const DIR = 'docs/guides';
const guides = readdirSync(DIR).filter((f) => f.endsWith('.md'));
const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout;

describe('docs/guides', () => {
  it('has the five guides, each linked from the README', () => {
    expect(guides.sort()).toEqual([
      'check-a-cluster-from-kubectl-output.md',
      'choose-a-networking-option.md',
      'test-your-infrastructure-code.md',
      'use-it-in-backstage.md',
      'use-it-in-ci.md',
    ]);
    const readme = readFileSync('README.md', 'utf8');
    for (const guide of guides) expect(readme).toContain(`](${DIR}/${guide})`);
  });

  it.each(guides)('%s: relative links resolve', (guide) => {
    const text = readFileSync(join(DIR, guide), 'utf8');
    const links = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(existsSync(join(DIR, link)), `${guide} links to ${link}`).toBe(true);
  });

  it.each(guides)('%s: calico-windows-compat commands use options the CLI has', (guide) => {
    const text = readFileSync(join(DIR, guide), 'utf8').replaceAll('\\\n', ' ');
    for (const line of text.split('\n').filter((l) => /calico-windows-compat(@\S+)? (check|facts|plan|rules|releases)\b/.test(l)))
      for (const flag of line.match(/ --[a-z][a-z-]*/g) ?? []) if (flag.trim() !== '--yes') expect(help, `${guide}: ${line.trim()}`).toContain(`${flag.trim()} `);
  });
});


describe('check-a-cluster-from-kubectl-output.md: the by-hand commands', () => {
  const guide = readFileSync(join(DIR, 'check-a-cluster-from-kubectl-output.md'), 'utf8');
  const blocks = [...guide.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  const collect = blocks.find((b) => b.includes('> cluster.yaml')) ?? '';
  const work = mkdtempSync(join(tmpdir(), 'cwc-guide-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  // The inputs name the files or the cluster; what was read from them is compared.
  const comparable = (stdout: string) => {
    const { inputs: _inputs, ...report } = JSON.parse(stdout) as Report;
    return { ...report, findings: report.findings.map((f) => ({ ...f, evidence: f.evidence.map(({ fact, value }) => ({ fact, value })) })) };
  };

  it.each(['self-managed-vxlan', 'self-managed-bgp', 'rke2-vxlan'] as FakeClusterName[])(
    '%s: run with kubectl, they give the report check --cluster gives',
    (name) => {
      expect(collect).toContain('kubectl get nodes -o yaml');
      const fake = installFakeKubectl(fakeCluster(name));
      try {
        const dir = mkdtempSync(join(work, `${name}-`));
        const collected = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', collect], { cwd: dir, encoding: 'utf8', env: fake.env });
        expect(collected.status, collected.stderr).toBe(0);
        const extra = resolve(FIXTURES, name, 'extra.yaml');
        const byHand = runCli(['check', '--manifests', join(dir, 'cluster.yaml'), '--facts', extra, '--format', 'json']);
        const cluster = runCli(['check', '--cluster', '--facts', extra, '--format', 'json'], { env: fake.env });
        expect(byHand.code).toBe(cluster.code);
        expect(comparable(byHand.stdout)).toStrictEqual(comparable(cluster.stdout));
      } finally {
        fake.cleanup();
      }
    },
  );
});
