import { describe, expect, it } from 'vitest';
import { formatMarkdown, markdownText } from '../../src/formatters/markdown.js';
import { REPORT } from './fixture.js';

describe('formatMarkdown', () => {
  it('renders the verdict, failures, unknowns, remediation, waivers and passes', async () => {
    await expect(formatMarkdown(REPORT, { input: 'clusters/prod.yaml' })).toMatchFileSnapshot('__snapshots__/report.md');
  });

  it('keeps table cells on one line and escapes Markdown and HTML', () => {
    const out = formatMarkdown(REPORT);
    const row = out.split('\n').find((line) => line.includes('ipip-disabled') && line.startsWith('| error'));
    expect(row).toContain('&lt;ipipEnabled&gt; is true & pool "a\\|b"');
    expect(out).not.toContain('<ipipEnabled>');
  });

  it('lists only unwaived failures as failures and counts waived ones apart', () => {
    const out = formatMarkdown(REPORT);
    const failures = out.slice(out.indexOf('### Failures'), out.indexOf('### Unknown'));
    expect(failures).not.toContain('kubernetes-version');
    expect(out).toContain('### Waived');
    expect(out).toContain('1 waived');
    expect(out).toMatch(/^## ❌ Incompatible/);
  });

  it('honours the heading level', () => {
    expect(formatMarkdown(REPORT, { headingLevel: 1 })).toMatch(/^# ❌/);
  });
});

describe('markdownText', () => {
  it('puts commands in a fenced block and keeps prose as prose', () => {
    expect(markdownText('Turn it off:\ncalicoctl patch x\nThen restart.')).toBe('Turn it off:\n\n```sh\ncalicoctl patch x\n```\n\nThen restart.');
    expect(markdownText('Enable TLS 1.2 on the node: [Net.ServicePointManager]::SecurityProtocol = 3072')).toBe(
      'Enable TLS 1.2 on the node:\n\n```sh\n[Net.ServicePointManager]::SecurityProtocol = 3072\n```',
    );
  });
});
