import { describe, expect, it } from 'vitest';
import { evaluateCompatibility } from '../../src/api.js';
import { CompatError } from '../../src/model/errors.js';
import type { ClusterFacts, NodeFacts, WindowsNodeFacts } from '../../src/model/facts.js';
import { planNetworking } from '../../src/planner/plan.js';
import type { NetworkingPlan, OptionPlan, PlanOptions } from '../../src/planner/types.js';
import { CALICO_3_16, CALICO_3_28, CALICO_RELEASES } from '../../src/catalog/releases.js';
import { cluster, linuxNode, windowsNode } from '../../src/testing/builders.js';
import { CLUSTERS } from '../adapters/helpers.js';
import { EXAMPLES, exampleFacts, expectAgreesWithEvaluate, fixtureFacts } from './helpers.js';

/** Each option of the first release plan as `networking:status:changes`, `*` marking the one in use. */
const ranking = (plan: NetworkingPlan): string[] =>
  (plan.releases[0]?.options ?? []).map((o) => `${o.networking}:${o.status}:${o.changes.length}${o.current ? '*' : ''}`);

const option = (plan: NetworkingPlan, networking: string, release = 0): OptionPlan => {
  const found = plan.releases[release]?.options.find((o) => o.networking === networking);
  if (found === undefined) throw new Error(`no ${networking} under release ${release}`);
  return found;
};

const current = (plan: NetworkingPlan): OptionPlan => {
  const found = plan.releases[0]?.options.find((o) => o.current);
  if (found === undefined) throw new Error('no option in use');
  return found;
};

describe('planNetworking on the example clusters', () => {
  // Worked out from the facts: the option in use is judged as they are; the others with their own facts set.
  const EXPECTED: Record<string, { status: string; ranking: string[] }> = {
    aks: { status: 'viable', ranking: ['aks-azure-cni:viable:0*'] },
    'broken-cluster': { status: 'blocked', ranking: ['cloud-provider:blocked:8', 'calico-vxlan:blocked:12', 'calico-bgp:blocked:13*'] },
    eks: { status: 'viable', ranking: ['eks-vpc-cni:viable:0*'] },
    'self-managed-bgp': { status: 'viable', ranking: ['calico-bgp:viable:0*', 'cloud-provider:viable:1', 'calico-vxlan:open:2'] },
    'self-managed-vxlan': { status: 'viable', ranking: ['calico-vxlan:viable:0*', 'cloud-provider:viable:1', 'calico-bgp:open:1'] },
  };

  it('covers every example cluster', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(EXAMPLES);
  });

  it.each(EXAMPLES)('%s: ranks the platform options and agrees with evaluateCompatibility on the option in use', (name) => {
    const facts = exampleFacts(name);
    const plan = planNetworking(facts);
    expect({ status: plan.status, ranking: ranking(plan) }).toEqual(EXPECTED[name]);
    expect(plan.best).toBe(plan.options[0]?.networking);
    expect(plan.platform).toBe(facts.platform);
    expect(plan.networking).toBe(facts.networking);
    expectAgreesWithEvaluate(facts, current(plan));
  });
});

