// The release profiles against shared/spec/upstream.md's tables (§1 the Windows requirements pages,
// §1b the tested Kubernetes versions, §2 first and last appearances): a test per release line for the
// Windows builds, runtimes, Kubernetes versions and platforms it allows; every datum has a source;
// `auto` picks the right profile across the range; compareReleases lists what changed.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluateCompatibility } from '../src/api.js';
import { CALICO_3_23, DEFAULT_PROFILE, type ReleaseDatum, type ReleaseProfile } from '../src/catalog/default.js';
import { CALICO_RELEASES, RELEASE_LINES } from '../src/catalog/releases.js';
import { compareReleases, formatReleaseComparison } from '../src/catalog/compare.js';
import { profileLabel } from '../src/engine/select.js';
import { findRelease } from '../src/releases.js';
import { CATALOG } from '../src/catalog/later-rules.js';
import type { ClusterFacts } from '../src/model/facts.js';
import { parseWaivers } from '../src/api.js';

const range = (first: number, last: number): string[] => Array.from({ length: last - first + 1 }, (_, i) => `1.${first + i}`);
const FIVE = ['kubernetes', 'openshift', 'rke', 'eks', 'aks'];

/**
 * upstream.md, restated per profile, with the corrections of docs/upstream-verification.md (its
 * item numbers in the comments): Windows builds (release, release.minRevision, `+` for "or greater"),
 * runtimes, tested Kubernetes, platforms.
 */
