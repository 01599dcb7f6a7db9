// compareReleases and formatReleaseComparison, word for word: every kind of change (added, removed,
// changed) of every topic, between real releases where the data has one and between edited copies of the
// seed profile where it has none (a profile object is compared as it is).
import { describe, expect, it } from 'vitest';
import { compareReleases, describeBuild, formatReleaseComparison, topicName, type ReleaseChange, type ReleaseTopic } from '../src/catalog/compare.js';
import { CALICO_3_23, type ReleaseProfile } from '../src/catalog/default.js';
import { CALICO_3_16, CALICO_3_17, CALICO_3_26, CALICO_3_27, CALICO_3_27_MANIFEST, CALICO_3_30, CALICO_3_31 } from '../src/catalog/releases.js';

/** The seed profile with some data changed. */
const seed = (changes: Partial<Record<keyof ReleaseProfile, unknown>>): ReleaseProfile => ({ ...CALICO_3_23, ...changes }) as ReleaseProfile;
/** The seed profile without some data. */
const without = (...keys: Array<keyof ReleaseProfile>): ReleaseProfile => {
  const copy: Record<string, unknown> = { ...CALICO_3_23 };
  for (const key of keys) delete copy[key];
  return copy as unknown as ReleaseProfile;
};
const changes = (from: string | ReleaseProfile, to: string | ReleaseProfile): readonly ReleaseChange[] => compareReleases(from, to).changes;
const messages = (from: string | ReleaseProfile, to: string | ReleaseProfile): string[] => changes(from, to).map((c) => c.message);

describe('compareReleases: single values', () => {
  it.each<{ name: string; from: ReleaseProfile; to: ReleaseProfile; change: ReleaseChange }>([
    {
      name: 'a changed value has both sides',
      from: CALICO_3_23,
      to: seed({ typhaLinuxWorkers: 4 }),
      change: { topic: 'typhaLinuxWorkers', kind: 'changed', item: 'Linux workers for Typha high availability', before: '3', after: '4', message: 'Linux workers for Typha high availability changed: 3 → 4' },
    },
    {
      name: 'a value no longer stated has its before only',
      from: CALICO_3_23,
      to: without('typhaLinuxWorkers'),
      change: { topic: 'typhaLinuxWorkers', kind: 'removed', item: 'Linux workers for Typha high availability', before: '3', message: 'Linux workers for Typha high availability no longer stated (was 3)' },
    },
    {
      name: 'a new value has its after only',
      from: CALICO_3_23,
      to: seed({ minVxlanVni: 4096 }),
      change: { topic: 'minVxlanVni', kind: 'added', item: 'Minimum VXLAN VNI', after: '4096', message: 'Minimum VXLAN VNI added: 4096' },
    },
    {
      name: 'the minimum Calico on Linux',
      from: CALICO_3_23,
      to: seed({ minLinuxCalico: '3.27.0' }),
      change: { topic: 'minLinuxCalico', kind: 'changed', item: 'Minimum Calico on Linux', before: '3.12.0', after: '3.27.0', message: 'Minimum Calico on Linux changed: 3.12.0 → 3.27.0' },
    },
    {
      name: 'the minimum Kubernetes on AKS',
      from: CALICO_3_23,
      to: seed({ aksMinKubernetes: '1.24.0' }),
      change: { topic: 'aksMinKubernetes', kind: 'changed', item: 'Minimum Kubernetes on AKS', before: '1.20.0', after: '1.24.0', message: 'Minimum Kubernetes on AKS changed: 1.20.0 → 1.24.0' },
    },
    {
      name: 'the EKS secrets namespaces, both of them',
      from: CALICO_3_23,
      to: seed({ eksSecretsNamespace: { operator: 'calico-system', manifest: 'calico-windows' } }),
      change: {
        topic: 'eksSecretsNamespace',
        kind: 'changed',
        item: 'EKS instance role secrets namespace',
        before: 'calico-system (operator) / kube-system (manifest)',
        after: 'calico-system (operator) / calico-windows (manifest)',
        message: 'EKS instance role secrets namespace changed: calico-system (operator) / kube-system (manifest) → calico-system (operator) / calico-windows (manifest)',
      },
    },
    {
      name: 'the HostProcess minimums',
      from: CALICO_3_23,
      to: seed({ hostProcess: { minKubernetes: '1.22.0', minContainerd: '1.6.0' } }),
      change: { topic: 'hostProcess', kind: 'added', item: 'HostProcess install', after: 'Kubernetes 1.22.0+, containerd 1.6.0+', message: 'HostProcess install added: Kubernetes 1.22.0+, containerd 1.6.0+' },
    },
  ])('$name', ({ from, to, change }) => {
    expect(changes(from, to)).toStrictEqual([change]);
  });

  it('HostProcess minimums that change name both', () => {
    const from = seed({ hostProcess: { minKubernetes: '1.22.0', minContainerd: '1.6.0' } });
    expect(messages(from, seed({ hostProcess: { minKubernetes: '1.23.0', minContainerd: '1.7.0' } }))).toEqual([
      'HostProcess install changed: Kubernetes 1.22.0+, containerd 1.6.0+ → Kubernetes 1.23.0+, containerd 1.7.0+',
    ]);
    expect(changes(from, CALICO_3_23)).toStrictEqual([
      { topic: 'hostProcess', kind: 'removed', item: 'HostProcess install', before: 'Kubernetes 1.22.0+, containerd 1.6.0+', message: 'HostProcess install no longer stated (was Kubernetes 1.22.0+, containerd 1.6.0+)' },
    ]);
  });
});