describe('planNetworking on the real-cluster fixtures (kubectl output and extra.yaml, as the CLI reads them)', () => {
  const EXPECTED: Record<string, { status: string; ranking: string[] }> = {
    'self-managed-vxlan': { status: 'viable', ranking: ['calico-vxlan:viable:0*', 'cloud-provider:viable:1', 'calico-bgp:open:1'] },
    'self-managed-bgp': { status: 'viable', ranking: ['calico-bgp:viable:0*', 'cloud-provider:viable:1', 'calico-vxlan:open:2'] },
    eks: { status: 'viable', ranking: ['eks-vpc-cni:viable:0*'] },
    aks: { status: 'blocked', ranking: ['aks-azure-cni:blocked:1*'] },
    'etcd-bgp': { status: 'blocked', ranking: ['cloud-provider:blocked:8', 'calico-vxlan:blocked:12', 'calico-bgp:blocked:13*'] },
    // Its extra.yaml names no platform (RKE2 is not the seed's RKE): no options to rank, the platform open.
    'rke2-vxlan': { status: 'open', ranking: [] },
  };

  it('covers every real-cluster fixture', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CLUSTERS].sort());
  });

  it.each(CLUSTERS)('%s', (name) => {
    const { facts, sources } = fixtureFacts(name);
    const plan = planNetworking(facts, { sources });
    expect({ status: plan.status, ranking: ranking(plan) }).toEqual(EXPECTED[name]);
    if (facts.platform === undefined) {
      expect(plan.releases[0]?.open.map((o) => o.fact)).toEqual(['platform']);
      return;
    }
    expectAgreesWithEvaluate(facts, current(plan), { sources });
    // Sources reach the evidence of the blockers, as in the report.
    const blockers = current(plan).blocking;
    const report = evaluateCompatibility(facts, { sources });
    expect(blockers.map((f) => f.evidence)).toEqual(report.findings.filter((f) => f.status === 'fail' && f.severity === 'error').map((f) => f.evidence));
  });

  it('aks: the Windows node build is the one blocker, with its node change', () => {
    const plan = planNetworking(fixtureFacts('aks').facts);
    const only = option(plan, 'aks-azure-cni');
    expect(only.blocking.map((f) => f.ruleId)).toEqual(['windows-os-version']);
    const notReady = only.nodes.filter((n) => n.status === 'not-ready');
    expect(notReady).toHaveLength(1);
    expect(notReady[0]?.changes.map((c) => c.ruleId)).toEqual(['windows-os-version']);
  });
});

describe('hand-built clusters where each option is the only viable one', () => {
  // Networking not yet chosen: every option sets its own facts. Mixed pools (one VXLAN, one
  // unencapsulated) are what only the Calico options rewrite.
  const mixedPools = [
    { name: 'vxlan-pool', cidr: '10.244.0.0/16', encapsulation: 'vxlan' as const },
    { name: 'bgp-pool', cidr: '10.245.0.0/16', encapsulation: 'none' as const },
  ];
  const undecided = (overrides: Parameters<typeof cluster.kubernetes>[0]): ClusterFacts =>
    cluster.kubernetes({ networking: undefined, calico: { ipPools: mixedPools }, ...overrides });

  it.each([
    [
      'calico-vxlan',
      'the nodes lack the RemoteAccess service (blocks Calico BGP), the pools are mixed (blocks cloud-provider)',
      undecided({ nodes: withWindows(windowsNode({ remoteAccessServiceInstalled: false })) }),
      { 'calico-bgp': ['windows-remoteaccess-service'], 'cloud-provider': ['single-ip-pool-type'] },
    ],
    [
      'calico-bgp',
      'UDP 4789 is closed (blocks Calico VXLAN), the pools are mixed (blocks cloud-provider)',
      undecided({ network: { vxlanPortOpen: false } }),
      { 'calico-vxlan': ['vxlan-port-open'], 'cloud-provider': ['single-ip-pool-type'] },
    ],
    [
      'cloud-provider',
      'IPIP is on (blocks both Calico options, which alone need it off)',
      cluster.kubernetes({ networking: 'calico-bgp', calico: { ipipEnabled: true } }),
      { 'calico-bgp': ['ipip-disabled'], 'calico-vxlan': ['ipip-disabled'] },
    ],
  ] as const)('%s: %s', (viable, _why, facts, blockers) => {
    const plan = planNetworking(facts);
    expect(plan.status).toBe('viable');
    expect(plan.best).toBe(viable);
    const first = plan.releases[0]?.options[0];
    expect(first?.networking).toBe(viable);
    expect(first?.reason).toMatch(/^viable.*; ranked first\.$/);
    for (const [networking, rules] of Object.entries(blockers)) {
      const other = option(plan, networking);
      expect(other.status, networking).toBe('blocked');
      expect([...new Set(other.blocking.map((f) => f.ruleId))], networking).toEqual(rules);
      expect(other.reason, networking).toMatch(/^blocked: /);
    }
  });

  it('EKS and AKS get a one-option plan that says so', () => {
    for (const [facts, networking, name] of [
      [cluster.eks(), 'eks-vpc-cni', 'Amazon EKS'],
      [cluster.aks(), 'aks-azure-cni', 'Azure AKS'],
    ] as const) {
      const plan = planNetworking(facts);
      const release = plan.releases[0];
      expect(release?.options.map((o) => o.networking)).toEqual([networking]);
      expect(release?.note).toMatch(new RegExp(`^${name} has one networking option for Windows under Calico v3\\.23 \\(manifest\\): ${networking} \\(`));
      expect(release?.options[0]?.reason).toBe(`viable as the facts are: the networking they use, with no requirement failing or unknown; the only option on ${name}.`);
    }
  });
});

