import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFactsText } from '../../src/text/yaml.js';
import { ReportSchema, type Report } from '../../src/model/report.js';
import { CLUSTERS, FIXTURES, manifestFiles } from './helpers.js';
import { runCli } from '../support/cli.js';

// The bundled binary, run as users run it (test/setup/build.ts builds it).
const cli = (args: string[], input = '') => runCli(args, { input });

function tempFile(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cwc-manifests-')), name);
  writeFileSync(path, content);
  return path;
}

const manifestArgs = (cluster: string) => manifestFiles(cluster).flatMap((file) => ['--manifests', file]);

/** The report with the provenance of evidence removed: what must not depend on where facts came from. */
/** What a report says about the cluster: its inputs (which files) and the facts' sources left out. */
function withoutSources(report: Report): unknown {
  return {
    ...report,
    inputs: [],
    findings: report.findings.map((f) => ({ ...f, evidence: f.evidence.map(({ fact, value }) => ({ fact, value })) })),
  };
}

describe('CLI with --manifests', () => {
  it('kubectl get nodes -o yaml | calico-windows-compat check --manifests - --facts extra.yaml', () => {
    const nodes = readFileSync(`${FIXTURES}/self-managed-vxlan/nodes.yaml`, 'utf8');
    const run = cli(
      [
        'check',
        '--manifests', '-',
        '--manifests', `${FIXTURES}/self-managed-vxlan/calico.yaml`,
        '--manifests', `${FIXTURES}/self-managed-vxlan/calico-config.yaml`,
        '--facts', `${FIXTURES}/self-managed-vxlan/extra.yaml`,
      ],
      nodes,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`facts: ${FIXTURES}/self-managed-vxlan/extra.yaml, manifests: (stdin), ${FIXTURES}/self-managed-vxlan/calico.yaml`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Verdict: COMPATIBLE/);
    expect(run.stderr).toMatch(/2 more notes/);
  });

  it('findings carry the source of each derived fact: object, field, file and line', () => {
    const nodes = readFileSync(`${FIXTURES}/self-managed-vxlan/nodes.yaml`, 'utf8');
    const run = cli(['check', '--manifests', '-', '--facts', `${FIXTURES}/self-managed-vxlan/extra.yaml`, '--format', 'json'], nodes);
    const report = JSON.parse(run.stdout) as Report;
    expect(ReportSchema.safeParse(report).success).toBe(true);
    const osVersion = report.findings.find((f) => f.ruleId === 'windows-os-version' && f.subject.kind === 'node' && f.subject.name === 'win-1');
    expect(osVersion?.evidence).toEqual([
      {
        fact: 'nodes[win-1].osBuild',
        value: '10.0.17763.2300',
        source: { object: 'Node/win-1', field: 'status.nodeInfo.kernelVersion', file: '(stdin)', line: expect.any(Number), column: expect.any(Number) },
      },
    ]);
    const line = nodes.split('\n')[(osVersion?.evidence[0]?.source?.line ?? 0) - 1];
    expect(line).toContain('kernelVersion: 10.0.17763.2300');
    const tls = report.findings.find((f) => f.ruleId === 'windows-tls12' && f.subject.kind === 'node' && f.subject.name === 'win-2');
    expect(tls?.evidence[0]?.source).toEqual({
      object: 'facts file',
      field: 'nodes[win-2].tls12Enabled',
      file: `${FIXTURES}/self-managed-vxlan/extra.yaml`,
      line: 19,
      column: 19,
    });
  });

  it('without a facts file, what the cluster cannot say is unknown: exit 3', () => {
    const run = cli(['check', ...manifestArgs('self-managed-vxlan')]);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/Verdict: INDETERMINATE/);
    expect(run.stdout).toContain('nodes[win-1].powershellAdmin');
  });

  it.each(CLUSTERS)('%s: the kubectl dump plus extra.yaml gives the verdict and findings of the hand-written facts.yaml', (cluster) => {
    const fromCluster = cli(['check', ...manifestArgs(cluster), '--facts', `${FIXTURES}/${cluster}/extra.yaml`, '--format', 'json']);
    const byHand = cli(['check', `${FIXTURES}/${cluster}/facts.yaml`, '--format', 'json']);
    expect(fromCluster.code).toBe(byHand.code);
    const a = JSON.parse(fromCluster.stdout) as Report;
    const b = JSON.parse(byHand.stdout) as Report;
    expect(a.verdict).toBe(b.verdict);
    expect(withoutSources(a)).toEqual(withoutSources(b));
    // and the merged facts are the hand-written ones
    const facts = cli(['facts', ...manifestArgs(cluster), '--facts', `${FIXTURES}/${cluster}/extra.yaml`, '--format', 'json']);
    const expected = parseFactsText(readFileSync(`${FIXTURES}/${cluster}/facts.yaml`, 'utf8'));
    expect(expected.success && (JSON.parse(facts.stdout) as { facts: unknown }).facts).toEqual(expected.success && expected.data);
  });

  it('reports overrides of derived facts on standard error', () => {
    const run = cli(['check', ...manifestArgs('etcd-bgp'), '--facts', `${FIXTURES}/etcd-bgp/extra.yaml`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'calico-windows-compat: override: kubernetes.version: "1.19.16" from the explicit facts replaces "v1.19.16" (from Node/ip-10-0-1-10 status.nodeInfo.kubeletVersion).',
    );
  });

  it('prints warnings of the adapter on standard error, with their place', () => {
    const pool = 'apiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata: {name: p}\nspec: {cidr: 10.0.0.0/16}\n';
    const run = cli(['check', '--manifests', tempFile('pools.yaml', pool)]);
    expect(run.stderr).toMatch(/calico-windows-compat: note: The encapsulation of IPPool\/p cannot be told: .*\(.*pools\.yaml:1\)/);
  });
});

