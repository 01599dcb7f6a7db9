/**
 * Kubernetes' "Windows OS version support" table: which Windows Server releases each Kubernetes minor
 * version supports. Only the rows confirmed from kubernetes/website are here (shared/spec/upstream.md §5):
 * `content/en/docs/setup/production-environment/windows/intro-windows-in-kubernetes.md` @975099e8dbfd
 * (1.17–1.20) and @014f73f32668 (1.22); 1.21 from the localized copy of the same page.
 * A Kubernetes version outside the table is not guessed.
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
}

const PAGE = 'kubernetes/website content/en/docs/setup/production-environment/windows/intro-windows-in-kubernetes.md';

/** Kubernetes' Windows OS version support, by Kubernetes minor version. */
export const KUBERNETES_WINDOWS_SUPPORT = [
  { kubernetes: '1.17', windows: ['1809'], source: `${PAGE} @975099e8dbfd` },
  { kubernetes: '1.18', windows: ['1809', '1903', '1909'], source: `${PAGE} @975099e8dbfd` },
  { kubernetes: '1.19', windows: ['1809', '1909', '2004'], source: `${PAGE} @975099e8dbfd` },
  { kubernetes: '1.20', windows: ['1809', '1909', '2004'], source: `${PAGE} @975099e8dbfd` },
  { kubernetes: '1.21', windows: ['1809', '2004', '20H2'], source: `${PAGE} (localized copy)` },
  { kubernetes: '1.22', windows: ['1809', '2004', '20H2'], source: `${PAGE} @014f73f32668` },
] as const satisfies readonly KubernetesWindowsSupport[];

const byMinor = new Map<string, KubernetesWindowsSupport>(KUBERNETES_WINDOWS_SUPPORT.map((row) => [row.kubernetes, row]));

/** The support row of a Kubernetes minor version (`1.21`), if the table has one. */
export function kubernetesWindowsSupport(minor: string): KubernetesWindowsSupport | undefined {
  return byMinor.get(minor);
}