/** The builder's Linux nodes, with these Windows nodes. */
const withWindows = (...windows: WindowsNodeFacts[]): NodeFacts[] => [...(cluster.kubernetes().nodes ?? []).filter((n) => n.os === 'linux'), ...windows];

describe('a self-managed cluster with VXLAN pools and BGP off', () => {
  // Planned in each test: a mutant of the planner must meet the test that runs it.
  const planOf = (): NetworkingPlan =>
    planNetworking(cluster.kubernetes({ nodes: withWindows(...['win-1', 'win-2', 'win-3'].map((name) => windowsNode({ name, remoteAccessServiceInstalled: false }))) }));

  it('ranks Calico VXLAN, the option in use, viable and first', () => {
    const plan = planOf();
    expect(plan.best).toBe('calico-vxlan');
    expect(ranking(plan)[0]).toBe('calico-vxlan:viable:0*');
  });

  it('names what Calico BGP would take: the BGP changes and the pool encapsulation as its own, the RemoteAccess service on every node as a blocker', () => {
    const bgp = option(planOf(), 'calico-bgp');
    expect(bgp.assumes).toEqual([
      { fact: 'networking', from: 'calico-vxlan', to: 'calico-bgp' },
      { fact: 'calico.bgpEnabled', from: false, to: true },
      { fact: 'calico.ipPools[default-ipv4-ippool].encapsulation', from: 'vxlan', to: 'none' },
    ]);
    expect(bgp.changes.map((c) => [c.ruleId, c.assumed, c.subjects.map((s) => (s.kind === 'cluster' ? 'cluster' : s.name))])).toEqual([
      ['ip-pool-encapsulation', true, ['default-ipv4-ippool']],
      ['windows-remoteaccess-service', false, ['win-1', 'win-2', 'win-3']],
    ]);
    const pool = bgp.changes[0];
    expect(pool?.facts).toEqual(['networking', 'calico.ipPools[default-ipv4-ippool].encapsulation']);
    expect(pool?.remediation).toBe(`calicoctl patch ippool default-ipv4-ippool -p '{"spec":{"ipipMode":"Never","vxlanMode":"Never"}}'`);
    expect(bgp.changes[1]?.remediation).toMatch(/^On the node, in PowerShell as Administrator: Install-WindowsFeature RemoteAccess/);
    expect(bgp.status).toBe('blocked');
    expect(bgp.nodes.map((n) => [n.name, n.status, n.changes.map((c) => c.ruleId)])).toEqual([
      ['win-1', 'not-ready', ['windows-remoteaccess-service']],
      ['win-2', 'not-ready', ['windows-remoteaccess-service']],
      ['win-3', 'not-ready', ['windows-remoteaccess-service']],
    ]);
  });

  it('with the RemoteAccess service unknown, Calico BGP is open on exactly those facts, each with how to find it', () => {
    const unknown = planNetworking(cluster.kubernetes({ nodes: withWindows(windowsNode({ remoteAccessServiceInstalled: undefined })) }));
    const open = option(unknown, 'calico-bgp');
    expect(open.status).toBe('open');
    expect(open.open).toEqual([
      { fact: 'nodes[win-1].remoteAccessServiceInstalled', hint: 'on the node: Get-Service RemoteAccess.', rules: ['windows-remoteaccess-service'] },
    ]);
    expect(open.reason).toMatch(/^open: no requirement fails once the option sets its facts, but 1 fact is unknown; 1 change; /);
    expect(open.nodes[0]).toMatchObject({ name: 'win-1', status: 'unknown', changes: [], missing: open.open });
  });

  it('VXLAN from BGP turns BGP off as the option\'s own change, with the rule\'s remediation', () => {
    const fromBgp = planNetworking(cluster.kubernetes({ networking: 'calico-bgp', network: { vxlanPortOpen: true } }));
    const vxlan = option(fromBgp, 'calico-vxlan');
    expect(vxlan.status).toBe('viable');
    const bgpOff = vxlan.changes.find((c) => c.ruleId === 'vxlan-bgp-disabled');
    expect(bgpOff).toMatchObject({ assumed: true, facts: ['networking', 'calico.bgpEnabled'], subjects: [{ kind: 'cluster' }] });
    expect(bgpOff?.remediation).toMatch(/^Turn BGP off\./);
    expect(vxlan.blocking).toEqual([]);
  });
});