const TABLE: ReadonlyArray<{
  readonly release: string;
  readonly builds: readonly string[];
  readonly runtimes: readonly string[] | undefined;
  readonly kubernetes: readonly string[];
  readonly platforms: readonly string[];
  readonly asReleased?: { readonly builds?: readonly string[]; readonly kubernetes?: readonly string[] };
}> = [
  // Item 3: "Windows Server 2019 / 1809 (RS5) or greater", "1903 … build 18317 or greater" (W16, W17).
  { release: 'v3.16', builds: ['1809+', '1903+'], runtimes: undefined, kubernetes: range(16, 18), platforms: ['kubernetes', 'eks'] },
  { release: 'v3.17', builds: ['1809+', '1903+'], runtimes: ['docker'], kubernetes: range(17, 19), platforms: ['kubernetes', 'eks'] },
  { release: 'v3.18', builds: ['1809+', '1903+'], runtimes: ['docker'], kubernetes: range(18, 20), platforms: ['kubernetes', 'eks'] },
  { release: 'v3.19.0–3.19.1', builds: ['1809+', '1903+'], runtimes: ['containerd', 'docker'], kubernetes: range(18, 20), platforms: ['kubernetes', 'eks'] },
  { release: 'v3.19.2+', builds: ['1809.1432', '2004', '20H2'], runtimes: ['containerd', 'docker'], kubernetes: range(18, 20), platforms: FIVE },
  { release: 'v3.20', builds: ['1809.1432', '2004', '20H2'], runtimes: ['containerd', 'docker'], kubernetes: range(18, 20), platforms: FIVE },
  { release: 'v3.21', builds: ['1809.1432', '2004', '20H2'], runtimes: ['containerd', 'docker'], kubernetes: range(18, 20), platforms: FIVE },
  { release: 'v3.22.0', builds: ['1809.1432', '2004', '20H2'], runtimes: ['containerd', 'docker'], kubernetes: range(18, 20), platforms: FIVE },
  { release: 'v3.22.1+', builds: ['1809.1432', '20H2'], runtimes: ['containerd', 'docker'], kubernetes: range(21, 23), platforms: FIVE },
  { release: 'v3.23', builds: ['1809.1432', '20H2'], runtimes: ['containerd', 'docker'], kubernetes: range(21, 23), platforms: FIVE },
  // Item 4: 20H2 as released (W21 @release-v3.24 6504b892ec, @release-v3.25 9437c4e93e), 2022 as served now.
  {
    release: 'v3.24',
    builds: ['1809.1432', '20H2', '2022.169'],
    runtimes: ['containerd', 'docker'],
    kubernetes: range(22, 25),
    platforms: FIVE,
    asReleased: { builds: ['1809.1432', '20H2'], kubernetes: range(22, 24) },
  },
  {
    release: 'v3.25',
    builds: ['1809.1432', '20H2', '2022.169'],
    runtimes: ['containerd', 'docker'],
    kubernetes: range(23, 28),
    platforms: FIVE,
    asReleased: { builds: ['1809.1432', '20H2'], kubernetes: range(22, 24) },
  },
  { release: 'v3.26', builds: ['1809.1432', '2022.169'], runtimes: ['containerd', 'docker'], kubernetes: range(24, 28), platforms: FIVE, asReleased: { kubernetes: range(24, 26) } },
  { release: 'v3.27', builds: ['1809.1432', '2022.169'], runtimes: ['containerd'], kubernetes: range(27, 29), platforms: FIVE, asReleased: { kubernetes: range(24, 28) } },
  { release: 'v3.27', builds: ['1809.1432', '2022.169'], runtimes: ['containerd', 'docker'], kubernetes: range(27, 29), platforms: FIVE, asReleased: { kubernetes: range(24, 28) } },
  // Item 2: the manual (.zip) install of v3.28 to v3.30, as released (TDW @57ce8baf17b9).
  { release: 'v3.28', builds: ['1809.1432', '2022.169'], runtimes: ['containerd'], kubernetes: range(27, 30), platforms: FIVE, asReleased: { kubernetes: range(27, 29) } },
  { release: 'v3.28', builds: ['1809.1432', '2022.169'], runtimes: ['containerd', 'docker'], kubernetes: range(27, 30), platforms: FIVE, asReleased: { kubernetes: range(27, 29) } },
  { release: 'v3.29', builds: ['1809.1432', '2022.169'], runtimes: ['containerd'], kubernetes: range(29, 32), platforms: FIVE, asReleased: { kubernetes: range(29, 31) } },
  { release: 'v3.29', builds: ['1809.1432', '2022.169'], runtimes: ['containerd', 'docker'], kubernetes: range(29, 32), platforms: FIVE, asReleased: { kubernetes: range(29, 31) } },
  // Item 6: as released, v3.30 was tested on 1.31–1.33 (ca5e4eb06, before tag v3.30.0) …
  { release: 'v3.30', builds: ['1809.1432', '2022.169'], runtimes: ['containerd'], kubernetes: range(31, 35), platforms: FIVE, asReleased: { kubernetes: range(31, 33) } },
  { release: 'v3.30', builds: ['1809.1432', '2022.169'], runtimes: ['containerd', 'docker'], kubernetes: range(31, 35), platforms: FIVE, asReleased: { kubernetes: range(31, 33) } },
  // … v3.31 on 1.32–1.34 (bbeae4c63; a placeholder at tag time), and v3.32's list has not changed since its release.
  { release: 'v3.31', builds: ['1809.1432', '2022.169'], runtimes: ['containerd'], kubernetes: range(32, 35), platforms: FIVE, asReleased: { kubernetes: range(32, 34) } },
  { release: 'v3.32', builds: ['1809.1432', '2022.169'], runtimes: ['containerd'], kubernetes: range(34, 36), platforms: FIVE },
];

const builds = (list: ReleaseProfile['windowsBuilds'] = []): string[] =>
  list.map((b) => `${b.minRevision === undefined ? b.release : `${b.release}.${b.minRevision}`}${b.orLater === true ? '+' : ''}`);

