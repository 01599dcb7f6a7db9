/**
 * The catalog: every rule, in catalog order (shared/spec/requirements.md). Docs, SARIF metadata, CLI
 * rule validation and the rule reference are all derived from these objects.
 * @module
 */
import type { Rule } from '../engine/rule.js';
import platformSupported from './rules/platform-supported.js';
import networkingSupported from './rules/networking-supported.js';
import linuxWorkerNode from './rules/linux-worker-node.js';
import linuxCalicoVersion from './rules/linux-calico-version.js';
import kubernetesVersion from './rules/kubernetes-version.js';
import ipipDisabled from './rules/ipip-disabled.js';
import ipPoolEncapsulation from './rules/ip-pool-encapsulation.js';
import singleIpPoolType from './rules/single-ip-pool-type.js';
import strictAffinity from './rules/strict-affinity.js';
import typhaHa from './rules/typha-ha.js';
import vxlanBgpDisabled from './rules/vxlan-bgp-disabled.js';
import vxlanPort from './rules/vxlan-port.js';
import vxlanPortOpen from './rules/vxlan-port-open.js';
import awsSourceDestCheck from './rules/aws-source-dest-check.js';
import eksVpcControllers from './rules/eks-vpc-controllers.js';
import eksInstanceRole from './rules/eks-instance-role.js';
import aksNewCluster from './rules/aks-new-cluster.js';
import aksKubernetesVersion from './rules/aks-kubernetes-version.js';
import windowsOsVersion from './rules/windows-os-version.js';
import windowsKubernetesOsSupport from './rules/windows-kubernetes-os-support.js';
import windowsContainerRuntime from './rules/windows-container-runtime.js';
import windowsPowershellAdmin from './rules/windows-powershell-admin.js';
import windowsRemoteAccess from './rules/windows-remote-access.js';
import windowsRemoteaccessService from './rules/windows-remoteaccess-service.js';
import windowsTls12 from './rules/windows-tls12.js';
import windowsNotRouteReflector from './rules/windows-not-route-reflector.js';
import windowsDatastoreMatch from './rules/windows-datastore-match.js';
import windowsCniPlugin from './rules/windows-cni-plugin.js';

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
