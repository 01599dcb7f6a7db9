/**
 * What changed in the requirements between two releases: the upgrade checklist before moving Calico.
 * @module
 */
import type { InstallMethod } from '../model/facts.js';
import { INSTALL_METHODS } from '../model/release.js';
import { windowsReleaseName } from '../model/windows.js';
import { DEFAULT_PROFILE } from './default.js';
import { CALICO_RELEASES } from './releases.js';
import type { ReleaseDatum, ReleaseProfile, SupportedWindowsBuild } from './default.js';
import { profileLabel, selectProfile } from '../engine/select.js';

/** What a {@link ReleaseChange} is about. */
export type ReleaseTopic =
  | Exclude<ReleaseDatum, 'networkingByPlatform'>
  // networkingByPlatform is compared as two topics: which platforms, and which networking on each.
  | 'platforms'
  | 'networking'
  | 'installMethod';

/** One difference between two profiles. */
export interface ReleaseChange {
  readonly topic: ReleaseTopic;
  readonly kind: 'added' | 'removed' | 'changed';
  /** What was added, removed or changed: `Windows Server 2022`, `docker`, `1.31`, `eks`, a rule id. */
  readonly item: string;
  /** The value before, for changes. */
  readonly before?: string;
  /** The value after, for additions and changes. */
  readonly after?: string;
  /** The change in words. */
  readonly message: string;
}

/** The differences between two profiles, `from` → `to`, in topic order. */
export interface ReleaseComparison {
  readonly from: ReleaseProfile;
  readonly to: ReleaseProfile;
  readonly changes: readonly ReleaseChange[];
}

const TOPIC_NAMES: Readonly<Record<ReleaseTopic, string>> = {
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
  remoteAccess: 'Remote access',
  containerdFirst: 'containerd used first when both runtimes run',
  commands: 'Command',
  rules: 'Rule',
};

/** A topic's name for people: `Windows Server`, `Container runtime`. */
export function topicName(topic: ReleaseTopic): string {
  return TOPIC_NAMES[topic];
}

const install = (method: InstallMethod): string => `${INSTALL_METHODS[method].name} install`;

/** A Windows build as people read it: `Windows Server 2022, build 20348.169+`, `Windows Server 2019 (1809), build 17763 or a later release`. */
export function describeBuild(build: SupportedWindowsBuild): string {
  const name = windowsReleaseName(build.release);
  return `${name}, build ${build.minRevision === undefined ? build.build : `${build.build}.${build.minRevision}+`}${build.orLater === true ? ' or a later release' : ''}`;
}

/**
 * The differences in requirements between two releases: Windows builds, container runtimes, tested
 * Kubernetes versions, platforms and their networking, install method, minimum versions, the release's
 * commands and the rules in effect. Strings are resolved against every release profile
 * ({@link CALICO_RELEASES}) as `evaluateCompatibility`'s `release` option is: `'3.23'`, `'v3.19.1'`,
 * `'3.27/manifest'`.
 *
 * @throws `CompatError` (`invalid-options`) for an unknown release.
 * @example
 * compareReleases('3.23', '3.30').changes.filter((c) => c.topic === 'windowsBuilds');
 */
