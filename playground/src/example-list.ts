/** The examples the page offers, by id; their texts are in `examples.ts`, loaded when one is chosen. */
export const EXAMPLE_LABELS = {
  'eks-kubectl': 'EKS: kubectl output + facts file',
  'aks-kubectl': 'AKS: kubectl output + facts file',
  'vxlan-kubectl': 'Self-managed VXLAN: kubectl output + facts file',
  'etcd-bgp-kubectl': 'Calico on etcd, BGP: kubectl and calicoctl output + facts file',
  'broken-facts': 'A broken cluster: facts file',
  'bgp-facts': 'Self-managed BGP: facts file',
  'vxlan-facts': 'Self-managed VXLAN: facts file',
  'eks-facts': 'EKS: facts file',
  'aks-facts': 'AKS: facts file',
} as const;

/** An example's id. */
export type ExampleId = keyof typeof EXAMPLE_LABELS;
