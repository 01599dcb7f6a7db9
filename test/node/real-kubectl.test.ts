import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFromCluster, type CollectOptions } from '../../src/node/collect.js';
import { factsFromManifests } from '../../src/adapters/manifests.js';
import { parseValuesText } from '../../src/text/yaml.js';
import { CompatError } from '../../src/model/errors.js';
import { fakeCluster, startApiServer, stateRunner, writeKubeconfig, type ApiServer, type ApiServerOptions, type ClusterState, type FakeClusterName } from '../support/fake-cluster.js';

// The real kubectl — this machine's, found on the PATH — against a stand-in API server on 127.0.0.1
// serving discovery and the example clusters' objects: kubectl's own flags, output and error texts are
// what the collector parses. kubectl's discovery cache goes to a home directory of the test's own.

const KUBECTL = findKubectl();
const work = mkdtempSync(join(tmpdir(), 'cwc-real-kubectl-'));
const servers: ApiServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(work, { recursive: true, force: true });
});

function findKubectl(): string {
  const found = spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim();
  if (found === '') throw new Error('These tests run the real kubectl: put kubectl on the PATH (https://kubernetes.io/docs/tasks/tools/).');
  return found;
}

let counter = 0;
/** A stand-in serving `state`, a kubeconfig for it, and kubectl with a home of its own. */
async function standIn(state: ClusterState, options: ApiServerOptions & { contexts?: string[] } = {}): Promise<{ server: ApiServer; kubeconfig: string; kubectl: string; dir: string }> {
  const server = await startApiServer(state, options);
  servers.push(server);
  const dir = join(work, `cluster-${++counter}`);
  mkdirSync(join(dir, 'home'), { recursive: true });
  const kubeconfig = writeKubeconfig(dir, server.url, options.contexts);
  // The real kubectl, with HOME (its discovery cache) in the test's directory and no KUBECONFIG of the user's.
  const kubectl = join(dir, 'kubectl');
  writeFileSync(kubectl, `#!/bin/sh\nHOME='${join(dir, 'home')}' KUBECONFIG= exec '${KUBECTL}' "$@"\n`);
  chmodSync(kubectl, 0o755);
  return { server, kubeconfig, kubectl, dir };
}

