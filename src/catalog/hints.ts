import { quoteForShell } from '../model/words.js';

const POOLS_HINT = 'calicoctl get ippools -o wide (or kubectl get ippools.crd.projectcalico.org -o yaml).';

/**
 * How to find each fact, shown on `unknown` findings so users know what to collect and where.
 * Node facts are written `node.*`; `<node>` is replaced with the node's name.
 */
const HINTS: Readonly<Record<string, string>> = {
  platform: "set platform to 'kubernetes', 'openshift', 'rke', 'eks' or 'aks'.",
  infrastructure: "set infrastructure to where the nodes run: 'aws', 'azure', 'gcp', 'vsphere', 'bare-metal'.",
  networking:
    "set networking to 'calico-bgp', 'calico-vxlan', 'cloud-provider', 'eks-vpc-cni' or 'aks-azure-cni' (kubectl get installation default -o yaml shows spec.cni and spec.calicoNetwork).",
  'kubernetes.version': 'kubectl version (the server version).',
  'kubernetes.hostProcessContainersEnabled':
    'on by default from Kubernetes 1.23; on 1.22 the API server and kubelets need --feature-gates=WindowsHostProcessContainers=true.',
  'calico.version': "kubectl get clusterinformation default -o jsonpath='{.spec.calicoVersion}'.",
  'calico.datastore':
    "kubectl get clusterinformation default -o jsonpath='{.spec.clusterType}' lists 'kdd' for the Kubernetes datastore; otherwise etcd.",
  'calico.operatorManaged': 'kubectl get installation default (present when the Tigera operator manages Calico).',
  'calico.ipam': "the CNI configuration's ipam.type ('calico-ipam' or 'host-local'), or the Installation's spec.cni.ipam.type.",
  'calico.strictAffinity': 'calicoctl ipam show --show-configuration (StrictAffinity).',
  'calico.ipipEnabled': "kubectl get felixconfiguration default -o jsonpath='{.spec.ipipEnabled}'.",
  'calico.bgpEnabled':
    "kubectl get installation default -o jsonpath='{.spec.calicoNetwork.bgp}', or calico_backend in the calico-config ConfigMap ('bird' runs BGP).",
  'calico.vxlanPort': "kubectl get felixconfiguration default -o jsonpath='{.spec.vxlanPort}' (empty = 4789).",
  'calico.ipPools': POOLS_HINT,
  'calico.vxlanVNI': "kubectl get felixconfiguration default -o jsonpath='{.spec.vxlanVNI}' (empty = 4096, Calico's default).",
  'calico.installMethod':
    "'operator' when the Tigera operator installs Calico for Windows (Installation spec.calicoNetwork.windowsDataplane: HNS), 'manifest' for the manual install on each node.",
  'calico.windowsDataplane': "kubectl get installation default -o jsonpath='{.spec.calicoNetwork.windowsDataplane}' (HNS or Disabled).",
  'calico.serviceCIDRs': "kubectl get installation default -o jsonpath='{.spec.serviceCIDRs}'.",
  'calico.kubernetesServicesEndpoint':
    'kubectl get configmap kubernetes-services-endpoint -n tigera-operator -o yaml (KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT).',
  'network.vxlanPortOpen': 'check that UDP 4789 is allowed between all Calico hosts in every firewall and security group.',
  'network.sourceDestCheckDisabled':
    "aws ec2 describe-instance-attribute --instance-id <id> --attribute sourceDestCheck, for every node's instance.",
  'eks.vpcControllersInstalled': 'kubectl get deployment -n kube-system vpc-resource-controller vpc-admission-webhook.',
  'eks.instanceRole.canGetNamespaces': 'kubectl auth can-i get namespaces --as <the Windows instance role user>.',
  'eks.instanceRole.secretsReadableIn':
    'kubectl auth can-i get secrets -n calico-system (or kube-system) --as <the Windows instance role user>.',
  'aks.newCluster': 'whether Calico for Windows was enabled when the AKS cluster was created.',
  nodes: 'kubectl get nodes -o yaml lists every node with its OS and roles; list every node, Linux and Windows: the list is read as the whole cluster.',
  'nodes[os=windows]': 'add the Windows nodes, joined or planned, to a list of every node, Linux and Windows (kubectl get nodes -o yaml): the list is read as the whole cluster.',
  'node.osBuild': "kubectl get node <node> -o jsonpath='{.status.nodeInfo.kernelVersion}' (e.g. 10.0.17763.1432).",
  'node.containerRuntime': "kubectl get node <node> -o jsonpath='{.status.nodeInfo.containerRuntimeVersion}'.",
  'node.datastore': "the datastore in the node's Calico for Windows config.ps1 (kubernetes or etcdv3).",
  'node.cniPlugin': "the node's CNI configuration (calico.exe or win-bridge.exe) in its CNI config directory.",
  'node.routeReflector': "calicoctl get node <node> -o yaml (spec.bgp.routeReflectorClusterID marks a route reflector).",
  'node.powershellAdmin': 'on the node, run PowerShell as Administrator.',
  'node.remoteAccess': 'how the node can be reached remotely: rdp, winrm, or ssh (which the manual install accepts from v3.27).',
  'node.remoteAccessServiceInstalled': 'on the node: Get-Service RemoteAccess.',
  'node.tls12Enabled': 'on the node: [Net.ServicePointManager]::SecurityProtocol includes Tls12.',
};

// A hint of the table itself, never one the prototype lends (`constructor`, `toString`).
const own = (path: string): string | undefined => (Object.hasOwn(HINTS, path) ? HINTS[path] : undefined);

/**
 * How to find the fact at a rendered path (`calico.strictAffinity`, `nodes[win-1].osBuild`).
 * Unknown paths get a generic hint rather than nothing.
 */
export function hintFor(path: string): string {
  const node = /^nodes\[(.+)\]\.(\w+)$/.exec(path);
  if (node !== null) {
    // Both groups take part in every match.
    const [, name, key] = node as unknown as [string, string, string];
    const hint = own(`node.${key}`);
    if (hint !== undefined) return hint.replaceAll('<node>', quoteForShell(name, 'posix'));
  }
  const pool = /^calico\.ipPools\[.+\]\./.test(path);
  return own(path) ?? (pool ? POOLS_HINT : 'add it to the facts.');
}

/** Every fact path that has a hint: the integrity test checks each rule's facts against it. */
export const HINTED_FACTS: readonly string[] = Object.keys(HINTS);
