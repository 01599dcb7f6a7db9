/**
 * The rules later releases add and the advisories: the other side of the bundle wall. Only
 * `calico-windows-compat/releases` (and `/format`, for the rule reference) reach this file; the main
 * entry knows these rules by id alone (`ids.ts`).
 * @module
 */
import type { Rule } from '../engine/rule.js';
import type { Advisory } from './advisory.js';
import { RULES } from './default.js';
import { ADVISORY_RULE_IDS, LATER_RULE_IDS, type AdvisoryRuleId, type LaterRuleId } from './ids.js';
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

/** The later releases' rules by id: the compiler asks for each id of `LATER_RULE_IDS`. */
const LATER: { readonly [Id in LaterRuleId]: Rule } = {
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
};

/** The advisories by id, each with its data: the compiler asks for each id of `ADVISORY_RULE_IDS`. */
const ADVISORY: { readonly [Id in AdvisoryRuleId]: { readonly rule: Rule; readonly advisory: Advisory } } = {
  'advisory-confd-endpoint-status': { rule: advisoryConfdEndpointStatus, advisory: confdEndpointStatus },
  'advisory-windows-bgp-not-configured': { rule: advisoryWindowsBgpNotConfigured, advisory: windowsBgpNotConfigured },
  'advisory-confd-template-getenv': { rule: advisoryConfdTemplateGetenv, advisory: confdTemplateGetenv },
  'advisory-ws2022-container-networking': { rule: advisoryWs2022ContainerNetworking, advisory: ws2022ContainerNetworking },
};

/** The rules later releases add to the seed's: the operator (HostProcess) install, the Windows installers' own checks, DSR. */
export const RELEASE_RULES: readonly Rule[] = LATER_RULE_IDS.map((id) => LATER[id]);

/** Known upstream issues, each an advisory rule of severity warning. */
export const ADVISORY_RULES: readonly Rule[] = ADVISORY_RULE_IDS.map((id) => ADVISORY[id].rule);

/** The known issues as data, in the order of {@link ADVISORY_RULES}. */
export const ADVISORIES: readonly Advisory[] = ADVISORY_RULE_IDS.map((id) => ADVISORY[id].advisory);

/** Every rule of every release, in catalog order: the seed's, then the later releases', then the advisories. */
export const CATALOG: readonly Rule[] = [...RULES, ...RELEASE_RULES, ...ADVISORY_RULES];

const byId = new Map(CATALOG.map((rule) => [rule.id, rule]));

/** The rule with this id in the whole catalog, if there is one. */
export function getCatalogRule(id: string): Rule | undefined {
  return byId.get(id);
}