describe('what an option takes comes from the rules', () => {
  it('a blocker that is no fact of the option stays a blocker: the current option is judged as the facts are', () => {
    // BGP on with VXLAN in use: the cluster is incompatible, and the plan says so for VXLAN.
    const facts = cluster.kubernetes({ calico: { bgpEnabled: true } });
    const plan = planNetworking(facts);
    const vxlan = option(plan, 'calico-vxlan');
    expect(vxlan.status).toBe('blocked');
    expect(vxlan.blocking.map((f) => f.ruleId)).toEqual(['vxlan-bgp-disabled']);
    expect(vxlan.changes).toMatchObject([{ ruleId: 'vxlan-bgp-disabled', assumed: false, facts: [] }]);
    expectAgreesWithEvaluate(facts, vxlan);
  });

  it('node readiness: each failing node rule with its own remediation, the option\'s change first, errors before warnings', () => {
    const plan = planNetworking(exampleFacts('broken-cluster'));
    const vxlan = option(plan, 'calico-vxlan');
    const [node] = vxlan.nodes;
    expect(node?.name).toBe('win-old');
    expect(node?.status).toBe('not-ready');
    expect(node?.changes.map((c) => [c.ruleId, c.assumed])).toEqual([
      ['windows-cni-plugin', true],
      ['windows-os-version', false],
      ['windows-remote-access', false],
      ['windows-tls12', false],
      ['windows-not-route-reflector', false],
      ['windows-datastore-match', false],
    ]);
    expect(node?.changes.find((c) => c.ruleId === 'windows-os-version')?.remediation).toContain('updated to build 17763.1432 or later');
    expect(node?.changes.find((c) => c.ruleId === 'windows-tls12')?.remediation).toMatch(/^Enable TLS 1\.2 in PowerShell on node win-old/);
  });

  it('node readiness under a release with HostProcess: an old containerd is the node\'s one change', () => {
    const facts = cluster.kubernetes({
      calico: { version: 'v3.28.0', vxlanVNI: 4096 },
      kubernetes: { version: 'v1.28.4' },
      nodes: withWindows(windowsNode({ containerRuntime: 'containerd://1.5.9', osBuild: '10.0.20348.2113' })),
    });
    const plan = planNetworking(facts, { release: '3.28/operator', profiles: CALICO_RELEASES });
    const vxlan = option(plan, 'calico-vxlan');
    expect(vxlan.nodes[0]?.status).toBe('not-ready');
    expect(vxlan.nodes[0]?.changes.map((c) => [c.ruleId, c.remediation])).toEqual([
      ['windows-containerd-version', 'Upgrade containerd on node win-1 to v1.6.0 or later.'],
    ]);
  });

  it('node readiness: nodes by name; errors decide it, warnings are advice; a warning unknown leaves it ready', () => {
    const facts = cluster.kubernetes({
      kubernetes: { version: '1.21.0' },
      nodes: [linuxNode(), windowsNode({ name: 'win-b', osBuild: '10.0.20348.1787' }), windowsNode({ name: 'win-a', osBuild: '10.0.20348.1' })],
    });
    const plan = planNetworking(facts, { release: '3.27/manifest', profiles: CALICO_RELEASES });
    expect(current(plan).nodes.map((n) => [n.name, n.status, n.changes.map((c) => `${c.ruleId}:${c.severity}:${c.assumed}`)])).toEqual([
      ['win-a', 'not-ready', ['windows-os-version:error:false', 'windows-kubernetes-os-support:warning:false']],
      ['win-b', 'ready', ['windows-kubernetes-os-support:warning:false']],
    ]);
    const noVersion = current(planNetworking(cluster.kubernetes({ kubernetes: undefined })));
    expect(noVersion.status).toBe('viable');
    expect(noVersion.nodes).toEqual([{ name: 'win-1', status: 'ready', changes: [], missing: [] }]);
  });

  it("a node's readiness holds its own findings only: not a pool's of the same name; no node, no readiness", () => {
    const facts = cluster.kubernetes({ calico: { ipPools: [{ name: 'win-1', cidr: '10.244.0.0/16', encapsulation: 'none' }] } });
    const vxlan = current(planNetworking(facts));
    expect(vxlan.blocking.map((f) => f.ruleId)).toEqual(['ip-pool-encapsulation']);
    expect(vxlan.nodes).toEqual([{ name: 'win-1', status: 'ready', changes: [], missing: [] }]);
    expect(option(planNetworking({ platform: 'kubernetes' }), 'calico-vxlan').nodes).toEqual([]);
  });

  it('an unknown fact names each rule it keeps unknown once, however many nodes it is missing for', () => {
    const facts = cluster.kubernetes({ calico: { datastore: undefined }, nodes: withWindows(windowsNode({ name: 'win-1' }), windowsNode({ name: 'win-2' })) });
    expect(current(planNetworking(facts)).open).toEqual([
      { fact: 'calico.datastore', hint: expect.stringContaining('clusterinformation') as unknown as string, rules: ['windows-datastore-match'] },
    ]);
  });

  it("a change over several subjects: each subject, message and remediation, in the report's order", () => {
    const plan = planNetworking(cluster.kubernetes({ nodes: withWindows(windowsNode({ name: 'win-2' }), windowsNode({ name: 'win-1' })) }));
    const [plugin] = option(plan, 'cloud-provider').changes;
    expect(plugin?.subjects).toEqual([
      { kind: 'node', name: 'win-1' },
      { kind: 'node', name: 'win-2' },
    ]);
    expect(plugin?.messages).toEqual([
      "Node win-1 uses CNI plugin 'calico'; cloud-provider (Cloud provider networking (win-bridge.exe), Calico policy-only) needs win-bridge.exe.",
      "Node win-2 uses CNI plugin 'calico'; cloud-provider (Cloud provider networking (win-bridge.exe), Calico policy-only) needs win-bridge.exe.",
    ]);
    expect(plugin?.remediation).toBe(
      [
        'Configure node win-1 for cloud-provider networking with the win-bridge.exe CNI plugin, leaving Calico to policy.',
        'Configure node win-2 for cloud-provider networking with the win-bridge.exe CNI plugin, leaving Calico to policy.',
      ].join('\n'),
    );
    // The same remediation on every subject is written once.
    const bgpPlan = planNetworking(cluster.kubernetes({ nodes: withWindows(windowsNode({ name: 'win-1', tls12Enabled: false }), windowsNode({ name: 'win-2', tls12Enabled: false })) }));
    expect(current(bgpPlan).changes.find((c) => c.ruleId === 'windows-tls12')?.remediation.split('\n')).toHaveLength(2);
  });

  it("an option's own change names the facts of the option it follows from, a pool's encapsulation through the pool list", () => {
    const facts = cluster.kubernetes({
      networking: undefined,
      calico: { ipPools: [{ name: 'vxlan-pool', cidr: '10.244.0.0/16', encapsulation: 'vxlan' }, { name: 'bgp-pool', cidr: '10.245.0.0/16', encapsulation: 'none' }] },
    });
    const vxlan = option(planNetworking(facts), 'calico-vxlan');
    expect(vxlan.changes.map((c) => [c.ruleId, c.assumed, c.facts])).toEqual([
      ['ip-pool-encapsulation', true, ['networking', 'calico.ipPools[bgp-pool].encapsulation']],
      ['single-ip-pool-type', true, ['networking', 'calico.ipPools[bgp-pool].encapsulation']],
    ]);
  });

  it('the sources of facts an option changes are left out of its findings\' evidence; the others are kept', () => {
    const facts = cluster.kubernetes({ networking: 'calico-bgp', calico: { ipipEnabled: true } });
    const source = { object: 'facts file', file: 'cluster.yaml', line: 3 };
    const sources = { networking: source, 'calico.ipipEnabled': { ...source, line: 9 } };
    const plan = planNetworking(facts, { sources });
    const evidence = (o: OptionPlan) => o.blocking.find((f) => f.ruleId === 'ipip-disabled')?.evidence ?? [];
    expect(evidence(option(plan, 'calico-bgp'))).toContainEqual({ fact: 'networking', value: 'calico-bgp', source });
    expect(evidence(option(plan, 'calico-vxlan'))).toContainEqual({ fact: 'networking', value: 'calico-vxlan' });
    expect(evidence(option(plan, 'calico-vxlan'))).toContainEqual({ fact: 'calico.ipipEnabled', value: true, source: { ...source, line: 9 } });
  });

  it('does not change the facts it is given, and gives the same plan for the same facts', () => {
    const facts = exampleFacts('broken-cluster');
    const before = JSON.stringify(facts);
    const plan = JSON.stringify(planNetworking(facts));
    expect(JSON.stringify(facts)).toBe(before);
    expect(JSON.stringify(planNetworking(structuredClone(facts)))).toBe(plan);
  });
});

