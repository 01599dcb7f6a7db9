import { readdirSync, readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { formatSarif, formatSarifError } from '../../src/formatters/sarif.js';
import { CompatError } from '../../src/model/errors.js';
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

  it('locates results relative to the root (%SRCROOT%), names the root and records the invocation', () => {
    const log = sarif(REPORT, { input: 'clusters/prod.yaml', root: '/home/runner/work/repo', arguments: ['check', 'clusters/prod.yaml', '-o', 'sarif=x.sarif'], exitCode: 1 }) as SarifLog & {
      runs: Array<{ originalUriBaseIds: Record<string, { uri: string }>; invocations: unknown[]; properties: Record<string, unknown> }>;
    };
    const run = log.runs[0]!;
    expect(run.originalUriBaseIds['%SRCROOT%']?.uri).toBe('file:///home/runner/work/repo/');
    expect(run.invocations).toEqual([
      { executionSuccessful: true, arguments: ['check', 'clusters/prod.yaml', '-o', 'sarif=x.sarif'], exitCode: 1, workingDirectory: { uri: 'file:///home/runner/work/repo/' } },
    ]);
    expect(run.results.map((r) => r.locations?.[0]?.physicalLocation.artifactLocation)).toContainEqual({ uri: 'clusters/prod.yaml', uriBaseId: '%SRCROOT%' });
    expect(run.results.map((r) => r.locations?.[0]?.physicalLocation.artifactLocation)).toContainEqual({ uri: 'manifests/felix.yaml', uriBaseId: '%SRCROOT%' });
    expect(run.properties).toMatchObject({ schemaVersion: '1.0.0', inputs: [{ kind: 'facts', name: 'clusters/prod.yaml' }], verdict: 'incompatible' });
  });

  it('takes the tool version from the report unless told', () => {
    expect(sarif(REPORT).runs[0]?.tool.driver.version).toBe('1.2.3');
    expect(sarif(REPORT, { toolVersion: '9.9.9' }).runs[0]?.tool.driver.version).toBe('9.9.9');
  });

  it('leaves results from standard input unlocated rather than pointing at a file named (stdin)', () => {
    const stdin = { ...REPORT, findings: REPORT.findings.map((f) => ({ ...f, evidence: f.evidence.map((e) => (e.source ? { ...e, source: { ...e.source, file: '(stdin)' } } : e)) })) };
    const results = sarif(stdin).runs[0]?.results ?? [];
    expect(results.find((r) => r.ruleId === 'ipip-disabled')?.locations).toBeUndefined();
    expect(sarif(stdin, { input: 'extra.yaml' }).runs[0]?.results.find((r) => r.ruleId === 'ipip-disabled')?.locations?.[0]?.physicalLocation.artifactLocation.uri).toBe('extra.yaml');
  });

  describe('formatSarifError', () => {
    const error = new CompatError('invalid-facts', 'Invalid facts in /tmp/my facts.yaml:', [
      { path: 'nodes[0].osBuild', code: 'custom', message: 'is not a Windows build', location: { file: '/tmp/my facts.yaml', line: 5, column: 14 } },
      { path: 'platfrom', code: 'unknown-key', message: "unknown key (did you mean 'platform'?)" },
    ]);

    it('is valid SARIF: no results, an unsuccessful invocation, each problem a located error notification', () => {
      const text = formatSarifError(error, { root: '/repo', arguments: ['check', '/tmp/my facts.yaml'], exitCode: 2 });
      const log = JSON.parse(text) as { runs: Array<{ results: unknown[]; tool: { driver: { rules: unknown[] } }; invocations: Array<Record<string, unknown>> }> };
      expect(validate(log) ? [] : validate.errors).toEqual([]);
      const run = log.runs[0]!;
      expect(run.results).toEqual([]);
      expect(run.tool.driver.rules).toHaveLength(RULES.length);
      expect(run.invocations[0]).toMatchObject({ executionSuccessful: false, exitCode: 2, arguments: ['check', '/tmp/my facts.yaml'] });
      expect(run.invocations[0]?.['toolExecutionNotifications']).toEqual([
        {
          level: 'error',
          message: { text: 'Invalid facts in /tmp/my facts.yaml: nodes[0].osBuild: is not a Windows build' },
          descriptor: { id: 'custom' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///tmp/my%20facts.yaml' }, region: { startLine: 5, startColumn: 14 } } }],
        },
        { level: 'error', message: { text: "Invalid facts in /tmp/my facts.yaml: platfrom: unknown key (did you mean 'platform'?)" }, descriptor: { id: 'unknown-key' } },
      ]);
    });

    it('makes an error without listed problems one notification with its whole message', () => {
      const log = JSON.parse(formatSarifError({ message: 'Cannot read facts.yaml: no such file.' })) as { runs: Array<{ invocations: Array<Record<string, unknown>> }> };
      expect(validate(log)).toBe(true);
      expect(log.runs[0]?.invocations[0]?.['toolExecutionNotifications']).toEqual([{ level: 'error', message: { text: 'Cannot read facts.yaml: no such file.' } }]);
    });
  });

  it.each(readdirSync('docs/examples').filter((f) => f.endsWith('.sarif')))('sample %s is valid SARIF', (file) => {
    const log = JSON.parse(readFileSync(`docs/examples/${file}`, 'utf8')) as unknown;
    expect(validate(log) ? [] : validate.errors).toEqual([]);
  });
});
