import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planNetworking } from '../src/planner/plan.js';
import { CALICO_RELEASES } from '../src/catalog/releases.js';
import { runCli } from './support/cli.js';
import { FIXTURES, manifestFiles } from './adapters/helpers.js';
import { exampleFacts } from './planner/helpers.js';

// The built binary, run as users run it (the global setup builds it).
const cli = (args: string[], input = '') => runCli(args, { input });

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cwc-plan-')), name);
  writeFileSync(path, content);
  return path;
}

describe('calico-windows-compat plan', () => {
  it.each([
    ['self-managed-vxlan', 0, 'an option is viable'],
    ['broken-cluster', 1, 'no option is'],
  ])('examples/%s.yaml exits %i: %s', (name, code) => {
    const run = cli(['plan', `examples/${name}.yaml`]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(code);
    expect(run.stdout.split('\n')[1]).toBe(`facts: examples/${name}.yaml`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Answer: /);
  });

  it('exits 3 when the best option is open', () => {
    const facts = tempFile('facts.yaml', 'platform: kubernetes\nnetworking: calico-vxlan\n');
    const run = cli(['plan', '--facts', facts]);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/^Answer: OPEN — no option is viable yet; the best, calico-vxlan/m);
  });

  it('--format json prints the plan planNetworking returns', () => {
    const run = cli(['plan', 'examples/self-managed-bgp.yaml', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(planNetworking(exampleFacts('self-managed-bgp')))));
  });

  it('--release, repeated, plans each option under each release (the profiles of every release)', () => {
    const run = cli(['plan', 'examples/aks.yaml', '--release', '3.23', '--release', '3.28/operator', '--format', 'json']);
    expect(run.code).toBe(1);
    const plan = planNetworking(exampleFacts('aks'), { release: ['3.23', '3.28/operator'], profiles: CALICO_RELEASES });
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(plan)));
    expect(cli(['plan', 'examples/aks.yaml', '--release', '3.23']).code).toBe(0);
  });

  it('--format markdown prints the plan for a pull request, naming the facts file', () => {
    const run = cli(['plan', '--facts', 'examples/eks.yaml', '--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^## ✅ Networking plan: eks-vpc-cni \(Amazon VPC CNI\) works\n\nplatform `eks` · networking `eks-vpc-cni` · facts: `examples\/eks.yaml`/);
  });

  it.each([
    [['plan', '-', '--format', 'markdown']],
    [['plan', '--facts', '-', '--format', 'markdown']],
  ])('names standard input (stdin) in the Markdown heading, as reports name it: %j', (args) => {
    const run = cli(args, readFileSync('examples/eks.yaml', 'utf8'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^## ✅ Networking plan: eks-vpc-cni \(Amazon VPC CNI\) works\n\nplatform `eks` · networking `eks-vpc-cni` · facts: `\(stdin\)`\n/);
  });

  it('reads manifests as check does: a real cluster\'s kubectl output with its extra facts', () => {
    const args = manifestFiles('self-managed-vxlan').flatMap((file) => ['--manifests', file]);
    const run = cli(['plan', ...args, '--facts', `${FIXTURES}/self-managed-vxlan/extra.yaml`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`facts: ${FIXTURES}/self-managed-vxlan/extra.yaml, manifests: `);
    expect(run.stdout).toContain('1. calico-vxlan — Calico CNI with VXLAN — VIABLE (in use)');
  });

  it.each([
    [['plan'], 'no facts file, no manifests and no --cluster'],
    [['plan', 'examples/eks.yaml', '--format', 'sarif'], "--format must be text, json, markdown; not 'sarif'"],
    [['plan', 'examples/eks.yaml', 'examples/aks.yaml'], 'one facts file at a time'],
    [['plan', 'examples/eks.yaml', '--release', '9.9'], "'9.9' is not a documented release"],
    [['plan', 'examples/eks.yaml', '--rule', 'x'], "unknown option '--rule'"],
  ])('%j is a usage error: exit 2, naming the problem', (args, message) => {
    const run = cli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });

  it('is in the help, with its options and exit codes; plan --help prints the help', () => {
    const help = cli(['--help']).stdout;
    expect(help).toContain('calico-windows-compat plan [--cluster] [--facts <file>] [--manifests <file|-> ...] [--release <release> ...]');
    expect(help).toContain('exit code: 0 when an option is viable (under every release), 1 when none is, 3 when the best is open');
    expect(cli(['plan', '--help'])).toEqual({ code: 0, stdout: help, stderr: '' });
  });
});
