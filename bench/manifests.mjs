// `kubectl get nodes -o yaml` of a large cluster, made from the real-shaped Node objects of the
// self-managed-vxlan fixture (test/fixtures/manifests/self-managed-vxlan/nodes.yaml, whose sources it
// names): one Linux and one Windows node copied, each copy renamed and its build varied as clusters patch,
// without managedFields, as kubectl prints them since 1.21.
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { random } from './clusters.mjs';

const FIXTURE = new URL('../test/fixtures/manifests/self-managed-vxlan/nodes.yaml', import.meta.url);

/** The YAML text of a List of `count` Node objects, a fifth of them Linux. */
export function nodesYaml(count) {
  const list = parse(readFileSync(FIXTURE, 'utf8'));
  const linux = list.items.find((item) => item.metadata.labels['kubernetes.io/os'] === 'linux' && item.metadata.name !== 'cp-1');
  const windows = list.items.find((item) => item.metadata.labels['kubernetes.io/os'] === 'windows');
  const rand = random(5000);
  const items = [];
  for (let i = 0; i < count; i++) {
    const linuxNode = i % 5 === 0;
    const node = structuredClone(linuxNode ? linux : windows);
    // kubectl leaves managedFields out of its output since 1.21 (--show-managed-fields).
    delete node.metadata.managedFields;
    const name = `${linuxNode ? 'linux' : 'win'}-${String(i).padStart(5, '0')}`;
    node.metadata.name = name;
    node.metadata.uid = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    node.metadata.labels['kubernetes.io/hostname'] = name;
    for (const address of node.status.addresses ?? []) if (address.type === 'Hostname') address.address = name;
    if (!linuxNode) {
      const revision = 1432 + Math.floor(rand() * 24) * 173;
      node.status.nodeInfo.kernelVersion = `10.0.17763.${revision}`;
      node.status.nodeInfo.containerRuntimeVersion = rand() < 0.9 ? 'containerd://1.6.6' : 'containerd://1.7.2';
    }
    items.push(node);
  }
  return stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } });
}
