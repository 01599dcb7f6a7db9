/**
 * Windows Server releases and their build numbers.
 * Source: microsoft/hcsshim `osversion/windowsbuilds.go` @7c9ff7f48138; corroborated by
 * Siemens-Healthineers/K2s `docs/op-manual/os-support.md` (see shared/spec/upstream.md §5).
 */

/** A Windows Server release id, as the Calico and Kubernetes docs name them. */
export type WindowsReleaseId =
  | '1607'
  | '1809'
  | '1903'
  | '1909'
  | '2004'
  | '20H2'
  | '21H1'
  | '2022'
  | '23H2'
  | '2025';

/** One Windows Server release. */
export interface WindowsReleaseInfo {
  /** The release id used in tables (`'1809'`, `'20H2'`, `'2022'`). */
  readonly id: WindowsReleaseId;
  /** The name users know it by. */
  readonly displayName: string;
  /** The OS build number (`kernelVersion` reads `10.0.<build>.<revision>`). */
  readonly build: number;
  /** Long-Term Servicing Channel or Semi-Annual / Annual Channel. */
  readonly channel: 'LTSC' | 'SAC';
  /** The constant naming it in hcsshim's `osversion` package. */
  readonly hcsshim: string;
}

/** Every Windows Server release the library knows, oldest first. */
export const WINDOWS_RELEASES = [
  { id: '1607', displayName: 'Windows Server 2016 (1607)', build: 14393, channel: 'LTSC', hcsshim: 'RS1 / LTSC2016' },
  { id: '1809', displayName: 'Windows Server 2019 (1809)', build: 17763, channel: 'LTSC', hcsshim: 'RS5 / V1809 / LTSC2019' },
  { id: '1903', displayName: 'Windows Server 1903', build: 18362, channel: 'SAC', hcsshim: 'V19H1' },
  { id: '1909', displayName: 'Windows Server 1909', build: 18363, channel: 'SAC', hcsshim: 'V19H2' },
  { id: '2004', displayName: 'Windows Server 2004', build: 19041, channel: 'SAC', hcsshim: 'V20H1' },
  { id: '20H2', displayName: 'Windows Server 20H2', build: 19042, channel: 'SAC', hcsshim: 'V20H2' },
  { id: '21H1', displayName: 'Windows Server 21H1', build: 19043, channel: 'SAC', hcsshim: 'V21H1' },
  { id: '2022', displayName: 'Windows Server 2022', build: 20348, channel: 'LTSC', hcsshim: 'V21H2Server / LTSC2022' },
  { id: '23H2', displayName: 'Windows Server 23H2', build: 25398, channel: 'SAC', hcsshim: 'V23H2' },
  { id: '2025', displayName: 'Windows Server 2025', build: 26100, channel: 'LTSC', hcsshim: 'V25H1Server / LTSC2025' },
] as const satisfies readonly WindowsReleaseInfo[];
