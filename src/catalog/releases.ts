/**
 * Every documented Calico release line, v3.16 to v3.32, as a requirement profile — one per install
 * method where a release documents two. Each release is written as the changes its pages made to the
 * previous one (shared/spec/upstream.md §1, §1b, §2); every datum cites the page, or the code, it
 * comes from. Where the docs were changed after a release, the profile follows what is published now
 * and `asReleased` records what the release itself published.
 *
 * Reading notes, where the pages leave room:
 * - "Windows Server 2019 / 1809 (RS5) or greater" and "1903 … build 18317 or greater" (v3.16 to
 *   v3.19.1) are read as written: 1809 at any revision and every later release (`orLater`), as Calico's
 *   own DSR test reads them (`WindowsVersion -GE 1903 -And OsBuildNumber -GE 18317`); the DSR builds are
 *   a separate warning rule (`windows-dsr-support`).
 * - v3.24 and v3.25 published 1809 and 20H2 and built images for 1809, 2004, 20H2 and ltsc2022;
 *   tigera/docs replaced 20H2 by 2022 on their pages months later (16ac57a62). Their profiles accept both
 *   what the release published and what the docs serve now: 1809, 20H2 and 2022.
 * - The manual (.zip) install of v3.28 to v3.30 has its own profiles, as those releases published it
 *   (tigera/docs @57ce8baf17b9, before 1955e4de7 removed it from their docs); the .zip is still built.
 * - v3.16 to v3.21 state their own tested Kubernetes versions on the Windows page; from v3.22.1 the page
 *   defers to the general requirements page, which those profiles cite.
 * - From v3.24, profiles add two checks the release's own Windows code makes (VXLAN VNI ≥ 4096, Calico
 *   VXLAN only with Calico IPAM), verified at each release tag. The seed's profile (v3.23) and the earlier
 *   ones hold their requirements pages only, so the seed's results stay exactly as they are.
 * - The operator install drops the manual install's section (TLS 1.2, the RemoteAccess service,
 *   PowerShell, remote access, per-node datastore, single IP pool type) and AKS's "Non-HPC" Kubernetes
 *   minimum, and adds its own requirements and the operator's Windows validations.
 * - The HostProcess tech preview of v3.23 to v3.26 (a quickstart, not the requirements page) has no
 *   profile.
 * @module
 */
import type { ClusterFacts, KnownNetworking, KnownPlatform } from '../model/facts.js';
import type { ReleaseCommands, ReleaseDatum, SupportedWindowsBuild } from '../model/release.js';
import type { ReleaseProfile } from '../engine/rule.js';
import { selectProfile, type SelectedRelease } from '../engine/select.js';
import { CALICO_3_23, DEFAULT_PROFILE } from './default.js';
import type { RuleId } from './ids.js';
import { CATALOG } from './later-rules.js';

const CALICO = 'projectcalico/calico';
const DOCS = 'tigera/docs calico_versioned_docs';
const OPERATOR = 'tigera/operator pkg/controller/installation/validation.go';

const windowsPage = (path: string, revision: string): string => `${CALICO} ${path}requirements.md (${revision})`;
const OLD_PATH = 'getting-started/windows-calico/kubernetes/';
const NEW_PATH = 'calico/getting-started/windows-calico/kubernetes/';
const docsPage = (version: string, path: string, revision: string): string =>
  `${DOCS}/version-${version}/getting-started/kubernetes/${path} (${revision})`;
const generalPage = (version: string, revision: string): string =>
  Number(version.split('.')[1]) >= 29
    ? `${DOCS}/version-${version}/_includes/partials/_system-requirements.mdx (${revision})`
    : docsPage(version, 'requirements.mdx', revision);
const windowsCode = (tag: string): string =>
  `${CALICO} node/windows-packaging/CalicoWindows/install-calico.ps1, libs/calico/calico.psm1 and cni-plugin (Windows) (${tag})`;

