/**
 * Every rule id of the catalog, in catalog order: the one hand-kept list. The core knows every id without
 * carrying the later releases' rule code (kept in `calico-windows-compat/releases`), so waivers and the
 * `rules` / `skipRules` options may name any rule whatever the profile. Every other list of rules — the
 * seed's rules, the later ones, the docs, each release's `add:` — is typed against {@link RuleId}, so a
 * typo or a missing entry is a compile error.
 * @module
 */

/** The seed's rules (the Calico v3.23 requirements page), in catalog order. */
export const SEED_RULE_IDS = [
  'platform-supported',
  'networking-supported',
  'linux-worker-node',
  'linux-calico-version',
  'kubernetes-version',
  'ipip-disabled',
  'ip-pool-encapsulation',
  'single-ip-pool-type',
  'strict-affinity',
  'typha-ha',
  'vxlan-bgp-disabled',
  'vxlan-port',
  'vxlan-port-open',
  'aws-source-dest-check',
  'eks-vpc-controllers',
  'eks-instance-role',
  'aks-new-cluster',
  'aks-kubernetes-version',
  'windows-os-version',
  'windows-kubernetes-os-support',
  'windows-container-runtime',
  'windows-powershell-admin',
  'windows-remote-access',
  'windows-remoteaccess-service',
  'windows-tls12',
  'windows-not-route-reflector',
  'windows-datastore-match',
  'windows-cni-plugin',
] as const;

/** The rules later releases add: the operator (HostProcess) install, the Windows installers' own checks, DSR. */
export const LATER_RULE_IDS = [
  'hostprocess-kubernetes-version',
  'hostprocess-containers-enabled',
  'operator-windows-dataplane',
  'operator-datastore',
  'operator-service-cidrs',
  'operator-services-endpoint',
  'operator-ip-pool-encapsulation',
  'vxlan-vni',
  'vxlan-calico-ipam',
  'windows-dsr-support',
  'windows-containerd-version',
] as const;

/** Known upstream issues, each an advisory rule of severity warning. */
export const ADVISORY_RULE_IDS = [
  'advisory-confd-endpoint-status',
  'advisory-windows-bgp-not-configured',
  'advisory-confd-template-getenv',
  'advisory-ws2022-container-networking',
] as const;

/** A rule id of the seed's rules. */
export type SeedRuleId = (typeof SEED_RULE_IDS)[number];
/** A rule id of the rules later releases add. */
export type LaterRuleId = (typeof LATER_RULE_IDS)[number];
/** A rule id of an advisory. */
export type AdvisoryRuleId = (typeof ADVISORY_RULE_IDS)[number];
/** Any rule id of the catalog. */
export type RuleId = SeedRuleId | LaterRuleId | AdvisoryRuleId;

/** Every rule id, in catalog order: the seed's, then the later releases', then the advisories. */
export const RULE_IDS: readonly RuleId[] = [...SEED_RULE_IDS, ...LATER_RULE_IDS, ...ADVISORY_RULE_IDS];

/** Ids of every rule of the catalog beyond the seed's, in catalog order. */
export const RELEASE_RULE_IDS: readonly RuleId[] = [...LATER_RULE_IDS, ...ADVISORY_RULE_IDS];

const KNOWN: ReadonlySet<string> = new Set(RULE_IDS);

/** Whether `id` is a rule id of the catalog. */
export function isRuleId(id: string): id is RuleId {
  return KNOWN.has(id);
}
