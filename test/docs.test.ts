import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIRS, REGENERATE, generatedFiles } from '../scripts/generate-docs.js';
import { REPOSITORY_URL, ruleDocsUrl } from '../src/model/links.js';
import { CATALOG } from '../src/catalog/later-rules.js';
import pkg from '../package.json' with { type: 'json' };

const files = generatedFiles();

describe('generated files', () => {
  // Rules are still changing: when this fails, regenerate and review the diff.
  it.each([...files.keys()])(`%s is current (else run \`${REGENERATE}\`)`, (path) => {
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : `(missing; run \`${REGENERATE}\`)`;
    expect(committed, `${path} is stale: run \`${REGENERATE}\``).toBe(files.get(path));
  });

  it.each(GENERATED_DIRS)(`%s holds only generated files (else run \`${REGENERATE}\`)`, (dir) => {
    const extra = readdirSync(dir)
      .map((name) => join(dir, name))
      .filter((path) => !files.has(path));
    expect(extra, `no longer generated: run \`${REGENERATE}\``).toEqual([]);
  });

  it('documents every rule at the URL SARIF and Markdown link to', () => {
    for (const rule of CATALOG) {
      expect(files.has(`docs/rules/${rule.id}.md`)).toBe(true);
      expect(ruleDocsUrl(rule.id)).toBe(`${REPOSITORY_URL}/blob/main/docs/rules/${rule.id}.md`);
    }
  });

  it('derives links from the repository package.json names', () => {
    expect(pkg.repository.url).toBe(`git+${REPOSITORY_URL}.git`);
    expect(pkg.exports['./facts.schema.json']).toBe('./facts.schema.json');
    expect(pkg.files).toContain('facts.schema.json');
  });
});

describe('facts.schema.json', () => {
  const schema = JSON.parse(files.get('facts.schema.json') ?? '{}') as object;
  const validate = new Ajv2020({ allErrors: true, strict: true, strictTypes: false }).compile(schema);

  it.each(readdirSync('examples').filter((f) => f.endsWith('.yaml')))('accepts examples/%s, which points editors at it', (name) => {
    const text = readFileSync(`examples/${name}`, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../facts.schema.json');
    expect(validate(parse(text)) ? [] : validate.errors).toEqual([]);
  });

  it('refuses unknown keys, wrong types and values outside the enums, as parseFacts does', () => {
    expect(validate({ platfrom: 'eks' })).toBe(false);
    expect(validate({ calico: { vxlanPort: '4789' } })).toBe(false);
    expect(validate({ nodes: [{ os: 'mac', name: 'm' }] })).toBe(false);
    expect(validate({ calico: { ipPools: [{ cidr: '10.0.0.0/16' }] } })).toBe(false);
    expect(validate({ nodes: [{ os: 'windows', name: 'w', osBuild: '10.0.17763.1432' }], platform: 'gke' })).toBe(true);
  });

  it('tells editors how to find each fact', () => {
    const properties = (schema as { properties: Record<string, { description?: string }> }).properties;
    expect(properties['kubernetes']).toBeDefined();
    expect(properties['platform']?.description).toMatch(/^How to find it: /);
  });
});