describe('the release profiles', () => {
  it('cover every documented release line, v3.16 to v3.32, the seed being the default', () => {
    expect(RELEASE_LINES).toEqual(Array.from({ length: 17 }, (_, i) => `3.${16 + i}`));
    expect(CALICO_RELEASES).toContain(CALICO_3_23);
    expect(DEFAULT_PROFILE).toBe(CALICO_3_23);
    expect(CALICO_RELEASES.map(profileLabel)).toEqual([
      ...['v3.16', 'v3.17', 'v3.18', 'v3.19.0–3.19.1', 'v3.19.2+', 'v3.20', 'v3.21', 'v3.22.0', 'v3.22.1+', 'v3.23', 'v3.24', 'v3.25', 'v3.26'].map(
        (v) => `Calico ${v} (manifest)`,
      ),
      ...['v3.27', 'v3.28', 'v3.29', 'v3.30'].flatMap((v) => [`Calico ${v} (operator)`, `Calico ${v} (manifest)`]),
      ...['v3.31', 'v3.32'].map((v) => `Calico ${v} (operator)`),
    ]);
  });

  it.each(CALICO_RELEASES.map((p, i) => [profileLabel(p), p, TABLE[i]] as const))(
    '%s: Windows builds, runtimes, Kubernetes versions and platforms as upstream.md has them',
    (_label, profile, row) => {
      expect(row).toBeDefined();
      expect(builds(profile.windowsBuilds)).toEqual(row?.builds);
      expect(profile.containerRuntimes).toEqual(row?.runtimes);
      expect(profile.testedKubernetes).toEqual(row?.kubernetes);
      expect(Object.keys(profile.networkingByPlatform)).toEqual(row?.platforms);
      expect(profile.asReleased?.windowsBuilds === undefined ? undefined : builds(profile.asReleased.windowsBuilds)).toEqual(row?.asReleased?.builds);
      expect(profile.asReleased?.testedKubernetes).toEqual(row?.asReleased?.kubernetes);
    },
  );

  it.each(CALICO_RELEASES.map((p) => [profileLabel(p), p] as const))('%s: every datum has a source (repository path and revision)', (_label, profile) => {
    const data: ReleaseDatum[] = ['windowsBuilds', 'dsrBuilds', 'containerRuntimes', 'containerdFirst', 'testedKubernetes', 'networkingByPlatform', 'minLinuxCalico', 'typhaLinuxWorkers', 'aksMinKubernetes', 'eksSecretsNamespace', 'hostProcess', 'datastores', 'minVxlanVni', 'remoteAccess', 'commands', 'rules'];
    const cites = /^(projectcalico\/calico|tigera\/docs|tigera\/operator) \S+.*\(.+\)/;
    for (const datum of data) if (profile[datum] !== undefined) expect(profile.sources[datum], datum).toMatch(cites);
    expect(profile.source).toMatch(cites);
    const asReleased = profile.asReleased;
    if (asReleased !== undefined)
      for (const key of ['windowsBuilds', 'testedKubernetes', 'installMethods'] as const)
        if (asReleased[key] !== undefined) expect(asReleased.sources[key], key).toMatch(cites);
  });

  it('list their rules in catalog order, and each rule the data it reads', () => {
    const order = CATALOG.map((r) => r.id);
    for (const profile of CALICO_RELEASES) {
      const indexes = profile.rules.map((r) => order.indexOf(r.id));
      expect(indexes.every((i) => i >= 0)).toBe(true);
      expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    }
  });

  it.each(CALICO_RELEASES.map((p) => [profileLabel(p), p] as const))('%s: evaluates every example cluster, and facts that reach every rule, without throwing', (_label, profile) => {
    for (const name of readdirSync('examples').filter((f) => f.endsWith('.yaml'))) {
      const facts = parse(readFileSync(`examples/${name}`, 'utf8')) as ClusterFacts;
      const report = evaluateCompatibility(facts, { release: profile });
      expect(report.findings.length).toBeGreaterThanOrEqual(profile.rules.length);
    }
    const everything: ClusterFacts = {
      platform: 'kubernetes',
      networking: 'calico-bgp',
      infrastructure: 'aws',
      kubernetes: { version: '1.23.4', hostProcessContainersEnabled: true },
      calico: { version: '3.30.3', datastore: 'etcd', operatorManaged: true, ipam: 'calico', strictAffinity: false, ipipEnabled: true, bgpEnabled: true, vxlanVNI: 10, windowsDataplane: 'HNS', serviceCIDRs: [], kubernetesServicesEndpoint: {}, ipPools: [{ name: 'a', cidr: '10.0.0.0/16', encapsulation: 'ipip' }, { name: 'b', cidr: '10.1.0.0/16', encapsulation: 'vxlan' }] },
      network: { vxlanPortOpen: false, sourceDestCheckDisabled: false },
      nodes: [{ os: 'linux', name: 'l' }, { os: 'windows', name: 'w', osBuild: '10.0.17763.1', containerRuntime: 'containerd://1.5.0', datastore: 'kubernetes', cniPlugin: 'x', powershellAdmin: false, remoteAccess: [], remoteAccessServiceInstalled: false, tls12Enabled: false, routeReflector: true }],
    };
    for (const platform of ['kubernetes', 'eks', 'aks'])
      for (const networking of ['calico-bgp', 'calico-vxlan', 'eks-vpc-cni'])
        expect(() => evaluateCompatibility({ ...everything, platform, networking }, { release: profile })).not.toThrow();
  });

  it('take waivers on their rules, which the core knows by name', () => {
    const waivers = parseWaivers([{ rule: 'advisory-windows-bgp-not-configured', reason: 'on v3.30.2 until the upgrade' }]);
    expect(waivers.success).toBe(true);
    if (!waivers.success) return;
    const report = evaluateCompatibility({ networking: 'calico-bgp', calico: { version: '3.30.4' } }, { release: '3.30', profiles: CALICO_RELEASES, waivers: waivers.data });
    expect(report.findings.find((f) => f.ruleId === 'advisory-windows-bgp-not-configured')).toMatchObject({ status: 'fail', waived: { reason: 'on v3.30.2 until the upgrade' } });
    expect(parseWaivers([{ rule: 'advisory-windows-bgp', reason: 'x' }]).success).toBe(false);
  });

  it('follow what is published now, recording what releases published before their docs changed', () => {
    const v330 = findRelease('3.30').profile;
    expect(v330.installMethod).toBe('operator');
    expect(v330.asReleased?.installMethods).toEqual(['operator', 'manifest']);
    expect(findRelease('3.27/manifest').profile.deprecated).toBe(true);
  });

  // upstream-verification.md item 2: TDW(3.28/3.29/3.30) @57ce8baf17b9 published the manual install,
  // removed from the docs by 1955e4de7 (2025-09-16); the .zip is still built (node/Makefile WINDOWS_ARCHIVE).
  it.each(['3.28', '3.29', '3.30'])('v%s has its manual (.zip) install as released, deprecated, with its own requirements', (line) => {
    for (const name of [`${line}/manual`, `${line}/manifest`, `${line}/zip`]) {
      const manual = findRelease(name).profile;
      expect(manual).toMatchObject({ release: line, installMethod: 'manifest', deprecated: true, containerRuntimes: ['containerd', 'docker'], datastores: ['kubernetes', 'etcd'], minLinuxCalico: '3.12.0' });
      expect(manual.source).toContain('57ce8baf17b9');
      expect(manual.docsUrl).toBe(`https://github.com/tigera/docs/blob/57ce8baf17b9/calico_versioned_docs/version-${line}/getting-started/kubernetes/windows-calico/requirements.mdx`);
    }
    expect(findRelease(line, { calico: { operatorManaged: false } }).profile.installMethod).toBe('manifest');
    // A real manual install (Docker, etcd, Linux Calico before v3.27) is judged by the manual install's page.
    const facts: ClusterFacts = {
      calico: { version: `${line}.1`, datastore: 'etcd', operatorManaged: false },
      nodes: [{ os: 'windows', name: 'win-1', containerRuntime: 'docker://20.10.21', datastore: 'etcd', remoteAccess: ['ssh'] }],
    };
    const report = evaluateCompatibility(facts, { release: 'auto', profiles: CALICO_RELEASES });
    expect(report.profile).toMatchObject({ release: line, installMethod: 'manifest' });
    expect(report.profile.note).toBeUndefined();
    const status = (id: string) => report.findings.filter((f) => f.ruleId === id).map((f) => f.status);
    expect(status('windows-container-runtime')).toEqual(['pass']);
    expect(status('windows-datastore-match')).toEqual(['pass']);
    expect(status('windows-remote-access')).toEqual(['pass']);
    for (const operatorRule of ['operator-datastore', 'hostprocess-kubernetes-version', 'windows-containerd-version']) expect(status(operatorRule)).toEqual([]);
  });

  // upstream-verification.md item 5: TDW(3.27) (and J for 3.28–3.30 as released) says "RDP, WinRM or ssh".
  it('accept ssh for remote access from the v3.27 manual install, not before', () => {
    expect(findRelease('3.27/manual').profile.remoteAccess).toEqual(['rdp', 'winrm', 'ssh']);
    expect(findRelease('3.30/zip').profile.remoteAccess).toEqual(['rdp', 'winrm', 'ssh']);
    expect(findRelease('3.26').profile.remoteAccess).toEqual(['rdp', 'winrm']);
    expect(findRelease('3.27/operator').profile.remoteAccess).toBeUndefined();
  });

  // upstream-verification.md item 7: /archive/vX proxies serve the Jekyll sites (v3.16–v3.25 only);
  // /calico/3.24 … /calico/3.28 redirect to the archive site (tigera/docs static/_redirects).
  it('link to docs in the form that resolves', () => {
    const url = (release: string) => findRelease(release).profile.docsUrl;
    expect(url('3.17')).toBe('https://docs.tigera.io/archive/v3.17/getting-started/windows-calico/kubernetes/requirements');
    expect(url('v3.19.1')).toBe('https://github.com/projectcalico/calico/blob/v3.19.1/getting-started/windows-calico/kubernetes/requirements.md');
    expect(url('v3.22.0')).toBe('https://github.com/projectcalico/calico/blob/v3.22.0/calico/getting-started/windows-calico/kubernetes/requirements.md');
    expect(url('3.22')).toBe('https://docs.tigera.io/archive/v3.22/getting-started/windows-calico/kubernetes/requirements');
    for (const line of ['3.24', '3.25', '3.26'])
      expect(url(line)).toBe(`https://docs.tigera.io/calico/${line}/getting-started/kubernetes/windows-calico/kubernetes/requirements`);
    expect(url('3.27/manual')).toBe('https://docs.tigera.io/calico/3.27/getting-started/kubernetes/windows-calico/requirements');
    expect(url('3.32')).toBe('https://docs.tigera.io/calico/3.32/getting-started/kubernetes/windows-calico/requirements');
    for (const profile of CALICO_RELEASES) expect(profile.docsUrl).not.toMatch(/archive\/v3\.2[4-9]/);
  });

  // upstream-verification.md item 11: the citations that slipped.
  it('cite the commits the values come from', () => {
    expect(findRelease('3.24').profile.asReleased?.sources.windowsBuilds).toContain('release-v3.24, 6504b892ec');
    expect(findRelease('3.29').profile.asReleased?.sources.testedKubernetes).toBe('tigera/docs calico_versioned_docs/version-3.29/getting-started/kubernetes/requirements.mdx (f42dc0705)');
    expect(findRelease('3.31').profile.asReleased?.sources.testedKubernetes).toMatch(/bbeae4c63.*placeholder, 1\.29–1\.31, at tag time/);
  });
});

