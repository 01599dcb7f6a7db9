import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../support/cli.js';

// The attack report's (attack 2026-12) CLI defects, through the built binary as users run it: each
// describe is named after the defect it keeps fixed.

const work = mkdtempSync(join(tmpdir(), 'cwc-attack-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const file = (name: string, content: string): string => {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
};

const COMPATIBLE = resolve('examples/self-managed-vxlan.yaml');
const BROKEN = resolve('examples/broken-cluster.yaml');

/** A shell line run by bash, the CLI as `$CLI`; its standard error ends with `exit=<the CLI's exit code>`. */
function shell(line: string, options: { cwd?: string } = {}): { stdout: string; stderr: string } {
  const run = spawnSync('bash', ['--noprofile', '--norc', '-c', line], {
    cwd: options.cwd ?? work,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', CLI: `"${process.execPath}" "${resolve(CLI)}"` },
    timeout: 60_000,
  });
  return { stdout: run.stdout, stderr: run.stderr };
}

describe('defect 8: a closed pipe or a full disk', () => {
  it.each([
    ['check COMPATIBLE --format sarif', 0],
    ['check BROKEN --format sarif', 1],
    ['releases --format json', 0],
    ['facts --facts COMPATIBLE', 0],
  ])('`%s | head -1`: one line, the exit code of the run (%i), no stack trace', (args, code) => {
    const command = args.replace('COMPATIBLE', `"${COMPATIBLE}"`).replace('BROKEN', `"${BROKEN}"`);
    // A reader that reads one line and closes its end while the CLI is still writing.
    const run = shell(`eval "$CLI ${command.replaceAll('"', '\\"')}" | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`);
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).toBe(`exit=${code}\n`);
  });

  it.each([
    ['check COMPATIBLE'],
    ['check COMPATIBLE --format sarif'],
    ['check BROKEN --format json'],
    ['releases --format json'],
    ['facts --facts COMPATIBLE'],
  ])('`%s > /dev/full`: one line naming the error, exit 70, no stack trace', (args) => {
    const command = args.replace('COMPATIBLE', `"${COMPATIBLE}"`).replace('BROKEN', `"${BROKEN}"`);
    const run = shell(`eval "$CLI ${command.replaceAll('"', '\\"')}" > /dev/full; echo "exit=$?" >&2`);
    expect(run.stderr).toBe('calico-windows-compat: cannot write to standard output: ENOSPC: no space left on device, write\nexit=70\n');
  });
});
