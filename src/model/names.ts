/**
 * Names facts use, and how they are checked: Kubernetes object names, CIDRs, control-plane roles. No
 * schema here, so code that checks facts by hand loads none.
 * @module
 */

/** The platforms the library knows ({@link KnownPlatform} in facts.ts). */
export const KNOWN_PLATFORMS = ['kubernetes', 'openshift', 'rke', 'eks', 'aks'] as const;

/** The networking options the library knows. */
export const KNOWN_NETWORKING = ['calico-bgp', 'calico-vxlan', 'cloud-provider', 'eks-vpc-cni', 'aks-azure-cni'] as const;

/** The role names kubeadm, OpenShift and RKE give control-plane nodes (`node-role.kubernetes.io/<role>`). */
export const CONTROL_PLANE_ROLES: readonly string[] = ['control-plane', 'controlplane', 'master'];

/**
 * A Kubernetes object name (Node, IPPool): a DNS-1123 subdomain, as the API server requires. Names end up
 * in commands users copy (`kubectl get node <name>`, `calicoctl patch ippool <name>`), so a name no
 * Kubernetes object can have is refused rather than carried into them.
 */
export const KUBERNETES_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** An IPv4 or IPv6 network with its prefix length: `10.244.0.0/16`, `fd00:10:244::/64`. */
export const CIDR = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\/(?:3[0-2]|[12]?\d)|[0-9a-fA-F:]*:[0-9a-fA-F:.]*\/(?:12[0-8]|1[01]\d|[1-9]?\d))$/;

/**
 * A Kubernetes object name, as the schema's `kubernetesName()` accepts it ({@link KUBERNETES_NAME}, at
 * most 253 characters), read character by character: labels of `[a-z0-9-]` joined by dots, each starting
 * and ending with a letter or digit.
 */
export function isKubernetesName(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 253) return false;
  let previous = 0x2e; // as if after a dot: a label starts
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) previous = c;
    else if (c === 0x2d /* - */ && previous !== 0x2e) previous = c;
    else if (c === 0x2e /* . */ && previous !== 0x2e && previous !== 0x2d) previous = c;
    else return false;
  }
  return previous !== 0x2e && previous !== 0x2d;
}