describe('what a plan says of itself', () => {
  it("names the release's options for the platform, and the facts' platform and networking as given", () => {
    const plan = planNetworking(exampleFacts('self-managed-vxlan'));
    expect(plan.releases[0]?.note).toBe(
      'Kubernetes (self-managed, incl. on-premises) has 3 networking options for Windows under Calico v3.23 (manifest): calico-bgp (Calico CNI with BGP), calico-vxlan (Calico CNI with VXLAN), cloud-provider (Cloud provider networking (win-bridge.exe), Calico policy-only).',
    );
    // A platform with options is judged per option: the release itself blocks on nothing, and leaves nothing open.
    expect(plan.releases[0]?.blocking).toEqual([]);
    expect(plan.releases[0]?.open).toEqual([]);
    expect(Object.keys(plan)).toEqual(['platform', 'networking', 'status', 'best', 'options', 'releases']);
    expect(Object.keys(planNetworking({}))).toEqual(['status', 'options', 'releases']);
  });

  it("resolves a release string against the default profile alone when no profiles are given, as evaluateCompatibility does", () => {
    expect(planNetworking(exampleFacts('eks'), { release: '3.23' }).releases[0]?.profile.release).toBe('3.23');
    expect(() => planNetworking(exampleFacts('eks'), { release: '3.28' })).toThrow(/'3\.28' is not a documented release; known releases: 3\.23/);
  });
});

