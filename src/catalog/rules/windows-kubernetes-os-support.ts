import { kubernetesWindowsSupport } from '../tables/kubernetes.js';
import { minorLine } from '../../model/version.js';
import { supportedBuild } from '../../model/release.js';
import { windowsBuildOf, windowsReleaseName } from '../../model/windows.js';
import { defineNodeRule } from '../../engine/define.js';
import { fail, pass, unknown, type RuleDocs } from '../../engine/rule.js';

const releaseLists = new WeakMap<readonly string[], string>();

/** A table row's Windows Server releases for messages, made once per row. */
function releaseList(ids: readonly string[]): string {
  let list = releaseLists.get(ids);
  if (list === undefined) {
    list = ids.map(windowsReleaseName).join(', ');
    releaseLists.set(ids, list);
  }
  return list;
}

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    "Calico for Windows supporting a Windows Server release is not enough: each Kubernetes minor version supports only some Windows Server releases on its nodes (Kubernetes' Windows OS version support table), because the kubelet, kube-proxy and the container images are built and tested per release. A node whose Windows Server release its Kubernetes version does not list runs an untested combination. The table's rows for Kubernetes 1.17 to 1.36 are encoded, each from the Kubernetes documentation's history; a Kubernetes version outside them is reported as unknown, never guessed. From 1.35 the table lists Windows Server 2022 and 2025 only, while Calico's pages still list Windows Server 2019 (1809) and none lists 2025: where the two sources disagree on a node, the message says which says what.",
  appliesWhen: 'On each Windows node, once its build and the Kubernetes version are known.',
  passesWhen:
    "The node's Windows Server release is one Kubernetes' Windows OS version support table lists for the cluster's Kubernetes minor version.",
};

export default defineNodeRule({
  id: 'windows-kubernetes-os-support',
  title: 'Kubernetes supports the Windows Server version',
  severity: 'warning',
  sections: ['Windows platform requirements'],
  remediation:
    "Run a Windows Server release the cluster's Kubernetes version supports, or a Kubernetes version that supports the node's release (see Kubernetes' Windows OS version support table).",
  requires: ['kubernetes.version', 'node.osBuild'],
  check: ({ kubernetes }, node, { kubernetesVersion, profile }) => {
    if (kubernetesVersion === undefined)
      return unknown(`Kubernetes version '${kubernetes.version}' cannot be read as a version.`, ['kubernetes.version']);
    const minor = minorLine(kubernetesVersion);
    const parsed = windowsBuildOf(node.osBuild);
    if (parsed === undefined)
      return fail(`Node ${node.name}: '${node.osBuild}' is not a Windows build, so no Kubernetes version can support it.`);
    const release = parsed.release;
    if (release === undefined)
      return fail(
        `Node ${node.name}: Windows build ${parsed.build} ('${node.osBuild}') is not a Windows Server release the library knows, so Kubernetes ${minor} cannot be shown to support it.`,
      );
    const row = kubernetesWindowsSupport(minor);
    if (row === undefined)
      // No fact would decide this: the library's table does not cover the version.
      return unknown(
        `Kubernetes' Windows OS version support table, as the library has it, does not cover Kubernetes ${minor} (${kubernetes.version}); whether it supports ${release.displayName} on node ${node.name} is not guessed: check Kubernetes' Windows OS version support table for ${minor} by hand.`,
        [],
      );
    const supported = (row.windows as readonly string[]).includes(release.id);
    const list = releaseList(row.windows);
    const then = row.asReleased === undefined ? undefined : (row.asReleased.windows as readonly string[]).includes(release.id);
    // Stryker disable next-line StringLiteral: a release a table added later passes, and a pass names no history, so 'did not list … yet' is never shown
    const released = then === undefined || then === supported ? '' : ` (when ${minor} was released, its table ${then ? `still listed ${release.displayName}` : `did not list ${release.displayName} yet`})`;
    // The two sources of this node's support: Kubernetes' table (this rule) and Calico's page (windows-os-version).
    const calico = supportedBuild(profile.windowsBuilds, parsed.build) !== undefined;
    const disagree =
      calico === supported
        ? ''
        : ` The sources disagree: Calico v${profile.release}'s requirements page ${calico ? 'lists' : 'does not list'} ${release.displayName} (windows-os-version checks the node against it), Kubernetes' Windows OS version support table ${supported ? 'lists' : 'does not list'} it for ${minor} (this ${supported ? 'rule' : 'warning'}).`;
    return supported
      ? pass(`Node ${node.name}: Kubernetes ${minor} supports ${release.displayName} (build ${node.osBuild}).${disagree}`)
      : fail(
          `Node ${node.name}: Kubernetes ${minor} does not support ${release.displayName} (build ${node.osBuild}); it supports ${list}${released}.${disagree}`,
          `Run ${list} on node ${node.name}, or a Kubernetes version whose Windows OS version support includes ${release.displayName}.`,
        );
  },
});