describe('compareReleases: lists', () => {
  it('names what a list loses and gains, removals first, each in its list order', () => {
    expect(changes(CALICO_3_23, seed({ containerRuntimes: ['containerd', 'cri-o'], testedKubernetes: ['1.23', '1.24'], datastores: ['kubernetes'] }))).toStrictEqual([
      { topic: 'containerRuntimes', kind: 'removed', item: 'docker', message: 'Container runtime removed: docker' },
      { topic: 'containerRuntimes', kind: 'added', item: 'cri-o', message: 'Container runtime added: cri-o' },
      { topic: 'testedKubernetes', kind: 'removed', item: '1.21', message: 'Tested Kubernetes removed: 1.21' },
      { topic: 'testedKubernetes', kind: 'removed', item: '1.22', message: 'Tested Kubernetes removed: 1.22' },
      { topic: 'testedKubernetes', kind: 'added', item: '1.24', message: 'Tested Kubernetes added: 1.24' },
      { topic: 'datastores', kind: 'removed', item: 'etcd', message: 'Datastores removed: etcd' },
    ]);
  });

  it('reads a list a release does not state as empty, either way round', () => {
    // v3.16 names no container runtime; v3.17 names Docker.
    expect(messages(CALICO_3_16, CALICO_3_17).filter((m) => m.startsWith('Container runtime'))).toEqual(['Container runtime added: docker']);
    expect(messages(CALICO_3_17, CALICO_3_16).filter((m) => m.startsWith('Container runtime'))).toEqual(['Container runtime removed: docker']);
    expect(messages(CALICO_3_23, without('datastores'))).toEqual(['Datastores removed: kubernetes', 'Datastores removed: etcd']);
    expect(messages(without('datastores'), CALICO_3_23)).toEqual(['Datastores added: kubernetes', 'Datastores added: etcd']);
  });
});

