// Rule prose that names release values is a function of the release's data: the rule reference,
// `explain --release` and `rules --release` never state v3.23's values under another release.
import { describe, expect, it } from 'vitest';
import { documented, ruleDocs, type RenderedDocs } from '../src/catalog/docs.js';
import type { ReleaseProfile } from '../src/engine/rule.js';
import { getCatalogRule } from '../src/catalog/later-rules.js';
import { CALICO_3_23 } from '../src/catalog/default.js';
import { CALICO_3_16, CALICO_3_17, CALICO_3_20, CALICO_3_26, CALICO_3_27_MANIFEST, CALICO_3_30, CALICO_RELEASES } from '../src/catalog/releases.js';
import { formatRuleDoc } from '../src/formatters/rule-doc.js';

const rule = (id: string) => {
  const found = getCatalogRule(id);
  if (!found) throw new Error(id);
  return found;
};

describe('rule prose under each release', () => {
  const rows: ReadonlyArray<readonly [string, keyof RenderedDocs, ReleaseProfile, string]> = [
    ['windows-os-version', 'passesWhen', CALICO_3_23, 'The build is 17763 with revision 1432 or later, or 19042.'],
    ['windows-os-version', 'passesWhen', CALICO_3_30, 'The build is 17763 with revision 1432 or later, or 20348 with revision 169 or later.'],
    ['kubernetes-version', 'passesWhen', CALICO_3_30, 'The minor line of kubernetes.version (1.22 for v1.22.4-eks-0389ca3) is one the release was tested against (1.31, 1.32, 1.33, 1.34, 1.35 for v3.30).'],
    ['linux-calico-version', 'passesWhen', CALICO_3_30, 'calico.version is at least the release minimum (3.27.0 for v3.30).'],
    ['typha-ha', 'passesWhen', CALICO_3_17, 'At least four Linux worker nodes (the release profile sets the number).'],
    ['typha-ha', 'passesWhen', CALICO_3_23, 'At least three Linux worker nodes (the release profile sets the number).'],
    ['platform-supported', 'passesWhen', CALICO_3_16, "platform is 'kubernetes' or 'eks'."],
    ['platform-supported', 'passesWhen', CALICO_3_23, "platform is 'kubernetes', 'openshift', 'rke', 'eks' or 'aks'."],
    ['networking-supported', 'passesWhen', CALICO_3_23, 'kubernetes, openshift, rke: calico-bgp, calico-vxlan or cloud-provider; eks: eks-vpc-cni; aks: aks-azure-cni.'],
    ['networking-supported', 'passesWhen', CALICO_3_16, 'kubernetes: calico-vxlan or cloud-provider; eks: eks-vpc-cni.'],
    ['aks-kubernetes-version', 'passesWhen', CALICO_3_26, 'kubernetes.version is at least the minimum for AKS (1.20 for v3.26).'],
    ['windows-container-runtime', 'passesWhen', CALICO_3_17, "The node's container runtime is docker (any version)."],
    // docs/upstream-verification.md item 12: no seed wording under another release.
    ['windows-os-version', 'passesWhen', CALICO_3_17, 'The build is 17763 or a later release, or 18362 or a later release.'],
    ['windows-remote-access', 'passesWhen', CALICO_3_23, "remoteAccess includes 'rdp' or 'winrm'."],
    ['windows-remote-access', 'passesWhen', CALICO_3_27_MANIFEST, "remoteAccess includes 'rdp', 'winrm' or 'ssh'."],
    ['windows-remote-access', 'description', CALICO_3_27_MANIFEST, 'Installing and operating Calico for Windows means running commands on each Windows node, so the node must be reachable remotely over Remote Desktop Protocol (RDP), Windows Remote Management (WinRM) or ssh.'],
    ['ipip-disabled', 'passesWhen', CALICO_3_30, 'No enabled IP pool uses ipip or ipip-cross-subnet.'],
    ['ipip-disabled', 'passesWhen', CALICO_3_23, 'calico.ipipEnabled is not true and no enabled IP pool uses ipip or ipip-cross-subnet.'],
    ['windows-container-runtime', 'description', CALICO_3_20, 'Calico for Windows sets up pod networking through the container runtime, and it works with two: containerd and Docker. One of them must be installed and running on each Windows node.'],
  ];
  it.each(rows.map(([id, field, profile, expected]) => [id, field, profile.release, profile, expected] as const))('%s %s under v%s', (id, field, _release, profile, expected) => {
    expect(ruleDocs(rule(id), profile)[field]).toBe(expected);
  });

  it('a release with one runtime is never told which of two Calico picks', () => {
    const docs = documented(rule('windows-container-runtime'), CALICO_3_17);
    expect(docs.description).not.toMatch(/containerd/);
    expect(docs.remediation).toBe('Install and run Docker on the node, and point the kubelet at it.');
  });

  it("remediation names the release's own command and minimum", () => {
    expect(documented(rule('strict-affinity'), CALICO_3_23).remediation).toMatch(/with calicoctl ipam configure\.$/);
    expect(documented(rule('strict-affinity'), CALICO_3_30).remediation).toMatch(/with kubectl patch ipamconfigurations\.$/);
    expect(documented(rule('linux-worker-node'), CALICO_3_30).remediation).toMatch(/runs Calico v3\.27 or later/);
  });

  it('every rule of every release renders, citing that release and no other', () => {
    for (const profile of CALICO_RELEASES)
      for (const r of profile.rules) {
        const text = formatRuleDoc(r, profile);
        if (r.sections.length > 0) expect(text, `${r.id} under v${profile.release}`).toContain(`[Calico for Windows v${profile.release} requirements]`);
        if (profile.release !== '3.23') expect(text, `${r.id} under v${profile.release}`).not.toMatch(/v3\.23\b/);
      }
  });
});
