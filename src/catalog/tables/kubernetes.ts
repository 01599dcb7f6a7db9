/**
 * Kubernetes' "Windows OS version support" table: which Windows Server releases each Kubernetes minor
 * version supports, LTSC and SAC together (docs/upstream-verification.md, item 1). From
 * 1.23 the page says "For Kubernetes v{{< skew currentVersion >}}", so a version's row is the page on
 * kubernetes/website `main` while that version was current: each row cites that commit. Where the page
 * changed after a release, the row follows the page as published now and `asReleased` keeps what it
 * said then. A Kubernetes version outside the table is not guessed.
 *
 * Not encoded: from 1.24 until kubernetes/website#55103 the section also says "Only Windows containers
 * with a container operating system of Windows Server 2019 are fully supported" — a statement about
 * container images, not the node's release. 20H2 stays listed through 1.34, although it left servicing
 * in August 2022.
 */
import type { WindowsReleaseId } from '../../model/windows-releases.js';

/** One row of the Kubernetes Windows OS version support table. */
export interface KubernetesWindowsSupport {
  /** The Kubernetes minor version: `1.21`. */
  readonly kubernetes: string;
  /** The Windows Server releases it supports (LTSC and SAC). */
  readonly windows: readonly WindowsReleaseId[];
  /** Where the row comes from. */
  readonly source: string;
  /** Where the page changed after the release: what it listed when the version was released. */
  readonly asReleased?: { readonly windows: readonly WindowsReleaseId[]; readonly source: string };
}

const KW = 'kubernetes/website content/en/docs/';
// The page's path up to 1.24; kubernetes/website#33582 (4d9e6d736b1d) moved it.
const OLD = `${KW}setup/production-environment/windows/intro-windows-in-kubernetes.md`;
const NEW = `${KW}concepts/windows/intro.md`;
const SINCE_1_23 = ['1809', '2022', '20H2'] as const;
const SINCE_1_35 = ['2022', '2025'] as const;

/** Kubernetes' Windows OS version support, by Kubernetes minor version. */
export const KUBERNETES_WINDOWS_SUPPORT = [
  { kubernetes: '1.17', windows: ['1809'], source: `${OLD} @975099e8dbfd` },
  { kubernetes: '1.18', windows: ['1809', '1903', '1909'], source: `${OLD} @975099e8dbfd` },
  { kubernetes: '1.19', windows: ['1809', '1909', '2004'], source: `${OLD} @975099e8dbfd` },
  { kubernetes: '1.20', windows: ['1809', '1909', '2004'], source: `${OLD} @975099e8dbfd` },
  { kubernetes: '1.21', windows: ['1809', '2004', '20H2'], source: `${OLD} @082116588c19` },
  { kubernetes: '1.22', windows: ['1809', '2004', '20H2'], source: `${OLD} @d1cfb687c7e8` },
  // kubernetes/website#30947, three weeks after the release: until then the page kept the 1.22 row.
  { kubernetes: '1.23', windows: SINCE_1_23, source: `${OLD} @ebe842eb1fa6` },
  { kubernetes: '1.24', windows: SINCE_1_23, source: `${OLD} @f6b4fedd7063` },
  { kubernetes: '1.25', windows: SINCE_1_23, source: `${NEW} @b79539d0d359` },
  { kubernetes: '1.26', windows: SINCE_1_23, source: `${NEW} @8233fa28dd95` },
  { kubernetes: '1.27', windows: SINCE_1_23, source: `${NEW} @3397ebaeb7f2` },
  { kubernetes: '1.28', windows: SINCE_1_23, source: `${NEW} @0180cc4bf06b` },
  { kubernetes: '1.29', windows: SINCE_1_23, source: `${NEW} @fd224a167fd4` },
  { kubernetes: '1.30', windows: SINCE_1_23, source: `${NEW} @0471ca12572f` },
  { kubernetes: '1.31', windows: SINCE_1_23, source: `${NEW} @20d164c7a7d0` },
  { kubernetes: '1.32', windows: SINCE_1_23, source: `${NEW} @7295018042cf` },
  { kubernetes: '1.33', windows: SINCE_1_23, source: `${NEW} @b2d50468a656` },
  { kubernetes: '1.34', windows: SINCE_1_23, source: `${NEW} @a188498d1c33` },
  // Windows Server 2019 dropped and 2025 added by kubernetes/website#53724 after the 1.35 docs freeze;
  // the merge commit was not read: the PR, and #55058 quoting the live page, are the source.
  {
    kubernetes: '1.35',
    windows: SINCE_1_35,
    source: `${NEW} after kubernetes/website#53724`,
    asReleased: { windows: SINCE_1_23, source: `${NEW} @81ff9da1e4d7 (dev-1.35)` },
  },
  { kubernetes: '1.36', windows: SINCE_1_35, source: `${NEW} after kubernetes/website#53724 and #55103` },
] as const satisfies readonly KubernetesWindowsSupport[];

const byMinor = new Map<string, KubernetesWindowsSupport>(KUBERNETES_WINDOWS_SUPPORT.map((row) => [row.kubernetes, row]));

/** The support row of a Kubernetes minor version (`1.21`), if the table has one. */
export function kubernetesWindowsSupport(minor: string): KubernetesWindowsSupport | undefined {
  return byMinor.get(minor);
}