describe('without options to plan', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])("a platform named like an Object.prototype member (%s) is an unsupported one", (platform) => {
    const plan = planNetworking({ platform, networking: 'calico-vxlan' });
    expect(plan.status).toBe('blocked');
    expect(plan.releases[0]?.options).toEqual([]);
    expect(plan.releases[0]?.blocking.map((f) => f.ruleId)).toEqual(['platform-supported']);
  });

  it('an unknown platform: open, no option, the platform named with how to find it', () => {
    const plan = planNetworking({ networking: 'calico-vxlan' });
    expect(plan.status).toBe('open');
    expect(plan.best).toBeUndefined();
    expect(plan.options).toEqual([]);
    const [release] = plan.releases;
    expect(release?.options).toEqual([]);
    expect(release?.note).toBe('The platform is not known, so neither are its networking options under Calico v3.23 (manifest).');
    expect(release?.open.map((o) => o.fact)).toEqual(['platform']);
    expect(release?.open[0]?.rules).toContain('platform-supported');
  });

  it("an unsupported platform: blocked, with the platform rule's finding", () => {
    const plan = planNetworking({ platform: 'gke', networking: 'calico-vxlan' });
    expect(plan.status).toBe('blocked');
    const [release] = plan.releases;
    expect(release?.note).toBe("Platform 'gke' is not supported by Calico v3.23 (manifest): it has no networking option for Windows.");
    expect(release?.blocking.map((f) => [f.ruleId, f.status])).toEqual([['platform-supported', 'fail']]);
  });
});