describe("release 'auto' across the range", () => {
  it.each([
    ['v3.16.10', 'Calico v3.16 (manifest)'],
    ['v3.17.4', 'Calico v3.17 (manifest)'],
    ['3.19.1', 'Calico v3.19.0–3.19.1 (manifest)'],
    ['v3.19.2', 'Calico v3.19.2+ (manifest)'],
    ['v3.20.6', 'Calico v3.20 (manifest)'],
    ['v3.22.0', 'Calico v3.22.0 (manifest)'],
    ['v3.22.5', 'Calico v3.22.1+ (manifest)'],
    ['v3.23.5', 'Calico v3.23 (manifest)'],
    ['v3.25.2', 'Calico v3.25 (manifest)'],
    ['v3.27.3', 'Calico v3.27 (operator)'],
    ['v3.28.2', 'Calico v3.28 (operator)'],
    ['v3.30.4', 'Calico v3.30 (operator)'],
    ['v3.31.5', 'Calico v3.31 (operator)'],
    ['v3.32.1', 'Calico v3.32 (operator)'],
  ])('calico.version %s → %s', (version, label) => {
    const report = evaluateCompatibility({ calico: { version } }, { release: 'auto', profiles: CALICO_RELEASES });
    expect(profileLabel(findRelease('auto', { calico: { version } }).profile)).toBe(label);
    expect(report.profile.requested).toBe('auto');
  });

  it('picks the install method from the facts where the release documents two', () => {
    expect(findRelease('auto', { calico: { version: '3.27.2', installMethod: 'manifest' } }).profile.installMethod).toBe('manifest');
    expect(findRelease('auto', { calico: { version: '3.27.2', operatorManaged: false } }).profile.installMethod).toBe('manifest');
    const chosen = findRelease('auto', { calico: { version: '3.27.2' } });
    expect(chosen.profile.installMethod).toBe('operator');
    expect(chosen.note).toMatch(/installMethod is not known/);
    expect(findRelease('auto', { calico: { version: '3.31.1', installMethod: 'manifest' } }).note).toMatch(/documents no manifest install now/);
    expect(findRelease('auto', { calico: { version: '3.30.1', installMethod: 'manifest' } })).toMatchObject({ profile: { release: '3.30', installMethod: 'manifest' } });
  });

  it('falls back to the default profile, saying so, without calico.version', () => {
    const report = evaluateCompatibility({ platform: 'eks' }, { release: 'auto', profiles: CALICO_RELEASES });
    expect(report.profile.release).toBe('3.23');
    expect(report.profile.note).toMatch(/calico\.version is not known/);
  });

  it.each([
    ['v3.15.5', 'Calico v3.16 (manifest)', 'oldest'],
    ['2.6', 'Calico v3.16 (manifest)', 'oldest'],
    ['3.11.2', 'Calico v3.16 (manifest)', 'oldest'],
    ['3.33.0', 'Calico v3.32 (operator)', 'newest'],
    ['v3.33.0-0.dev', 'Calico v3.32 (operator)', 'newest'],
    ['4.0.1', 'Calico v3.32 (operator)', 'newest'],
  ])('never fails for calico.version %s: %s, the %s profile, named in report.profile', (version, label, fallback) => {
    const report = evaluateCompatibility({ calico: { version } }, { release: 'auto', profiles: CALICO_RELEASES });
    const chosen = findRelease('auto', { calico: { version } });
    expect(profileLabel(chosen.profile)).toBe(label);
    expect(chosen.fallback).toBe(fallback);
    expect(report.profile).toMatchObject({ requested: 'auto', fallback });
    expect(report.profile.note).toMatch(new RegExp(`is ${fallback === 'oldest' ? 'older' : 'newer'} than every release profile, so the ${fallback}, ${label.replace(/ \(\w+\)$/, '').replace(/[.()+]/g, '\\$&')}, was used`));
  });

  it('gives the seed results for v3.23, exactly', () => {
    for (const name of readdirSync('examples').filter((f) => f.endsWith('.yaml'))) {
      const facts = parse(readFileSync(`examples/${name}`, 'utf8')) as ClusterFacts;
      const plain = evaluateCompatibility(facts);
      const chosen = evaluateCompatibility(facts, { release: '3.23', profiles: CALICO_RELEASES });
      expect({ ...chosen, profile: plain.profile }).toEqual(plain);
    }
  });
});