// The old Jekyll sites: tigera/docs netlify.toml proxies /archive/v3.16 … /archive/v3.25 to them.
const archiveUrl = (version: string, path: string): string => `https://docs.tigera.io/archive/v${version}/getting-started/${path}`;
// The Docusaurus sites: static/_redirects sends /calico/3.24/* … /calico/3.28/* to the archive site,
// later versions are served in place (docs/upstream-verification.md, item 7).
const docsSiteUrl = (version: string, path: string): string => `https://docs.tigera.io/calico/${version}/getting-started/kubernetes/windows-calico/${path}`;
const currentUrl = (version: string): string => docsSiteUrl(version, 'requirements');
// A page that only a tag has (a patch range whose page changed later in its line): the file at the tag.
const tagUrl = (tag: string, path: string): string => `https://github.com/${CALICO}/blob/${tag}/${path}requirements.md`;

const kubernetes = (first: number, last: number): string[] => Array.from({ length: last - first + 1 }, (_, i) => `1.${first + i}`);

const CALICO_NETWORKING: readonly KnownNetworking[] = ['calico-bgp', 'calico-vxlan', 'cloud-provider'];
const EKS_WITH_CALICO: readonly KnownNetworking[] = ['eks-vpc-cni', 'calico-bgp', 'calico-vxlan'];
const FIVE_PLATFORMS = (eks: readonly KnownNetworking[]): Partial<Record<KnownPlatform, readonly KnownNetworking[]>> => ({
  kubernetes: CALICO_NETWORKING,
  openshift: CALICO_NETWORKING,
  rke: CALICO_NETWORKING,
  eks,
  aks: ['aks-azure-cni'],
});

const B1809 = { release: '1809', build: 17763 } as const;
// "Windows Server 2019 / 1809 (RS5) or greater", "Windows Server 1903 (AKA 19H1) build 18317 or greater".
const OR_GREATER: readonly SupportedWindowsBuild[] = [
  { ...B1809, orLater: true },
  { release: '1903', build: 18362, orLater: true },
];
const B1809_DSR = { ...B1809, minRevision: 1432 } as const;
const B1903 = { release: '1903', build: 18362 } as const;
const B1909 = { release: '1909', build: 18363 } as const;
const B2004 = { release: '2004', build: 19041 } as const;
const B20H2 = { release: '20H2', build: 19042 } as const;
const B2022 = { release: '2022', build: 20348, minRevision: 169 } as const;

const TLS12 = '[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12';
const CALICOCTL_POOLS = {
  setPoolEncapsulation: CALICO_3_23.commands.setPoolEncapsulation,
  disablePool: CALICO_3_23.commands.disablePool,
} as const;
const KUBECTL_POOL = `kubectl patch ippool <pool> -p '{"spec":{"ipipMode":"Never","vxlanMode":"<vxlanMode>"}}'`;
const KUBECTL_DISABLE_POOL = `kubectl patch ippool <pool> -p '{"spec":{"disabled":true}}'`;
const INSTALLATION_POOL = `kubectl patch installation default --type=json -p '[{"op":"replace","path":"/spec/calicoNetwork/ipPools/<i>/encapsulation","value":"<encapsulation>"}]'`;

// The seed's rules that the manual install's section of the page holds; the operator profiles drop them.
const MANUAL_ONLY: readonly RuleId[] = [
  'windows-tls12',
  'windows-remoteaccess-service',
  'windows-powershell-admin',
  'windows-remote-access',
  'windows-datastore-match',
  'single-ip-pool-type',
  'aks-kubernetes-version',
];
const OPERATOR_RULES: readonly RuleId[] = [
  'hostprocess-kubernetes-version',
  'hostprocess-containers-enabled',
  'operator-windows-dataplane',
  'operator-datastore',
  'operator-service-cidrs',
  'operator-services-endpoint',
  'operator-ip-pool-encapsulation',
  'windows-containerd-version',
];

/** What a release changes from the one before it. */
interface Changes extends Partial<Omit<ReleaseProfile, 'rules' | 'sources' | 'commands'>> {
  /** The Windows requirements page: the source of every datum not cited otherwise. */
  readonly page: string;
  /** The general Kubernetes requirements page, where the tested versions come from it. */
  readonly kubernetesPage?: string;
  /** Sources of data that come from elsewhere than the page. */
  readonly cite?: Readonly<Partial<Record<ReleaseDatum, string>>>;
  /** Commands that change; `undefined` for one the page no longer gives. */
  readonly commands?: { readonly [K in keyof ReleaseCommands]?: string | undefined };
  readonly add?: readonly RuleId[];
  readonly remove?: readonly RuleId[];
  /** Data the page no longer states. */
  readonly drop?: ReadonlyArray<keyof ReleaseProfile>;
}

