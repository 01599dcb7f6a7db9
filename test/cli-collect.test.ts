import { pathToFileURL } from 'node:url';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseFactsText } from '../src/text/yaml.js';
import type { Report } from '../src/model/report.js';
import { progressLine, pluginArgs, clusterArgs } from '../src/cli/collect.js';
import { CLI, PLUGIN, runCli } from './support/cli.js';
import { clusterFiles, FAKE_CLUSTERS, FIXTURES, fakeCluster, installFakeKubectl, startApiServer, stateRunner, writeKubeconfig, type ApiServer, type ClusterState, type FakeClusterName, type FakeKubectl } from './support/fake-cluster.js';

// check --cluster, facts --cluster, collect and the kubectl plugin, run as users run them: the bundled
// binaries, with a fake kubectl first on the PATH (and, for the plugin, the real kubectl dispatching to it).

const fakes: FakeKubectl[] = [];
afterEach(() => {
  for (const fake of fakes.splice(0)) fake.cleanup();
});
function onPath(state: ClusterState, options: { log?: boolean } = {}): FakeKubectl {
  const installed = installFakeKubectl(state, options);
  fakes.push(installed);
  return installed;
}
const work = mkdtempSync(join(tmpdir(), 'cwc-cli-collect-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The report with what must differ between inputs taken out: where facts came from. */
function comparable(stdout: string): unknown {
  // The inputs name the cluster or the files; what was read from them is compared.
  const { inputs: _inputs, ...report } = JSON.parse(stdout) as Report;
  return { ...report, findings: report.findings.map((f) => ({ ...f, evidence: f.evidence.map(({ fact, value }) => ({ fact, value })) })) };
}

/** kubectl version's output, saved as by hand. */
async function versionFile(name: FakeClusterName): Promise<string> {
  const path = join(work, `${name}-version.yaml`);
  const { stdout } = await stateRunner(fakeCluster(name))(['version', '-o', 'yaml'], { maxBytes: 1 << 20, signal: new AbortController().signal });
  writeFileSync(path, stdout);
  return path;
}

const extra = (name: FakeClusterName) => join(FIXTURES, name, 'extra.yaml');

describe('check --cluster', () => {
  it.each(Object.keys(FAKE_CLUSTERS).filter((n) => n !== 'etcd-bgp') as FakeClusterName[])(
    '%s: the same report and exit code as check --manifests with the same objects saved as files',
    async (name) => {
      const fake = onPath(fakeCluster(name));
      const cluster = runCli(['check', '--cluster', '--facts', extra(name), '--format', 'json'], { env: fake.env });
      const manifests = [...clusterFiles(name), await versionFile(name)].flatMap((f) => ['--manifests', f]);
      const byHand = runCli(['check', ...manifests, '--facts', extra(name), '--format', 'json']);
      expect(cluster.stderr).not.toMatch(/internal error/);
      expect(cluster.code).toBe(byHand.code);
      expect(comparable(cluster.stdout)).toStrictEqual(comparable(byHand.stdout));
      expect((JSON.parse(cluster.stdout) as Report).inputs).toEqual([
        { kind: 'facts', name: extra(name) },
        { kind: 'cluster', name: '(current context)' },
      ]);
    },
  );

  it('Calico on etcd: the cluster’s objects with calicoctl’s output given with --manifests, as by hand', async () => {
    const fake = onPath(fakeCluster('etcd-bgp'));
    const calicoctl = join(FIXTURES, 'etcd-bgp', 'calico.yaml');
    const cluster = runCli(['check', '--cluster', '--manifests', calicoctl, '--facts', extra('etcd-bgp'), '--format', 'json'], { env: fake.env });
    const byHand = runCli(['check', ...[...clusterFiles('etcd-bgp'), await versionFile('etcd-bgp')].flatMap((f) => ['--manifests', f]), '--facts', extra('etcd-bgp'), '--format', 'json']);
    expect(cluster.code).toBe(1);
    expect(cluster.code).toBe(byHand.code);
    expect(comparable(cluster.stdout)).toStrictEqual(comparable(byHand.stdout));
    // Without calicoctl's output, kubectl alone cannot see Calico's resources: the warning says what to do.
    const alone = runCli(['check', '--cluster', '--facts', extra('etcd-bgp')], { env: fake.env });
    expect(alone.stderr).toContain("calico-windows-compat: note: The cluster serves none of Calico's resources");
  });

  it('text: the report names the cluster and the commands facts came from; no progress lines off a terminal', () => {
    const fake = onPath(fakeCluster('self-managed-vxlan'), { log: true });
    const run = runCli(['check', '--cluster', '--context', 'prod', '--facts', extra('self-managed-vxlan')], { env: fake.env });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[1]).toBe(`cluster: context prod, facts: ${extra('self-managed-vxlan')}`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Verdict: COMPATIBLE/);
    expect(run.stderr).not.toMatch(/\[\d+\/\d+\]/);
    expect(fake.runs().every((r) => r.argv.includes('--context=prod'))).toBe(true);
  });

  it('SARIF locates results at the kubectl command and line their facts came from', () => {
    const fake = onPath(fakeCluster('self-managed-vxlan'));
    const extraFacts = join(work, 'no-tls.yaml');
    writeFileSync(extraFacts, readFileSync(extra('self-managed-vxlan'), 'utf8').replace('tls12Enabled: true', 'tls12Enabled: false'));
    const run = runCli(['check', '--cluster', '--facts', extraFacts, '--format', 'sarif', '--fail-on', 'error'], { env: fake.env });
    expect(run.code).toBe(1);
    const sarif = JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    const uris = sarif.runs[0]?.results.flatMap((r) => r.locations.map((l) => l.physicalLocation.artifactLocation.uri)) ?? [];
    // A file outside the SARIF root (the working directory) is a file:// URI.
    expect(uris).toContain(pathToFileURL(extraFacts).href);
    const osBuild = sarif.runs[0]?.results.find((r) => r.ruleId === 'windows-os-version');
    expect(osBuild?.locations[0]?.physicalLocation.artifactLocation.uri ?? 'kubectl%20get%20nodes%20-o%20yaml').toBe('kubectl%20get%20nodes%20-o%20yaml');
  });

  it('a Forbidden kind is a warning on standard error naming the grant, and its facts are unknown', () => {
    const fake = onPath(fakeCluster('self-managed-vxlan', { forbidden: ['list ippools.crd.projectcalico.org'] }));
    const run = runCli(['check', '--cluster', '--facts', extra('self-managed-vxlan')], { env: fake.env });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('calico-windows-compat: note: IPPool could not be read: RBAC forbids it. Grant list on ippools.crd.projectcalico.org (');
    expect(run.stdout).toContain('needs calico.ipPools');
  });

  it.each([
    ['no kubectl on the PATH', {}, [], /^calico-windows-compat: Cannot read the cluster: kubectl version -o yaml failed\.\n {2}kubectl is not on the PATH: install kubectl \(https:\/\/kubernetes\.io\/docs\/tasks\/tools\/\), or give its path\.\n$/],
    ['an unreachable server', { faults: { version: { exit: 1, stderr: 'The connection to the server 10.0.0.1:6443 was refused - did you specify the right host or port?' } } }, [], /^calico-windows-compat: Cannot read the cluster: kubectl version -o yaml failed\.\n {2}The connection to the server 10\.0\.0\.1:6443 was refused - did you specify the right host or port\?\n$/],
    ['an expired token', { faults: { version: { exit: 1, stderr: 'error: You must be logged in to the server (Unauthorized)' } } }, ['--context', 'prod'], /^calico-windows-compat: Cannot read the cluster \(context prod\): kubectl version -o yaml failed\.\n {2}error: You must be logged in to the server \(Unauthorized\)\n$/],
    ['a timeout', { faults: { nodes: { hang: true } } }, ['--timeout', '1'], /^calico-windows-compat: Cannot read the cluster: a kubectl command failed:\n {2}kubectl get nodes -o yaml: did not finish within 1 s: stopped \(allow longer with a larger timeout\)\n$/],
  ] as const)('%s: one clear error with kubectl’s message, exit 2', (name, faults, flags, message) => {
    const fake = onPath(fakeCluster('eks', faults as Partial<ClusterState>));
    const env = name === 'no kubectl on the PATH' ? { PATH: join(work, 'empty') } : fake.env;
    mkdirSync(join(work, 'empty'), { recursive: true });
    const run = runCli(['check', '--cluster', ...flags], { env });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('--kubectl runs that kubectl', () => {
    const fake = installFakeKubectl(fakeCluster('eks'));
    fakes.push(fake);
    const run = runCli(['facts', '--cluster', '--kubectl', fake.kubectl, '--format', 'json'], { env: { PATH: join(work, 'empty') } });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).facts.platform).toBe('eks');
  });

  it.each([
    [['check', '--context', 'prod', 'facts.yaml'], '--context is an option of --cluster: add --cluster to read the cluster'],
    [['facts', '--kubeconfig', 'k', '--manifests', 'x.yaml'], '--kubeconfig is an option of --cluster: add --cluster to read the cluster'],
    [['check', '--cluster', '--timeout', 'soon'], "--timeout is a number of seconds from 0.1 to 86400, not 'soon'"],
    [['check', '--cluster', '--timeout', '0'], "--timeout is a number of seconds from 0.1 to 86400, not '0'"],
    [['collect', '--context', ' '], '--context needs a value'],
    [['check'], 'no facts file, no manifests and no --cluster: pass one, e.g. calico-windows-compat check --cluster, or check facts.yaml'],
    [['collect', 'extra.yaml'], "unexpected argument 'extra.yaml': pass objects with --manifests, a facts file with --facts"],
  ])('%j is a usage error', (args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`calico-windows-compat: ${message}\nRun 'calico-windows-compat --help' for usage.\n`);
  });
});

