import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectFromCluster, COLLECTED_KINDS, kubectlArgs, kubectlMessage, type ClusterCollection, type CollectProgress } from '../../src/node/collect.js';
import { concatManifests, factsFromManifests, type ManifestFacts } from '../../src/adapters/manifests.js';
import { parseManifestsText, parseValuesText } from '../../src/text/yaml.js';
import { CompatError } from '../../src/model/errors.js';
import { rejected } from '../support/errors.js';
import { clusterFiles, FAKE_CLUSTERS, fakeCluster, installFakeKubectl, stateRunner, type ClusterState, type FakeClusterName, type FakeKubectl } from '../support/fake-cluster.js';

// The collector against example clusters: in process (a runner answering as kubectl does) for what it
// makes of kubectl's answers, and through the fake kubectl — a real process on a path — for what only a
// process shows: arguments without a shell, timeouts, a bounded pool, nothing left running.

const fakes: FakeKubectl[] = [];
afterEach(() => {
  for (const fake of fakes.splice(0)) fake.cleanup();
});
function fake(state: ClusterState, options: { log?: boolean } = {}): FakeKubectl {
  const installed = installFakeKubectl(state, options);
  fakes.push(installed);
  return installed;
}

const derive = (collection: ClusterCollection): ManifestFacts => factsFromManifests(collection.manifests.objects, { locate: collection.manifests.locate, parseValues: parseValuesText });

async function versionText(name: FakeClusterName): Promise<string> {
  const run = stateRunner(fakeCluster(name));
  return (await run(['version', '-o', 'yaml'], { maxBytes: 1 << 20, signal: new AbortController().signal })).stdout;
}

/** The same objects as files, as the by-hand steps save them: the cluster's files and kubectl version's output. */
async function fromFiles(name: FakeClusterName): Promise<ManifestFacts> {
  const sets = clusterFiles(name).map((file) => parseManifestsText(readFileSync(file, 'utf8'), { file }));
  sets.push(parseManifestsText(await versionText(name), { file: 'version.yaml' }));
  const all = concatManifests(sets);
  return factsFromManifests(all.objects, { locate: all.locate, parseValues: parseValuesText });
}

/** Notes without where their objects stand (a file and line, or a command and line), which differ by design. */
const withoutLocation = (result: ManifestFacts) =>
  result.notes
    .map(({ location: _location, ...note }) => ({ ...note, message: note.message.replace(/ \((?:test\/fixtures\/|kubectl |version\.yaml)[^()]*:\d+\)/g, '') }))
    .sort((a, b) => a.message.localeCompare(b.message));

