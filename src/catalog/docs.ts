/**
 * The rule reference: every rule with its documentation, in catalog order. Not imported by the main
 * entry, which carries only what evaluation needs.
 * @module
 */
import { textFor, type DocumentedRule, type Rule, type RuleDocs } from '../engine/rule.js';
import type { ReleaseData } from '../model/release.js';
import { DEFAULT_PROFILE } from './default.js';
import { isRuleId, type RuleId } from './ids.js';
import { CATALOG } from './later-rules.js';
import { docs as platformSupported } from './rules/platform-supported.js';
import { docs as networkingSupported } from './rules/networking-supported.js';
import { docs as linuxWorkerNode } from './rules/linux-worker-node.js';
import { docs as linuxCalicoVersion } from './rules/linux-calico-version.js';
import { docs as kubernetesVersion } from './rules/kubernetes-version.js';
import { docs as ipipDisabled } from './rules/ipip-disabled.js';
import { docs as ipPoolEncapsulation } from './rules/ip-pool-encapsulation.js';
import { docs as singleIpPoolType } from './rules/single-ip-pool-type.js';
import { docs as strictAffinity } from './rules/strict-affinity.js';
import { docs as typhaHa } from './rules/typha-ha.js';
import { docs as vxlanBgpDisabled } from './rules/vxlan-bgp-disabled.js';
import { docs as vxlanPort } from './rules/vxlan-port.js';
import { docs as vxlanPortOpen } from './rules/vxlan-port-open.js';
import { docs as awsSourceDestCheck } from './rules/aws-source-dest-check.js';
import { docs as eksVpcControllers } from './rules/eks-vpc-controllers.js';
import { docs as eksInstanceRole } from './rules/eks-instance-role.js';
import { docs as aksNewCluster } from './rules/aks-new-cluster.js';
import { docs as aksKubernetesVersion } from './rules/aks-kubernetes-version.js';
import { docs as windowsOsVersion } from './rules/windows-os-version.js';
import { docs as windowsKubernetesOsSupport } from './rules/windows-kubernetes-os-support.js';
import { docs as windowsContainerRuntime } from './rules/windows-container-runtime.js';
import { docs as windowsPowershellAdmin } from './rules/windows-powershell-admin.js';
import { docs as windowsRemoteAccess } from './rules/windows-remote-access.js';
import { docs as windowsRemoteaccessService } from './rules/windows-remoteaccess-service.js';
import { docs as windowsTls12 } from './rules/windows-tls12.js';
import { docs as windowsNotRouteReflector } from './rules/windows-not-route-reflector.js';
import { docs as windowsDatastoreMatch } from './rules/windows-datastore-match.js';
import { docs as windowsCniPlugin } from './rules/windows-cni-plugin.js';
import { docs as hostprocessKubernetesVersion } from './rules/hostprocess-kubernetes-version.js';
import { docs as hostprocessContainersEnabled } from './rules/hostprocess-containers-enabled.js';
import { docs as operatorWindowsDataplane } from './rules/operator-windows-dataplane.js';
import { docs as operatorDatastore } from './rules/operator-datastore.js';
import { docs as operatorServiceCidrs } from './rules/operator-service-cidrs.js';
import { docs as operatorServicesEndpoint } from './rules/operator-services-endpoint.js';
import { docs as operatorIpPoolEncapsulation } from './rules/operator-ip-pool-encapsulation.js';
import { docs as vxlanVni } from './rules/vxlan-vni.js';
import { docs as vxlanCalicoIpam } from './rules/vxlan-calico-ipam.js';
import { docs as windowsDsrSupport } from './rules/windows-dsr-support.js';
import { docs as windowsContainerdVersion } from './rules/windows-containerd-version.js';
import { docs as advisoryConfdEndpointStatus } from './rules/advisory-confd-endpoint-status.js';
import { docs as advisoryWindowsBgpNotConfigured } from './rules/advisory-windows-bgp-not-configured.js';
import { docs as advisoryConfdTemplateGetenv } from './rules/advisory-confd-template-getenv.js';
import { docs as advisoryWs2022ContainerNetworking } from './rules/advisory-ws2022-container-networking.js';

