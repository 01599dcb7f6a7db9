/**
 * Examples to load: the repository's real-cluster kubectl output (each with the facts file that says
 * what the objects cannot), and its example facts files. Loaded on demand, in a chunk of their own.
 */
import aksCalico from '../../test/fixtures/manifests/aks/calico.yaml';
import aksExtra from '../../test/fixtures/manifests/aks/extra.yaml';
import aksNodes from '../../test/fixtures/manifests/aks/nodes.yaml';
import eksCalico from '../../test/fixtures/manifests/eks/calico.yaml';
import eksExtra from '../../test/fixtures/manifests/eks/extra.yaml';
import eksNodes from '../../test/fixtures/manifests/eks/nodes.yaml';
import etcdCalico from '../../test/fixtures/manifests/etcd-bgp/calico.yaml';
import etcdExtra from '../../test/fixtures/manifests/etcd-bgp/extra.yaml';
import etcdNodes from '../../test/fixtures/manifests/etcd-bgp/nodes.yaml';
import vxlanCalico from '../../test/fixtures/manifests/self-managed-vxlan/calico.yaml';
import vxlanConfig from '../../test/fixtures/manifests/self-managed-vxlan/calico-config.yaml';
import vxlanExtra from '../../test/fixtures/manifests/self-managed-vxlan/extra.yaml';
import vxlanNodes from '../../test/fixtures/manifests/self-managed-vxlan/nodes.yaml';
import brokenFacts from '../../examples/broken-cluster.yaml';
import bgpFacts from '../../examples/self-managed-bgp.yaml';
import vxlanFacts from '../../examples/self-managed-vxlan.yaml';
import eksFacts from '../../examples/eks.yaml';
import aksFacts from '../../examples/aks.yaml';
import type { Inputs } from './analyze.js';
import type { ExampleId } from './example-list.js';

/** Several files of kubectl output, as one text of several documents. */
const join = (...files: string[]): string => files.map((f) => f.trimEnd()).join('\n---\n') + '\n';

/** The examples' inputs, by id. */
export const EXAMPLES: Readonly<Record<ExampleId, Inputs>> = {
  'eks-kubectl': { objects: join(eksNodes, eksCalico), facts: eksExtra, release: '' },
  'aks-kubectl': { objects: join(aksNodes, aksCalico), facts: aksExtra, release: 'auto' },
  'vxlan-kubectl': { objects: join(vxlanNodes, vxlanCalico, vxlanConfig), facts: vxlanExtra, release: '' },
  'etcd-bgp-kubectl': { objects: join(etcdNodes, etcdCalico), facts: etcdExtra, release: '' },
  'broken-facts': { objects: '', facts: brokenFacts, release: '' },
  'bgp-facts': { objects: '', facts: bgpFacts, release: '' },
  'vxlan-facts': { objects: '', facts: vxlanFacts, release: '' },
  'eks-facts': { objects: '', facts: eksFacts, release: '' },
  'aks-facts': { objects: '', facts: aksFacts, release: '' },
};
