/**
 * Running the user's own `kubectl`: its kubeconfig, contexts and credential plugins work unchanged. No
 * shell: arguments reach kubectl as they are, so a context named `prod; rm -rf ~` is a name, not a command.
 * @module
 */
import { spawn } from 'node:child_process';
import { CompatError } from '../model/errors.js';

/** What one kubectl run printed, and how it ended. */
export interface KubectlResult {
  /** The exit code; `null` when kubectl was ended by a signal. */
  readonly exitCode: number | null;
  /** Standard output, as UTF-8 text. */
  readonly stdout: string;
  /** Standard error, as UTF-8 text (at most {@link MAX_STDERR_BYTES} of it). */
  readonly stderr: string;
}

/** What a {@link KubectlRunner} is asked to respect. */
export interface KubectlRunOptions {
  /** The most standard output to accept, in bytes; beyond it the run is stopped and refused. */
  readonly maxBytes: number;
  /**
   * Aborted when the run must stop: its time is up, or the caller gave up. The runner stops kubectl (and
   * anything kubectl started) and settles promptly; what it settles with is then ignored.
   */
  readonly signal: AbortSignal;
}

/**
 * Runs kubectl with the given arguments (no shell, no `kubectl` itself in `args`). Resolves with what it
 * printed whatever its exit code; rejects only when it could not be run or had to be stopped. Tests and
 * programs that reach clusters their own way supply one to {@link collectFromCluster}.
 */
export type KubectlRunner = (args: readonly string[], options: KubectlRunOptions) => Promise<KubectlResult>;

/** How much of kubectl's standard error is kept: its message is at the end, so the end is kept. */
export const MAX_STDERR_BYTES = 64 * 1024;

const isWindows = process.platform === 'win32';

/**
 * The runner that spawns a kubectl executable: `kubectl` on the `PATH` unless given a path. It inherits
 * the environment (`KUBECONFIG`, `HOME`, credential plugins' variables) and gets no standard input, so a
 * credential plugin that needs a terminal fails with its own message rather than waiting.
 *
 * On Linux and macOS kubectl runs in a process group of its own, and stopping it stops the whole group:
 * a credential plugin kubectl started is stopped with it, and nothing is left running.
 *
 * @example
 * const run = kubectlRunner('/usr/local/bin/kubectl');
 * const { exitCode, stdout } = await run(['version', '-o', 'yaml'], { maxBytes: 1 << 20, signal: AbortSignal.timeout(10_000) });
 */
export function kubectlRunner(executable = 'kubectl'): KubectlRunner {
  return (args, options) =>
    new Promise<KubectlResult>((resolve, reject) => {
      if (options.signal.aborted) return reject(stopped(options.signal));
      const child = spawn(executable, [...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
        shell: false,
        windowsHide: true,
        // A group of its own, so that stopping kubectl stops what it started (credential plugins).
        detached: !isWindows,
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      let stdoutBytes = 0;
      let stderrBytes = 0;
      let failure: Error | undefined;

      const stop = (reason: Error): void => {
        failure ??= reason;
        killTree(child.pid, () => child.kill('SIGKILL'));
      };
      const onAbort = (): void => stop(stopped(options.signal));
      options.signal.addEventListener('abort', onAbort, { once: true });

      child.stdout.on('data', (chunk: Buffer) => {
        stdoutBytes += chunk.length;
        if (stdoutBytes > options.maxBytes) {
          stop(new CompatError('kubectl-failed', `kubectl printed more than ${options.maxBytes} bytes, the limit: stopped.`));
          return;
        }
        stdout.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr.push(chunk);
        stderrBytes += chunk.length;
        // Keep the end: kubectl's message is its last line.
        while (stderrBytes - (stderr[0]?.length ?? 0) >= MAX_STDERR_BYTES) stderrBytes -= stderr.shift()?.length ?? 0;
      });
      child.on('error', (error: NodeJS.ErrnoException) => {
        failure ??=
          error.code === 'ENOENT'
            ? new CompatError(
                'kubectl-failed',
                /[\\/]/.test(executable)
                  ? `${executable} does not exist: give the path of a kubectl executable.`
                  : `${executable} is not on the PATH: install kubectl (https://kubernetes.io/docs/tasks/tools/), or give its path.`,
              )
            : new CompatError('kubectl-failed', `Cannot run ${executable}: ${error.message}.`);
      });
      // 'close' waits for the output streams too; after a kill, the group is gone and they end.
      child.on('close', (code) => {
        options.signal.removeEventListener('abort', onAbort);
        if (failure) return reject(failure);
        try {
          resolve({ exitCode: code, stdout: decode(Buffer.concat(stdout)), stderr: Buffer.concat(stderr).toString('utf8') });
        } catch (error) {
          reject(error);
        }
      });
    });
}

/** Kills a process and its group (POSIX), or the process alone (Windows, where groups are not signalled). */
function killTree(pid: number | undefined, fallback: () => void): void {
  if (pid === undefined || isWindows) return fallback();
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is gone already (kubectl exited as it was stopped).
    fallback();
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new CompatError('kubectl-failed', 'kubectl printed what is not UTF-8 text.');
  }
}

/** Why a run stopped: the signal's reason when it is an error. */
function stopped(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new CompatError('kubectl-failed', 'kubectl was stopped.');
}

/** `kubectl get nodes -o yaml`: the command as a user would type it (arguments quoted where needed). */
export function describeCommand(executable: string, args: readonly string[]): string {
  return [executable, ...args].map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`)).join(' ');
}