/** Every rule's documentation: the compiler asks for an entry for each id of `ids.ts`. */
const DOCS: { readonly [Id in RuleId]: RuleDocs } = {
  'platform-supported': platformSupported,
  'networking-supported': networkingSupported,
  'linux-worker-node': linuxWorkerNode,
  'linux-calico-version': linuxCalicoVersion,
  'kubernetes-version': kubernetesVersion,
  'ipip-disabled': ipipDisabled,
  'ip-pool-encapsulation': ipPoolEncapsulation,
  'single-ip-pool-type': singleIpPoolType,
  'strict-affinity': strictAffinity,
  'typha-ha': typhaHa,
  'vxlan-bgp-disabled': vxlanBgpDisabled,
  'vxlan-port': vxlanPort,
  'vxlan-port-open': vxlanPortOpen,
  'aws-source-dest-check': awsSourceDestCheck,
  'eks-vpc-controllers': eksVpcControllers,
  'eks-instance-role': eksInstanceRole,
  'aks-new-cluster': aksNewCluster,
  'aks-kubernetes-version': aksKubernetesVersion,
  'windows-os-version': windowsOsVersion,
  'windows-kubernetes-os-support': windowsKubernetesOsSupport,
  'windows-container-runtime': windowsContainerRuntime,
  'windows-powershell-admin': windowsPowershellAdmin,
  'windows-remote-access': windowsRemoteAccess,
  'windows-remoteaccess-service': windowsRemoteaccessService,
  'windows-tls12': windowsTls12,
  'windows-not-route-reflector': windowsNotRouteReflector,
  'windows-datastore-match': windowsDatastoreMatch,
  'windows-cni-plugin': windowsCniPlugin,
  'hostprocess-kubernetes-version': hostprocessKubernetesVersion,
  'hostprocess-containers-enabled': hostprocessContainersEnabled,
  'operator-windows-dataplane': operatorWindowsDataplane,
  'operator-datastore': operatorDatastore,
  'operator-service-cidrs': operatorServiceCidrs,
  'operator-services-endpoint': operatorServicesEndpoint,
  'operator-ip-pool-encapsulation': operatorIpPoolEncapsulation,
  'vxlan-vni': vxlanVni,
  'vxlan-calico-ipam': vxlanCalicoIpam,
  'windows-dsr-support': windowsDsrSupport,
  'windows-containerd-version': windowsContainerdVersion,
  'advisory-confd-endpoint-status': advisoryConfdEndpointStatus,
  'advisory-windows-bgp-not-configured': advisoryWindowsBgpNotConfigured,
  'advisory-confd-template-getenv': advisoryConfdTemplateGetenv,
  'advisory-ws2022-container-networking': advisoryWs2022ContainerNetworking,
};

/** A rule's documentation rendered for one release: why it exists, when it applies, when it passes. */
export interface RenderedDocs {
  readonly description: string;
  readonly appliesWhen: string;
  readonly passesWhen: string;
}

/**
 * The documentation of a rule under a release (default: the default profile, Calico v3.23): why it
 * exists, when it applies, when it passes, with the release's values where the prose names them.
 */
export function ruleDocs(rule: Pick<Rule, 'id'>, profile: ReleaseData = DEFAULT_PROFILE): RenderedDocs {
  const docs = isRuleId(rule.id) ? DOCS[rule.id] : undefined;
  if (docs === undefined) throw new Error(`[calico-windows-compat] no documentation for rule '${rule.id}'`);
  return {
    description: textFor(docs.description, profile),
    appliesWhen: textFor(docs.appliesWhen, profile),
    passesWhen: textFor(docs.passesWhen, profile),
  };
}

/** A rule with its documentation and remediation, rendered for a release (default: the default profile). */
export function documented(rule: Rule, profile: ReleaseData = DEFAULT_PROFILE): DocumentedRule {
  return { ...rule, ...ruleDocs(rule, profile), remediation: textFor(rule.remediation, profile) };
}

/** Every rule of every release (the seed's, later releases', the advisories) with its documentation under the default profile, in catalog order. */
export const DOCUMENTED_RULES: readonly DocumentedRule[] = CATALOG.map((rule) => documented(rule));