describe('release as a dimension', () => {
  const upgrade: PlanOptions = { release: ['3.23', '3.28'], profiles: CALICO_RELEASES };

  it('plans each option under each release, each release as it would be planned alone', () => {
    const facts = exampleFacts('self-managed-vxlan');
    const plan = planNetworking(facts, upgrade);
    expect(plan.releases.map((r) => r.profile.release)).toEqual(['3.23', '3.28']);
    expect(plan.releases[0]).toEqual(planNetworking(facts, { release: '3.23', profiles: CALICO_RELEASES }).releases[0]);
    expect(plan.releases[1]).toEqual(planNetworking(facts, { release: '3.28', profiles: CALICO_RELEASES }).releases[0]);
  });

  it('ranks each option by its worst release: an option viable now and blocked after the upgrade is blocked', () => {
    const facts = exampleFacts('aks');
    const plan = planNetworking(facts, { release: ['3.23', '3.28/operator'], profiles: CALICO_RELEASES });
    expect(option(plan, 'aks-azure-cni', 0).status).toBe('viable');
    expect(option(plan, 'aks-azure-cni', 1).status).toBe('blocked');
    expect(plan.options).toEqual([
      {
        networking: 'aks-azure-cni',
        displayName: 'Azure CNI',
        current: true,
        status: 'blocked',
        rank: 1,
        reason: 'viable under v3.23 (manifest); blocked under v3.28 (operator); the only option.',
        releases: [
          { release: 'v3.23 (manifest)', status: 'viable', changes: 0 },
          { release: 'v3.28 (operator)', status: 'blocked', changes: 1 },
        ],
      },
    ]);
    expect(plan.status).toBe('blocked');
    // What it takes after the upgrade: the Linux side's Calico, from the rule.
    expect(option(plan, 'aks-azure-cni', 1).changes[0]?.remediation).toMatch(/^Upgrade Calico on the Linux side to 3\.27\.0 or later/);
  });

  it('a release line with two install methods and no calico.installMethod: what the method decides is unknown, as in the report', () => {
    const facts = exampleFacts('aks');
    const plan = planNetworking(facts, { release: '3.28', profiles: CALICO_RELEASES });
    const only = option(plan, 'aks-azure-cni');
    expect(only.status).toBe('open');
    expect(only.open.map((o) => o.fact)).toContain('calico.installMethod');
    expectAgreesWithEvaluate(facts, only, { release: '3.28', profiles: CALICO_RELEASES });
  });

  it('a release that does not list an option for the platform does not offer it: the option counts as blocked there', () => {
    const plan = planNetworking(exampleFacts('self-managed-bgp'), { release: [CALICO_3_16, CALICO_3_28] });
    expect(plan.releases[0]?.options.map((o) => o.networking).sort()).toEqual(['calico-vxlan', 'cloud-provider']);
    const bgp = plan.options.find((o) => o.networking === 'calico-bgp');
    expect(bgp?.releases[0]).toEqual({ release: 'v3.16 (manifest)', status: 'not-offered', changes: 0 });
    expect(bgp?.status).toBe('blocked');
    expect(bgp?.reason).toMatch(/^not offered under v3\.16 \(manifest\); /);
  });

  it('a platform a release does not support: that release has no option, and is blocked', () => {
    const plan = planNetworking(cluster.rke(), { release: [CALICO_3_16, '3.23'], profiles: CALICO_RELEASES });
    expect(plan.releases[0]?.status).toBe('blocked');
    expect(plan.releases[0]?.options).toEqual([]);
    expect(plan.releases[0]?.blocking.map((f) => f.ruleId)).toEqual(['platform-supported']);
    expect(plan.options.every((o) => o.status === 'blocked' && o.releases[0]?.status === 'not-offered')).toBe(true);
    expect(plan.status).toBe('blocked');
  });

  it('plans a release once, however it is named', () => {
    const plan = planNetworking(exampleFacts('eks'), { release: ['3.23', 'v3.23.4', 'auto'], profiles: CALICO_RELEASES });
    expect(plan.releases).toHaveLength(1);
    expect(plan.releases[0]?.profile.requested).toBe('3.23');
  });

  it("resolves 'auto' from calico.version, as evaluateCompatibility does", () => {
    const facts = { ...exampleFacts('eks'), calico: { ...exampleFacts('eks').calico, version: 'v3.28.1' } };
    const plan = planNetworking(facts, { release: 'auto', profiles: CALICO_RELEASES });
    expect(plan.releases[0]?.profile).toEqual(evaluateCompatibility(facts, { release: 'auto', profiles: CALICO_RELEASES }).profile);
  });
});