describe('compareReleases', () => {
  const diff = compareReleases('3.23', '3.30');
  const has = (topic: string, kind: string, item: RegExp) => diff.changes.some((c) => c.topic === topic && c.kind === kind && item.test(c.item));

  it('3.23 → 3.30: Windows Server, runtime, install method, Kubernetes, Linux Calico, commands and rules', () => {
    expect(has('windowsBuilds', 'removed', /Windows Server 20H2/)).toBe(true);
    expect(has('windowsBuilds', 'added', /Windows Server 2022, build 20348\.169\+/)).toBe(true);
    expect(has('containerRuntimes', 'removed', /^docker$/)).toBe(true);
    expect(diff.changes.find((c) => c.topic === 'installMethod' && c.kind === 'changed')).toMatchObject({
      before: 'manual (.zip) install',
      after: 'operator (HostProcess) install',
    });
    // v3.30 published the manual install (upstream-verification.md item 2): it is not gone.
    expect(has('installMethod', 'removed', /manifest/)).toBe(false);
    expect(has('testedKubernetes', 'removed', /^1\.21$/)).toBe(true);
    expect(has('testedKubernetes', 'added', /^1\.35$/)).toBe(true);
    expect(diff.changes.find((c) => c.topic === 'minLinuxCalico')).toMatchObject({ before: '3.12.0', after: '3.27.0' });
    expect(has('hostProcess', 'added', /HostProcess/)).toBe(true);
    expect(has('datastores', 'removed', /^etcd$/)).toBe(true);
    expect(has('commands', 'changed', /^strictAffinity$/)).toBe(true);
    expect(has('rules', 'added', /^windows-containerd-version$/)).toBe(true);
    expect(has('rules', 'removed', /^windows-tls12$/)).toBe(true);
  });

  it('says the manual install is gone from v3.31, the first release that did not publish it', () => {
    const removed = compareReleases('3.23', '3.31').changes.find((c) => c.topic === 'installMethod' && c.kind === 'removed');
    expect(removed?.message).toBe('Install method removed: Calico v3.31 documents no manual (.zip) install');
  });

  it('lists nothing between a profile and itself, and reverses cleanly', () => {
    expect(compareReleases('3.30', '3.30').changes).toEqual([]);
    const back = compareReleases('3.30', '3.23');
    expect(back.changes.filter((c) => c.kind === 'added').length).toBe(diff.changes.filter((c) => c.topic !== 'installMethod' && c.kind === 'removed').length);
  });

  it('names platforms and networking options that come and go', () => {
    const early = compareReleases('3.16', '3.20');
    expect(early.changes.filter((c) => c.topic === 'platforms').map((c) => `${c.kind} ${c.item}`)).toEqual(['added openshift', 'added rke', 'added aks']);
    expect(early.changes.some((c) => c.topic === 'networking' && c.item === 'calico-bgp on kubernetes')).toBe(true);
    expect(compareReleases('3.22', '3.23').changes.map((c) => c.message)).toEqual(['Networking removed: calico-bgp on eks', 'Networking removed: calico-vxlan on eks']);
  });

  it('formats as text for the CLI', () => {
    const text = formatReleaseComparison(diff);
    expect(text).toMatch(/^Requirements from Calico v3\.23 \(manifest\) to Calico v3\.30 \(operator\): \d+ changes/);
    expect(text).toContain('  - Windows Server removed: Windows Server 20H2, build 19042');
    expect(text).toContain('  + Windows Server added: Windows Server 2022, build 20348.169+');
  });

  it('refuses an unknown release', () => {
    expect(() => compareReleases('3.23', '3.99')).toThrow(/known releases/);
  });
});

