/** The container runtimes a Windows node can report. */
export type ContainerRuntimeName = 'containerd' | 'docker' | (string & {});

/** A container runtime as a Node reports it (`status.nodeInfo.containerRuntimeVersion`). */
export interface ContainerRuntime {
  /** `containerd`, `docker`, or another runtime's name, lower-cased. */
  readonly name: ContainerRuntimeName;
  /** The version, when given: `1.6.6` in `containerd://1.6.6`. */
  readonly version?: string;
}

// A version of printable ASCII: no control character (ESC, NUL), no space.
const RUNTIME = /^([a-z][a-z0-9.+-]*)(?::\/\/([!-~]+))?$/;

/**
 * Parses `containerd://1.6.6`, `docker://19.3.14`, or a bare `containerd` / `docker`.
 *
 * @example
 * parseContainerRuntime('containerd://1.6.6') // { name: 'containerd', version: '1.6.6' }
 */
export function parseContainerRuntime(text: string): ContainerRuntime | undefined {
  const match = RUNTIME.exec(text.trim().toLowerCase());
  if (!match?.[1]) return undefined;
  return match[2] === undefined ? { name: match[1] } : { name: match[1], version: match[2] };
}

/** Whether `text` is a container runtime {@link parseContainerRuntime} reads. */
export function isContainerRuntime(text: string): boolean {
  return RUNTIME.test(text.trim().toLowerCase());
}
