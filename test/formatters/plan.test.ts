import { describe, expect, it } from 'vitest';
import { formatPlanMarkdown, formatPlanText } from '../../src/formatters/plan.js';
import { planNetworking } from '../../src/planner/plan.js';
import { CALICO_RELEASES } from '../../src/catalog/releases.js';
import { cluster, linuxNode, windowsNode } from '../../src/testing/builders.js';
import { exampleFacts } from '../planner/helpers.js';

const lines = (text: string): string[] => text.trimEnd().split('\n');

// A VXLAN cluster whose three Windows nodes lack the RemoteAccess service: the example.
const vxlan = cluster.kubernetes({
  nodes: [
    linuxNode({ name: 'cp-1', roles: ['control-plane'] }),
    ...[1, 2, 3].map((i) => linuxNode({ name: `worker-${i}` })),
    ...[1, 2, 3].map((i) => windowsNode({ name: `win-${i}`, remoteAccessServiceInstalled: false })),
  ],
});

describe('formatPlanText', () => {
  const text = formatPlanText(planNetworking(vxlan), { input: 'facts: cluster.yaml' });

  it('heads with the platform and networking, lists the options best first, and answers last', () => {
    expect(lines(text)[0]).toBe('Networking plan for Windows nodes: platform kubernetes, networking calico-vxlan');
    expect(lines(text)[1]).toBe('facts: cluster.yaml');
    const order = ['1. calico-vxlan', '2. cloud-provider', '3. calico-bgp'].map((h) => text.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('  1. calico-vxlan — Calico CNI with VXLAN — VIABLE (in use)');
    expect(lines(text).at(-1)).toBe('Answer: VIABLE — calico-vxlan (Calico CNI with VXLAN) works.');
  });

  it("shows what Calico BGP would take: the facts it sets, its own changes, the RemoteAccess service on each node", () => {
    const bgp = text.slice(text.indexOf('3. calico-bgp'));
    expect(bgp).toContain('calico.bgpEnabled                                  false → true');
    expect(bgp).toContain(
      "• ip-pool-encapsulation: IP pool encapsulation matches the networking — on 1 IP pool: default-ipv4-ippool (the option's own change)",
    );
    expect(bgp).toContain(`→ calicoctl patch ippool default-ipv4-ippool -p '{"spec":{"ipipMode":"Never","vxlanMode":"Never"}}'`);
    expect(bgp).toContain('✗ windows-remoteaccess-service: RemoteAccess service is installed (Calico BGP) — on 3 Windows nodes: win-1, win-2, win-3');
    // The node rule's fix is shown under each node, once.
    expect(bgp).toMatch(/win-1: not-ready\n\s+✗ windows-remoteaccess-service: Node win-1: .*\n\s+→ On the node, in PowerShell as Administrator: Install-WindowsFeature RemoteAccess/);
    expect(bgp.match(/Install-WindowsFeature RemoteAccess/g)).toHaveLength(3);
  });

  it('lists unknown facts with how to find them, a node\'s under the node', () => {
    const open = formatPlanText(planNetworking(exampleFacts('self-managed-bgp')));
    expect(open).toContain('? network.vxlanPortOpen (vxlan-port-open): check that UDP 4789 is allowed');
    const unknownNode = formatPlanText(planNetworking(exampleFacts('self-managed-vxlan')));
    expect(unknownNode).toMatch(/win-1: unknown\n\s+\? nodes\[win-1\]\.remoteAccessServiceInstalled \(windows-remoteaccess-service\): on the node: Get-Service RemoteAccess\./);
    expect(unknownNode).not.toContain('Unknown (');
  });

  it('with several releases, ranks the options across them first', () => {
    const upgrade = formatPlanText(planNetworking(exampleFacts('aks'), { release: ['3.23', '3.28/operator'], profiles: CALICO_RELEASES }));
    expect(upgrade).toContain('Across the releases\n  1. aks-azure-cni  BLOCKED (in use)\n     viable under v3.23 (manifest); blocked under v3.28 (operator); the only option.');
    expect(upgrade.indexOf('Calico for Windows v3.23 (manifest install)')).toBeLessThan(upgrade.indexOf('Calico for Windows v3.28 (operator install)'));
    expect(lines(upgrade).at(-1)).toBe('Answer: BLOCKED — no option works under every release planned; the best, aks-azure-cni (Azure CNI), is blocked.');
  });

  it('without options: says why, and what is needed', () => {
    expect(formatPlanText(planNetworking({}))).toContain("? platform: set platform to 'kubernetes'");
    expect(lines(formatPlanText(planNetworking({}))).at(-1)).toBe('Answer: OPEN — no option can be named until the platform is known.');
    const gke = formatPlanText(planNetworking({ platform: 'gke' }));
    expect(gke).toContain("✗ platform-supported  Platform 'gke' is not supported");
    expect(lines(gke).at(-1)).toBe('Answer: BLOCKED — no networking option: the platform is not supported.');
  });

  it('shows values from the input as escapes: they cannot restyle or rewrite the terminal', () => {
    const hostile = formatPlanText(planNetworking({ platform: 'gke\u001b[2J\rkubernetes', networking: 'x\u202ey' }));
    expect(hostile).not.toMatch(/[\u001b\r\u202e]/);
    expect(hostile).toContain('gke\\u001b[2J\\u000dkubernetes');
  });

  it('colours only when asked', () => {
    expect(text).not.toContain('\u001b[');
    expect(formatPlanText(planNetworking(vxlan), { color: true })).toContain('\u001b[32m');
  });
});

describe('formatPlanMarkdown', () => {
  const md = formatPlanMarkdown(planNetworking(vxlan), { input: 'cluster.yaml' });

  it('heads with the answer, then a table of the options and a section for each', () => {
    expect(lines(md)[0]).toBe('## ✅ Networking plan: calico-vxlan (Calico CNI with VXLAN) works');
    expect(md).toContain('platform `kubernetes` · networking `calico-vxlan` · facts: `cluster.yaml`');
    expect(md).toContain('| Rank | Option | Status | Changes | Why |');
    expect(md).toMatch(/\| 1 \| `calico-vxlan` Calico CNI with VXLAN \(in use\) \| ✅ viable \| 0 \| /);
    expect(md).toContain('#### 3. `calico-bgp` Calico CNI with BGP: ❌ blocked');
    expect(formatPlanMarkdown(planNetworking(vxlan), { headingLevel: 1 }).startsWith('# ')).toBe(true);
  });

  it('puts commands in fenced blocks and each node\'s changes under it', () => {
    expect(md).toContain("| `calico.bgpEnabled` | `false` | `true` |");
    expect(md).toMatch(/- ❌ \[`windows-remoteaccess-service`\]\([^)]+\) RemoteAccess service is installed \(Calico BGP\) — on 3 Windows nodes: win-1, win-2, win-3/);
    expect(md).toMatch(/- `win-1`: ❌ not ready\n\n {2}- ❌ \[`windows-remoteaccess-service`\]/);
    const tls = formatPlanMarkdown(planNetworking(exampleFacts('broken-cluster')));
    expect(tls).toContain('    ```sh\n    [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12\n    ```');
  });

  it('escapes values from the input', () => {
    const hostile = formatPlanMarkdown(planNetworking({ platform: 'gke | <b>`x`</b>' }));
    // In a code span, as the report's Markdown writes one; in prose, escaped.
    expect(hostile).toContain("platform `gke \\| <b>'x'</b>`");
    expect(hostile).toContain("Platform 'gke \\| &lt;b&gt;\\`x\\`&lt;/b&gt;' is not supported by Calico v3.23 (manifest)");
    expect(hostile.replace(/`[^`\n]*`/g, '')).not.toMatch(/<b>/);
  });
});