describe('compareReleases: Windows builds', () => {
  it('describes a build by its release name, build number and minimum revision', () => {
    expect(describeBuild({ release: '1809', build: 17763, minRevision: 1432 })).toBe('Windows Server 2019 (1809), build 17763.1432+');
    expect(describeBuild({ release: '20H2', build: 19042 })).toBe('Windows Server 20H2, build 19042');
    expect(describeBuild({ release: '2022', build: 20348, minRevision: 0 })).toBe('Windows Server 2022, build 20348.0+');
  });

  it('matches builds by number: removed, revision changed, added', () => {
    const to = seed({ windowsBuilds: [{ release: '1809', build: 17763, minRevision: 2000 }, { release: '2022', build: 20348, minRevision: 169 }] });
    expect(changes(CALICO_3_23, to)).toStrictEqual([
      {
        topic: 'windowsBuilds',
        kind: 'changed',
        item: 'Windows Server 2019 (1809)',
        before: 'Windows Server 2019 (1809), build 17763.1432+',
        after: 'Windows Server 2019 (1809), build 17763.2000+',
        message: 'Windows Server 2019 (1809) changed: Windows Server 2019 (1809), build 17763.1432+ → Windows Server 2019 (1809), build 17763.2000+',
      },
      { topic: 'windowsBuilds', kind: 'removed', item: 'Windows Server 20H2, build 19042', message: 'Windows Server removed: Windows Server 20H2, build 19042' },
      { topic: 'windowsBuilds', kind: 'added', item: 'Windows Server 2022, build 20348.169+', message: 'Windows Server added: Windows Server 2022, build 20348.169+' },
    ]);
  });

  it('a revision that appears is a change; an equal build none', () => {
    const to = seed({ windowsBuilds: [{ release: '1809', build: 17763, minRevision: 1432 }, { release: '20H2', build: 19042, minRevision: 1 }] });
    expect(messages(CALICO_3_23, to)).toEqual(['Windows Server 20H2 changed: Windows Server 20H2, build 19042 → Windows Server 20H2, build 19042.1+']);
  });

  it('DSR builds: added from v3.17, gone with a profile that has none', () => {
    expect(changes(CALICO_3_16, CALICO_3_17).filter((c) => c.topic === 'dsrBuilds').map((c) => c.message)).toEqual([
      'Windows builds with DSR added: Windows Server 2019 (1809), build 17763.1432+',
      'Windows builds with DSR added: Windows Server 1903, build 18362.1049+',
      'Windows builds with DSR added: Windows Server 1909, build 18363.1049+',
    ]);
    expect(changes(CALICO_3_17, CALICO_3_16).filter((c) => c.topic === 'dsrBuilds').map((c) => `${c.kind} ${c.item}`)).toEqual([
      'removed Windows Server 2019 (1809), build 17763.1432+',
      'removed Windows Server 1903, build 18362.1049+',
      'removed Windows Server 1909, build 18363.1049+',
    ]);
  });
});

describe('compareReleases: platforms and networking', () => {
  it('a platform that comes is one change; the networking of a platform both support, one change an option', () => {
    expect(changes(CALICO_3_16, CALICO_3_17).filter((c) => c.topic === 'platforms' || c.topic === 'networking')).toStrictEqual([
      { topic: 'networking', kind: 'added', item: 'calico-bgp on kubernetes', message: 'Networking added: calico-bgp on kubernetes' },
      { topic: 'networking', kind: 'added', item: 'calico-bgp on eks', message: 'Networking added: calico-bgp on eks' },
      { topic: 'networking', kind: 'added', item: 'calico-vxlan on eks', message: 'Networking added: calico-vxlan on eks' },
    ]);
    const to = seed({ networkingByPlatform: { kubernetes: ['calico-vxlan', 'cloud-provider', 'other'], eks: ['eks-vpc-cni'], gke: ['calico-vxlan'] } });
    expect(messages(CALICO_3_23, to)).toEqual([
      'Platform removed: openshift',
      'Platform removed: rke',
      'Platform removed: aks',
      'Platform added: gke',
      'Networking removed: calico-bgp on kubernetes',
      'Networking added: other on kubernetes',
    ]);
  });
});

describe('compareReleases: install method', () => {
  it('a release that no longer documents the install method says so, and whether it did as released', () => {
    expect(changes('3.23', '3.31').filter((c) => c.topic === 'installMethod')).toStrictEqual([
      { topic: 'installMethod', kind: 'changed', item: 'Install method', before: 'manual (.zip) install', after: 'operator (HostProcess) install', message: 'Install method changed: manual (.zip) install → operator (HostProcess) install' },
      { topic: 'installMethod', kind: 'removed', item: 'manifest', message: 'Install method removed: Calico v3.31 documents no manual (.zip) install' },
    ]);
    // v3.32 states nothing as released; v3.31 with a manual install as released says so.
    expect(messages('3.23', '3.32').slice(0, 2)).toEqual(['Install method changed: manual (.zip) install → operator (HostProcess) install', 'Install method removed: Calico v3.32 documents no manual (.zip) install']);
    const asReleased = { ...CALICO_3_31, asReleased: { ...CALICO_3_31.asReleased, installMethods: ['operator', 'manifest'] } } as ReleaseProfile;
    expect(messages('3.23', asReleased)[1]).toBe('Install method removed: Calico v3.31 documents no manual (.zip) install (it did as released, before the docs removed it)');
  });

  it('a release that documents both install methods removes neither', () => {
    expect(messages('3.26', '3.27').filter((m) => m.startsWith('Install method'))).toEqual(['Install method changed: manual (.zip) install → operator (HostProcess) install']);
    expect(messages('3.27', '3.27/manifest').filter((m) => m.startsWith('Install method'))).toEqual([
      'Install method changed: operator (HostProcess) install → manual (.zip) install',
      'Install method: the manual (.zip) install is deprecated in v3.27',
    ]);
  });

  it('a profile of a release no profile covers removes no install method', () => {
    const operator = { ...CALICO_3_30, release: '9.99' } as ReleaseProfile;
    expect(messages(CALICO_3_23, operator).filter((m) => m.startsWith('Install method'))).toEqual(['Install method changed: manual (.zip) install → operator (HostProcess) install']);
  });

  it('says once that an install method is deprecated, when it becomes so', () => {
    expect(changes(CALICO_3_26, CALICO_3_27_MANIFEST).filter((c) => c.topic === 'installMethod')).toStrictEqual([
      { topic: 'installMethod', kind: 'changed', item: 'manifest', after: 'deprecated', message: 'Install method: the manual (.zip) install is deprecated in v3.27' },
    ]);
    expect(changes(CALICO_3_27_MANIFEST, CALICO_3_27_MANIFEST)).toEqual([]);
    expect(changes(CALICO_3_27_MANIFEST, CALICO_3_26).filter((c) => c.topic === 'installMethod')).toEqual([]);
    expect(changes(CALICO_3_27_MANIFEST, { ...CALICO_3_27_MANIFEST, deprecated: false } as ReleaseProfile)).toEqual([]);
  });
});

