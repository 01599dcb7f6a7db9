import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { collectFromCluster, COLLECTED_KINDS, type ClusterRead } from '../../src/node/collect.js';
import { factsFromManifests } from '../../src/adapters/manifests.js';
import { parseValuesText } from '../../src/text/yaml.js';
import { FAKE_CLUSTERS, fakeCluster, startApiServer, stateRunner, writeKubeconfig, type ApiServer, type FakeClusterName, type PolicyRule } from '../support/fake-cluster.js';

// docs/rbac/calico-windows-compat-reader.yaml grants exactly what the collector reads: the role against
// the collector's list of reads, then the role enforced — in process for every example cluster, and by
// a stand-in API server for the real kubectl, whose requests are what the role must allow.

const ROLE_FILE = 'docs/rbac/calico-windows-compat-reader.yaml';
const role = parse(readFileSync(ROLE_FILE, 'utf8')) as { apiVersion: string; kind: string; metadata: { name: string }; rules: PolicyRule[] };

/** Each grant of a role as one line: `list ippools.crd.projectcalico.org`, `get configmaps/calico-config`, `get /version`. */
function grants(rules: readonly PolicyRule[]): string[] {
  return rules
    .flatMap((rule) =>
      rule.verbs.flatMap((verb) =>
        rule.nonResourceURLs
          ? rule.nonResourceURLs.map((url) => `${verb} ${url}`)
          : (rule.apiGroups ?? []).flatMap((group) =>
              (rule.resources ?? []).flatMap((resource) => {
                const type = group === '' ? resource : `${resource}.${group}`;
                return rule.resourceNames ? rule.resourceNames.map((name) => `${verb} ${type}/${name}`) : [`${verb} ${type}`];
              }),
            ),
      ),
    )
    .sort();
}

const read = (r: ClusterRead): string =>
  'nonResourceURL' in r ? `${r.verb} ${r.nonResourceURL}` : `${r.verb} ${r.group === '' ? r.resource : `${r.resource}.${r.group}`}${r.name === undefined ? '' : `/${r.name}`}`;

describe(ROLE_FILE, () => {
  it('is a ClusterRole granting exactly the reads the collector makes, with no wildcard', () => {
    expect(role).toMatchObject({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'calico-windows-compat-reader' } });
    expect(grants(role.rules)).toStrictEqual(COLLECTED_KINDS.flatMap((kind) => kind.reads.map(read)).sort());
    expect(JSON.stringify(role.rules)).not.toContain('*');
    expect(grants(role.rules).every((g) => /^(get|list) /.test(g))).toBe(true);
  });

  it.each(Object.keys(FAKE_CLUSTERS) as FakeClusterName[])('%s: enforced, it forbids nothing the collector reads', async (name) => {
    const enforced = await collectFromCluster({ runner: stateRunner(fakeCluster(name, { rbac: role.rules })) });
    const open = await collectFromCluster({ runner: stateRunner(fakeCluster(name)) });
    expect(enforced.notes.filter((n) => n.code === 'forbidden')).toStrictEqual([]);
    expect(enforced.reads.map((r) => r.text)).toStrictEqual(open.reads.map((r) => r.text));
  });

  it.each(role.rules.map((rule, index) => [index, rule] as const))('without rule %i, a read the collector makes is refused', async (index) => {
    // A cluster serving every kind: RKE2's, with the Calico API server's group as well.
    const state = fakeCluster('rke2-vxlan', { rbac: role.rules.filter((_, i) => i !== index) });
    const runner = stateRunner({ ...state, types: [...state.types, ...fakeCluster('self-managed-bgp').types.filter((t) => t.group === 'projectcalico.org')] });
    await collectFromCluster({ runner }).catch(() => undefined);
    expect(runner.stderr.filter((text) => text.startsWith('Error from server (Forbidden)'))).not.toStrictEqual([]);
  });
});

describe(`${ROLE_FILE} with the real kubectl`, () => {
  const work = mkdtempSync(join(tmpdir(), 'cwc-rbac-'));
  const servers: ApiServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(work, { recursive: true, force: true });
  });
  const kubectlOnPath = spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim();

  async function collectEnforced(name: FakeClusterName, rules: readonly PolicyRule[]) {
    expect(kubectlOnPath, 'these tests run the real kubectl: put it on the PATH').not.toBe('');
    const server = await startApiServer(fakeCluster(name, { rbac: rules }));
    servers.push(server);
    const dir = join(work, `${name}-${servers.length}`);
    mkdirSync(join(dir, 'home'), { recursive: true });
    const kubectl = join(dir, 'kubectl');
    writeFileSync(kubectl, `#!/bin/sh\nHOME='${join(dir, 'home')}' KUBECONFIG= exec '${kubectlOnPath}' "$@"\n`);
    chmodSync(kubectl, 0o755);
    const collection = await collectFromCluster({ kubectl, kubeconfig: writeKubeconfig(dir, server.url) });
    return { server, collection };
  }

  it.each([
    ['rke2-vxlan', ['kube-system', 'tigera-operator']],
    ['self-managed-vxlan', ['tigera-operator']],
  ] as const)('%s: kubectl’s requests for the collector are allowed (its namespace lookups after a NotFound aside)', async (name, lookups) => {
    const { server, collection } = await collectEnforced(name, role.rules);
    // After a NotFound for a named object, kubectl asks whether the namespace exists, to word its message;
    // refused, it keeps the NotFound. The role leaves namespaces out: the collector needs nothing of them.
    expect([...new Set(server.denied.map((line) => line.split('?')[0]))].sort()).toStrictEqual(lookups.map((ns) => `GET /api/v1/namespaces/${ns}`));
    expect(collection.notes.filter((n) => n.code === 'forbidden')).toStrictEqual([]);
    const open = await collectFromCluster({ runner: stateRunner(fakeCluster(name)) });
    const facts = (c: typeof open) => factsFromManifests(c.manifests.objects, { locate: c.manifests.locate, parseValues: parseValuesText }).facts;
    expect(facts(collection)).toStrictEqual(facts(open));
  });
});