export function compareReleases(from: string | ReleaseProfile, to: string | ReleaseProfile): ReleaseComparison {
  // A profile object is taken as it is.
  const a = selectProfile(from, {}, CALICO_RELEASES, DEFAULT_PROFILE).profile;
  const b = selectProfile(to, {}, CALICO_RELEASES, DEFAULT_PROFILE).profile;
  const changes: ReleaseChange[] = [];
  const push = (topic: ReleaseTopic, kind: ReleaseChange['kind'], item: string, before?: string, after?: string): void => {
    const name = TOPIC_NAMES[topic];
    // A single value (item = the topic's name) reads differently from an item of a list.
    const single = item === name;
    // A single value's addition has its after, its removal its before, and a change both.
    const message =
      kind === 'added'
        ? single
          ? `${name} added: ${after}`
          : `${name} added: ${item}${after !== undefined && after !== item ? ` (${after})` : ''}`
        : kind === 'removed'
          ? single
            ? `${name} no longer stated (was ${before})`
            : `${name} removed: ${item}`
          : `${single || item.startsWith(`${name} `) ? '' : `${name} `}${single ? name : item} changed: ${before} → ${after}`;
    changes.push({ topic, kind, item, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }), message });
  };
  const scalar = (topic: ReleaseTopic, x: unknown, y: unknown): void => {
    const before = show(x);
    const after = show(y);
    if (before !== after) push(topic, before === undefined ? 'added' : after === undefined ? 'removed' : 'changed', TOPIC_NAMES[topic], before, after);
  };
  const lists = (topic: ReleaseTopic, x: readonly string[] = [], y: readonly string[] = []): void => {
    for (const item of x) if (!y.includes(item)) push(topic, 'removed', item);
    for (const item of y) if (!x.includes(item)) push(topic, 'added', item);
  };
  const builds = (topic: ReleaseTopic, x: readonly SupportedWindowsBuild[] = [], y: readonly SupportedWindowsBuild[] = []): void => {
    for (const build of x) {
      const other = y.find((o) => o.build === build.build);
      if (other === undefined) push(topic, 'removed', describeBuild(build));
      else if (other.minRevision !== build.minRevision || other.orLater !== build.orLater)
        push(topic, 'changed', describeName(build), describeBuild(build), describeBuild(other));
    }
    for (const build of y) if (!x.some((o) => o.build === build.build)) push(topic, 'added', describeBuild(build));
  };

  if (a.installMethod !== b.installMethod) push('installMethod', 'changed', TOPIC_NAMES.installMethod, install(a.installMethod), install(b.installMethod));
  const methods = CALICO_RELEASES.filter((p) => p.release === b.release).map((p) => p.installMethod);
  if (methods.length > 0 && !methods.includes(a.installMethod)) {
    const asReleased = b.asReleased?.installMethods?.includes(a.installMethod) ? ' (it did as released, before the docs removed it)' : '';
    changes.push({
      topic: 'installMethod',
      kind: 'removed',
      item: a.installMethod,
      message: `Install method removed: Calico v${b.release} documents no ${install(a.installMethod)}${asReleased}`,
    });
  }
  if (b.deprecated === true && a.deprecated !== true)
    changes.push({ topic: 'installMethod', kind: 'changed', item: b.installMethod, after: 'deprecated', message: `Install method: the ${install(b.installMethod)} is deprecated in v${b.release}` });
  builds('windowsBuilds', a.windowsBuilds, b.windowsBuilds);
  builds('dsrBuilds', a.dsrBuilds, b.dsrBuilds);
  lists('containerRuntimes', a.containerRuntimes, b.containerRuntimes);
  lists('testedKubernetes', a.testedKubernetes, b.testedKubernetes);
  lists('platforms', Object.keys(a.networkingByPlatform), Object.keys(b.networkingByPlatform));
  // The networking of the platforms both support; a platform's coming or going says the rest.
  for (const [platform, y] of Object.entries(b.networkingByPlatform)) {
    const x = a.networkingByPlatform[platform as keyof ReleaseProfile['networkingByPlatform']];
    if (x === undefined) continue;
    for (const option of x) if (!y.includes(option)) push('networking', 'removed', `${option} on ${platform}`);
    for (const option of y) if (!x.includes(option)) push('networking', 'added', `${option} on ${platform}`);
  }
  scalar('minLinuxCalico', a.minLinuxCalico, b.minLinuxCalico);
  scalar('typhaLinuxWorkers', a.typhaLinuxWorkers, b.typhaLinuxWorkers);
  scalar('aksMinKubernetes', a.aksMinKubernetes, b.aksMinKubernetes);
  scalar('eksSecretsNamespace', a.eksSecretsNamespace && `${a.eksSecretsNamespace.operator} (operator) / ${a.eksSecretsNamespace.manifest} (manifest)`, b.eksSecretsNamespace && `${b.eksSecretsNamespace.operator} (operator) / ${b.eksSecretsNamespace.manifest} (manifest)`);
  scalar('hostProcess', a.hostProcess && hostProcessText(a.hostProcess), b.hostProcess && hostProcessText(b.hostProcess));
  lists('datastores', a.datastores, b.datastores);
  scalar('minVxlanVni', a.minVxlanVni, b.minVxlanVni);
  lists('remoteAccess', a.remoteAccess, b.remoteAccess);
  scalar('containerdFirst', a.containerdFirst, b.containerdFirst);
  for (const key of new Set([...Object.keys(a.commands), ...Object.keys(b.commands)]) as Set<keyof ReleaseProfile['commands']>) {
    const x = a.commands[key];
    const y = b.commands[key];
    if (x === y) continue;
    push('commands', x === undefined ? 'added' : y === undefined ? 'removed' : 'changed', key, x, y);
  }
  const idsA = a.rules.map((r) => r.id);
  const idsB = b.rules.map((r) => r.id);
  for (const rule of a.rules) if (!idsB.includes(rule.id)) push('rules', 'removed', rule.id);
  for (const rule of b.rules) if (!idsA.includes(rule.id)) push('rules', 'added', rule.id, undefined, rule.title);
  return { from: a, to: b, changes };
}

function describeName(build: SupportedWindowsBuild): string {
  return windowsReleaseName(build.release);
}

function hostProcessText(hostProcess: NonNullable<ReleaseProfile['hostProcess']>): string {
  return `Kubernetes ${hostProcess.minKubernetes}+, containerd ${hostProcess.minContainerd}+`;
}

function show(value: unknown): string | undefined {
  return value === undefined ? undefined : String(value);
}

/** The comparison as text: one line a change, grouped by topic, under a heading naming both profiles. */
export function formatReleaseComparison(comparison: ReleaseComparison): string {
  const { from, to, changes } = comparison;
  const lines = [`Requirements from ${profileLabel(from)} to ${profileLabel(to)}: ${changes.length} change${changes.length === 1 ? '' : 's'}`];
  let topic: ReleaseTopic | undefined;
  for (const change of changes) {
    if (change.topic !== topic) {
      topic = change.topic;
      lines.push('', `${TOPIC_NAMES[topic]}:`);
    }
    const sign = change.kind === 'added' ? '+' : change.kind === 'removed' ? '-' : '~';
    lines.push(`  ${sign} ${change.message}`);
  }
  if (changes.length === 0) lines.push('', 'No requirement changed.');
  return `${lines.join('\n')}\n`;
}
