/**
 * File paths as SARIF artifact locations, without Node's `path` or `url` (formatters are browser-safe):
 * a path under the root is a relative reference resolved against `%SRCROOT%`; any other path is an
 * absolute `file://` URI. POSIX (`/home/runner/work/repo`) and Windows (`C:\src\repo`, `\\server\share`)
 * paths alike, whatever platform formats them.
 * @module
 */

/** The `uriBaseId` of paths under the root, as GitHub code scanning and the SARIF spec's examples name it. */
export const SRCROOT = '%SRCROOT%';

/** An absolute path split into what URIs need: its style, its root part and its segments. */
interface AbsolutePath {
  /** `posix`, `drive` (`C:\…`) or `unc` (`\\server\share\…`). */
  readonly style: 'posix' | 'drive' | 'unc';
  /** The drive (`C:`) or the UNC host (`server`); empty for POSIX. */
  readonly root: string;
  readonly segments: readonly string[];
}

/** Whether `path` is absolute on POSIX or Windows. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || /^\\\\[^\\/]/.test(path);
}

/**
 * `path` made absolute against `base` (itself absolute) and normalized: `.` and `..` resolved, `\` read
 * as a separator where the path is a Windows one. `undefined` when `base` is needed and not absolute.
 */
export function absolutePath(path: string, base?: string): AbsolutePath | undefined {
  if (isAbsolutePath(path)) return split(path);
  if (base === undefined || !isAbsolutePath(base)) return undefined;
  const from = split(base);
  return { ...from, segments: normalize([...from.segments, ...segmentsOf(path, from.style !== 'posix')]) };
}

function split(path: string): AbsolutePath {
  const drive = /^([A-Za-z]:)[\\/]/.exec(path);
  if (drive?.[1] !== undefined) return { style: 'drive', root: drive[1].toUpperCase(), segments: normalize(segmentsOf(path.slice(3), true)) };
  if (path.startsWith('\\\\')) {
    const [host = '', ...rest] = segmentsOf(path.slice(2), true);
    return { style: 'unc', root: host, segments: normalize(rest) };
  }
  return { style: 'posix', root: '', segments: normalize(segmentsOf(path, false)) };
}

function segmentsOf(path: string, windows: boolean): string[] {
  return path.split(windows ? /[\\/]/ : '/').filter((s) => s !== '' && s !== '.');
}

function normalize(segments: readonly string[]): string[] {
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '..') out.pop();
    else if (segment !== '.') out.push(segment);
  }
  return out;
}

// A surrogate without its pair: no character, so no UTF-8 to percent-encode (encodeURIComponent throws).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Percent-encodes one path segment: everything but unreserved characters (so `#`, `?`, `%`, spaces and `:`
 * too); a lone surrogate, which no file name on disk can hold, becomes U+FFFD rather than a throw.
 */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment.replace(LONE_SURROGATE, '\uFFFD')).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The `file://` URI of an absolute path, with a trailing slash when it names a directory. */
export function fileUri(path: AbsolutePath, directory = false): string {
  const tail = path.segments.map(encodeSegment).join('/') + (directory && path.segments.length > 0 ? '/' : '');
  switch (path.style) {
    case 'posix':
      return `file:///${tail}`;
    case 'drive':
      return `file:///${path.root}/${tail}`;
    case 'unc':
      return `file://${encodeSegment(path.root)}/${tail}`;
  }
}

/** Whether two absolute paths share style and root (a drive letter or UNC host, compared case-insensitively). */
function sameRoot(a: AbsolutePath, b: AbsolutePath): boolean {
  return a.style === b.style && a.root.toLowerCase() === b.root.toLowerCase();
}

/**
 * Where a file is, as a SARIF `artifactLocation`: relative to `root` (`uriBaseId` `%SRCROOT%`) when it is
 * inside it, else an absolute `file://` URI. Relative paths are taken relative to `workingDirectory`
 * (default: `root`). Without a root, a relative path stays relative to `%SRCROOT%` (the consumer's,
 * such as the repository root for GitHub code scanning) and an absolute one is a `file://` URI.
 */
export function artifactLocation(path: string, root: string | undefined, workingDirectory = root): { uri: string; uriBaseId?: string } {
  const file = absolutePath(path, workingDirectory);
  if (file === undefined) return { uri: segmentsOf(path, path.includes('\\')).map(encodeSegment).join('/'), uriBaseId: SRCROOT };
  const base = root === undefined ? undefined : absolutePath(root, workingDirectory);
  if (base !== undefined && sameRoot(file, base)) {
    // Windows paths compare case-insensitively, POSIX ones exactly.
    const same = (a: string, b: string): boolean => (base.style === 'posix' ? a === b : a.toLowerCase() === b.toLowerCase());
    const inside = base.segments.length < file.segments.length && base.segments.every((segment, i) => same(segment, file.segments[i] ?? ''));
    if (inside) return { uri: file.segments.slice(base.segments.length).map(encodeSegment).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: fileUri(file) };
}

/** The `file://` URI of a directory (trailing slash), for `originalUriBaseIds` and `workingDirectory`; `undefined` unless absolute. */
export function directoryUri(path: string, base?: string): string | undefined {
  const directory = absolutePath(path, base);
  return directory === undefined ? undefined : fileUri(directory, true);
}