describe('CLI facts command', () => {
  it('prints the derived facts as YAML, each with its source, the notes, and what is still needed', () => {
    const run = cli(['facts', ...manifestArgs('self-managed-vxlan')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^# Facts for calico-windows-compat/);
    expect(run.stdout).toContain(
      `osBuild: 10.0.17763.2300 # Node/win-1 status.nodeInfo.kernelVersion (${FIXTURES}/self-managed-vxlan/nodes.yaml:`,
    );
    expect(run.stdout).toMatch(/networking: calico-vxlan # ConfigMap\/kube-system\/calico-config data\.calico_backend/);
    expect(run.stdout).toMatch(/# - \[info\] networking calico-vxlan: /);
    expect(run.stdout).toMatch(/# Still needed to decide the verdict:\n(# - .*\n)*# - nodes\[win-1\]\.cniPlugin: /);
  });

  it('its YAML is a facts file: saved, it checks as the manifests do', () => {
    const saved = tempFile('facts.yaml', cli(['facts', ...manifestArgs('aks')]).stdout);
    expect(parseFactsText(readFileSync(saved, 'utf8')).success).toBe(true);
    const fromSaved = JSON.parse(cli(['check', saved, '--format', 'json']).stdout) as Report;
    const fromManifests = JSON.parse(cli(['check', ...manifestArgs('aks'), '--format', 'json']).stdout) as Report;
    expect(withoutSources(fromSaved)).toEqual(withoutSources(fromManifests));
  });

  it('--format json gives facts, sources, notes, overrides and the facts still missing', () => {
    const run = cli(['facts', ...manifestArgs('etcd-bgp'), '--facts', `${FIXTURES}/etcd-bgp/extra.yaml`, '--format', 'json']);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['facts', 'sources', 'notes', 'overrides', 'missingFacts']);
    expect((out['sources'] as Record<string, unknown>)['calico.datastore']).toMatchObject({ object: 'ClusterInformation/default', field: 'spec.clusterType' });
    expect(out['overrides']).toHaveLength(1);
    expect(out['missingFacts']).toEqual([]);
  });

  it('needs something to derive from', () => {
    const run = cli(['facts']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nothing to derive facts from/);
  });
});

describe('CLI usage and input errors', () => {
  it('documents --manifests and the facts command in --help', () => {
    const help = cli(['--help']).stdout;
    expect(help).toContain('--manifests <file>');
    expect(help).toContain('calico-windows-compat facts [--cluster | --manifests');
    expect(help).toContain('kubectl get nodes -o yaml | calico-windows-compat check --manifests - --facts extra.yaml');
  });

  it.each([
    [['check', '--manifests', '-', '--manifests', '-'], /standard input \('-'\) can be read once/],
    [['check'], /no facts file, no manifests and no --cluster/],
    [['facts', '--manifests', 'x.yaml', '--format', 'text'], /--format must be yaml or json/],
    [['check', '--manifests', 'does-not-exist.yaml'], /Cannot read does-not-exist\.yaml: no such file/],
  ])('%j exits 2', (args, message) => {
    const run = cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('a document that is not a Kubernetes object exits 2, naming its file and line', () => {
    const run = cli(['check', '--manifests', '-'], 'apiVersion: v1\nkind: Node\nmetadata: {name: a}\n---\nhello: world\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Not Kubernetes objects:[\s\S]*\[1\]: not a Kubernetes object: apiVersion is missing \(\(stdin\):5:1\)/);
  });
});