async function collect(state: ClusterState, options: Partial<CollectOptions> & ApiServerOptions & { contexts?: string[] } = {}) {
  const { server, kubeconfig, kubectl, dir } = await standIn(state, options);
  const result = await collectFromCluster({ kubectl, kubeconfig, ...options }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  return { result, server, dir, kubeconfig, kubectl };
}

describe('the real kubectl against a stand-in API server', () => {
  let kubectlVersion = '';
  beforeAll(() => {
    kubectlVersion = spawnSync(KUBECTL, ['version', '--client', '-o', 'yaml'], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', HOME: work } }).stdout;
  });

  it.each(['self-managed-vxlan', 'self-managed-bgp', 'rke2-vxlan'] as FakeClusterName[])(
    '%s: the objects kubectl prints give the facts the fake kubectl’s do',
    async (name) => {
      expect(kubectlVersion).toMatch(/gitVersion: v1\.\d+/);
      const { result, server } = await collect(fakeCluster(name));
      if (result instanceof Error) throw result;
      const expected = await collectFromCluster({ runner: stateRunner(fakeCluster(name)) });
      const derive = (c: typeof expected) => factsFromManifests(c.manifests.objects, { locate: c.manifests.locate, parseValues: parseValuesText });
      expect(derive(result).facts).toStrictEqual(derive(expected).facts);
      expect(result.reads.map((r) => [r.kind, r.command, r.objects])).toStrictEqual(expected.reads.map((r) => [r.kind, r.command, r.objects]));
      expect(result.notes.map((n) => [n.code, n.kind])).toStrictEqual(expected.notes.map((n) => [n.code, n.kind]));
      // kubectl prints lists with items of their own apiVersion and kind, as the adapter reads them.
      const nodes = result.reads.find((r) => r.kind === 'Node')?.text ?? '';
      expect(nodes).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}kind: Node\n/);
      expect(nodes).toMatch(/\nkind: List\nmetadata:\n {2}resourceVersion: ""\n$/);
      // kubectl asked the stand-in for discovery and the lists, as it asks a real API server.
      expect(server.requests.some((r) => r.startsWith('GET /api?'))).toBe(true);
      expect(server.requests.some((r) => r.startsWith('GET /apis?'))).toBe(true);
      expect(server.requests.some((r) => r.startsWith('GET /api/v1/nodes?'))).toBe(true);
    },
  );

  it('Forbidden, in the API server’s words as kubectl prints them, is a note naming what to grant', async () => {
    const { result } = await collect(fakeCluster('self-managed-vxlan', { forbidden: ['list ippools.crd.projectcalico.org', 'get configmaps/kube-system/calico-config'] }));
    if (result instanceof Error) throw result;
    const forbidden = result.notes.filter((n) => n.code === 'forbidden');
    expect(forbidden.map((n) => n.grants)).toStrictEqual([
      [{ verb: 'list', resource: 'ippools', group: 'crd.projectcalico.org' }],
      [{ verb: 'get', resource: 'configmaps', group: '', namespace: 'kube-system', name: 'calico-config' }],
    ]);
    expect(forbidden[0]?.message).toContain(
      'Error from server (Forbidden): ippools.crd.projectcalico.org is forbidden: User "system:serviceaccount:ci:calico-windows-compat" cannot list resource "ippools" in API group "crd.projectcalico.org" at the cluster scope',
    );
    expect(forbidden[1]?.message).toContain('Error from server (Forbidden): configmaps "calico-config" is forbidden: User');
  });

  it('an expired token (401 on every request) is one error with kubectl’s message', async () => {
    const { result } = await collect(fakeCluster('eks'), { unauthorized: true });
    expect(result).toBeInstanceOf(CompatError);
    expect((result as CompatError).code).toBe('kubectl-failed');
    expect((result as CompatError).message).toMatch(/^Cannot read the cluster: kubectl version -o yaml failed\.\n {2}.*error: You must be logged in to the server \(.+\)/s);
  });

  it('an unreachable server is one error with kubectl’s message', async () => {
    const dir = mkdtempSync(join(work, 'unreachable-'));
    // A port nothing listens on: the stand-in's, once closed.
    const { server, kubectl } = await standIn(fakeCluster('eks'));
    await server.close();
    const kubeconfig = writeKubeconfig(dir, server.url);
    const error = (await collectFromCluster({ kubectl, kubeconfig }).catch((e: unknown) => e)) as CompatError;
    expect(error.code).toBe('kubectl-failed');
    expect(error.message).toMatch(/^Cannot read the cluster: kubectl version -o yaml failed\.\n/);
    expect(error.message).toMatch(/connect: connection refused|was refused/);
  });

  it('a context with spaces, quotes and ; is a name, and an unknown one is kubectl’s error', async () => {
    const context = `prod; touch pwned 'x' "y"`;
    const { result, dir } = await collect(fakeCluster('eks'), { contexts: ['other', context], context });
    if (result instanceof Error) throw result;
    expect(result.reads.length).toBeGreaterThan(3);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    expect(existsSync('pwned')).toBe(false);
    const unknown = await collect(fakeCluster('eks'), { context: 'nowhere' });
    expect((unknown.result as CompatError).message).toMatch(/^Cannot read the cluster \(context nowhere\): kubectl version -o yaml failed\.\n {2}.*context "nowhere"|context was not found for specified context: nowhere/s);
  });

  it('kubectl waiting on a server that does not answer is stopped at the timeout, and no kubectl is left running', async () => {
    const { result, kubeconfig } = await collect(fakeCluster('eks'), { hang: ['/api/v1/nodes'], timeout: 3000 });
    expect(result).toBeInstanceOf(CompatError);
    expect((result as CompatError).issues).toStrictEqual([
      { path: 'kubectl get nodes -o yaml', code: 'timeout', message: 'did not finish within 3 s: stopped (allow longer with a larger timeout)' },
    ]);
    await expect.poll(() => processesMentioning(kubeconfig), { timeout: 5000 }).toStrictEqual([]);
  });
});

/** Running processes whose command line mentions `text`. */
function processesMentioning(text: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (cmdline.includes(text) && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z') found.push(Number(entry));
    } catch {
      // Gone while being looked at.
    }
  }
  return found;
}
