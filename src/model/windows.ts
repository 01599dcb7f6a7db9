import { WINDOWS_RELEASES, type WindowsReleaseInfo } from './windows-releases.js';

/** A Windows OS build as a node reports it. */
export interface WindowsBuild {
  /** The build number: 17763 for Windows Server 2019 / 1809. */
  readonly build: number;
  /** The update build revision (UBR), when known: 1432 in `10.0.17763.1432`. */
  readonly revision?: number;
  /** The release this build belongs to, when the library knows it. */
  readonly release?: WindowsReleaseInfo;
}

// `10.0.17763.1432` (Node status.nodeInfo.kernelVersion), `17763.1432`, or `10.0.17763`
// (label node.kubernetes.io/windows-build, which carries no revision).
const BUILD = /^(?:10\.0\.)?(\d{5})(?:\.(\d{1,6}))?$/;

const byBuild = new Map<number, WindowsReleaseInfo>(WINDOWS_RELEASES.map((r) => [r.build, r]));

/**
 * Parses a Windows build string.
 *
 * @example
 * parseWindowsBuild('10.0.17763.1432') // { build: 17763, revision: 1432, release: { id: '1809', … } }
 * parseWindowsBuild('10.0.20348')      // { build: 20348, release: { id: '2022', … } }
 * parseWindowsBuild('Windows')         // undefined
 */
export function parseWindowsBuild(text: string): WindowsBuild | undefined {
  const match = BUILD.exec(text.trim());
  if (!match) return undefined;
  const build = Number(match[1]);
  const release = byBuild.get(build);
  const revision = match[2] === undefined ? undefined : Number(match[2]);
  return {
    build,
    ...(revision === undefined ? {} : { revision }),
    ...(release === undefined ? {} : { release }),
  };
}

/** Builds parsed so far, by text; rules read every node's build, and clusters repeat them. Bounded. */
const parsedBuilds = new Map<string, WindowsBuild | undefined>();
const MAX_PARSED_BUILDS = 4096;

/**
 * {@link parseWindowsBuild}, kept per text: the same (frozen) answer for the same text. For rules, which
 * parse the build of every node they see.
 */
export function windowsBuildOf(text: string): WindowsBuild | undefined {
  let parsed = parsedBuilds.get(text);
  if (parsed === undefined && !parsedBuilds.has(text)) {
    const fresh = parseWindowsBuild(text);
    parsed = fresh === undefined ? undefined : Object.freeze(fresh);
    if (parsedBuilds.size >= MAX_PARSED_BUILDS) parsedBuilds.clear();
    parsedBuilds.set(text, parsed);
  }
  return parsed;
}

/** Whether `text` is a Windows build {@link parseWindowsBuild} reads; allocates nothing. */
export function isWindowsBuild(text: string): boolean {
  return BUILD.test(text.trim());
}

/** The Windows Server release of a build number, if the library knows it. */
export function windowsReleaseForBuild(build: number): WindowsReleaseInfo | undefined {
  return byBuild.get(build);
}

const byId = new Map<string, WindowsReleaseInfo>(WINDOWS_RELEASES.map((r) => [r.id, r]));

/** The Windows Server release with this id (`'1809'`, `'2022'`), if the library knows it. */
export function windowsRelease(id: string): WindowsReleaseInfo | undefined {
  return byId.get(id);
}

/** The name users know a Windows Server release by: `Windows Server 2019 (1809)`; the id itself when unknown. */
export function windowsReleaseName(id: string): string {
  return byId.get(id)?.displayName ?? id;
}

/** Formats a build the way Windows prints it: `17763.1432`, or `17763` without a revision. */
export function formatWindowsBuild(build: WindowsBuild): string {
  return build.revision === undefined ? String(build.build) : `${build.build}.${build.revision}`;
}