describe("remediations take the release's own commands and data", () => {
  const find = (facts: ClusterFacts, id: string, release: string) =>
    evaluateCompatibility(facts, { release, profiles: CALICO_RELEASES, rules: [id] }).findings[0];
  const pools = (encapsulation: 'ipip' | 'vxlan') => ({ networking: 'calico-vxlan', calico: { ipipEnabled: true, ipam: 'calico', strictAffinity: false, ipPools: [{ name: 'default-ipv4-ippool', cidr: '10.0.0.0/16', encapsulation }] } });

  it('strict affinity: calicoctl up to v3.23, kubectl patch ipamconfigurations from v3.24', () => {
    expect(find(pools('vxlan'), 'strict-affinity', '3.23')?.remediation).toBe('calicoctl ipam configure --strictaffinity=true');
    expect(find(pools('vxlan'), 'strict-affinity', '3.24')?.remediation).toMatch(/^kubectl patch ipamconfigurations default --type merge/);
  });

  it('IPIP: felixconfiguration and calicoctl up to v3.26, the IP pool with kubectl from v3.27, the Installation for operator-managed pools from v3.31', () => {
    expect(find(pools('ipip'), 'ipip-disabled', '3.26')?.remediation).toBe(
      `calicoctl patch felixconfiguration default -p '{"spec":{"ipipEnabled":false}}'\ncalicoctl patch ippool default-ipv4-ippool -p '{"spec":{"ipipMode":"Never","vxlanMode":"Always"}}'`,
    );
    // The manual install's installer still refuses Felix's ipipEnabled: its fix is Felix's, not the pool command (item 8).
    expect(find(pools('ipip'), 'ipip-disabled', '3.27/manifest')?.remediation).toBe(
      `calicoctl patch felixconfiguration default -p '{"spec":{"ipipEnabled":false}}'\nkubectl patch ippool default-ipv4-ippool -p '{"spec":{"ipipMode":"Never","vxlanMode":"Always"}}'`,
    );
    const v331 = find(pools('ipip'), 'ipip-disabled', '3.31')?.remediation ?? '';
    expect(v331).toContain(`kubectl patch installation default --type=json -p '[{"op":"replace","path":"/spec/calicoNetwork/ipPools/<i>/encapsulation","value":"VXLAN"}]'`);
    expect(v331).toContain(`User-managed pool: kubectl patch ippool default-ipv4-ippool -p '{"spec":{"ipipMode":"Never","vxlanMode":"Always"}}'`);
  });

  it('Windows builds and runtimes: the release names its own', () => {
    const node = (osBuild: string, containerRuntime: string): ClusterFacts => ({ nodes: [{ os: 'windows', name: 'w', osBuild, containerRuntime }] });
    expect(find(node('10.0.19042.1', 'docker://20.10'), 'windows-os-version', '3.30')?.remediation).toBe('Run Windows Server 2019 (1809) updated to build 17763.1432 or later (install the latest cumulative update), or Windows Server 2022 updated to build 20348.169 or later (install the latest cumulative update).');
    expect(find(node('10.0.20348.1', 'docker://20.10'), 'windows-os-version', '3.23')?.remediation).toMatch(/^Run Windows Server 2019 \(1809\) updated to build 17763\.1432/);
    expect(find(node('10.0.17763.1432', 'docker://20.10'), 'windows-container-runtime', '3.30/operator')?.remediation).toBe('Install and run containerd on the node, and point the kubelet at it.');
  });

  it('Typha: v3.17 to v3.19.1 ask for four Linux workers on every install, later releases three on operator-managed ones', () => {
    const facts: ClusterFacts = { calico: { operatorManaged: false }, nodes: [{ os: 'linux', name: 'a' }, { os: 'linux', name: 'b' }, { os: 'linux', name: 'c' }] };
    expect(find(facts, 'typha-ha', '3.17')).toMatchObject({ status: 'fail', message: /needs 4/ });
    expect(find(facts, 'typha-ha', '3.20')?.status).toBe('not-applicable');
  });

  it('Linux workers: the operator install asks for Calico v3.27 on them', () => {
    expect(find({ nodes: [] }, 'linux-worker-node', '3.30')?.remediation).toMatch(/runs Calico v3\.27 or later/);
    expect(find({ nodes: [] }, 'linux-worker-node', '3.23')?.remediation).toMatch(/runs Calico v3\.12 or later/);
  });

  it('platforms: v3.16 supports Kubernetes and EKS only', () => {
    expect(find({ platform: 'aks' }, 'platform-supported', '3.16')).toMatchObject({ status: 'fail', remediation: 'Run the Windows nodes on a supported platform: self-managed Kubernetes or EKS. If the platform is one of these under another name, set platform to its id.' });
    expect(find({ platform: 'aks', networking: 'aks-azure-cni' }, 'networking-supported', '3.16')?.status).toBe('not-applicable');
    expect(find({ platform: 'aks' }, 'platform-supported', '3.20')?.status).toBe('pass');
  });
});
