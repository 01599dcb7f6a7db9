import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { concatManifests, factsFromManifests, type ManifestFacts, type ManifestSet } from '../../src/adapters/manifests.js';
import { parseManifestsText } from '../../src/text/yaml.js';
import type { ClusterFacts } from '../../src/model/facts.js';

export const FIXTURES = 'test/fixtures/manifests';

/** The example clusters: each directory holds kubectl output, extra.yaml and the equivalent facts.yaml. */
export const CLUSTERS = ['self-managed-vxlan', 'self-managed-bgp', 'eks', 'aks', 'etcd-bgp', 'rke2-vxlan'] as const;

/** The manifest files of an example cluster (everything but the hand-written facts and notes). */
export function manifestFiles(cluster: string): string[] {
  return readdirSync(join(FIXTURES, cluster))
    .filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'extra.yaml' && f !== 'facts.yaml')
    .sort()
    .map((f) => join(FIXTURES, cluster, f));
}

/** Parses files as the CLI does. */
export function loadManifests(files: readonly string[]): ManifestSet {
  return concatManifests(files.map((file) => parseManifestsText(readFileSync(file, 'utf8'), { file })));
}

/** A Kubernetes Node as kubectl prints its essentials. */
export function k8sNode(
  name: string,
  options: {
    os?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    nodeInfo?: Record<string, string>;
    providerID?: string;
  } = {},
): Record<string, unknown> {
  const labels = { ...(options.os === undefined ? {} : { 'kubernetes.io/os': options.os }), ...options.labels };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels, ...(options.annotations ? { annotations: options.annotations } : {}) },
    spec: options.providerID === undefined ? {} : { providerID: options.providerID },
    status: { nodeInfo: { ...(options.os === undefined ? {} : { operatingSystem: options.os }), ...options.nodeInfo } },
  };
}

export const winNode = (name: string, nodeInfo: Record<string, string> = {}, labels: Record<string, string> = {}) =>
  k8sNode(name, { os: 'windows', nodeInfo: { kernelVersion: '10.0.17763.2300', containerRuntimeVersion: 'containerd://1.6.6', ...nodeInfo }, labels });

export function calico(kind: string, name: string, spec: Record<string, unknown>, group = 'crd.projectcalico.org/v1') {
  return { apiVersion: group, kind, metadata: { name }, spec };
}

export function installation(spec: Record<string, unknown>, extra: Record<string, unknown> = {}, name = 'default') {
  return { apiVersion: 'operator.tigera.io/v1', kind: 'Installation', metadata: { name }, spec, ...extra };
}

export function calicoConfig(data: Record<string, string>, name = 'calico-config') {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'kube-system' }, data };
}

/** Every leaf fact path of facts, named as findings name them (nodes and pools by name). */
export function leafPaths(facts: ClusterFacts): string[] {
  const out: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, item] of Object.entries(value)) walk(item, path === '' ? key : `${path}.${key}`);
      return;
    }
    out.push(path);
  };
  for (const [key, value] of Object.entries(facts)) {
    if (key === 'nodes') {
      out.push('nodes');
      for (const node of facts.nodes ?? [])
        for (const [field, item] of Object.entries(node)) if (field !== 'name') walk(item, `nodes[${node.name}].${field}`);
    } else if (key === 'calico') {
      for (const [field, item] of Object.entries(value as Record<string, unknown>)) {
        if (field !== 'ipPools') walk(item, `calico.${field}`);
        else {
          out.push('calico.ipPools');
          (facts.calico?.ipPools ?? []).forEach((pool, index) => {
            const name = pool.name ?? pool.cidr ?? `calico.ipPools[${index}]`;
            for (const [poolField, poolValue] of Object.entries(pool)) walk(poolValue, `calico.ipPools[${name}].${poolField}`);
          });
        }
      }
    } else walk(value, key);
  }
  return out;
}

/** The facts of these objects, as `factsFromManifests` derives them. */
export const derive = (...objects: unknown[]): ManifestFacts => factsFromManifests(objects);

/** The notes about one fact. */
export const noteFor = (result: ManifestFacts, fact: string) => result.notes.filter((n) => n.fact === fact);