const DATA: readonly ReleaseDatum[] = [
  'windowsBuilds',
  'dsrBuilds',
  'containerRuntimes',
  'testedKubernetes',
  'networkingByPlatform',
  'minLinuxCalico',
  'typhaLinuxWorkers',
  'aksMinKubernetes',
  'eksSecretsNamespace',
  'hostProcess',
  'datastores',
  'minVxlanVni',
  'remoteAccess',
  'containerdFirst',
  'commands',
  'rules',
];

/**
 * A release as the changes its pages made to `base`.
 *
 * @throws Error naming the release when `remove` names a rule `base` does not have, or `add` one the
 * catalog does not hold: a mistake in this file, caught when the module loads.
 */
export function derive(base: ReleaseProfile | undefined, changes: Changes): ReleaseProfile {
  const { page, kubernetesPage, cite = {}, add = [], remove = [], drop, commands, ...fields } = changes;
  const ids = new Set(base?.rules.map((r) => r.id) ?? []);
  for (const id of remove) if (!ids.delete(id)) throw new Error(`[calico-windows-compat] ${fields.release}: no rule ${id} to remove`);
  for (const id of add) ids.add(id);
  const rules = CATALOG.filter((r) => ids.delete(r.id));
  if (ids.size > 0) throw new Error(`[calico-windows-compat] ${fields.release}: no rule ${[...ids].join(', ')} in the catalog`);
  // What a release states of itself is never inherited: its patch range, deprecation, as-released values.
  const { patches: _p, deprecated: _d, asReleased: _a, sources: _s, ...inherited } = base ?? ({} as Partial<ReleaseProfile>);
  const merged: Record<string, string | undefined> = { ...base?.commands, ...commands };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  const profile: Record<string, unknown> = { ...inherited, ...fields, commands: merged, rules };
  // Stryker disable next-line ArrayDeclaration: deleting a key no profile has changes nothing
  for (const key of drop ?? []) delete profile[key];
  const sources: Partial<Record<ReleaseDatum, string>> = {};
  for (const datum of DATA)
    if (profile[datum] !== undefined) sources[datum] = cite[datum] ?? (datum === 'testedKubernetes' ? (kubernetesPage ?? page) : page);
  profile['sources'] = sources;
  profile['source'] = page;
  return profile as unknown as ReleaseProfile;
}

const W316 = windowsPage('getting-started/windows-calico/', 'release-v3.16');

/** v3.16 (revision A): Kubernetes and EKS, Calico VXLAN or other CNI, 1809 or greater. */
export const CALICO_3_16 = derive(undefined, {
  release: '3.16',
  installMethod: 'manifest',
  page: W316,
  docsUrl: archiveUrl('3.16', 'windows-calico/requirements'),
  windowsBuilds: OR_GREATER,
  testedKubernetes: kubernetes(16, 18),
  networkingByPlatform: { kubernetes: ['calico-vxlan', 'cloud-provider'], eks: ['eks-vpc-cni'] },
  minLinuxCalico: '3.12.0',
  datastores: ['kubernetes', 'etcd'],
  commands: { tls12: TLS12, disablePool: CALICOCTL_POOLS.disablePool },
  cite: {
    networkingByPlatform: `${W316}; EKS: ${CALICO} getting-started/windows-calico/quickstart.md (release-v3.16) "for EKS, networking is set to none since AWS VPC networking is used"`,
  },
  add: [
    'platform-supported',
    'networking-supported',
    'linux-worker-node',
    'linux-calico-version',
    'kubernetes-version',
    'single-ip-pool-type',
    'vxlan-port',
    'vxlan-port-open',
    'windows-os-version',
    'windows-tls12',
    'windows-datastore-match',
    'windows-cni-plugin',
  ],
});

