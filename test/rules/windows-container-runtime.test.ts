import { describe, expect, it } from 'vitest';
import type { WindowsNodeFacts } from '../../src/model/facts.js';
import { CALICO_3_30, findRelease } from '../../src/catalog/releases.js';
import { ruleDocs } from '../../src/catalog/docs.js';
import { findingOf, goodWindowsNode, ruleTable } from './harness.js';

type Optional = Exclude<keyof WindowsNodeFacts, 'os' | 'name'>;
const win = (patch: Partial<WindowsNodeFacts> = {}, ...omit: Optional[]): WindowsNodeFacts => {
  const node: WindowsNodeFacts = { ...goodWindowsNode, remoteAccess: [...goodWindowsNode.remoteAccess], ...patch };
  for (const key of omit) delete node[key];
  return node;
};

const runtime = (containerRuntime: string) => ({ nodes: [win({ containerRuntime })] });

describe('windows-container-runtime', () => {
  ruleTable('windows-container-runtime', [
    { name: 'with both runtimes supported, a failure keeps the rule remediation', facts: { nodes: [win({ containerRuntime: 'cri-o://1.24.0' })] }, subject: 'win-1', status: 'fail', remediation: /^Install and run containerd \(or Docker\) on the node, and point the kubelet at it; when both run, Calico uses containerd\.$/ },
    { name: 'containerd passes', facts: runtime('containerd://1.6.6'), subject: 'win-1', status: 'pass', message: /win-1 runs containerd 1\.6\.6.*even alongside Docker/ },
    { name: 'Docker passes, noting containerd wins when both run', facts: runtime('docker://19.3.14'), subject: 'win-1', status: 'pass', message: /docker 19\.3\.14.*If containerd also runs/ },
    { name: 'a bare runtime name passes (any version)', facts: runtime('containerd'), subject: 'win-1', status: 'pass', message: /runs containerd,/ },
    { name: 'the name is read case-insensitively', facts: runtime('Docker://20.10.9'), subject: 'win-1', status: 'pass' },
    {
      name: 'another runtime fails, naming it',
      facts: runtime('cri-o://1.24.1'),
      subject: 'win-1',
      status: 'fail',
      message: /win-1 runs cri-o 1\.24\.1.*containerd or docker/,
      remediation: /containerd/,
    },
    { name: 'an unreadable runtime fails, naming it', facts: runtime('not a runtime'), subject: 'win-1', status: 'fail', message: /'not a runtime' is not a container runtime/ },
    { name: 'an absent runtime is unknown', facts: { nodes: [win({}, 'containerRuntime')] }, subject: 'win-1', status: 'unknown', missing: ['nodes[win-1].containerRuntime'] },
    { name: 'no nodes at all is unknown for the cluster', facts: {}, status: 'unknown', missing: ['nodes'] },
    {
      name: 'each Windows node gets its own finding',
      facts: { nodes: [win(), win({ name: 'win-2', containerRuntime: 'cri-o://1.24.1' })] },
      subject: 'win-2',
      status: 'fail',
      message: /win-2/,
    },
    { name: 'a release with one runtime names the release, not a choice between two', release: CALICO_3_30, facts: runtime('containerd://1.7.2'), subject: 'win-1', status: 'pass', message: /^Node win-1 runs containerd 1\.7\.2, the runtime Calico v3\.30 supports\.$/ },
    { name: 'a release with one runtime refuses the other', release: CALICO_3_30, facts: runtime('docker://20.10.9'), subject: 'win-1', status: 'fail', message: /^Node win-1 runs docker 20\.10\.9 \('docker:\/\/20\.10\.9'\); Calico for Windows needs containerd\.$/, remediation: /^Install and run containerd on the node, and point the kubelet at it\.$/ },
    { name: 'a sibling node does not affect this one', facts: { nodes: [win(), win({ name: 'win-2', containerRuntime: 'cri-o' })] }, subject: 'win-1', status: 'pass' },
  ]);

  it('is an error', () => {
    expect(findingOf('windows-container-runtime', runtime('docker'), 'win-1').severity).toBe('error');
  });
});

// Rule prose follows the release's page (issue: "windows-container-runtime's containerd sentence before
// v3.22.1"): "Docker or containerd is installed and running" from v3.19.0; "if containerd is running it is
// used, otherwise Docker is assumed" only from v3.22.1 (upstream.md §1, revision F).
describe('windows-container-runtime before v3.22.1: no word on which runtime Calico picks', () => {
  for (const release of ['v3.19.1', '3.20', 'v3.22.0'])
    ruleTable(
      'windows-container-runtime',
      [
        { name: `${release}: Docker passes, with no containerd sentence`, facts: runtime('docker://19.03.14'), subject: 'win-1', status: 'pass', message: /^Node win-1 runs docker 19\.03\.14, a supported runtime\.$/ },
        { name: `${release}: a failure's remediation says nothing of which one wins`, facts: runtime('cri-o://1.24.0'), subject: 'win-1', status: 'fail', remediation: /^Install and run containerd \(or Docker\) on the node, and point the kubelet at it\.$/ },
      ],
      findRelease(release).profile,
    );

  it('says it from v3.22.1 on', () => {
    expect(findingOf('windows-container-runtime', runtime('docker://19.03.14'), 'win-1', findRelease('v3.22.1').profile).message).toMatch(/If containerd also runs/);
    const docs = (release: string) => ruleDocs({ id: 'windows-container-runtime' }, findRelease(release).profile).description;
    expect(docs('3.21')).not.toMatch(/When containerd is running/);
    expect(docs('3.23')).toMatch(/When containerd is running Calico uses it; otherwise it assumes Docker\.$/);
  });
});

