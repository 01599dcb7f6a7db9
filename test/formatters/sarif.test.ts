import { readdirSync, readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { formatSarif } from '../../src/formatters/sarif.js';
import { ruleDocsUrl } from '../../src/model/links.js';
import { RULES } from '../../src/catalog/default.js';
import { ruleDocs } from '../../src/catalog/docs.js';
import { REPORT } from './fixture.js';

// The official SARIF 2.1.0 schema (see test/fixtures/sarif/README.md for its source).
const schema = JSON.parse(readFileSync('test/fixtures/sarif/sarif-schema-2.1.0.json', 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level?: string;
  kind?: string;
  message: { text: string };
  locations?: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number } } }>;
  partialFingerprints: Record<string, string>;
  suppressions?: Array<{ kind: string; status: string; justification: string }>;
}
interface SarifLog {
  version: string;
  runs: Array<{ tool: { driver: { name: string; version?: string; rules: Array<Record<string, unknown> & { id: string }> } }; results: SarifResult[] }>;
}

function sarif(...args: Parameters<typeof formatSarif>): SarifLog {
  const text = formatSarif(...args);
  const log = JSON.parse(text) as unknown;
  const valid = validate(log);
  expect(valid ? [] : validate.errors).toEqual([]);
  return log as SarifLog;
}

describe('formatSarif', () => {
  it('is checked by a validator that rejects what is not SARIF', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ message: {}, level: 'fatal' }] }] })).toBe(false);
  });

  it('is valid against the official SARIF 2.1.0 schema', () => {
    const log = sarif(REPORT, { input: 'clusters/prod.yaml', toolVersion: '1.2.3' });
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.tool.driver).toMatchObject({ name: 'calico-windows-compat', version: '1.2.3' });
  });

  it('describes every rule of the catalog: descriptions, help with its Markdown, helpUri, default level', () => {
    const rules = sarif(REPORT).runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    RULES.forEach((rule, i) => {
      expect(rules[i]).toMatchObject({
        shortDescription: { text: rule.title },
        fullDescription: { text: ruleDocs(rule).description },
        helpUri: ruleDocsUrl(rule.id),
        defaultConfiguration: { level: { error: 'error', warning: 'warning', info: 'note' }[rule.severity] },
      });
      expect((rules[i]?.['help'] as { markdown: string }).markdown).toContain(`# ${rule.id}`);
    });
  });

  it('reports failures with the level of their severity and unknowns as open, never passes or rules that do not apply', () => {
    const results = sarif(REPORT, { input: 'f.yaml' }).runs[0]?.results ?? [];
    expect(results.map((r) => [r.ruleId, r.level ?? null, r.kind ?? null])).toEqual([
      ['ipip-disabled', 'error', null],
      ['kubernetes-version', 'warning', null],
      ['ip-pool-encapsulation', 'note', null],
      ['windows-tls12', null, 'open'],
      ['windows-powershell-admin', null, 'open'],
    ]);
    for (const result of results) expect(RULES[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
    expect(results[0]?.message.text).toContain('Remediation: Turn IPIP off');
    expect(results[3]?.message.text).toContain('Needs nodes[win-1].tls12Enabled: on the node: [Net.ServicePointManager]::SecurityProtocol includes Tls12.');
  });

  it("locates each result at its fact's own source, else at the fact's line in the input, else the input's first line", () => {
    const lines: Record<string, number> = { 'nodes[win-1].tls12Enabled': 12, 'kubernetes.version': 4 };
    const results =
      sarif(REPORT, { input: 'clusters/prod.yaml', locate: (fact) => (lines[fact] ? { line: lines[fact] ?? 0, column: 5 } : undefined) }).runs[0]?.results ?? [];
    const where = results.map((r) => {
      const location = r.locations?.[0]?.physicalLocation;
      return [r.ruleId, location?.artifactLocation.uri, location?.region.startLine];
    });
    expect(where).toEqual([
      ['ipip-disabled', 'manifests/felix.yaml', 7],
      ['kubernetes-version', 'clusters/prod.yaml', 4],
      ['ip-pool-encapsulation', 'clusters/prod.yaml', 1],
      ['windows-tls12', 'clusters/prod.yaml', 12],
      ['windows-powershell-admin', 'clusters/prod.yaml', 1],
    ]);
    // Every result GitHub code scanning receives has a region with a start line.
    for (const result of results) expect(result.locations?.[0]?.physicalLocation.region.startLine).toBeGreaterThan(0);
  });

  it('marks waived findings as accepted external suppressions, with stable fingerprints per rule and subject', () => {
    const results = sarif(REPORT, { input: 'f.yaml' }).runs[0]?.results ?? [];
    expect(results.find((r) => r.ruleId === 'kubernetes-version')?.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'Accepted until the upgrade.' },
    ]);
    expect(results.filter((r) => r.suppressions).length).toBe(1);
    expect(results.map((r) => r.partialFingerprints['calicoWindowsCompat/v1'])).toContain('windows-tls12:node/win-1');
  });

  it.each(readdirSync('docs/examples').filter((f) => f.endsWith('.sarif')))('sample %s is valid SARIF', (file) => {
    const log = JSON.parse(readFileSync(`docs/examples/${file}`, 'utf8')) as unknown;
    expect(validate(log) ? [] : validate.errors).toEqual([]);
  });
});
