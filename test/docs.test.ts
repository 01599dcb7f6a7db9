import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIRS, REGENERATE, generatedFiles } from '../scripts/generate-docs.js';
import { REPOSITORY_URL, ruleDocsUrl } from '../src/model/links.js';
import { CATALOG } from '../src/catalog/later-rules.js';
import { REPORT_SCHEMA_VERSION } from '../src/model/report.js';
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
    for (const schema of ['facts.schema.json', 'report.schema.json', 'config.schema.json']) {
      expect(pkg.exports[`./${schema}` as keyof typeof pkg.exports]).toBe(`./${schema}`);
      expect(pkg.files).toContain(schema);
    }
  });
});

describe('report.schema.json', () => {
  const schema = JSON.parse(files.get('report.schema.json') ?? '{}') as object;
  const validate = new Ajv2020({ allErrors: true, strict: true, strictTypes: false }).compile(schema);
  const reports = readdirSync('docs/examples').filter((f) => f.endsWith('.json'));

  it('is there for every example report', () => {
    expect(reports.length).toBeGreaterThanOrEqual(5);
  });

  it.each(reports)('accepts docs/examples/%s', (name) => {
    const report = JSON.parse(readFileSync(`docs/examples/${name}`, 'utf8')) as unknown;
    expect(validate(report) ? [] : validate.errors).toEqual([]);
  });

  it('refuses what is not a report of this major version: a wrong verdict, a missing field, schema 2.x', () => {
    const report = JSON.parse(readFileSync('docs/examples/eks.json', 'utf8')) as Record<string, unknown>;
    expect(validate(report)).toBe(true);
    expect(validate({ ...report, verdict: 'maybe' })).toBe(false);
    expect(validate({ ...report, tool: undefined })).toBe(false);
    expect(validate({ ...report, schemaVersion: '2.0.0' })).toBe(false);
  });

  it('leaves room for the fields a later minor version adds, as the compatibility promise says', () => {
    const report = JSON.parse(readFileSync('docs/examples/eks.json', 'utf8')) as Record<string, unknown>;
    expect(validate({ ...report, schemaVersion: '1.4.0', addedLater: { any: 'thing' } })).toBe(true);
  });

  it('names its version, which docs/report-schema.md documents', () => {
    expect((schema as { description: string }).description).toContain(`schema version ${REPORT_SCHEMA_VERSION}`);
    expect(readFileSync('docs/report-schema.md', 'utf8')).toContain(`\`${REPORT_SCHEMA_VERSION}\``);
  });
});

describe('config.schema.json', () => {
  const schema = JSON.parse(files.get('config.schema.json') ?? '{}') as object;
  const validate = new Ajv2020({ allErrors: true, strict: true, strictTypes: false }).compile(schema);

  it('accepts a config file with every setting, the waivers inline or as a file', () => {
    const config = {
      $schema: './node_modules/calico-windows-compat/config.schema.json',
      release: '3.27',
      waivers: [{ rule: 'windows-tls12', reason: 'GPO rollout' }],
      skipRules: ['typha-ha'],
      failOn: 'warning',
      outputs: { sarif: 'reports/calico.sarif', markdown: 'reports/summary.md', junit: 'reports/junit.xml' },
      sarifRoot: '.',
    };
    expect(validate(config) ? [] : validate.errors).toEqual([]);
    expect(validate({ ...config, waivers: 'waivers.yaml' })).toBe(true);
  });

  it('refuses unknown keys, unknown formats and policies, as the CLI does', () => {
    expect(validate({ failon: 'warning' })).toBe(false);
    expect(validate({ outputs: { sarfi: 'x.sarif' } })).toBe(false);
    expect(validate({ failOn: 'info' })).toBe(false);
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
