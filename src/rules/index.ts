/**
 * The catalog: every rule, in catalog order (shared/spec/requirements.md). Docs, SARIF metadata, CLI
 * rule validation and the rule reference are all derived from these objects.
 * @module
 */
import type { Rule } from './define.js';
import platformSupported from './platform-supported.js';
import networkingSupported from './networking-supported.js';
import linuxWorkerNode from './linux-worker-node.js';
import linuxCalicoVersion from './linux-calico-version.js';
import kubernetesVersion from './kubernetes-version.js';
import ipipDisabled from './ipip-disabled.js';
import ipPoolEncapsulation from './ip-pool-encapsulation.js';
import singleIpPoolType from './single-ip-pool-type.js';
import strictAffinity from './strict-affinity.js';
import typhaHa from './typha-ha.js';
import vxlanBgpDisabled from './vxlan-bgp-disabled.js';
import vxlanPort from './vxlan-port.js';
import vxlanPortOpen from './vxlan-port-open.js';
import awsSourceDestCheck from './aws-source-dest-check.js';
import eksVpcControllers from './eks-vpc-controllers.js';
import eksInstanceRole from './eks-instance-role.js';
import aksNewCluster from './aks-new-cluster.js';
import aksKubernetesVersion from './aks-kubernetes-version.js';
import windowsOsVersion from './windows-os-version.js';
import windowsKubernetesOsSupport from './windows-kubernetes-os-support.js';
import windowsContainerRuntime from './windows-container-runtime.js';
import windowsPowershellAdmin from './windows-powershell-admin.js';
import windowsRemoteAccess from './windows-remote-access.js';
import windowsRemoteaccessService from './windows-remoteaccess-service.js';
import windowsTls12 from './windows-tls12.js';
import windowsNotRouteReflector from './windows-not-route-reflector.js';
import windowsDatastoreMatch from './windows-datastore-match.js';
import windowsCniPlugin from './windows-cni-plugin.js';

/** Every rule, in catalog order. */
export const RULES: readonly Rule[] = [
  platformSupported,
  networkingSupported,
  linuxWorkerNode,
  linuxCalicoVersion,
  kubernetesVersion,
  ipipDisabled,
  ipPoolEncapsulation,
  singleIpPoolType,
  strictAffinity,
  typhaHa,
  vxlanBgpDisabled,
  vxlanPort,
  vxlanPortOpen,
  awsSourceDestCheck,
  eksVpcControllers,
  eksInstanceRole,
  aksNewCluster,
  aksKubernetesVersion,
  windowsOsVersion,
  windowsKubernetesOsSupport,
  windowsContainerRuntime,
  windowsPowershellAdmin,
  windowsRemoteAccess,
  windowsRemoteaccessService,
  windowsTls12,
  windowsNotRouteReflector,
  windowsDatastoreMatch,
  windowsCniPlugin,
];

const byId = new Map(RULES.map((rule) => [rule.id, rule]));

/** The rule with this id, if the catalog has one. */
export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}
