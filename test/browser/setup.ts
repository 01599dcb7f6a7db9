import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildPlayground } from '../../playground/build.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/** The newest modification time under a folder (or of a file). */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

// The suite runs on the built package (dist/) and the playground built from it. dist/ is built first
// when it is missing or older than the sources (CI has just built it; a developer may not have); then the
// suite and the playground are type-checked against its types, and the playground is built.
export default async function setup(): Promise<void> {
  const built = join(ROOT, 'dist/index.js');
  const sources = Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'package.json')), newest(join(ROOT, 'tsup.config.ts')));
  if (!existsSync(built) || statSync(built).mtimeMs < sources) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'test/browser'], { cwd: ROOT, stdio: 'inherit' });
  await buildPlayground();
}
