/**
 * The ids of the rules later releases add and of the advisories. Their code lives in
 * `calico-windows-compat/releases`; the core knows their names only, so that waivers and the `rules` /
 * `skipRules` options may name them whatever the profile (a test keeps this list equal to the catalog's).
 * @module
 */

/** Ids of every rule of the catalog beyond the seed's, in catalog order. */
export const RELEASE_RULE_IDS: readonly string[] = [
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
  'advisory-confd-endpoint-status',
  'advisory-windows-bgp-not-configured',
  'advisory-confd-template-getenv',
  'advisory-ws2022-container-networking',
];