describe('collect', () => {
  it('-o writes the facts file facts --cluster prints: derived facts with their commands, notes, what is still needed', () => {
    const fake = onPath(fakeCluster('self-managed-vxlan'));
    const out = join(work, 'collected.yaml');
    const run = runCli(['collect', '-o', out], { env: fake.env });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text).toBe(runCli(['facts', '--cluster'], { env: fake.env }).stdout);
    expect(text.split('\n')[0]).toBe('# Facts for calico-windows-compat 0.1.0, derived from cluster: current context.');
    expect(text).toContain('# - [info] No Installation: the cluster serves no installations.operator.tigera.io: Calico was not installed by the Tigera operator.');
    expect(text).toMatch(/\n {2}version: v1\.22\.9 # kubectl version serverVersion\.gitVersion \(kubectl version -o yaml:\d+:\d+\)\n/);
    expect(text).toMatch(/strictAffinity: true # IPAMConfig\/default spec\.strictAffinity \(kubectl get ipamconfigs\.crd\.projectcalico\.org -o yaml:\d+:\d+\)/);
    expect(text).toMatch(/\n# Still needed to decide the verdict:\n(# - .+\n)+$/);
    expect(text).toContain('\n# - nodes[win-1].powershellAdmin: ');
    // Saved, it is a facts file: completed by hand, it checks as the cluster does.
    const parsed = parseFactsText(text);
    expect(parsed.success).toBe(true);
    const byFile = runCli(['check', out, '--format', 'json']);
    const byCluster = runCli(['check', '--cluster', '--format', 'json'], { env: fake.env });
    expect(byFile.code).toBe(byCluster.code);
    expect(comparable(byFile.stdout)).toMatchObject({ verdict: (JSON.parse(byCluster.stdout) as Report).verdict });
  });

  it('--format json adds what was read and the cluster’s notes', () => {
    const fake = onPath(fakeCluster('rke2-vxlan'));
    const run = runCli(['collect', '--format', 'json', '--facts', extra('rke2-vxlan')], { env: fake.env });
    const out = JSON.parse(run.stdout) as { facts: { platform: string }; cluster: { reads: Array<{ kind: string; command: string; objects: number }>; notes: Array<{ code: string; kind: string }> } };
    expect(out.facts.platform).toBe('rke2');
    expect(out.cluster.reads.find((r) => r.kind === 'HelmChartConfig kube-system/rke2-calico')).toStrictEqual({
      kind: 'HelmChartConfig kube-system/rke2-calico',
      command: 'kubectl get helmchartconfigs.helm.cattle.io rke2-calico --namespace=kube-system -o yaml',
      objects: 1,
    });
    expect(out.cluster.notes.map((n) => [n.code, n.kind])).toStrictEqual([
      ['absent', 'ConfigMap kube-system/calico-config'],
      ['absent', 'ConfigMap tigera-operator/kubernetes-services-endpoint'],
    ]);
  });

  it('-o creates the folders it writes into, as check -o does', () => {
    const fake = onPath(fakeCluster('eks'));
    const run = runCli(['collect', '-o', join(work, 'nowhere', 'facts.yaml')], { env: fake.env });
    expect(run.code).toBe(0);
    expect(readFileSync(join(work, 'nowhere', 'facts.yaml'), 'utf8')).toMatch(/^# Facts for calico-windows-compat /);
  });

  it('-o under a file is a clear error naming the file', () => {
    const fake = onPath(fakeCluster('eks'));
    const file = join(work, 'a-file');
    writeFileSync(file, '');
    const run = runCli(['collect', '-o', join(file, 'facts.yaml')], { env: fake.env });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`calico-windows-compat: Cannot write ${join(file, 'facts.yaml')}: a parent of it is not a directory.\n`);
  });

  it('on a terminal, a progress line per kind on standard error', () => {
    const fake = onPath(fakeCluster('self-managed-vxlan'));
    const out = join(work, 'tty-facts.yaml');
    // script(1) gives the CLI a terminal.
    const command = `PATH='${fake.env['PATH'] ?? ''}' '${process.execPath}' '${resolve(CLI)}' collect -o '${out}'`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', TERM: 'dumb' } });
    expect(run.status).toBe(0);
    const lines = run.stdout.split(/\r?\n/).filter((l) => l.startsWith('calico-windows-compat: ['));
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('calico-windows-compat: [1/11] Kubernetes version: 1 object (kubectl version -o yaml)');
    // The others in the order they finish.
    expect(lines.map((l) => l.replace(/\[\d+\/11\] /, ''))).toContain('calico-windows-compat: Installation: absent');
    expect(lines.map((l) => /\[(\d+)\/11\]/.exec(l)?.[1])).toStrictEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(lines.at(-1)).toMatch(/^calico-windows-compat: \[11\/11\] /);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Facts for calico-windows-compat/);
  });
});

describe('progressLine', () => {
  it.each([
    [{ kind: 'IPPool', outcome: 'read', objects: 1, command: 'kubectl get ippools.crd.projectcalico.org -o yaml', done: 5, total: 11 }, '[5/11] IPPool: 1 object (kubectl get ippools.crd.projectcalico.org -o yaml)'],
    [{ kind: 'Node', outcome: 'read', objects: 4, command: 'kubectl get nodes -o yaml', done: 2, total: 11 }, '[2/11] Node: 4 objects (kubectl get nodes -o yaml)'],
    [{ kind: 'Installation', outcome: 'absent', objects: 0, done: 3, total: 11 }, '[3/11] Installation: absent'],
    [{ kind: 'IPPool', outcome: 'forbidden', objects: 0, done: 4, total: 11 }, '[4/11] IPPool: forbidden (RBAC)'],
    [{ kind: 'Node', outcome: 'failed', objects: 0, done: 1, total: 11 }, '[1/11] Node: failed'],
  ] as const)('%j', (progress, line) => {
    const written: string[] = [];
    progressLine({ isTTY: true, write: (text: string) => written.push(text) })(progress);
    expect(written).toStrictEqual([`calico-windows-compat: ${line}\n`]);
  });
});

describe('plan --cluster', () => {
  /** The plan with where facts came from taken out: the rest must not depend on how they were read. */
  const withoutSources = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(withoutSources)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'source').map(([key, v]) => [key, withoutSources(v)]))
        : value;

  it.each(['self-managed-vxlan', 'aks'] as FakeClusterName[])('%s: the plan plan --manifests gives for the same objects saved as files', async (name) => {
    const fake = onPath(fakeCluster(name), { log: true });
    const cluster = runCli(['plan', '--cluster', '--facts', extra(name), '--format', 'json'], { env: fake.env });
    const manifests = [...clusterFiles(name), await versionFile(name)].flatMap((f) => ['--manifests', f]);
    const byHand = runCli(['plan', ...manifests, '--facts', extra(name), '--format', 'json']);
    expect(cluster.stderr).not.toMatch(/internal error/);
    expect(cluster.code).toBe(byHand.code);
    expect(withoutSources(JSON.parse(cluster.stdout))).toStrictEqual(withoutSources(JSON.parse(byHand.stdout)));
    // It did read the cluster, through kubectl.
    expect(fake.runs().some((r) => r.argv.includes('nodes'))).toBe(true);
  });

  it('--context without --cluster is a usage error; kubectl failing is exit 2 with its message', () => {
    const usage = runCli(['plan', '--context', 'prod', '--facts', extra('eks')]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--context is an option of --cluster: add --cluster to read the cluster');
    const fake = onPath(fakeCluster('eks', { faults: { version: { exit: 1, stderr: 'error: You must be logged in to the server (Unauthorized)' } } } as Partial<ClusterState>));
    const run = runCli(['plan', '--cluster', '--facts', extra('eks')], { env: fake.env });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error: You must be logged in to the server (Unauthorized)');
  });
});

