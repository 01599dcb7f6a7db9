/**
 * Scaffolds a rule a later release adds: `npm run new-rule -- <id> --release <3.xx> [--scope cluster|windows-node|ip-pool]`.
 *
 * Writes the rule file and its test, and adds the id where the catalog needs it: `catalog/ids.ts` (the
 * one list of ids), `catalog/later-rules.ts` and `catalog/docs.ts` (both typed against the ids, so the
 * compiler asks for them anyway), and the `add:` of the release that brings the rule. Then: write the
 * requirement, its docs and its table of cases, and run `npm run docs:generate`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

export type Scope = 'cluster' | 'windows-node' | 'ip-pool';

export interface NewRule {
  readonly id: string;
  /** The release line whose profile first holds the rule: `3.33`. */
  readonly release: string;
  readonly scope: Scope;
}

const DEFINE: Record<Scope, string> = { cluster: 'defineClusterRule', 'windows-node': 'defineNodeRule', 'ip-pool': 'definePoolRule' };

/** `vxlan-vni` → `vxlanVni`. */
export function camel(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function insertAfterLast(text: string, anchor: RegExp, line: string, file: string): string {
  const matches = [...text.matchAll(anchor)];
  const last = matches.at(-1);
  if (last?.index === undefined) throw new Error(`${file}: cannot find where to add ${line.trim()}`);
  const end = text.indexOf('\n', last.index) + 1;
  return `${text.slice(0, end)}${line}\n${text.slice(end)}`;
}

function ruleFile({ id, scope }: NewRule): string {
  const args = scope === 'cluster' ? '({ kubernetes })' : scope === 'windows-node' ? '({ kubernetes }, _node)' : '({ kubernetes }, _pool)';
  return `import { ${DEFINE[scope]} } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description: 'Why the requirement exists, with its source.',
  appliesWhen: 'Always.',
  passesWhen: 'What the facts must say.',
};

export default ${DEFINE[scope]}({
  id: '${id}',
  title: 'What the rule checks, in a few words',
  severity: 'error',
  sections: [],
  references: [{ title: 'Where the requirement is stated', url: 'https://github.com/projectcalico/calico' }],
  remediation: 'What to do when it fails.',
  requires: ['kubernetes.version'],
  check: ${args} =>
    kubernetes.version.length > 0 ? pass(\`Kubernetes \${kubernetes.version}.\`) : fail('Kubernetes has no version.'),
});
`;
}

function testFile({ id, release, scope }: NewRule): string {
  const node = scope === 'windows-node';
  return `import { describe } from 'vitest';
import { findRelease } from '../../src/catalog/releases.js';
import { ruleTable${node ? ', goodWindowsNode' : ''} } from './harness.js';

describe('${id}', () => {
  ruleTable(
    '${id}',
    [
      { name: 'the version unknown', facts: {${node ? ' nodes: [goodWindowsNode] ' : ''}}, status: 'unknown'${node ? ", subject: 'win-1'" : ''}, missing: ['kubernetes.version'] },
      { name: 'a version', facts: { kubernetes: { version: '1.30.0' }${node ? ', nodes: [goodWindowsNode]' : ''} }, status: 'pass'${node ? ", subject: 'win-1'" : ''} },
    ],
    findRelease('${release}').profile,
  );
});
`;
}

/** The files to write: new ones whole, and the catalog files with the id added. */
export function scaffold(rule: NewRule, read: (path: string) => string): Map<string, string> {
  const { id, release } = rule;
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(id)) throw new Error(`'${id}' is not a kebab-case rule id`);
  const name = camel(id);
  const files = new Map<string, string>();
  files.set(`src/catalog/rules/${id}.ts`, ruleFile(rule));
  files.set(`test/rules/${id}.test.ts`, testFile(rule));

  const ids = read('src/catalog/ids.ts');
  if (ids.includes(`'${id}'`)) throw new Error(`'${id}' is a rule id already`);
  const laterList = ids.slice(ids.indexOf('export const LATER_RULE_IDS'), ids.indexOf('] as const;', ids.indexOf('export const LATER_RULE_IDS')));
  files.set('src/catalog/ids.ts', ids.replace(laterList, `${laterList}  '${id}',\n`));

  let later = read('src/catalog/later-rules.ts');
  later = insertAfterLast(later, /^import \w+ from '\.\/rules\/[a-z0-9-]+\.js';$/gm, `import ${name} from './rules/${id}.js';`, 'later-rules.ts');
  later = insertAfterLast(later.slice(0, later.indexOf('/** The advisories by id')), /^ {2}'[a-z0-9-]+': \w+,$/gm, `  '${id}': ${name},`, 'later-rules.ts') + later.slice(later.indexOf('/** The advisories by id'));
  files.set('src/catalog/later-rules.ts', later);

  let docs = read('src/catalog/docs.ts');
  docs = insertAfterLast(docs, /^import \{ docs as \w+ \} from '\.\/rules\/[a-z0-9-]+\.js';$/gm, `import { docs as ${name} } from './rules/${id}.js';`, 'docs.ts');
  docs = insertAfterLast(docs, /^ {2}'[a-z0-9-]+': \w+,$/gm, `  '${id}': ${name},`, 'docs.ts');
  files.set('src/catalog/docs.ts', docs);

  const releases = read('src/catalog/releases.ts');
  const start = releases.search(new RegExp(`^export const CALICO_\\w+ = derive\\(\\w+, \\{\\n  release: '${release.replace('.', '\\.')}',`, 'm'));
  if (start < 0) throw new Error(`no profile of release ${release} in src/catalog/releases.ts: add the release first`);
  const end = releases.indexOf('\n});', start);
  const body = releases.slice(start, end);
  const withAdd = /^ {2}add: \[/m.test(body)
    ? body.replace(/^( {2}add: \[)([^\]]*)\]/m, (_m, open: string, list: string) => `${open}${list}${list.trim() === '' ? '' : ', '}'${id}']`)
    : `${body}\n  add: ['${id}'],`;
  files.set('src/catalog/releases.ts', `${releases.slice(0, start)}${withAdd}${releases.slice(end)}`);
  return files;
}

const isMain = process.argv[1]?.endsWith('new-rule.ts') === true;
if (isMain) {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { release: { type: 'string' }, scope: { type: 'string', default: 'cluster' } },
    allowPositionals: true,
  });
  const [id] = positionals;
  const scope = values.scope as Scope;
  if (id === undefined || values.release === undefined || !(scope in DEFINE)) {
    console.error('usage: npm run new-rule -- <id> --release <3.xx> [--scope cluster|windows-node|ip-pool]');
    process.exit(2);
  }
  const files = scaffold({ id, release: values.release, scope }, (path) => readFileSync(path, 'utf8'));
  for (const [path, content] of files) {
    if (!path.startsWith('src/catalog/') || path.startsWith('src/catalog/rules/')) {
      if (existsSync(path)) throw new Error(`${path} exists already`);
    }
    writeFileSync(path, content);
    console.log(`wrote ${path}`);
  }
  console.log('Next: write the requirement, its docs and its cases, then `npm run docs:generate`.');
}
