/**
 * Finding the config file, and naming paths as users read them: no schema and no parser, so the command
 * line loads them at once and the rest of ./config.ts only when a config file is found.
 * @module
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { CompatError } from '../model/errors.js';

/** The config file names looked for in each directory, in this order; then package.json's {@link PACKAGE_KEY}. */
export const CONFIG_FILES = ['.calico-windows-compat.yaml', '.calico-windows-compat.yml', '.calico-windows-compat.json'] as const;

/** The key of package.json that holds the config. */
export const PACKAGE_KEY = 'calicoWindowsCompat';

/** The config file that applies in `cwd`: the first found from it upward, or `undefined`. */
export function findConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const found = CONFIG_FILES.map((name) => join(dir, name)).filter(isFile);
    if (found.length > 1)
      throw new CompatError('invalid-input', `Two config files in ${dir}: ${found.map((f) => relative(dir, f)).join(' and ')}; keep one.`);
    if (found[0] !== undefined) return found[0];
    const pkg = join(dir, 'package.json');
    if (isFile(pkg) && packageHasConfig(pkg)) return pkg;
    if (dirname(dir) === dir) return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    // A directory that cannot be searched holds no config this run can read.
    return false;
  }
}

/**
 * Whether a package.json holds the config key at its top level. One that cannot be read or parsed holds
 * none: it is some other tool's business, and a broken one is not this tool's to report.
 */
function packageHasConfig(path: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return typeof pkg === 'object' && pkg !== null && Object.prototype.hasOwnProperty.call(pkg, PACKAGE_KEY);
  } catch {
    return false;
  }
}

/**
 * A path as users read it: relative to the working directory (`../waivers.yaml` too), absolute only on
 * another drive; so reports name the same files on every machine.
 */
export function displayPath(path: string, cwd: string): string {
  const absolute = resolve(cwd, path);
  const fromCwd = relative(cwd, absolute);
  return fromCwd === '' ? '.' : isAbsolute(fromCwd) ? absolute : fromCwd;
}
