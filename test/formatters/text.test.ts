import { describe, expect, it } from 'vitest';
import { describeSubject, formatText } from '../../src/formatters/text.js';
import { describeSource } from '../../src/model/naming.js';
import { REPORT } from './fixture.js';

const lines = (text: string): string[] => text.trimEnd().split('\n');

describe('formatText', () => {
  it('writes a report of more findings than a function call takes arguments', () => {
    const finding = REPORT.findings[0];
    if (finding === undefined) throw new Error('the fixture has findings');
    // More than a call takes, in the main thread as in a worker's larger stack.
    const findings = new Array<typeof finding>(600_000).fill({ ...finding, status: 'pass' });
    const text = formatText({ ...REPORT, findings }, { quiet: true });
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^Verdict: /);
  });

  const text = formatText(REPORT, { input: 'facts: cluster.yaml' });

  it('puts failures first, then unknowns, passes and rules that do not apply, and the verdict last', () => {
    const order = ['Failed (', 'Unknown — facts needed (', 'Passed (', 'Not applicable ('].map((h) => text.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(lines(text).at(-1)).toBe('Verdict: INCOMPATIBLE — 1 error, 0 warnings, 2 unknown, 1 passed, 1 not applicable, 1 waived');
    expect(lines(text)[1]).toBe('facts: cluster.yaml');
  });

  it('shows each failure with where its facts came from and its remediation, line by line', () => {
    expect(text).toContain('calico.ipipEnabled from FelixConfiguration/default spec.ipipEnabled (manifests/felix.yaml:7:3)');
    expect(text).toMatch(/→ Turn IPIP off:\n\s+calicoctl patch felixconfiguration default/);
    expect(text.indexOf('from FelixConfiguration/default')).toBeLessThan(text.indexOf('→ Turn IPIP off'));
  });

  it('says how to find each missing fact of an unknown finding', () => {
    expect(text).toContain('needs nodes[win-1].tls12Enabled: on the node: [Net.ServicePointManager]::SecurityProtocol includes Tls12.');
  });

  it('marks the severity of failures that are not errors', () => {
    expect(text).toMatch(/kubernetes-version .*\[warning\]/);
  });

  it('--quiet keeps only failures and the verdict', () => {
    const quiet = formatText(REPORT, { quiet: true });
    expect(quiet).toContain('Failed (');
    expect(quiet).not.toMatch(/^(Passed|Not applicable|Unknown)/m);
    expect(lines(quiet).some((l) => l.startsWith('Verdict:'))).toBe(true);
  });

  it('colours only when asked', () => {
    expect(text).not.toContain('\u001b[');
    expect(formatText(REPORT, { color: true })).toContain('\u001b[31m');
  });
});

describe('describeSource and describeSubject', () => {
  it.each([
    [{ object: 'Node/win-1', field: 'status.nodeInfo.kernelVersion', file: 'nodes.yaml', line: 4, column: 7 }, 'Node/win-1 status.nodeInfo.kernelVersion (nodes.yaml:4:7)'],
    [{ object: 'Installation/default', file: 'op.yaml', line: 2 }, 'Installation/default (op.yaml:2)'],
    [{ object: 'facts file' }, 'facts file'],
  ])('%j → %s', (source, text) => {
    expect(describeSource(source)).toBe(text);
  });

  it('names subjects', () => {
    expect(describeSubject({ kind: 'cluster' })).toBe('cluster');
    expect(describeSubject({ kind: 'node', name: 'w' })).toBe('node w');
    expect(describeSubject({ kind: 'ip-pool', name: 'p' })).toBe('IP pool p');
  });
});
