import type { InstallMethod } from '../model/facts.js';
import { INSTALL_METHODS } from '../model/release.js';
import { escapeTableCell } from './markdown.js';
import { CALICO_RELEASES } from '../catalog/releases.js';
import { describeBuild } from '../catalog/compare.js';
import type { ReleaseProfile } from '../catalog/default.js';
import { patchRange } from '../engine/select.js';
import { describeAffected } from '../catalog/advisory.js';
import { ADVISORIES, CATALOG } from '../catalog/later-rules.js';

const INSTALL = (method: InstallMethod): string => INSTALL_METHODS[method].name;

/** The release column's text: `v3.19.0–3.19.1`, `v3.22.1+`, `v3.27`. */
function releaseName(profile: ReleaseProfile): string {
  return `v${patchRange(profile) ?? profile.release}`;
}

/** `1.21, 1.22, 1.23` → `1.21–1.23`, when consecutive. */
function kubernetesRange(versions: readonly string[]): string {
  const minors = versions.map((v) => Number(v.split('.')[1]));
  const consecutive = minors.every((m, i) => i === 0 || m === (minors[i - 1] ?? 0) + 1);
  return consecutive && versions.length > 2 ? `${versions[0]}–${versions.at(-1)}` : versions.join(', ');
}

function platforms(profile: ReleaseProfile): string {
  const groups = new Map<string, string[]>();
  for (const [platform, options] of Object.entries(profile.networkingByPlatform)) {
    const key = (options ?? []).join(', ');
    groups.set(key, [...(groups.get(key) ?? []), platform]);
  }
  return [...groups].map(([options, names]) => `${names.join(', ')}: ${options}`).join('<br>');
}

const cell = escapeTableCell;

/**
 * The support matrix as Markdown: every release profile × Windows builds, container runtimes, tested
 * Kubernetes versions, platforms and networking, install method and minimum Linux Calico; what releases
 * published before their docs changed; which rules each profile holds; the known issues; and the
 * sources. `docs/support-matrix.md` is this text, generated.
 *
 * @example
 * writeFileSync('support-matrix.md', formatSupportMatrix());
 */
export function formatSupportMatrix(profiles: readonly ReleaseProfile[] = CALICO_RELEASES): string {
  const lines: string[] = [
    '# Calico for Windows support matrix',
    '',
    'Every documented Calico release line, as the release profiles of `calico-windows-compat/releases` hold',
    'it: one row per profile (a release line, a patch range where its page changed within the line, and an',
    'install method where it documents two). Profiles follow the docs as they are published now; the second',
    'table lists what releases published before their docs were changed.',
    '',
    '| Release | Install | Windows Server | Container runtime | Kubernetes (tested) | Platforms: networking | Linux Calico |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const p of profiles) {
    const install = `${INSTALL(p.installMethod)}${p.deprecated === true ? ', deprecated' : ''}`;
    const runtimes = p.containerRuntimes === undefined ? 'not stated' : p.containerRuntimes.join(', ');
    const hostProcess = p.hostProcess === undefined ? '' : ` ${p.hostProcess.minContainerd}+`;
    lines.push(
      `| ${releaseName(p)} | ${install} | ${p.windowsBuilds.map(describeBuild).join('<br>')} | ${runtimes}${hostProcess} | ${kubernetesRange(p.testedKubernetes)} | ${platforms(p)} | ${p.minLinuxCalico}+ |`,
    );
  }

  lines.push('', '## As released', '', '| Release | Install | What it published | Source |', '| --- | --- | --- | --- |');
  for (const p of profiles) {
    const a = p.asReleased;
    if (a === undefined) continue;
    const items = [
      a.windowsBuilds && `Windows Server: ${a.windowsBuilds.map(describeBuild).join(', ')}`,
      a.testedKubernetes && `Kubernetes: ${kubernetesRange(a.testedKubernetes)}`,
      a.installMethods && `install: ${a.installMethods.map((m) => INSTALL(m)).join(', ')}`,
    ].filter((x): x is string => x !== undefined);
    lines.push(`| ${releaseName(p)} | ${INSTALL(p.installMethod)} | ${items.join('<br>')} | ${cell(Object.values(a.sources).join('<br>'))} |`);
  }

  const header = profiles.map((p) => `${releaseName(p)}${p.installMethod === 'operator' ? ' op' : ''}`);
  lines.push(
    '',
    '## Rules in each profile',
    '',
    '`op`: the operator install. A rule a profile does not hold gives no finding under it.',
    '',
    `| Rule | ${header.join(' | ')} |`,
    `| --- | ${header.map(() => ':-:').join(' | ')} |`,
  );
  for (const rule of CATALOG) {
    const marks = profiles.map((p) => (p.rules.includes(rule) ? '✓' : ''));
    if (marks.some((m) => m !== '')) lines.push(`| [\`${rule.id}\`](rules/${rule.id}.md) | ${marks.join(' | ')} |`);
  }

  lines.push('', '## Known issues', '', '| Advisory | Upstream issue | Affected | Fix or workaround |', '| --- | --- | --- | --- |');
  for (const advisory of ADVISORIES) {
    const what = 'calico' in advisory.affects ? 'Calico' : 'Windows build';
    lines.push(
      `| [\`${advisory.id}\`](rules/${advisory.id}.md) | [${cell(advisory.issue.title)}](${advisory.issue.url}) | ${what} ${describeAffected(advisory)}${advisory.networking ? ` (${advisory.networking.join(', ')})` : ''} | ${cell(advisory.remediation)} |`,
    );
  }

  lines.push('', '## Sources', '', '| Release | Install | Requirements page | Tested Kubernetes |', '| --- | --- | --- | --- |');
  for (const p of profiles) lines.push(`| ${releaseName(p)} | ${INSTALL(p.installMethod)} | ${cell(p.source)} | ${cell(p.sources.testedKubernetes ?? '')} |`);
  lines.push('');
  return lines.join('\n');
}
