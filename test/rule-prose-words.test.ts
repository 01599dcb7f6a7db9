// Rule prose word for word under the releases whose data make it differ: each branch of each prose
// function (a release with the datum and one without, one item and several), as `explain --release` and
// the rule reference print it.
import { describe, expect, it } from 'vitest';
import { documented } from '../src/catalog/docs.js';
import { getCatalogRule } from '../src/catalog/later-rules.js';
import { CALICO_3_23, type ReleaseProfile } from '../src/catalog/default.js';
import { CALICO_3_16, CALICO_3_17, CALICO_3_27_MANIFEST, CALICO_3_30 } from '../src/catalog/releases.js';

type Field = 'description' | 'passesWhen' | 'remediation';

/** The seed profile with some data changed or (undefined) left out. */
const seed = (changes: Record<string, unknown>): ReleaseProfile => {
  const copy: Record<string, unknown> = { ...CALICO_3_23, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete copy[key];
  return copy as unknown as ReleaseProfile;
};
const prose = (id: string, field: Field, profile: ReleaseProfile): string => {
  const rule = getCatalogRule(id);
  if (rule === undefined) throw new Error(`no rule ${id}`);
  return documented(rule, profile)[field];
};
const table = (id: string, rows: ReadonlyArray<readonly [string, Field, ReleaseProfile, string]>) =>
  describe(id, () => {
    it.each(rows)('%s: %s', (_name, field, profile, expected) => {
      expect(prose(id, field, profile)).toBe(expected);
    });
  });

table('windows-os-version', [
  [
    'v3.16, builds without a minimum revision, or a later release',
    'description',
    CALICO_3_16,
    'Calico for Windows v3.16 supports Windows Server 2019 (1809) (build 17763) or a later release, or Windows Server 1903 (build 18362) or a later release.',
  ],
  [
    'v3.23, 17763.1432 and why',
    'description',
    CALICO_3_23,
    'Calico for Windows v3.23 supports Windows Server 2019 (1809) from build 17763.1432, or Windows Server 20H2 (build 19042). Build 17763.1432 is the Windows Server 1809 update that brought the direct server return Calico relies on.',
  ],
  [
    'another build at revision 1432 needs no word on DSR',
    'description',
    seed({ windowsBuilds: [{ release: '2022', build: 20348, minRevision: 1432 }] }),
    'Calico for Windows v3.23 supports Windows Server 2022 from build 20348.1432.',
  ],
  [
    '17763 at another revision needs no word on DSR',
    'description',
    seed({ windowsBuilds: [{ release: '1809', build: 17763, minRevision: 1500 }] }),
    'Calico for Windows v3.23 supports Windows Server 2019 (1809) from build 17763.1500.',
  ],
  ['v3.16, build numbers', 'passesWhen', CALICO_3_16, 'The build is 17763 or a later release, or 18362 or a later release.'],
  ['v3.23, build numbers and revisions', 'passesWhen', CALICO_3_23, 'The build is 17763 with revision 1432 or later, or 19042.'],
  ['v3.16', 'remediation', CALICO_3_16, 'Run Windows Server 2019 (1809) (build 17763) or a later release, or Windows Server 1903 (build 18362) or a later release.'],
  ['v3.23', 'remediation', CALICO_3_23, 'Run Windows Server 2019 (1809) updated to build 17763.1432 or later (install the latest cumulative update), or Windows Server 20H2 (build 19042).'],
  [
    'v3.27, each build updated',
    'remediation',
    CALICO_3_27_MANIFEST,
    'Run Windows Server 2019 (1809) updated to build 17763.1432 or later (install the latest cumulative update), or Windows Server 2022 updated to build 20348.169 or later (install the latest cumulative update).',
  ],
]);

table('platform-supported', [
  ['v3.16, two platforms', 'description', CALICO_3_16, 'Calico for Windows is documented for self-managed Kubernetes (including on-premises) and EKS. Other platforms (GKE, for example) are not supported by this release.'],
  [
    'v3.23, five platforms',
    'description',
    CALICO_3_23,
    'Calico for Windows is documented for self-managed Kubernetes (including on-premises), OpenShift, Rancher Kubernetes Engine, EKS and AKS. Other platforms (GKE, for example) are not supported by this release.',
  ],
  ['one platform', 'description', seed({ networkingByPlatform: { eks: ['eks-vpc-cni'] } }), 'Calico for Windows is documented for EKS. Other platforms (GKE, for example) are not supported by this release.'],
  ['one platform', 'passesWhen', seed({ networkingByPlatform: { aks: ['aks-azure-cni'] } }), "platform is 'aks'."],
  ['one platform', 'remediation', seed({ networkingByPlatform: { rke: ['calico-vxlan'] } }), 'Run the Windows nodes on a supported platform: RKE. If the platform is one of these under another name, set platform to its id.'],
  ['v3.16', 'remediation', CALICO_3_16, 'Run the Windows nodes on a supported platform: self-managed Kubernetes or EKS. If the platform is one of these under another name, set platform to its id.'],
  ['v3.23', 'remediation', CALICO_3_23, 'Run the Windows nodes on a supported platform: self-managed Kubernetes, OpenShift, RKE, EKS or AKS. If the platform is one of these under another name, set platform to its id.'],
]);

table('typha-ha', [
  [
    'v3.17, four workers',
    'description',
    CALICO_3_17,
    'On operator-managed Calico, the Tigera operator runs Typha, which fans datastore updates out to the Calico nodes. Typha is highly available only with four Linux worker nodes to spread its replicas over; with fewer, losing one node can cut nodes off from policy and routing updates.',
  ],
  [
    'a release without the number',
    'description',
    CALICO_3_16,
    'On operator-managed Calico, the Tigera operator runs Typha, which fans datastore updates out to the Calico nodes. Typha is highly available only with several Linux worker nodes to spread its replicas over; with fewer, losing one node can cut nodes off from policy and routing updates.',
  ],
  ['a release without the number', 'passesWhen', CALICO_3_16, "At least the release profile's number of Linux worker nodes (the release profile sets the number)."],
]);

table('windows-container-runtime', [
  [
    'two runtimes',
    'description',
    CALICO_3_23,
    'Calico for Windows sets up pod networking through the container runtime, and it works with two: containerd and Docker. One of them must be installed and running on each Windows node. When containerd is running Calico uses it; otherwise it assumes Docker.',
  ],
  ['one runtime', 'description', CALICO_3_30, 'Calico for Windows sets up pod networking through the container runtime, and this release works with containerd only. It must be installed and running on each Windows node.'],
  ['a runtime of no known name', 'description', seed({ containerRuntimes: ['cri-o'] }), 'Calico for Windows sets up pod networking through the container runtime, and this release works with cri-o only. It must be installed and running on each Windows node.'],
  ['v3.16 names none', 'description', CALICO_3_16, 'Calico for Windows sets up pod networking through the container runtime. The requirements of v3.16 name no container runtime, so this release does not check it.'],
  ['two runtimes', 'passesWhen', CALICO_3_23, "The node's container runtime is containerd or docker (any version)."],
  ['v3.16 names none', 'passesWhen', CALICO_3_16, "The node's container runtime is one the release supports (v3.16 names none)."],
  ['two runtimes', 'remediation', CALICO_3_23, 'Install and run containerd (or Docker) on the node, and point the kubelet at it; when both run, Calico uses containerd.'],
  ['one runtime', 'remediation', CALICO_3_17, 'Install and run Docker on the node, and point the kubelet at it.'],
  ['v3.16 names none', 'remediation', CALICO_3_16, 'Install and run a container runtime Calico for Windows supports on the node, and point the kubelet at it.'],
]);

table('aks-kubernetes-version', [
  ['v3.23, its minimum as the page writes it', 'description', CALICO_3_23, 'AKS offers Calico network policy for Windows node pools only from a minimum Kubernetes version (1.20 for this release); an older cluster cannot have it.'],
  ['a release without a minimum', 'description', CALICO_3_30, 'AKS offers Calico network policy for Windows node pools only from a minimum Kubernetes version (the release minimum for this release); an older cluster cannot have it.'],
  ['only a last .0 is left out', 'passesWhen', seed({ aksMinKubernetes: '1.0.5' }), 'kubernetes.version is at least the minimum for AKS (1.0.5 for v3.23).'],
  ['a release without a minimum', 'passesWhen', CALICO_3_30, 'kubernetes.version is at least the minimum for AKS (the release minimum for v3.30).'],
]);

table('linux-worker-node', [
  [
    'v3.30',
    'remediation',
    CALICO_3_30,
    'Add a Linux worker node that meets the Linux system requirements of Calico and runs Calico v3.27 or later, or remove the control-plane role (and its taint) from a Linux node meant to run workloads.',
  ],
  [
    'only a last .0 is left out',
    'remediation',
    seed({ minLinuxCalico: '3.0.1' }),
    'Add a Linux worker node that meets the Linux system requirements of Calico and runs Calico v3.0.1 or later, or remove the control-plane role (and its taint) from a Linux node meant to run workloads.',
  ],
]);

table('strict-affinity', [
  ['v3.23', 'remediation', CALICO_3_23, "Turn on strict affinity in Calico's IPAM configuration with calicoctl ipam configure."],
  ['v3.30', 'remediation', CALICO_3_30, "Turn on strict affinity in Calico's IPAM configuration with kubectl patch ipamconfigurations."],
  ['a release without the command', 'remediation', CALICO_3_16, "Turn on strict affinity in Calico's IPAM configuration with calicoctl or kubectl."],
]);

table('networking-supported', [
  ['v3.16', 'passesWhen', CALICO_3_16, 'kubernetes: calico-vxlan or cloud-provider; eks: eks-vpc-cni.'],
  ['v3.17: EKS with Calico networking too', 'passesWhen', CALICO_3_17, 'kubernetes: calico-bgp, calico-vxlan or cloud-provider; eks: eks-vpc-cni, calico-bgp or calico-vxlan.'],
  ['v3.23: platforms with the same options together', 'passesWhen', CALICO_3_23, 'kubernetes, openshift, rke: calico-bgp, calico-vxlan or cloud-provider; eks: eks-vpc-cni; aks: aks-azure-cni.'],
]);

const IPIP = "Windows has no IPIP support: with Calico CNI only VXLAN, or BGP without encapsulation, works. IPIP is Calico's default encapsulation, so a Linux cluster set up with defaults has it on its default IP pool, and Windows nodes cannot reach pods behind it.";
table('ipip-disabled', [
  ['the manual install reads FelixConfiguration too', 'description', CALICO_3_23, `${IPIP} The manual install's Windows installer also refuses a FelixConfiguration with ipipEnabled true.`],
  ['the operator install reads the pools alone', 'description', CALICO_3_30, `${IPIP} The operator install reads the IP pools alone: FelixConfiguration ipipEnabled is not part of this requirement.`],
  ['the manual install', 'passesWhen', CALICO_3_23, 'calico.ipipEnabled is not true and no enabled IP pool uses ipip or ipip-cross-subnet.'],
  ['the operator install', 'passesWhen', CALICO_3_30, 'No enabled IP pool uses ipip or ipip-cross-subnet.'],
]);

table('windows-remote-access', [
  ['v3.23, two methods', 'description', CALICO_3_23, 'Installing and operating Calico for Windows means running commands on each Windows node, so the node must be reachable remotely over Remote Desktop Protocol (RDP) or Windows Remote Management (WinRM).'],
  ['one method', 'description', seed({ remoteAccess: ['winrm'] }), 'Installing and operating Calico for Windows means running commands on each Windows node, so the node must be reachable remotely over Windows Remote Management (WinRM).'],
  ['v3.27 (manual), three methods', 'passesWhen', CALICO_3_27_MANIFEST, "remoteAccess includes 'rdp', 'winrm' or 'ssh'."],
  ['one method', 'passesWhen', seed({ remoteAccess: ['rdp'] }), "remoteAccess includes 'rdp'."],
]);