describe('compareReleases: commands and rules', () => {
  it('a command added shows the command, one removed shows what it was, one changed both', () => {
    const from = seed({ commands: { ...CALICO_3_23.commands, tls12: undefined, disablePool: 'old' } });
    const to = seed({ commands: { tls12: 'Set-Tls12', disablePool: 'new' } });
    expect(changes(from, to)).toStrictEqual([
      { topic: 'commands', kind: 'removed', item: 'disableIpip', before: CALICO_3_23.commands.disableIpip, message: 'Command removed: disableIpip' },
      { topic: 'commands', kind: 'removed', item: 'strictAffinity', before: CALICO_3_23.commands.strictAffinity, message: 'Command removed: strictAffinity' },
      { topic: 'commands', kind: 'added', item: 'tls12', after: 'Set-Tls12', message: 'Command added: tls12 (Set-Tls12)' },
      { topic: 'commands', kind: 'removed', item: 'setPoolEncapsulation', before: CALICO_3_23.commands.setPoolEncapsulation, message: 'Command removed: setPoolEncapsulation' },
      { topic: 'commands', kind: 'changed', item: 'disablePool', before: 'old', after: 'new', message: 'Command disablePool changed: old → new' },
    ]);
  });

  it('an addition whose value is its item does not repeat it', () => {
    expect(messages(seed({ commands: {} }), seed({ commands: { tls12: 'tls12' } }))).toEqual(['Command added: tls12']);
  });

  it('rules: those gone by id, those new by id and title', () => {
    const [first, second, ...rest] = CALICO_3_23.rules;
    const to = seed({ rules: [...rest, CALICO_3_27.rules.find((r) => r.id === 'vxlan-vni')] });
    expect(changes(seed({ rules: [first, second, ...rest] }), to)).toStrictEqual([
      { topic: 'rules', kind: 'removed', item: 'platform-supported', message: 'Rule removed: platform-supported' },
      { topic: 'rules', kind: 'removed', item: 'networking-supported', message: 'Rule removed: networking-supported' },
      { topic: 'rules', kind: 'added', item: 'vxlan-vni', after: 'VXLAN VNI is at least 4096', message: 'Rule added: vxlan-vni (VXLAN VNI is at least 4096)' },
    ]);
  });
});

describe('compareReleases: releases by name', () => {
  it('resolves strings as the release option does, and takes profiles as they are', () => {
    expect(compareReleases('v3.27.2', '3.27/manifest')).toMatchObject({ from: CALICO_3_27, to: CALICO_3_27_MANIFEST });
    const custom = seed({ release: '9.99' });
    expect(compareReleases(custom, CALICO_3_23)).toStrictEqual({ from: custom, to: CALICO_3_23, changes: [] });
  });

  it('names the topics for people', () => {
    const topics: Record<ReleaseTopic, string> = {
      installMethod: 'Install method',
      windowsBuilds: 'Windows Server',
      dsrBuilds: 'Windows builds with DSR',
      containerRuntimes: 'Container runtime',
      testedKubernetes: 'Tested Kubernetes',
      platforms: 'Platform',
      networking: 'Networking',
      minLinuxCalico: 'Minimum Calico on Linux',
      typhaLinuxWorkers: 'Linux workers for Typha high availability',
      aksMinKubernetes: 'Minimum Kubernetes on AKS',
      eksSecretsNamespace: 'EKS instance role secrets namespace',
      hostProcess: 'HostProcess install',
      datastores: 'Datastores',
      minVxlanVni: 'Minimum VXLAN VNI',
      commands: 'Command',
      rules: 'Rule',
      remoteAccess: 'Remote access',
      containerdFirst: 'containerd used first when both runtimes run',
    };
    for (const [topic, name] of Object.entries(topics)) expect(topicName(topic as ReleaseTopic)).toBe(name);
  });
});

