import { describe, expect, it } from 'vitest';
import type { WindowsNodeFacts } from '../../src/model/facts.js';
import { CALICO_3_30 } from '../../src/catalog/releases.js';
import { findingOf, goodWindowsNode, ruleTable } from './harness.js';

type Optional = Exclude<keyof WindowsNodeFacts, 'os' | 'name'>;
const win = (patch: Partial<WindowsNodeFacts> = {}, ...omit: Optional[]): WindowsNodeFacts => {
  const node: WindowsNodeFacts = { ...goodWindowsNode, remoteAccess: [...goodWindowsNode.remoteAccess], ...patch };
  for (const key of omit) delete node[key];
  return node;
};

const k8s = (version: string | undefined, osBuild: string | undefined) => {
  const node = osBuild === undefined ? win({}, 'osBuild') : win({ osBuild });
  return version === undefined ? { nodes: [node] } : { kubernetes: { version }, nodes: [node] };
};

describe('windows-kubernetes-os-support', () => {
  ruleTable('windows-kubernetes-os-support', [
    // Rows that pin down messages and remediations, from the mutation-testing review.
    { name: "an unvalidated Kubernetes version that is no version is unknown", facts: { kubernetes: { version: 'latest' }, nodes: [goodWindowsNode] }, status: 'unknown', subject: "win-1", missing: ["kubernetes.version"], message: /^Kubernetes version 'latest' cannot be read as a version\.$/ },
    { name: "an unvalidated build that is no build fails", facts: { kubernetes: { version: '1.21' }, nodes: [{ ...goodWindowsNode, osBuild: 'nope' }] }, status: 'fail', subject: "win-1", message: /^Node win-1: 'nope' is not a Windows build, so no Kubernetes version can support it\.$/ },
    { name: "a build of no known release fails", facts: { kubernetes: { version: '1.21' }, nodes: [{ ...goodWindowsNode, osBuild: '10.0.12345.1' }] }, status: 'fail', subject: "win-1", message: /^Node win-1: Windows build 12345 \('10\.0\.12345\.1'\) is not a Windows Server release the library knows, so Kubernetes 1\.21 cannot be shown to support it\.$/ },
    { name: 'Kubernetes 1.21 supports 20H2', facts: k8s('1.21.3', '10.0.19042.1110'), subject: 'win-1', status: 'pass', message: /win-1: Kubernetes 1\.21 supports Windows Server 20H2/ },
    { name: 'Kubernetes 1.22 supports 2019/1809', facts: k8s('v1.22.4', '10.0.17763.1432'), subject: 'win-1', status: 'pass', message: /Windows Server 2019/ },
    { name: 'the revision does not matter here', facts: k8s('1.22.0', '10.0.17763'), subject: 'win-1', status: 'pass' },
    { name: 'a vendor version string is read (EKS 1.20 supports 2004)', facts: k8s('v1.20.4-eks-6b7464', '10.0.19041.685'), subject: 'win-1', status: 'pass' },
    { name: 'Kubernetes 1.17 supports 1809', facts: k8s('1.17.0', '17763.1432'), subject: 'win-1', status: 'pass' },
    {
      name: 'Kubernetes 1.21 does not support 1909',
      facts: k8s('1.21.3', '10.0.18363.1556'),
      subject: 'win-1',
      status: 'fail',
      message: /win-1: Kubernetes 1\.21 does not support Windows Server 1909 .*it supports Windows Server 2019 \(1809\), Windows Server 2004, Windows Server 20H2/,
      remediation: /win-1/,
    },
    { name: 'Kubernetes 1.22 does not support 2022', facts: k8s('1.22.2', '10.0.20348.169'), subject: 'win-1', status: 'fail', message: /Windows Server 2022/ },
    { name: 'Kubernetes 1.18 does not support 20H2', facts: k8s('1.18.20', '10.0.19042'), subject: 'win-1', status: 'fail', message: /Kubernetes 1\.18 does not support Windows Server 20H2/ },
    { name: 'a build the library cannot map fails, naming it', facts: k8s('1.21.3', '10.0.99999.1'), subject: 'win-1', status: 'fail', message: /build 99999/ },
    {
      name: 'a Kubernetes version the table does not cover is unknown, with nothing to provide',
      facts: k8s('1.37.0', '10.0.20348.2113'),
      subject: 'win-1',
      status: 'unknown',
      missing: [],
      message: /does not cover Kubernetes 1\.37/,
    },
    // The rows from 1.23 (upstream-verification.md, item 1): every tested Kubernetes version of v3.22.1 to v3.32.
    { name: 'Kubernetes 1.23 supports 2019/1809 (kubernetes/website @ebe842eb1fa6)', facts: k8s('v1.23.17', '10.0.17763.1432'), subject: 'win-1', status: 'pass', message: /^Node win-1: Kubernetes 1\.23 supports Windows Server 2019 \(1809\) \(build 10\.0\.17763\.1432\)\.$/ },
    { name: 'Kubernetes 1.23 no longer lists 2004', facts: k8s('1.23.5', '10.0.19041.685'), subject: 'win-1', status: 'fail', message: /it supports Windows Server 2019 \(1809\), Windows Server 2022, Windows Server 20H2\./ },
    { name: 'Kubernetes 1.29 supports 2022 (@fd224a167fd4)', facts: k8s('v1.29.4-eks-036c24b', '10.0.20348.2113'), subject: 'win-1', status: 'pass' },
    { name: 'Kubernetes 1.34 still lists 20H2 (@a188498d1c33)', facts: k8s('1.34.1', '10.0.19042.1110'), subject: 'win-1', status: 'pass' },
    { name: 'Kubernetes 1.34 does not list 2025', facts: k8s('1.34.1', '10.0.26100.1742'), subject: 'win-1', status: 'fail', message: /Kubernetes 1\.34 does not support Windows Server 2025/ },
    { name: 'Kubernetes 1.36 lists 2022 and 2025 only (kubernetes/website#53724, #55103)', facts: k8s('1.36.0', '10.0.19042.1110'), subject: 'win-1', status: 'fail', message: /it supports Windows Server 2022, Windows Server 2025\./ },
    { name: 'an older uncovered version is unknown too', facts: k8s('1.16.0', '10.0.17763.1432'), subject: 'win-1', status: 'unknown', missing: [] },
    { name: 'an absent Kubernetes version is unknown', facts: k8s(undefined, '10.0.17763.1432'), subject: 'win-1', status: 'unknown', missing: ['kubernetes.version'] },
    { name: 'an absent build is unknown', facts: k8s('1.21.3', undefined), subject: 'win-1', status: 'unknown', missing: ['nodes[win-1].osBuild'] },
    { name: 'both absent names both', facts: k8s(undefined, undefined), subject: 'win-1', status: 'unknown', missing: ['kubernetes.version', 'nodes[win-1].osBuild'] },
    { name: 'no nodes at all is unknown for the cluster', facts: { kubernetes: { version: '1.21.3' } }, status: 'unknown', missing: ['nodes'] },
    { name: 'no Windows node is unknown for the cluster', facts: { kubernetes: { version: '1.21.3' }, nodes: [{ os: 'linux', name: 'l1' }] }, status: 'unknown', missing: ['nodes[os=windows]'] },
    {
      name: 'each Windows node gets its own finding',
      facts: { kubernetes: { version: '1.21.3' }, nodes: [win(), win({ name: 'win-2', osBuild: '10.0.18363.1556' })] },
      subject: 'win-2',
      status: 'fail',
      message: /win-2/,
    },
    {
      name: 'a sibling node does not affect this one',
      facts: { kubernetes: { version: '1.21.3' }, nodes: [win(), win({ name: 'win-2', osBuild: '10.0.18363.1556' })] },
      subject: 'win-1',
      status: 'pass',
    },
  ]);

  describe('where Kubernetes and Calico disagree (Kubernetes 1.35+ against Calico v3.30)', () => {
    ruleTable(
      'windows-kubernetes-os-support',
      [
        {
          name: 'a 2019 node on 1.35: Kubernetes dropped it after the release, Calico still lists it',
          facts: k8s('v1.35.2', '10.0.17763.6414'),
          subject: 'win-1',
          status: 'fail',
          message:
            "Node win-1: Kubernetes 1.35 does not support Windows Server 2019 (1809) (build 10.0.17763.6414); it supports Windows Server 2022, Windows Server 2025 (when 1.35 was released, its table still listed Windows Server 2019 (1809)). The sources disagree: Calico v3.30's requirements page lists Windows Server 2019 (1809) (windows-os-version checks the node against it), Kubernetes' Windows OS version support table does not list it for 1.35 (this warning).",
        },
        {
          name: 'a 2025 node on 1.35: Kubernetes lists it, no Calico page does',
          facts: k8s('1.35.0', '10.0.26100.1742'),
          subject: 'win-1',
          status: 'pass',
          message:
            "Node win-1: Kubernetes 1.35 supports Windows Server 2025 (build 10.0.26100.1742). The sources disagree: Calico v3.30's requirements page does not list Windows Server 2025 (windows-os-version checks the node against it), Kubernetes' Windows OS version support table lists it for 1.35 (this rule).",
        },
        {
          name: 'a 2016 node on 1.35: neither table of 1.35 lists it, no history to tell',
          facts: k8s('1.35.0', '10.0.14393.4046'),
          subject: 'win-1',
          status: 'fail',
          message: /^Node win-1: Kubernetes 1\.35 does not support Windows Server 2016 \(1607\) \(build 10\.0\.14393\.4046\); it supports Windows Server 2022, Windows Server 2025\.$/,
        },
        { name: 'a 2022 node on 1.35: both list it, nothing to explain', facts: k8s('1.35.0', '10.0.20348.2762'), subject: 'win-1', status: 'pass', message: /^Node win-1: Kubernetes 1\.35 supports Windows Server 2022 \(build 10\.0\.20348\.2762\)\.$/ },
        { name: 'a 2019 node on 1.31: both list it', facts: k8s('1.31.4', '10.0.17763.6414'), subject: 'win-1', status: 'pass', message: /^Node win-1: Kubernetes 1\.31 supports Windows Server 2019 \(1809\) \(build 10\.0\.17763\.6414\)\.$/ },
      ],
      CALICO_3_30,
    );
  });

  it('is a warning: Kubernetes support is advisory for Calico', () => {
    expect(findingOf('windows-kubernetes-os-support', k8s('1.21.3', '10.0.18363.1556'), 'win-1').severity).toBe('warning');
  });
});