describe('collectFromCluster on the example clusters', () => {
  const SERVED = (Object.keys(FAKE_CLUSTERS) as FakeClusterName[]).filter((name) => name !== 'etcd-bgp');

  it.each(SERVED)('%s: the collected objects give the facts and notes of the same objects saved as files', async (name) => {
    const collected = await collectFromCluster({ runner: stateRunner(fakeCluster(name)) });
    const derived = derive(collected);
    const expected = await fromFiles(name);
    expect(derived.facts).toStrictEqual(expected.facts);
    expect(withoutLocation(derived)).toStrictEqual(withoutLocation(expected));
    expect(Object.keys(derived.sources).sort()).toStrictEqual(Object.keys(expected.sources).sort());
  });

  it.each(SERVED)('%s: each fact names the kubectl command it came from and the line of its output', async (name) => {
    const collected = await collectFromCluster({ runner: stateRunner(fakeCluster(name)) });
    const { sources } = derive(collected);
    const texts = new Map(collected.reads.map((read) => [read.command, read.text.split('\n')]));
    expect(Object.keys(sources).length).toBeGreaterThan(5);
    for (const [fact, source] of Object.entries(sources)) {
      expect(source.file, fact).toMatch(/^kubectl (version|get [a-z.]+( [a-z0-9-]+ --namespace=[a-z-]+)?) -o yaml$/);
      const lines = texts.get(source.file ?? '');
      expect(lines, fact).toBeDefined();
      // The field it names is on that line (or, for a whole object or list, the line opens it).
      const last = source.field?.split(/[.[\]"]+/).filter(Boolean).at(-1);
      if (source.field !== undefined && !source.field.includes('+') && last !== undefined && !/^\d+$/.test(last))
        expect(lines?.[(source.line ?? 0) - 1], `${fact} ${source.field}`).toContain(last);
    }
  });

  it('a manifest install without the operator: the Installation is absent, a note and not an error; crd.projectcalico.org is read', async () => {
    const runner = stateRunner(fakeCluster('self-managed-vxlan'));
    const collected = await collectFromCluster({ runner });
    expect(collected.reads.map((r) => [r.kind, r.command, r.objects])).toStrictEqual([
      ['Kubernetes version', 'kubectl version -o yaml', 1],
      ['Node', 'kubectl get nodes -o yaml', 4],
      ['FelixConfiguration', 'kubectl get felixconfigurations.crd.projectcalico.org -o yaml', 1],
      ['IPPool', 'kubectl get ippools.crd.projectcalico.org -o yaml', 1],
      ['IPAMConfig', 'kubectl get ipamconfigs.crd.projectcalico.org -o yaml', 1],
      ['BGPConfiguration', 'kubectl get bgpconfigurations.crd.projectcalico.org -o yaml', 0],
      ['ClusterInformation', 'kubectl get clusterinformations.crd.projectcalico.org -o yaml', 1],
      ['ConfigMap kube-system/calico-config', 'kubectl get configmaps calico-config --namespace=kube-system -o yaml', 1],
    ]);
    expect(collected.notes).toStrictEqual([
      {
        code: 'absent',
        level: 'info',
        kind: 'Installation',
        commands: ['kubectl get installations.operator.tigera.io -o yaml'],
        message: 'No Installation: the cluster serves no installations.operator.tigera.io: Calico was not installed by the Tigera operator.',
      },
      {
        code: 'absent',
        level: 'info',
        kind: 'ConfigMap tigera-operator/kubernetes-services-endpoint',
        commands: ['kubectl get configmaps kubernetes-services-endpoint --namespace=tigera-operator -o yaml'],
        message: 'No ConfigMap tigera-operator/kubernetes-services-endpoint: the Tigera operator is not told the API server’s address directly.',
      },
      {
        code: 'absent',
        level: 'info',
        kind: 'HelmChartConfig kube-system/rke2-calico',
        commands: ['kubectl get helmchartconfigs.helm.cattle.io rke2-calico --namespace=kube-system -o yaml'],
        message: 'No HelmChartConfig kube-system/rke2-calico: not RKE2 with its Calico chart customised.',
      },
    ]);
    expect(derive(collected).facts.calico?.operatorManaged).toBe(false);
  });

  it('an operator install with the Calico API server: projectcalico.org/v3 is read, not its crd.projectcalico.org copy', async () => {
    const collected = await collectFromCluster({ runner: stateRunner(fakeCluster('self-managed-bgp')) });
    expect(collected.reads.map((r) => r.command)).toStrictEqual([
      'kubectl version -o yaml',
      'kubectl get nodes -o yaml',
      'kubectl get installations.operator.tigera.io -o yaml',
      'kubectl get felixconfigurations.projectcalico.org -o yaml',
      'kubectl get ippools.projectcalico.org -o yaml',
      'kubectl get ipamconfigurations.projectcalico.org -o yaml',
      'kubectl get bgpconfigurations.projectcalico.org -o yaml',
      'kubectl get clusterinformations.projectcalico.org -o yaml',
    ]);
    expect(collected.notes.map((n) => [n.code, n.kind])).toStrictEqual([
      ['absent', 'ConfigMap kube-system/calico-config'],
      ['absent', 'ConfigMap tigera-operator/kubernetes-services-endpoint'],
      ['absent', 'HelmChartConfig kube-system/rke2-calico'],
    ]);
    expect(derive(collected).facts.calico?.operatorManaged).toBe(true);
  });

  it("RKE2: the rke2-calico HelmChartConfig is read, and says the platform", async () => {
    const collected = await collectFromCluster({ runner: stateRunner(fakeCluster('rke2-vxlan')) });
    expect(collected.reads.at(-1)).toMatchObject({
      kind: 'HelmChartConfig kube-system/rke2-calico',
      command: 'kubectl get helmchartconfigs.helm.cattle.io rke2-calico --namespace=kube-system -o yaml',
      objects: 1,
    });
    const { facts, sources } = derive(collected);
    expect(facts.platform).toBe('rke2');
    expect(sources['platform']).toMatchObject({ object: 'HelmChartConfig/kube-system/rke2-calico', file: 'kubectl get helmchartconfigs.helm.cattle.io rke2-calico --namespace=kube-system -o yaml' });
  });

  it('Calico on etcd: no Calico resource is readable through kubectl, a warning that says to use calicoctl', async () => {
    const collected = await collectFromCluster({ runner: stateRunner(fakeCluster('etcd-bgp')) });
    expect(collected.reads.map((r) => r.kind)).toStrictEqual(['Kubernetes version', 'Node', 'ConfigMap kube-system/calico-config']);
    const warnings = collected.notes.filter((n) => n.level === 'warning');
    expect(warnings).toStrictEqual([
      {
        code: 'no-calico',
        level: 'warning',
        kind: 'Calico resources',
        commands: [],
        message:
          "The cluster serves none of Calico's resources (projectcalico.org or crd.projectcalico.org): Calico is not installed, or keeps its resources in etcd. On etcd, read them with calicoctl get felixconfiguration,ippool,ipamconfiguration,bgpconfiguration,clusterinformation -o yaml and give that output with the cluster's objects.",
      },
    ]);
    expect(collected.notes.filter((n) => n.code === 'absent').map((n) => n.message)).toContain(
      'No IPPool: the cluster serves neither ippools.projectcalico.org nor ippools.crd.projectcalico.org.',
    );
    expect(derive(collected).facts.calico?.datastore).toBe('etcd');
  });

  it('reports progress once per kind, in the order kinds finish, counting to the total', async () => {
    const seen: CollectProgress[] = [];
    await collectFromCluster({ runner: stateRunner(fakeCluster('rke2-vxlan')), onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.done)).toStrictEqual(COLLECTED_KINDS.map((_, i) => i + 1));
    expect(seen.every((p) => p.total === COLLECTED_KINDS.length)).toBe(true);
    expect(new Set(seen.map((p) => p.kind))).toStrictEqual(new Set(COLLECTED_KINDS.map((k) => k.kind)));
    expect(seen.find((p) => p.kind === 'Node')).toMatchObject({ outcome: 'read', objects: 3, command: 'kubectl get nodes -o yaml' });
    expect(seen.find((p) => p.kind === 'ConfigMap kube-system/calico-config')).toMatchObject({ outcome: 'absent', objects: 0 });
    expect(seen.find((p) => p.kind === 'ConfigMap kube-system/calico-config')).not.toHaveProperty('command');
  });

  it('a progress display that throws does not stop the reading', async () => {
    const collected = await collectFromCluster({
      runner: stateRunner(fakeCluster('eks')),
      onProgress: () => {
        throw new Error('display gone');
      },
    });
    expect(collected.reads.length).toBeGreaterThan(3);
  });
});

describe('what kubectl answers that is not objects', () => {
  it('Forbidden on one kind is a warning naming the verb and resource to grant; the other kinds are read', async () => {
    const state = fakeCluster('self-managed-vxlan', { forbidden: ['list ippools.crd.projectcalico.org'] });
    const collected = await collectFromCluster({ runner: stateRunner(state) });
    expect(collected.reads.map((r) => r.kind)).not.toContain('IPPool');
    expect(collected.reads.map((r) => r.kind)).toContain('FelixConfiguration');
    expect(collected.notes.filter((n) => n.level === 'warning')).toStrictEqual([
      {
        code: 'forbidden',
        level: 'warning',
        kind: 'IPPool',
        commands: ['kubectl get ippools.crd.projectcalico.org -o yaml'],
        grants: [{ verb: 'list', resource: 'ippools', group: 'crd.projectcalico.org' }],
        message:
          'IPPool could not be read: RBAC forbids it. Grant list on ippools.crd.projectcalico.org (https://github.com/calico-windows-compat/calico-windows-compat/blob/main/docs/rbac/calico-windows-compat-reader.yaml grants all the collector reads). kubectl get ippools.crd.projectcalico.org -o yaml: Error from server (Forbidden): ippools.crd.projectcalico.org is forbidden: User "system:serviceaccount:ci:calico-windows-compat" cannot list resource "ippools" in API group "crd.projectcalico.org" at the cluster scope',
      },
    ]);
    const derived = derive(collected);
    expect(derived.facts.calico?.ipPools).toBeUndefined();
    expect(derived.facts.calico?.strictAffinity).toBe(true);
  });

  it('Forbidden on both groups of a kind names both grants; on a named ConfigMap, the name and namespace', async () => {
    const state = fakeCluster('self-managed-bgp', {
      forbidden: ['list felixconfigurations.projectcalico.org', 'list felixconfigurations.crd.projectcalico.org', 'get configmaps/kube-system/calico-config'],
    });
    const { notes } = await collectFromCluster({ runner: stateRunner(state) });
    const forbidden = notes.filter((n) => n.code === 'forbidden');
    expect(forbidden.map((n) => n.grants)).toStrictEqual([
      [
        { verb: 'list', resource: 'felixconfigurations', group: 'projectcalico.org' },
        { verb: 'list', resource: 'felixconfigurations', group: 'crd.projectcalico.org' },
      ],
      [{ verb: 'get', resource: 'configmaps', group: '', namespace: 'kube-system', name: 'calico-config' }],
    ]);
    expect(forbidden[0]?.message).toContain('Grant list on felixconfigurations.projectcalico.org, or list on felixconfigurations.crd.projectcalico.org (');
    expect(forbidden[1]?.message).toContain('Grant get on configmaps/calico-config in kube-system (');
    expect(forbidden[1]?.message).toContain('User "system:serviceaccount:ci:calico-windows-compat" cannot get resource "configmaps" in API group "" in the namespace "kube-system"');
  });

  it('when the preferred group fails and the other answers, the other stands in, with a note', async () => {
    const state = fakeCluster('self-managed-bgp', {
      faults: { 'ippools.projectcalico.org': { exit: 1, stderr: 'Error from server (ServiceUnavailable): the server is currently unable to handle the request' } },
    });
    const collected = await collectFromCluster({ runner: stateRunner(state) });
    expect(collected.reads.find((r) => r.kind === 'IPPool')?.command).toBe('kubectl get ippools.crd.projectcalico.org -o yaml');
    expect(collected.notes.filter((n) => n.code === 'fallback')).toStrictEqual([
      {
        code: 'fallback',
        level: 'info',
        kind: 'IPPool',
        commands: ['kubectl get ippools.projectcalico.org -o yaml', 'kubectl get ippools.crd.projectcalico.org -o yaml'],
        message:
          'IPPool read with kubectl get ippools.crd.projectcalico.org -o yaml, as kubectl get ippools.projectcalico.org -o yaml: Error from server (ServiceUnavailable): the server is currently unable to handle the request',
      },
    ]);
    expect(derive(collected).facts.calico?.ipPools).toStrictEqual([{ name: 'default-ipv4-ippool', cidr: '10.244.0.0/16', encapsulation: 'none' }]);
  });

  it.each([
    ['an expired token', 'error: You must be logged in to the server (Unauthorized)'],
    ['an unreachable server', 'The connection to the server 10.0.0.1:6443 was refused - did you specify the right host or port?'],
    ['an unknown context', 'error: context was not found for specified context: prod'],
  ])('%s: kubectl version fails, and that is the one error, with kubectl’s message', async (_name, message) => {
    const runner = stateRunner(fakeCluster('eks', { faults: { version: { exit: 1, stdout: 'clientVersion:\n  gitVersion: v1.29.3\n', stderr: message } } }));
    const error = await rejected(collectFromCluster({ runner, context: 'prod' }));
    expect(error).toBeInstanceOf(CompatError);
    expect(error).toMatchObject({ code: 'kubectl-failed', message: `Cannot read the cluster (context prod): kubectl version -o yaml failed.\n  ${message}` });
    // Nothing else is run once the server is known not to answer.
    expect(runner.calls).toHaveLength(1);
  });

  it('a command that exits non-zero with a message, after version succeeded, is an error naming it', async () => {
    const message = 'Error from server (InternalError): an error on the server ("unknown") has prevented the request from succeeding';
    const runner = stateRunner(fakeCluster('eks', { faults: { 'installations.operator.tigera.io': { exit: 1, stderr: message } } }));
    const error = await rejected(collectFromCluster({ runner }));
    expect(error.code).toBe('kubectl-failed');
    expect(error.issues).toStrictEqual([{ path: 'kubectl get installations.operator.tigera.io -o yaml', code: 'exit-1', message }]);
    expect(error.message).toBe(`Cannot read the cluster: a kubectl command failed:\n  kubectl get installations.operator.tigera.io -o yaml: ${message}`);
  });

  it('a non-zero exit with no message says so', async () => {
    const runner = stateRunner(fakeCluster('eks', { faults: { nodes: { exit: 3, stderr: '' } } }));
    const error = await rejected(collectFromCluster({ runner }));
    expect(error.issues).toStrictEqual([{ path: 'kubectl get nodes -o yaml', code: 'exit-3', message: 'exited with code 3 and no message' }]);
  });

  it.each([
    ['YAML that does not parse', 'items: [\n  - {\n', /^printed what is not YAML: .+ \(line \d+\)$/],
    ['a table instead of YAML', 'NAME      STATUS   ROLES\nwin-1     Ready    <none>\n', /^printed no Kubernetes list: "NAME {6}STATUS {3}ROLES"$/],
    ['two documents', 'apiVersion: v1\nkind: List\nitems: []\n---\napiVersion: v1\nkind: List\nitems: []\n', /^printed no Kubernetes list: /],
    ['a list of another shape', 'apiVersion: v1\nkind: List\nitems: {}\n', /^printed no Kubernetes list: /],
    ['nothing', '', /^printed no Kubernetes list: \(nothing\)$/],
  ])('garbage output (%s) is an error naming the command', async (_name, stdout, message) => {
    const runner = stateRunner(fakeCluster('eks', { faults: { nodes: { stdout } } }));
    const error = await rejected(collectFromCluster({ runner }));
    expect(error.code).toBe('kubectl-failed');
    expect(error.issues.map((i) => [i.path, i.code])).toStrictEqual([['kubectl get nodes -o yaml', 'output']]);
    expect(error.issues[0]?.message).toMatch(message);
  });

  it('version output without a server version, or a named get answering another object, is garbage too', async () => {
    const version = stateRunner(fakeCluster('eks', { faults: { version: { stdout: 'clientVersion:\n  gitVersion: v1.29.3\n' } } }));
    await expect(collectFromCluster({ runner: version })).rejects.toThrow(/kubectl version -o yaml failed\.\n {2}printed no server version/);
    const other = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: something-else\n';
    const named = stateRunner(fakeCluster('eks', { faults: { configmaps: { stdout: other } } }));
    const error = await rejected(collectFromCluster({ runner: named }));
    expect(error.issues.map((i) => i.message)).toStrictEqual([
      'printed no Kubernetes object: "apiVersion: v1"',
      'printed no Kubernetes object: "apiVersion: v1"',
    ]);
  });

  it('every failure is listed, not only the first', async () => {
    const runner = stateRunner(
      fakeCluster('rke2-vxlan', { faults: { nodes: { exit: 1, stderr: 'error: boom' }, 'helmchartconfigs.helm.cattle.io': { stdout: ':\n' } } }),
    );
    const error = await rejected(collectFromCluster({ runner }));
    expect(error.message).toMatch(/^Cannot read the cluster: 2 kubectl commands failed:\n/);
    expect(error.issues.map((i) => i.path)).toStrictEqual([
      'kubectl get nodes -o yaml',
      'kubectl get helmchartconfigs.helm.cattle.io rke2-calico --namespace=kube-system -o yaml',
    ]);
  });

  it('a runner that cannot run kubectl is an error with its message', async () => {
    const runner = async () => {
      throw new CompatError('kubectl-failed', 'kubectl is not on the PATH: install kubectl (https://kubernetes.io/docs/tasks/tools/), or give its path.');
    };
    await expect(collectFromCluster({ runner })).rejects.toThrow(
      'Cannot read the cluster: kubectl version -o yaml failed.\n  kubectl is not on the PATH: install kubectl (https://kubernetes.io/docs/tasks/tools/), or give its path.',
    );
  });

  it('output over the size limit is refused, as files are', async () => {
    const error = await rejected(collectFromCluster({ kubectl: fake(fakeCluster('self-managed-vxlan')).kubectl, maxBytes: 4096 }));
    expect(error.code).toBe('kubectl-failed');
    expect(error.issues.find((i) => i.path === 'kubectl get nodes -o yaml')?.message).toBe('kubectl printed more than 4096 bytes, the limit: stopped.');
  });
});

describe('kubectl as a process', () => {
  it('is run without a shell: a context or kubeconfig with spaces, quotes and ; reaches kubectl as one argument', async () => {
    const context = `prod; touch pwned-$(id -u) 'x' "y"`;
    const installed = fake(fakeCluster('eks', { contexts: [context] }), { log: true });
    const kubeconfig = join(installed.dir, 'my configs; rm -rf ~', 'config');
    await collectFromCluster({ kubectl: installed.kubectl, context, kubeconfig });
    const runs = installed.runs();
    expect(runs).toHaveLength(COLLECTED_KINDS.reduce((n, k) => n + k.reads.length, 0));
    for (const run of runs) expect(run.argv.slice(-2)).toStrictEqual([`--context=${context}`, `--kubeconfig=${kubeconfig}`]);
    expect(runs.map((r) => r.argv.slice(0, -2)).sort()).toStrictEqual(COLLECTED_KINDS.flatMap((k) => k.reads.map(kubectlArgs)).sort());
    expect(existsSync(`pwned-${process.getuid?.() ?? ''}`)).toBe(false);
  });

  it('runs at most `concurrency` kubectl processes at once', async () => {
    const installed = fake(fakeCluster('self-managed-vxlan', { faults: { '*': { delayMs: 200 } } }), { log: true });
    await collectFromCluster({ kubectl: installed.kubectl, concurrency: 3 });
    const runs = installed.runs();
    const overlap = Math.max(...runs.map((run) => runs.filter((other) => other.start <= run.start && (other.end ?? Infinity) > run.start).length));
    expect(overlap).toBeLessThanOrEqual(3);
    // version first, alone: it ends before any other starts.
    const version = runs.find((r) => r.argv[0] === 'version');
    expect(runs.filter((r) => r !== version).every((r) => r.start >= (version?.end ?? Infinity))).toBe(true);
  });

  it('a hanging kubectl is stopped at the timeout, with what it started, and nothing is left running', async () => {
    const installed = fake(fakeCluster('eks', { faults: { nodes: { hang: true } } }));
    const error = await rejected(collectFromCluster({ kubectl: installed.kubectl, timeout: 1500 }));
    expect(error.code).toBe('kubectl-failed');
    expect(error.issues).toStrictEqual([
      { path: 'kubectl get nodes -o yaml', code: 'timeout', message: 'did not finish within 1.5 s: stopped (allow longer with a larger timeout)' },
    ]);
    const pids = JSON.parse(readFileSync(join(installed.dir, 'pids.json'), 'utf8')) as { kubectl: number; child: number };
    await expect.poll(() => [running(pids.kubectl), running(pids.child)], { timeout: 5000 }).toStrictEqual([false, false]);
  });

  it('a runner that ignores the signal cannot hold the collection past the timeout', async () => {
    const runner = () => new Promise<never>(() => {});
    const error = await rejected(collectFromCluster({ runner, timeout: 50 }));
    expect(error.message).toBe('Cannot read the cluster: kubectl version -o yaml failed.\n  did not finish within 50 ms: stopped (allow longer with a larger timeout)');
  });

  it('the caller’s signal stops the collection and its processes, rejecting with its reason', async () => {
    const installed = fake(fakeCluster('eks', { faults: { nodes: { hang: true } } }));
    const controller = new AbortController();
    const collecting = collectFromCluster({ kubectl: installed.kubectl, signal: controller.signal });
    await expect.poll(() => existsSync(join(installed.dir, 'pids.json')), { timeout: 10_000 }).toBe(true);
    controller.abort(new Error('cancelled by the user'));
    await expect(collecting).rejects.toThrow('cancelled by the user');
    const pids = JSON.parse(readFileSync(join(installed.dir, 'pids.json'), 'utf8')) as { kubectl: number; child: number };
    await expect.poll(() => [running(pids.kubectl), running(pids.child)], { timeout: 5000 }).toStrictEqual([false, false]);
    await expect(collectFromCluster({ kubectl: installed.kubectl, signal: controller.signal })).rejects.toThrow('cancelled by the user');
  });

  it.each([
    ['a path that does not exist', { kubectl: '/nonexistent/kubectl' }, '/nonexistent/kubectl does not exist: give the path of a kubectl executable.'],
    ['a name not on the PATH', { kubectl: 'kubectl-nowhere' }, 'kubectl-nowhere is not on the PATH: install kubectl (https://kubernetes.io/docs/tasks/tools/), or give its path.'],
    ['a file that is not executable', { kubectl: './package.json' }, 'Cannot run ./package.json: spawn ./package.json EACCES.'],
  ])('kubectl at %s is one clear error', async (_name, options, message) => {
    const error = await rejected(collectFromCluster(options));
    expect(error.code).toBe('kubectl-failed');
    expect(error.message.split('\n')[1]?.trim()).toMatch(message);
  });
});

describe('options', () => {
  it('bad options are refused, each named', async () => {
    const error = await rejected(collectFromCluster({
      context: '',
      kubeconfig: 'a\0b',
      timeout: 0,
      concurrency: 1.5,
      maxBytes: -1,
      runner: 'kubectl' as never,
    }));
    expect(error.code).toBe('invalid-options');
    expect(error.issues.map((i) => i.path)).toStrictEqual(['context', 'kubeconfig', 'timeout', 'concurrency', 'maxBytes', 'runner']);
  });
});

describe('kubectlMessage', () => {
  it.each([
    ['the last lines, without client-go log lines', 'E1206 15:20:16.952158    7316 memcache.go:265] "Unhandled Error" err="couldn\'t get current server API group list"\nError from server (NotFound): the server could not find the requested resource\n', 'Error from server (NotFound): the server could not find the requested resource'],
    ['the last log line when there is nothing else', 'E1206 15:20:16.952158    7316 memcache.go:265] couldn\'t get current server API group list\nE1206 15:20:17.952158    7316 memcache.go:265] the last one\n', 'the last one'],
    ['at most five lines', 'a\nb\nc\nd\ne\nf\ng\n', 'c\nd\ne\nf\ng'],
    ['nothing', '', ''],
  ])('%s', (_name, stderr, message) => {
    expect(kubectlMessage(stderr)).toBe(message);
  });

  it('a long message is cut', () => {
    expect(kubectlMessage('x'.repeat(5000))).toBe(`${'x'.repeat(2000)}…`);
  });
});

/** Whether a process is running (a zombie, waiting to be reaped by whoever inherited it, is not). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
