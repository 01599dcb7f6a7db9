import { spawnSync, type SpawnSyncReturns } from 'node:child_process';

/** The CLI the tests run: the one test/setup/build.ts bundled for this run. */
export const CLI: string = process.env['CWC_TEST_CLI'] ?? 'dist/cli.cjs';

/** How a test runs the CLI: standard input, extra environment, a time limit. */
export interface CliOptions {
  readonly input?: string | Buffer;
  readonly env?: Readonly<Record<string, string>>;
  readonly timeout?: number;
}

/** Runs the CLI as a user would, with a bare environment (PATH only, plus `env`). */
export function spawnCli(args: readonly string[], options: CliOptions = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    input: options.input ?? '',
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  });
}

/** Runs the CLI and keeps what tests assert on: the exit code and both streams. */
export function runCli(args: readonly string[], options: CliOptions = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnCli(args, options);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The kubectl plugin the tests run (`kubectl-calico_windows`), built beside the CLI. */
export const PLUGIN: string = process.env['CWC_TEST_PLUGIN'] ?? 'dist/kubectl-calico_windows.cjs';
