/**
 * Release profiles: the data a Calico release's Windows requirements page states. The rules read their
 * data from the profile, so a release is a row of data, not new code.
 *
 * This module holds the interface and the seed's profile, Calico v3.23 (revision G in
 * shared/spec/upstream.md §1), which the core evaluates against by default. Every other release is in
 * `calico-windows-compat/releases`, kept out of the core so that its browser bundle stays small.
 */
import type { ReleaseProfile } from '../engine/rule.js';
import { RULES } from './seed-rules.js';
export type { ReleaseCommands, ReleaseDatum, SupportedWindowsBuild } from '../model/release.js';
export type { ReleaseProfile } from '../engine/rule.js';

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
    testedKubernetes: K8S_PAGE_323,
    networkingByPlatform: WINDOWS_PAGE_323,
    minLinuxCalico: WINDOWS_PAGE_323,
    typhaLinuxWorkers: WINDOWS_PAGE_323,
    aksMinKubernetes: WINDOWS_PAGE_323,
    eksSecretsNamespace: WINDOWS_PAGE_323,
    datastores: WINDOWS_PAGE_323,
    commands: WINDOWS_PAGE_323,
    rules: WINDOWS_PAGE_323,
  },
} as const satisfies ReleaseProfile;

/** The profile used when none is chosen: the seed's release, so results never change silently. */
export const DEFAULT_PROFILE: ReleaseProfile = CALICO_3_23;