/** v3.17 (revision B): Calico BGP, IPIP off, strict affinity, Docker, DSR builds, four Linux workers for Typha. */
export const CALICO_3_17 = derive(CALICO_3_16, {
  release: '3.17',
  page: windowsPage(OLD_PATH, 'release-v3.17'),
  docsUrl: archiveUrl('3.17', 'windows-calico/kubernetes/requirements'),
  dsrBuilds: [B1809_DSR, { ...B1903, minRevision: 1049 }, { ...B1909, minRevision: 1049 }],
  containerRuntimes: ['docker'],
  testedKubernetes: kubernetes(17, 19),
  networkingByPlatform: { kubernetes: CALICO_NETWORKING, eks: EKS_WITH_CALICO },
  typhaLinuxWorkers: 4,
  typhaAnyInstall: true,
  commands: {
    disableIpip: CALICO_3_23.commands.disableIpip,
    strictAffinity: CALICO_3_23.commands.strictAffinity,
    ...CALICOCTL_POOLS,
  },
  add: [
    'ipip-disabled',
    'ip-pool-encapsulation',
    'strict-affinity',
    'typha-ha',
    'vxlan-bgp-disabled',
    'aws-source-dest-check',
    'windows-container-runtime',
    'windows-remoteaccess-service',
    'windows-not-route-reflector',
    'windows-dsr-support',
  ],
});

/** v3.18 (revision C): as v3.17, tested with Kubernetes 1.18 to 1.20. */
export const CALICO_3_18 = derive(CALICO_3_17, {
  release: '3.18',
  page: windowsPage(OLD_PATH, 'release-v3.18'),
  docsUrl: archiveUrl('3.18', 'windows-calico/kubernetes/requirements'),
  testedKubernetes: kubernetes(18, 20),
});

/** v3.19.0 and v3.19.1 (revision D): as v3.18, with containerd. */
export const CALICO_3_19_0 = derive(CALICO_3_18, {
  release: '3.19',
  patches: '>=3.19.0 <=3.19.1',
  page: windowsPage(OLD_PATH, 'v3.19.1'),
  // The line's archive shows its final revision (E): the tag shows this one.
  docsUrl: tagUrl('v3.19.1', OLD_PATH),
  containerRuntimes: ['containerd', 'docker'],
});

/** v3.19.2 and later (revision E): 1809.1432+, 2004, 20H2; five platforms; three Linux workers for operator-managed Typha. */
export const CALICO_3_19 = derive(CALICO_3_19_0, {
  release: '3.19',
  patches: '>=3.19.2',
  page: windowsPage(OLD_PATH, 'release-v3.19'),
  windowsBuilds: [B1809_DSR, B2004, B20H2],
  networkingByPlatform: FIVE_PLATFORMS(EKS_WITH_CALICO),
  typhaLinuxWorkers: 3,
  drop: ['dsrBuilds', 'typhaAnyInstall'],
  remove: ['windows-dsr-support'],
});

/** v3.20 (revision E). */
export const CALICO_3_20 = derive(CALICO_3_19, {
  release: '3.20',
  page: windowsPage(OLD_PATH, 'release-v3.20'),
  docsUrl: archiveUrl('3.20', 'windows-calico/kubernetes/requirements'),
});

/** v3.21 (revision E). */
export const CALICO_3_21 = derive(CALICO_3_20, {
  release: '3.21',
  page: windowsPage(NEW_PATH, 'release-v3.21'),
  docsUrl: archiveUrl('3.21', 'windows-calico/kubernetes/requirements'),
});

/** v3.22.0 (revision E). */
export const CALICO_3_22_0 = derive(CALICO_3_21, {
  release: '3.22',
  patches: '3.22.0',
  page: windowsPage(NEW_PATH, 'v3.22.0'),
  docsUrl: tagUrl('v3.22.0', NEW_PATH),
});

/**
 * v3.22.1 and later (revision F): 2004 dropped; Kubernetes versions from the general page; PowerShell
 * as Administrator, remote access, EKS and AKS requirements, the Kubernetes Windows OS support table.
 */
export const CALICO_3_22 = derive(CALICO_3_22_0, {
  release: '3.22',
  patches: '>=3.22.1',
  page: windowsPage(NEW_PATH, 'release-v3.22, d9f4ca0062'),
  kubernetesPage: `${CALICO} calico/getting-started/kubernetes/requirements.md (release-v3.22)`,
  docsUrl: archiveUrl('3.22', 'windows-calico/kubernetes/requirements'),
  windowsBuilds: [B1809_DSR, B20H2],
  containerdFirst: true,
  remoteAccess: ['rdp', 'winrm'],
  testedKubernetes: kubernetes(21, 23),
  aksMinKubernetes: '1.20.0',
  eksSecretsNamespace: { operator: 'calico-system', manifest: 'kube-system' },
  add: [
    'windows-kubernetes-os-support',
    'windows-powershell-admin',
    'windows-remote-access',
    'eks-vpc-controllers',
    'eks-instance-role',
    'aks-new-cluster',
    'aks-kubernetes-version',
  ],
});

