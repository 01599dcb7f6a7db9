/**
 * The whole catalog: the seed's rules (the core's `RULES`), the rules later releases add, and the
 * advisories. A release profile lists the ones in effect for it. Kept out of the core, whose browser
 * bundle carries only the seed's rules.
 * @module
 */
import type { Rule } from '../engine/rule.js';
import { RULES } from './seed-rules.js';
import type { Advisory } from './advisory.js';
import hostprocessKubernetesVersion from './rules/hostprocess-kubernetes-version.js';
import hostprocessContainersEnabled from './rules/hostprocess-containers-enabled.js';
import operatorWindowsDataplane from './rules/operator-windows-dataplane.js';
import operatorDatastore from './rules/operator-datastore.js';
import operatorServiceCidrs from './rules/operator-service-cidrs.js';
import operatorServicesEndpoint from './rules/operator-services-endpoint.js';
import operatorIpPoolEncapsulation from './rules/operator-ip-pool-encapsulation.js';
import vxlanVni from './rules/vxlan-vni.js';
import vxlanCalicoIpam from './rules/vxlan-calico-ipam.js';
import windowsDsrSupport from './rules/windows-dsr-support.js';
import windowsContainerdVersion from './rules/windows-containerd-version.js';
import advisoryConfdEndpointStatus, { advisory as confdEndpointStatus } from './rules/advisory-confd-endpoint-status.js';
import advisoryWindowsBgpNotConfigured, { advisory as windowsBgpNotConfigured } from './rules/advisory-windows-bgp-not-configured.js';
import advisoryConfdTemplateGetenv, { advisory as confdTemplateGetenv } from './rules/advisory-confd-template-getenv.js';
import advisoryWs2022ContainerNetworking, { advisory as ws2022ContainerNetworking } from './rules/advisory-ws2022-container-networking.js';

/** The rules later releases add to the seed's: the operator (HostProcess) install, the Windows installers' own checks, DSR. */
export const RELEASE_RULES: readonly Rule[] = [
  hostprocessKubernetesVersion,
  hostprocessContainersEnabled,
  operatorWindowsDataplane,
  operatorDatastore,
  operatorServiceCidrs,
  operatorServicesEndpoint,
  operatorIpPoolEncapsulation,
  vxlanVni,
  vxlanCalicoIpam,
  windowsDsrSupport,
  windowsContainerdVersion,
];

/** Known upstream issues, each an advisory rule of severity warning. */
export const ADVISORY_RULES: readonly Rule[] = [
  advisoryConfdEndpointStatus,
  advisoryWindowsBgpNotConfigured,
  advisoryConfdTemplateGetenv,
  advisoryWs2022ContainerNetworking,
];

/** The known issues as data, in the order of {@link ADVISORY_RULES}. */
export const ADVISORIES: readonly Advisory[] = [confdEndpointStatus, windowsBgpNotConfigured, confdTemplateGetenv, ws2022ContainerNetworking];

/** Every rule of every release, in catalog order: the seed's, then the later releases', then the advisories. */
export const CATALOG: readonly Rule[] = [...RULES, ...RELEASE_RULES, ...ADVISORY_RULES];

const byId = new Map(CATALOG.map((rule) => [rule.id, rule]));

/** The rule with this id in the whole catalog, if there is one. */
export function getCatalogRule(id: string): Rule | undefined {
  return byId.get(id);
}
