import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';

// The guides stay true: linked from the README, their links lead somewhere, and the CLI options they
// show exist.
const DIR = 'docs/guides';
const guides = readdirSync(DIR).filter((f) => f.endsWith('.md'));
const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout;

describe('docs/guides', () => {
  it('has the five guides, each linked from the README', () => {
    expect(guides.sort()).toEqual([
      'check-a-cluster-from-kubectl-output.md',
      'choose-a-networking-option.md',
      'test-your-infrastructure-code.md',
      'use-it-in-backstage.md',
      'use-it-in-ci.md',
    ]);
    const readme = readFileSync('README.md', 'utf8');
    for (const guide of guides) expect(readme).toContain(`](${DIR}/${guide})`);
  });

  it.each(guides)('%s: relative links resolve', (guide) => {
    const text = readFileSync(join(DIR, guide), 'utf8');
    const links = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(existsSync(join(DIR, link)), `${guide} links to ${link}`).toBe(true);
  });

  it.each(guides)('%s: calico-windows-compat commands use options the CLI has', (guide) => {
    const text = readFileSync(join(DIR, guide), 'utf8').replaceAll('\\\n', ' ');
    for (const line of text.split('\n').filter((l) => /calico-windows-compat(@\S+)? (check|facts|plan|rules|releases)\b/.test(l)))
      for (const flag of line.match(/ --[a-z][a-z-]*/g) ?? []) if (flag.trim() !== '--yes') expect(help, `${guide}: ${line.trim()}`).toContain(`${flag.trim()} `);
  });
});