const TWO_BUILDS: readonly SupportedWindowsBuild[] = [B1809_DSR, B2022];

const RELEASED_20H2 = (version: string, revision: string): string =>
  `${windowsPage(NEW_PATH, `release-v${version}, ${revision}`)} (20H2, as released); ${docsPage(version, 'windows-calico/kubernetes/requirements.mdx', 'after 16ac57a62')} (2022, as served now); images for 1809, 2004, 20H2 and ltsc2022: ${CALICO} node/Makefile WINDOWS_VERSIONS (v${version}.0)`;

/**
 * v3.24 (revision H as released, H' as tigera/docs serves it): 1809 and 20H2 as released, 2022 as
 * served now, all three accepted; strict affinity with kubectl.
 */
export const CALICO_3_24 = derive(CALICO_3_23, {
  release: '3.24',
  page: docsPage('3.24', 'windows-calico/kubernetes/requirements.mdx', 'after 16ac57a62'),
  kubernetesPage: generalPage('3.24', 'final'),
  docsUrl: docsSiteUrl('3.24', 'kubernetes/requirements'),
  windowsBuilds: [B1809_DSR, B20H2, B2022],
  testedKubernetes: kubernetes(22, 25),
  minVxlanVni: 4096,
  commands: { strictAffinity: `kubectl patch ipamconfigurations default --type merge --patch='{"spec": {"strictAffinity": true}}'` },
  cite: { minVxlanVni: windowsCode('v3.24.0'), windowsBuilds: RELEASED_20H2('3.24', '6504b892ec') },
  add: ['vxlan-vni', 'vxlan-calico-ipam', 'advisory-ws2022-container-networking'],
  asReleased: {
    windowsBuilds: [B1809_DSR, B20H2],
    testedKubernetes: kubernetes(22, 24),
    sources: {
      windowsBuilds: windowsPage(NEW_PATH, 'release-v3.24, 6504b892ec'),
      testedKubernetes: generalPage('3.24', 'eef2ee319'),
    },
  },
});

/** v3.25 (revision H as released, H' as served now), as v3.24. */
export const CALICO_3_25 = derive(CALICO_3_24, {
  release: '3.25',
  page: docsPage('3.25', 'windows-calico/kubernetes/requirements.mdx', 'after 16ac57a62'),
  kubernetesPage: generalPage('3.25', 'e36a64bd3'),
  docsUrl: docsSiteUrl('3.25', 'kubernetes/requirements'),
  testedKubernetes: kubernetes(23, 28),
  cite: { minVxlanVni: windowsCode('v3.25.0'), windowsBuilds: RELEASED_20H2('3.25', '9437c4e93e') },
  asReleased: {
    windowsBuilds: [B1809_DSR, B20H2],
    testedKubernetes: kubernetes(22, 24),
    sources: {
      windowsBuilds: windowsPage(NEW_PATH, 'release-v3.25, 9437c4e93e'),
      testedKubernetes: `${CALICO} calico/getting-started/kubernetes/requirements.md (release-v3.25)`,
    },
  },
});

/** v3.26 (revision I): 1809 and 2022, as first published. */
export const CALICO_3_26 = derive(CALICO_3_25, {
  release: '3.26',
  page: docsPage('3.26', 'windows-calico/kubernetes/requirements.mdx', '9cd438718'),
  kubernetesPage: generalPage('3.26', 'final'),
  docsUrl: docsSiteUrl('3.26', 'kubernetes/requirements'),
  windowsBuilds: TWO_BUILDS,
  testedKubernetes: kubernetes(24, 28),
  cite: { minVxlanVni: windowsCode('v3.26.0') },
  asReleased: { testedKubernetes: kubernetes(24, 26), sources: { testedKubernetes: generalPage('3.26', '810a0e27d') } },
});

const J327 = docsPage('3.27', 'windows-calico/requirements.mdx', '9cd438718');