describe('the kubectl plugin, kubectl-calico_windows', () => {
  const plugin = (args: string[], env: Record<string, string>) => {
    const run = spawnSync(process.execPath, [PLUGIN, ...args], { encoding: 'utf8', env: { ...env } });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  it('check reads the cluster, as check --cluster does, and takes --context and --kubeconfig', () => {
    const fake = onPath(fakeCluster('eks', { contexts: ['prod'] }), { log: true });
    const args = ['--context', 'prod', '--kubeconfig', '/etc/kube/config', '--facts', extra('eks'), '--format', 'json'];
    const run = plugin(['check', ...args], fake.env);
    const direct = runCli(['check', '--cluster', ...args], { env: fake.env });
    expect(run.code).toBe(direct.code);
    expect(run.stdout).toBe(direct.stdout);
    expect(fake.runs().every((r) => r.argv.includes('--context=prod') && r.argv.includes('--kubeconfig=/etc/kube/config'))).toBe(true);
  });

  it('plan reads the cluster, as plan --cluster does', () => {
    const fake = onPath(fakeCluster('self-managed-bgp'));
    const run = plugin(['plan', '--facts', extra('self-managed-bgp'), '--format', 'json'], fake.env);
    const direct = runCli(['plan', '--cluster', '--facts', extra('self-managed-bgp'), '--format', 'json'], { env: fake.env });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(direct.stdout);
  });

  it('facts reads the cluster too; rules and --version are the CLI’s', () => {
    const fake = onPath(fakeCluster('aks'));
    expect(plugin(['facts', '--format', 'json'], fake.env).stdout).toBe(runCli(['facts', '--cluster', '--format', 'json'], { env: fake.env }).stdout);
    expect(plugin(['--version'], fake.env).stdout).toBe('0.1.0\n');
    expect(plugin(['rules'], fake.env).stdout).toBe(runCli(['rules']).stdout);
  });

  it('its help speaks of kubectl calico-windows', () => {
    const run = plugin(['--help'], {});
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^kubectl calico-windows 0\.1\.0 \(calico-windows-compat\)\n/);
    expect(run.stdout).toContain('kubectl calico-windows check [--context <name>] [--kubeconfig <file>] [--facts <file>] [options]');
  });

  it("kubectl's own --cluster <name> is refused with what to use instead", () => {
    const run = plugin(['check', '--cluster', 'prod-cluster'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "calico-windows-compat: the plugin always reads the cluster of your kubeconfig: choose it with --context (kubectl's --cluster is not taken)\nRun 'calico-windows-compat --help' for usage.\n",
    );
  });

  it('kubectl calico-windows check: the real kubectl finds the plugin on the PATH and runs it against a stand-in API server', async () => {
    const kubectl = spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim();
    expect(kubectl, 'this test runs the real kubectl: put it on the PATH').not.toBe('');
    const servers: ApiServer[] = [];
    try {
      const server = await startApiServer(fakeCluster('rke2-vxlan'));
      servers.push(server);
      const dir = join(work, 'plugin');
      mkdirSync(join(dir, 'bin'), { recursive: true });
      mkdirSync(join(dir, 'home'), { recursive: true });
      // What npm i -g installs: kubectl-calico_windows on the PATH, beside a real kubectl.
      writeFileSync(join(dir, 'bin', 'kubectl-calico_windows'), `#!/bin/sh\nexec '${process.execPath}' '${resolve(PLUGIN)}' "$@"\n`);
      chmodSync(join(dir, 'bin', 'kubectl-calico_windows'), 0o755);
      const kubeconfig = writeKubeconfig(dir, server.url);
      const env = { PATH: `${join(dir, 'bin')}:${process.env['PATH'] ?? ''}`, HOME: join(dir, 'home') };
      const listed = spawnSync(kubectl, ['plugin', 'list'], { encoding: 'utf8', env });
      expect(listed.stdout).toContain(join(dir, 'bin', 'kubectl-calico_windows'));
      // Not spawnSync: the stand-in answers from this process.
      const run = await promisify(execFile)(kubectl, ['calico-windows', 'check', '--kubeconfig', kubeconfig, '--facts', extra('rke2-vxlan'), '--format', 'json'], { encoding: 'utf8', env }).then(
        (r) => ({ status: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ status: e.code, stdout: e.stdout, stderr: e.stderr }),
      );
      const direct = runCli(['check', '--manifests', ...clusterFiles('rke2-vxlan').flatMap((f, i) => (i === 0 ? [f] : ['--manifests', f])), '--manifests', await versionFile('rke2-vxlan'), '--facts', extra('rke2-vxlan'), '--format', 'json']);
      expect(run.stderr).not.toMatch(/internal error|Cannot read/);
      expect(run.status).toBe(direct.code);
      expect(comparable(run.stdout)).toStrictEqual(comparable(direct.stdout));
      expect(server.requests.some((r) => r.startsWith('GET /apis/helm.cattle.io/v1/namespaces/kube-system/helmchartconfigs/rke2-calico'))).toBe(true);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });
});

describe('the plugin’s and options’ parsing', () => {
  it.each([
    [['check', '--context', 'x'], ['check', '--cluster', '--context', 'x']],
    [['facts'], ['facts', '--cluster']],
    [['collect', '-o', 'f.yaml'], ['collect', '-o', 'f.yaml']],
    [['rules'], ['rules']],
    [[], []],
    [['check', '--cluster=prod'], "the plugin always reads the cluster of your kubeconfig: choose it with --context (kubectl's --cluster is not taken)"],
  ])('pluginArgs(%j)', (argv, expected) => {
    expect(pluginArgs(argv)).toStrictEqual(expected);
  });

  it.each([
    [{}, false, undefined],
    [{ cluster: true }, false, {}],
    [{}, true, {}],
    [{ cluster: true, timeout: '2.5', context: 'a b', kubeconfig: 'k', kubectl: '/bin/kubectl' }, false, { context: 'a b', kubeconfig: 'k', kubectl: '/bin/kubectl', timeout: 2500 }],
    [{ cluster: true, timeout: '0.1' }, false, { timeout: 100 }],
    [{ cluster: true, timeout: '1e3' }, false, "--timeout is a number of seconds from 0.1 to 86400, not '1e3'"],
    [{ cluster: true, timeout: '90000' }, false, "--timeout is a number of seconds from 0.1 to 86400, not '90000'"],
  ])('clusterArgs(%j, %s)', (values, implied, expected) => {
    expect(clusterArgs(values, implied)).toStrictEqual(expected);
  });
});