describe('misuse is a CompatError (invalid-options), naming the option', () => {
  const facts = exampleFacts('eks');
  const thrown = (options: unknown): CompatError => {
    try {
      planNetworking(facts, options as PlanOptions);
    } catch (e) {
      expect(e).toBeInstanceOf(CompatError);
      expect((e as CompatError).code).toBe('invalid-options');
      expect((e as CompatError).message).toMatch(/^Invalid options:\n/);
      return e as CompatError;
    }
    throw new Error('no error');
  };

  it.each([
    ['an empty list of releases', { release: [] }, [['release', 'too-small', 'give at least one release']]],
    [
      'releases that are neither strings nor profiles',
      { release: ['3.23', 42, null, {}, { rules: 'no' }] },
      [1, 2, 3, 4].map((i) => [`release[${i}]`, 'invalid-type', "expected a release ('3.28', 'auto') or a release profile"]),
    ],
    ['a release no profile covers', { release: '9.99' }, [['release', 'unknown-release', "'9.99' is not a documented release; known releases: 3.23"]]],
    ['profiles that are not a list', { profiles: 'all' }, [['profiles', 'invalid-type', 'expected a list of release profiles']]],
    ['profiles that are not a list, with a release to resolve against them', { release: '3.23', profiles: 'all' }, [['profiles', 'invalid-type', 'expected a list of release profiles']]],
    ['sources that are not an object', { sources: 'x' }, [['sources', 'invalid-type', 'expected an object of fact sources']]],
    ['null sources', { sources: null }, [['sources', 'invalid-type', 'expected an object of fact sources']]],
    ['options that are not an object', 'all', [['(root)', 'invalid-type', 'expected an object of options']]],
    ['null options', null, [['(root)', 'invalid-type', 'expected an object of options']]],
  ])('%s', (_name, options, issues) => {
    expect(thrown(options).issues.map((i) => [i.path, i.code, i.message])).toEqual(issues);
  });

  it('a thousand bad releases: the first hundred listed, the rest counted', () => {
    const issues = thrown({ release: Array.from({ length: 1000 }, () => 7) }).issues;
    expect(issues).toHaveLength(101);
    expect(issues.at(-1)).toMatchObject({ code: 'more-issues', message: 'and 900 more problems, not listed' });
  });
});