/** v3.27, manual install (revision J): deprecated; IPIP turned off on the default IP pool; ssh for remote access. */
export const CALICO_3_27_MANIFEST = derive(CALICO_3_26, {
  release: '3.27',
  page: J327,
  kubernetesPage: generalPage('3.27', 'f7380b7cf'),
  docsUrl: docsSiteUrl('3.27', 'requirements'),
  testedKubernetes: kubernetes(27, 29),
  deprecated: true,
  // "Remote access to the Windows node via Remote Desktop Protocol (RDP), Windows Remote Management (WinRM) or ssh".
  remoteAccess: ['rdp', 'winrm', 'ssh'],
  commands: {
    disableIpip: `kubectl patch ippool default-ipv4-ippool -p '{"spec":{"ipipMode":"Never","vxlanMode":"Always"}}'`,
    setPoolEncapsulation: KUBECTL_POOL,
    disablePool: KUBECTL_DISABLE_POOL,
  },
  cite: { minVxlanVni: windowsCode('v3.27.0') },
  asReleased: { testedKubernetes: kubernetes(24, 28), sources: { testedKubernetes: generalPage('3.27', '3412aff47') } },
});

/**
 * v3.27, operator install (revision J): HostProcess containers, containerd 1.6.0+, Kubernetes datastore
 * only, Linux Calico v3.27+, and the operator's Windows validations (tigera/operator v1.32, which ships
 * v3.27.0).
 */
export const CALICO_3_27 = derive(CALICO_3_27_MANIFEST, {
  installMethod: 'operator',
  page: J327,
  kubernetesPage: generalPage('3.27', 'f7380b7cf'),
  containerRuntimes: ['containerd'],
  minLinuxCalico: '3.27.0',
  hostProcess: { minKubernetes: '1.22.0', minContainerd: '1.6.0' },
  datastores: ['kubernetes'],
  commands: { tls12: undefined },
  cite: { minVxlanVni: windowsCode('v3.27.0'), rules: `${J327}; ${OPERATOR} (v1.32.3)` },
  drop: ['aksMinKubernetes', 'remoteAccess', 'containerdFirst'],
  remove: MANUAL_ONLY,
  add: OPERATOR_RULES,
  asReleased: { testedKubernetes: kubernetes(24, 28), sources: { testedKubernetes: generalPage('3.27', '3412aff47') } },
});

/** The manual install as v3.28 to v3.30 published it, before the docs removed it (1955e4de7, 2025-09-16). */
const MANUAL_AS_RELEASED = (version: string): string => docsPage(version, 'windows-calico/requirements.mdx', '57ce8baf17b9');
const manualUrl = (version: string): string =>
  `https://github.com/tigera/docs/blob/57ce8baf17b9/calico_versioned_docs/version-${version}/getting-started/kubernetes/windows-calico/requirements.mdx`;

/** v3.28 (revision K as served now: operator only; J as released: the manual install too). */
export const CALICO_3_28 = derive(CALICO_3_27, {
  release: '3.28',
  page: docsPage('3.28', 'windows-calico/requirements.mdx', 'after 1955e4de7'),
  kubernetesPage: generalPage('3.28', 'final'),
  docsUrl: currentUrl('3.28'),
  testedKubernetes: kubernetes(27, 30),
  cite: { minVxlanVni: windowsCode('v3.28.0'), rules: `${docsPage('3.28', 'windows-calico/requirements.mdx', 'after 1955e4de7')}; ${OPERATOR} (v1.34.0)` },
  asReleased: {
    testedKubernetes: kubernetes(27, 29),
    installMethods: ['operator', 'manifest'],
    sources: { testedKubernetes: generalPage('3.28', '3568318ad'), installMethods: MANUAL_AS_RELEASED('3.28') },
  },
});

/**
 * v3.28, manual install (revision J, as released): deprecated, with v3.27's manual requirements. The docs
 * removed it afterwards, but the release published it and the .zip is still built
 * (docs/upstream-verification.md, item 2).
 */
export const CALICO_3_28_MANIFEST = derive(CALICO_3_27_MANIFEST, {
  release: '3.28',
  page: MANUAL_AS_RELEASED('3.28'),
  kubernetesPage: generalPage('3.28', 'final'),
  docsUrl: manualUrl('3.28'),
  testedKubernetes: kubernetes(27, 30),
  deprecated: true,
  cite: { minVxlanVni: windowsCode('v3.28.0') },
  asReleased: { testedKubernetes: kubernetes(27, 29), sources: { testedKubernetes: generalPage('3.28', '3568318ad') } },
});

