/**
 * What the main entry ships: the seed's rules (the Calico v3.23 requirements page) and its release
 * profile, which the core evaluates against by default. This file is one side of the bundle wall: every
 * other release and the rules they add are in `releases.ts` and `later-rules.ts`, which only
 * `calico-windows-compat/releases` reaches (the browser-bundle test keeps it so).
 * @module
 */
import type { ReleaseProfile, Rule } from '../engine/rule.js';
import { SEED_RULE_IDS, type SeedRuleId } from './ids.js';
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

export type { ReleaseCommands, ReleaseDatum, SupportedWindowsBuild } from '../model/release.js';
export type { ReleaseProfile } from '../engine/rule.js';

/** The seed's rules by id: the compiler asks for each id of `SEED_RULE_IDS`. */
const SEED_RULES: { readonly [Id in SeedRuleId]: Rule } = {
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
};

/** The seed's rules (Calico v3.23), in catalog order: the rules of the default profile. */
export const RULES: readonly Rule[] = SEED_RULE_IDS.map((id) => SEED_RULES[id]);

/**
 * The seed's rule with this id (Calico v3.23's rules, those of the default profile). For a rule of any
 * release, use `getCatalogRule` from `calico-windows-compat/releases`.
 */
export function getRule(id: string): Rule | undefined {
  return Object.hasOwn(SEED_RULES, id) ? SEED_RULES[id as SeedRuleId] : undefined;
}

const WINDOWS_PAGE_323 =
  'projectcalico/calico calico/getting-started/windows-calico/kubernetes/requirements.md (release-v3.23, f03e8e6d99)';
const K8S_PAGE_323 = 'projectcalico/calico calico/getting-started/kubernetes/requirements.md (release-v3.23)';

/** Calico v3.23, manifest (.zip) install: the seed. */
export const CALICO_3_23 = {
  release: '3.23',
  installMethod: 'manifest',
  source: WINDOWS_PAGE_323,
  docsUrl: 'https://projectcalico.docs.tigera.io/archive/v3.23/getting-started/windows-calico/kubernetes/requirements',
  windowsBuilds: [
    { release: '1809', build: 17763, minRevision: 1432 },
    { release: '20H2', build: 19042 },
  ],
  containerRuntimes: ['containerd', 'docker'],
  containerdFirst: true,
  testedKubernetes: ['1.21', '1.22', '1.23'],
  networkingByPlatform: {
    kubernetes: ['calico-bgp', 'calico-vxlan', 'cloud-provider'],
    openshift: ['calico-bgp', 'calico-vxlan', 'cloud-provider'],
    rke: ['calico-bgp', 'calico-vxlan', 'cloud-provider'],
    eks: ['eks-vpc-cni'],
    aks: ['aks-azure-cni'],
  },
  minLinuxCalico: '3.12.0',
  typhaLinuxWorkers: 3,
  aksMinKubernetes: '1.20.0',
  eksSecretsNamespace: { operator: 'calico-system', manifest: 'kube-system' },
  datastores: ['kubernetes', 'etcd'],
  remoteAccess: ['rdp', 'winrm'],
  commands: {
    disableIpip: `calicoctl patch felixconfiguration default -p '{"spec":{"ipipEnabled":false}}'`,
    strictAffinity: 'calicoctl ipam configure --strictaffinity=true',
    tls12: '[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12',
    setPoolEncapsulation: `calicoctl patch ippool <pool> -p '{"spec":{"ipipMode":"Never","vxlanMode":"<vxlanMode>"}}'`,
    disablePool: `calicoctl patch ippool <pool> -p '{"spec":{"disabled":true}}'`,
  },
  rules: RULES,
  sources: {
    windowsBuilds: WINDOWS_PAGE_323,
    containerRuntimes: WINDOWS_PAGE_323,
    containerdFirst: WINDOWS_PAGE_323,
    testedKubernetes: K8S_PAGE_323,
    networkingByPlatform: WINDOWS_PAGE_323,
    minLinuxCalico: WINDOWS_PAGE_323,
    typhaLinuxWorkers: WINDOWS_PAGE_323,
    aksMinKubernetes: WINDOWS_PAGE_323,
    eksSecretsNamespace: WINDOWS_PAGE_323,
    datastores: WINDOWS_PAGE_323,
    remoteAccess: WINDOWS_PAGE_323,
    commands: WINDOWS_PAGE_323,
    rules: WINDOWS_PAGE_323,
  },
} as const satisfies ReleaseProfile;

/** The profile used when none is chosen: the seed's release, so results never change silently. */
export const DEFAULT_PROFILE: ReleaseProfile = CALICO_3_23;