describe('formatReleaseComparison', () => {
  it('one line a change under its topic, + added, - removed, ~ changed', () => {
    const to = seed({ typhaLinuxWorkers: 4, containerRuntimes: ['containerd', 'cri-o'], testedKubernetes: ['1.22', '1.23'] });
    expect(formatReleaseComparison(compareReleases(CALICO_3_23, to))).toBe(
      [
        'Requirements from Calico v3.23 (manifest) to Calico v3.23 (manifest): 4 changes',
        '',
        'Container runtime:',
        '  - Container runtime removed: docker',
        '  + Container runtime added: cri-o',
        '',
        'Tested Kubernetes:',
        '  - Tested Kubernetes removed: 1.21',
        '',
        'Linux workers for Typha high availability:',
        '  ~ Linux workers for Typha high availability changed: 3 → 4',
        '',
      ].join('\n'),
    );
  });

  it('one change, and none', () => {
    expect(formatReleaseComparison(compareReleases('3.19.0', '3.19.1'))).toBe('Requirements from Calico v3.19.0–3.19.1 (manifest) to Calico v3.19.0–3.19.1 (manifest): 0 changes\n\nNo requirement changed.\n');
    expect(formatReleaseComparison(compareReleases(CALICO_3_23, seed({ minVxlanVni: 4096 })))).toBe(
      'Requirements from Calico v3.23 (manifest) to Calico v3.23 (manifest): 1 change\n\nMinimum VXLAN VNI:\n  + Minimum VXLAN VNI added: 4096\n',
    );
  });
});

describe('compareReleases: "or a later release", remote access and containerd first', () => {
  it('describes a build taken with every later release', () => {
    expect(describeBuild({ release: '1809', build: 17763, orLater: true })).toBe('Windows Server 2019 (1809), build 17763 or a later release');
    expect(describeBuild({ release: '1809', build: 17763, orLater: false })).toBe('Windows Server 2019 (1809), build 17763');
    expect(describeBuild({ release: '2022', build: 20348, minRevision: 169, orLater: true })).toBe('Windows Server 2022, build 20348.169+ or a later release');
  });

  it('a build that comes to cover the later releases has changed', () => {
    const from = seed({ windowsBuilds: [{ release: '1809', build: 17763 }] });
    const to = seed({ windowsBuilds: [{ release: '1809', build: 17763, orLater: true }] });
    expect(changes(from, to)).toEqual([
      {
        topic: 'windowsBuilds',
        kind: 'changed',
        item: 'Windows Server 2019 (1809)',
        before: 'Windows Server 2019 (1809), build 17763',
        after: 'Windows Server 2019 (1809), build 17763 or a later release',
        message: 'Windows Server 2019 (1809) changed: Windows Server 2019 (1809), build 17763 → Windows Server 2019 (1809), build 17763 or a later release',
      },
    ]);
    expect(changes(to, to)).toEqual([]);
  });

  it('remote access methods, as a list', () => {
    expect(changes(CALICO_3_23, seed({ remoteAccess: ['rdp', 'ssh'] }))).toEqual([
      { topic: 'remoteAccess', kind: 'removed', item: 'winrm', message: 'Remote access removed: winrm' },
      { topic: 'remoteAccess', kind: 'added', item: 'ssh', message: 'Remote access added: ssh' },
    ]);
  });

  it('whether containerd is used first, as a single value', () => {
    expect(changes(CALICO_3_23, without('containerdFirst'))).toEqual([
      {
        topic: 'containerdFirst',
        kind: 'removed',
        item: 'containerd used first when both runtimes run',
        before: 'true',
        message: 'containerd used first when both runtimes run no longer stated (was true)',
      },
    ]);
  });
});