// v3.29.0 (2024-10-29) listed its tested versions on the general page; the partial came later (af644c7d4).
const K8S_329_RELEASED = docsPage('3.29', 'requirements.mdx', 'f42dc0705');

/** v3.29 (revision K; J as released). */
export const CALICO_3_29 = derive(CALICO_3_28, {
  release: '3.29',
  page: docsPage('3.29', 'windows-calico/requirements.mdx', 'after 1955e4de7'),
  kubernetesPage: generalPage('3.29', '9b8e20664'),
  docsUrl: currentUrl('3.29'),
  testedKubernetes: kubernetes(29, 32),
  cite: { minVxlanVni: windowsCode('v3.29.0'), rules: `${docsPage('3.29', 'windows-calico/requirements.mdx', 'after 1955e4de7')}; ${OPERATOR} (v1.36.0)` },
  asReleased: {
    testedKubernetes: kubernetes(29, 31),
    installMethods: ['operator', 'manifest'],
    sources: { testedKubernetes: K8S_329_RELEASED, installMethods: MANUAL_AS_RELEASED('3.29') },
  },
});

/** v3.29, manual install (revision J, as released). */
export const CALICO_3_29_MANIFEST = derive(CALICO_3_28_MANIFEST, {
  release: '3.29',
  page: MANUAL_AS_RELEASED('3.29'),
  kubernetesPage: generalPage('3.29', '9b8e20664'),
  docsUrl: manualUrl('3.29'),
  testedKubernetes: kubernetes(29, 32),
  deprecated: true,
  cite: { minVxlanVni: windowsCode('v3.29.0') },
  asReleased: { testedKubernetes: kubernetes(29, 31), sources: { testedKubernetes: K8S_329_RELEASED } },
});

// v3.30.0 (2025-05-05) was tested on 1.31 to 1.33: ca5e4eb06 replaced the cut's placeholder (89476a014) before the tag.
const K8S_330_RELEASED = generalPage('3.30', 'ca5e4eb06');

/** v3.30 (revision K; J as released), with the Windows BGP advisories of its patch releases. */
export const CALICO_3_30 = derive(CALICO_3_29, {
  release: '3.30',
  page: docsPage('3.30', 'windows-calico/requirements.mdx', 'after 1955e4de7'),
  kubernetesPage: generalPage('3.30', '9b8e20664'),
  docsUrl: currentUrl('3.30'),
  testedKubernetes: kubernetes(31, 35),
  cite: { minVxlanVni: windowsCode('v3.30.0'), rules: `${docsPage('3.30', 'windows-calico/requirements.mdx', 'after 1955e4de7')}; ${OPERATOR} (v1.38.0)` },
  add: ['advisory-confd-endpoint-status', 'advisory-windows-bgp-not-configured'],
  asReleased: {
    testedKubernetes: kubernetes(31, 33),
    installMethods: ['operator', 'manifest'],
    sources: { testedKubernetes: K8S_330_RELEASED, installMethods: MANUAL_AS_RELEASED('3.30') },
  },
});

/** v3.30, manual install (revision J, as released), with the same Windows BGP advisories (confd runs in both installs). */
export const CALICO_3_30_MANIFEST = derive(CALICO_3_29_MANIFEST, {
  release: '3.30',
  page: MANUAL_AS_RELEASED('3.30'),
  kubernetesPage: generalPage('3.30', '9b8e20664'),
  docsUrl: manualUrl('3.30'),
  testedKubernetes: kubernetes(31, 35),
  deprecated: true,
  cite: { minVxlanVni: windowsCode('v3.30.0') },
  add: ['advisory-confd-endpoint-status', 'advisory-windows-bgp-not-configured'],
  asReleased: { testedKubernetes: kubernetes(31, 33), sources: { testedKubernetes: K8S_330_RELEASED } },
});

const L_POOL_COMMAND = (userManaged: string): string =>
  `Operator-managed pool (the operator reverts direct IPPool edits): ${INSTALLATION_POOL} (<i>: the pool's position in spec.calicoNetwork.ipPools)\nUser-managed pool: ${userManaged}`;

