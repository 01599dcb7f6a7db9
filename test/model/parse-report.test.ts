import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport, UNKNOWN_TOOL_VERSION } from '../../src/model/parse-report.js';
import { REPORT_SCHEMA_VERSION, ReportSchema } from '../../src/model/report.js';
import { evaluateCompatibility } from '../../src/api.js';
import { formatJson } from '../../src/formatters/json.js';
import { CompatError } from '../../src/model/errors.js';
import pkg from '../../package.json' with { type: 'json' };

const EXAMPLES = readdirSync('docs/examples').filter((name) => name.endsWith('.json'));
const read = (path: string): string => readFileSync(path, 'utf8');

function failure(input: unknown): CompatError {
  const result = parseReport(input);
  if (result.success) throw new Error('expected parseReport to refuse the input');
  return result.error;
}

describe('reports name their schema version, tool and inputs', () => {
  it('evaluateCompatibility writes schema 1.0.0, the package version built in, and the inputs given', () => {
    const report = evaluateCompatibility({ platform: 'eks' }, { inputs: [{ kind: 'facts', name: 'clusters/prod.yaml' }] });
    expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(REPORT_SCHEMA_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(report.tool).toEqual({ name: 'calico-windows-compat', version: pkg.version });
    expect(report.inputs).toEqual([{ kind: 'facts', name: 'clusters/prod.yaml' }]);
    expect(evaluateCompatibility({}).inputs).toEqual([]);
    expect(Object.keys(report).slice(0, 4)).toEqual(['schemaVersion', 'tool', 'inputs', 'verdict']);
  });

  it('keeps its own copy of the inputs', () => {
    const inputs = [{ kind: 'facts', name: 'a.yaml' }];
    const report = evaluateCompatibility({}, { inputs });
    inputs[0]!.name = 'changed.yaml';
    inputs.push({ kind: 'waivers', name: 'w.yaml' });
    expect(report.inputs).toEqual([{ kind: 'facts', name: 'a.yaml' }]);
  });

  it.each([
    ['not a list', 'facts.yaml'],
    ['entries without a name', [{ kind: 'facts' }]],
    ['entries that are not objects', ['facts.yaml']],
  ])('refuses inputs that are %s, as misuse', (_, inputs) => {
    expect(() => evaluateCompatibility({}, { inputs } as never)).toThrow(/inputs: expected a list of inputs/);
  });
});

describe('parseReport', () => {
  it.each(EXAMPLES)('round-trips docs/examples/%s, as text and as a value', (name) => {
    const text = read(`docs/examples/${name}`);
    const fromText = parseReport(text);
    expect(fromText).toMatchObject({ success: true, schemaVersion: REPORT_SCHEMA_VERSION });
    if (!fromText.success) return;
    expect(formatJson(fromText.data)).toBe(text);
    expect(parseReport(JSON.parse(text))).toEqual(fromText);
  });

  it.each(['unversioned-broken-cluster.json', 'unversioned-eks.json'])('reads %s, written before reports had a schema version, into the current shape', (name) => {
    const text = read(`test/fixtures/reports/${name}`);
    const old = JSON.parse(text) as Record<string, unknown>;
    expect(old['schemaVersion']).toBeUndefined();
    const result = parseReport(text);
    expect(result).toMatchObject({ success: true, schemaVersion: 'unversioned' });
    if (!result.success) return;
    expect(result.data).toEqual({ schemaVersion: REPORT_SCHEMA_VERSION, tool: { name: 'calico-windows-compat', version: UNKNOWN_TOOL_VERSION }, inputs: [], ...old });
    expect(ReportSchema.safeParse(result.data).success).toBe(true);
  });

  it('reads a later minor version, dropping the fields it does not know', () => {
    const current = JSON.parse(read('docs/examples/eks.json')) as Record<string, unknown>;
    const later = { ...current, schemaVersion: '1.7.2', runId: 'nightly-42', counts: { ...(current['counts'] as object), flaky: 0 } };
    const result = parseReport(later);
    expect(result).toMatchObject({ success: true, schemaVersion: '1.7.2' });
    if (!result.success) return;
    expect(result.data).not.toHaveProperty('runId');
    expect(result.data.counts).not.toHaveProperty('flaky');
    expect(result.data.schemaVersion).toBe('1.7.2');
  });

  it('refuses a later major version, saying which version it is and what to do', () => {
    const report = { ...(JSON.parse(read('docs/examples/eks.json')) as object), schemaVersion: '2.0.0' };
    const error = failure(report);
    expect(error.code).toBe('invalid-report');
    expect(error.issues).toEqual([
      {
        path: 'schemaVersion',
        code: 'unsupported-version',
        message: '2.0.0 is newer than this version of calico-windows-compat reads (1.x and unversioned reports); upgrade calico-windows-compat to read it',
      },
    ]);
    expect(error.message).toMatch(/^Cannot read the report:\n {2}schemaVersion: 2\.0\.0 is newer/);
  });

  it.each([
    ['0.9.0', /0\.9\.0 is no version calico-windows-compat wrote/],
    ['one', /"one" is not a schema version \(expected one like 1\.0\.0\)/],
    [1, /1 is not a schema version/],
  ])('refuses schema version %j', (schemaVersion, message) => {
    const error = failure({ ...(JSON.parse(read('docs/examples/eks.json')) as object), schemaVersion });
    expect(error.issues[0]?.path).toBe('schemaVersion');
    expect(error.issues[0]?.message).toMatch(message);
  });

  it.each([
    ['text that is not JSON', '{"verdict": ', 'invalid-json'],
    ['an array', [], 'invalid-type'],
    ['null', null, 'invalid-type'],
    ['an object that is no report', { name: 'x' }, 'not-a-report'],
  ])('refuses %s', (_, input, code) => {
    const error = failure(input);
    expect(error.code).toBe('invalid-report');
    expect(error.issues[0]).toMatchObject({ path: '(root)', code });
  });

  it('lists every problem of an invalid report with its path', () => {
    const report = JSON.parse(read('docs/examples/broken-cluster.json')) as { verdict: string; findings: Array<Record<string, unknown>>; tool: unknown };
    report.verdict = 'maybe';
    report.findings[2]!['status'] = 'failed';
    report.tool = 'calico-windows-compat';
    const error = failure(report);
    expect(error.message).toMatch(/^Invalid report \(schema version 1\.0\.0\):/);
    expect(error.issues.map((i) => i.path)).toEqual(['tool', 'verdict', 'findings[2].status']);
  });

  it('never throws, whatever it is handed', () => {
    for (const input of [undefined, 3, 'null', '"x"', Symbol('s'), () => 1, { schemaVersion: '1.0.0' }]) expect(parseReport(input).success).toBe(false);
  });
});

describe('parseReport of reports the engine writes', () => {
  it('gives back exactly the JSON of a report with waivers, missing facts, sources and a release note', () => {
    const report = evaluateCompatibility(
      { platform: 'kubernetes', networking: 'calico-vxlan', calico: { ipipEnabled: true }, nodes: [{ os: 'windows', name: 'win-1', tls12Enabled: false }] },
      {
        release: 'auto',
        waivers: [
          { rule: 'windows-tls12', subject: 'node/win-1', reason: 'GPO rollout', owner: 'ops', expires: '2999-01-01' },
          { rule: 'strict-affinity', reason: 'never matches' },
        ],
        now: new Date('2026-01-01T00:00:00Z'),
        sources: { 'calico.ipipEnabled': { object: 'FelixConfiguration/default', field: 'spec.ipipEnabled', file: 'felix.yaml', line: 3, column: 5 } },
        inputs: [{ kind: 'manifests', name: '(stdin)' }],
      },
    );
    const text = formatJson(report);
    const result = parseReport(text);
    expect(result.success && formatJson(result.data)).toBe(text);
  });
});

describe('parseReport: each refusal word for word', () => {
  const eks = (): Record<string, unknown> => JSON.parse(read('docs/examples/eks.json')) as Record<string, unknown>;
  const issuesOf = (input: unknown) => {
    const error = failure(input);
    expect(error.code).toBe('invalid-report');
    return error.issues;
  };

  it('text that is not JSON, with what the JSON parser said', () => {
    const [issue, ...rest] = issuesOf('{"verdict": ');
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ path: '(root)', code: 'invalid-json' });
    expect(issue?.message).toMatch(/^is not JSON \(\S.*\)$/);
  });

  it('a value that is no object', () => {
    expect(issuesOf([])).toEqual([{ path: '(root)', code: 'invalid-type', message: 'expected an object (a report as formatJson writes it)' }]);
  });

  it.each([
    ['a verdict without findings', { verdict: 'compatible' }],
    ['findings without a verdict', { findings: [] }],
  ])('an object with %s and no schema version is no report', (_, input) => {
    expect(issuesOf(input)).toEqual([
      { path: '(root)', code: 'not-a-report', message: 'has no schemaVersion, verdict or findings: it is not a calico-windows-compat report' },
    ]);
  });

  it.each([
    ['a string that is not semver', '1.0', '"1.0" is not a schema version (expected one like 1.0.0)'],
    ['a number', 1, '1 is not a schema version (expected one like 1.0.0)'],
    ['a list holding a version', ['1.0.0'], '["1.0.0"] is not a schema version (expected one like 1.0.0)'],
  ])('a schema version that is %s', (_, schemaVersion, message) => {
    expect(issuesOf({ ...eks(), schemaVersion })).toEqual([{ path: 'schemaVersion', code: 'invalid-value', message }]);
  });

  it.each([
    ['10.0.0', '10.0.0 is newer than this version of calico-windows-compat reads (1.x and unversioned reports); upgrade calico-windows-compat to read it'],
    ['0.9.0', '0.9.0 is no version calico-windows-compat wrote; it reads 1.x and unversioned reports'],
  ])('schema version %s, another major', (schemaVersion, message) => {
    expect(issuesOf({ ...eks(), schemaVersion })).toEqual([{ path: 'schemaVersion', code: 'unsupported-version', message }]);
  });

  it('schema problems: what was expected, the code in kebab case, the path as segments', () => {
    const report = eks();
    const finding = (report['findings'] as Array<Record<string, unknown>>)[0];
    report['verdict'] = 'maybe';
    report['findings'] = [
      { ...finding, ruleId: 3, status: 'failed' },
      { ...finding, subject: { kind: 'pool', name: 'p' } },
    ];
    expect(issuesOf(report)).toEqual([
      { path: 'verdict', code: 'invalid-value', message: 'expected one of "compatible", "incompatible", "indeterminate"', segments: ['verdict'] },
      { path: 'findings[0].ruleId', code: 'invalid-type', message: 'expected string', segments: ['findings', 0, 'ruleId'] },
      {
        path: 'findings[0].status',
        code: 'invalid-value',
        message: 'expected one of "pass", "fail", "unknown", "not-applicable"',
        segments: ['findings', 0, 'status'],
      },
      { path: 'findings[1].subject.kind', code: 'invalid-union', message: 'is invalid', segments: ['findings', 1, 'subject', 'kind'] },
    ]);
  });
});