/**
 * v3.31 (revision L): IPIP turned off in the Installation for operator-managed pools, on the IPPool for
 * user-managed ones.
 */
export const CALICO_3_31 = derive(CALICO_3_30, {
  release: '3.31',
  page: docsPage('3.31', 'windows-calico/requirements.mdx', 'after ed7f722b2'),
  kubernetesPage: generalPage('3.31', '9b8e20664'),
  docsUrl: currentUrl('3.31'),
  testedKubernetes: kubernetes(32, 35),
  commands: {
    disableIpip: L_POOL_COMMAND(`kubectl patch ippool <pool> -p '{"spec":{"ipipMode":"Never","vxlanMode":"Always"}}'`)
      .replaceAll('<encapsulation>', 'VXLAN')
      .replaceAll('<pool>', 'default-ipv4-ippool'),
    setPoolEncapsulation: L_POOL_COMMAND(KUBECTL_POOL),
  },
  cite: { minVxlanVni: windowsCode('v3.31.0'), rules: `${docsPage('3.31', 'windows-calico/requirements.mdx', 'after ed7f722b2')}; ${OPERATOR} (v1.40.0)` },
  remove: ['advisory-confd-endpoint-status'],
  // Tag v3.31.0 (2025-10-21) came while the page still had the version cut's placeholder, 1.29 to 1.31
  // (e19711ee3), never a tested list; bbeae4c63 gave the tested versions the next day.
  asReleased: {
    testedKubernetes: kubernetes(32, 34),
    sources: { testedKubernetes: `${generalPage('3.31', 'bbeae4c63')}, the day after tag v3.31.0 (the page held the version cut's placeholder, 1.29–1.31, at tag time)` },
  },
});

/** v3.32 (revision L). */
export const CALICO_3_32 = derive(CALICO_3_31, {
  release: '3.32',
  page: docsPage('3.32', 'windows-calico/requirements.mdx', 'after ed7f722b2'),
  kubernetesPage: generalPage('3.32', '9b8e20664'),
  docsUrl: currentUrl('3.32'),
  testedKubernetes: kubernetes(34, 36),
  cite: { minVxlanVni: windowsCode('v3.32.0'), rules: `${docsPage('3.32', 'windows-calico/requirements.mdx', 'after ed7f722b2')}; ${OPERATOR} (v1.42.0)` },
  remove: ['advisory-windows-bgp-not-configured'],
  add: ['advisory-confd-template-getenv'],
  // As released = as now: f1990f224 published 1.34 to 1.36 on the day of tag v3.32.0.
});

/**
 * Every release profile, oldest first. Within a line, the profile of the page as published now comes
 * after earlier patch ranges, and the recommended install method comes first.
 */
export const CALICO_RELEASES: readonly ReleaseProfile[] = [
  CALICO_3_16,
  CALICO_3_17,
  CALICO_3_18,
  CALICO_3_19_0,
  CALICO_3_19,
  CALICO_3_20,
  CALICO_3_21,
  CALICO_3_22_0,
  CALICO_3_22,
  CALICO_3_23,
  CALICO_3_24,
  CALICO_3_25,
  CALICO_3_26,
  CALICO_3_27,
  CALICO_3_27_MANIFEST,
  CALICO_3_28,
  CALICO_3_28_MANIFEST,
  CALICO_3_29,
  CALICO_3_29_MANIFEST,
  CALICO_3_30,
  CALICO_3_30_MANIFEST,
  CALICO_3_31,
  CALICO_3_32,
];

/** The documented release lines, oldest first: `3.16` … `3.32`. */
export const RELEASE_LINES: readonly string[] = [...new Set(CALICO_RELEASES.map((p) => p.release))];

/**
 * The profile for a release string, resolved against every release: a line (`'3.27'`), a version
 * (`'v3.19.1'`), `'3.27/manifest'`, or `'auto'` with the facts' `calico.version`. See `selectRelease` in
 * the main entry for the rules of the choice.
 *
 * @throws `CompatError` (`invalid-options`) for an unknown release, listing the known ones.
 * @example
 * findRelease('v3.19.1').profile.windowsBuilds; // 1809 or later, 1903 or later
 */
export function findRelease(release: string, facts: ClusterFacts = {}): SelectedRelease {
  return selectProfile(release, facts, CALICO_RELEASES, DEFAULT_PROFILE);
}
