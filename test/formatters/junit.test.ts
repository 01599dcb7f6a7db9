import { readdirSync, readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/formatters/junit.js';
import { REPORT } from './fixture.js';

interface TestCase {
  '@_classname': string;
  '@_name': string;
  failure?: { '@_type': string; '@_message': string; '#text': string };
  skipped?: { '@_message': string } | string;
}

// Parsed back as a test reporter would: attribute values decoded, every testcase a list entry.
function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['testcase', 'property', 'testsuite'].includes(name),
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: true,
  });
  const doc = parser.parse(xml) as {
    testsuites: Record<string, string> & {
      testsuite: Array<Record<string, string> & { testcase: TestCase[]; properties: { property: Array<Record<string, string>> } }>;
    };
  };
  return doc.testsuites;
}

describe('formatJunit', () => {
  it('is well-formed XML with one testcase per finding: classname the rule, name the subject', () => {
    const suites = parse(formatJunit(REPORT, { input: 'clusters/prod.yaml' }));
    const suite = suites.testsuite[0];
    expect(suite?.testcase.map((c) => [c['@_classname'], c['@_name']])).toEqual(
      REPORT.findings.map((f) => [f.ruleId, f.subject.kind === 'cluster' ? 'cluster' : `${f.subject.kind}/${f.subject.name}`]),
    );
    expect(suites).toMatchObject({ '@_tests': '7', '@_failures': '2', '@_skipped': '4', '@_errors': '0' });
    expect(suite).toMatchObject({ '@_tests': '7', '@_failures': '2', '@_skipped': '4' });
    expect(suite?.properties.property).toEqual(
      expect.arrayContaining([
        { '@_name': 'verdict', '@_value': 'incompatible' },
        { '@_name': 'input', '@_value': 'clusters/prod.yaml' },
      ]),
    );
  });

  it('gives failures their severity, message and remediation, escaping what XML must and dropping what it forbids', () => {
    const cases = parse(formatJunit(REPORT)).testsuite[0]?.testcase ?? [];
    const ipip = cases.find((c) => c['@_classname'] === 'ipip-disabled');
    expect(ipip?.failure?.['@_type']).toBe('error');
    expect(ipip?.failure?.['@_message']).toBe('IPIP is in use: <ipipEnabled> is true & pool "a|b" uses \'ipip\'.');
    expect(ipip?.failure?.['#text']).toContain("calicoctl patch felixconfiguration default -p '{\"spec\":{\"ipipEnabled\":false}}'");
    expect(ipip?.failure?.['#text']).toContain('Rule: https://github.com/');
    expect(cases.find((c) => c['@_classname'] === 'ip-pool-encapsulation')?.failure?.['@_type']).toBe('info');
  });

  it('skips unknown and not-applicable findings saying why, and waived failures with the reason', () => {
    const cases = parse(formatJunit(REPORT)).testsuite[0]?.testcase ?? [];
    const skipped = (rule: string) => {
      const skip = cases.find((c) => c['@_classname'] === rule)?.skipped;
      return typeof skip === 'object' ? skip['@_message'] : skip;
    };
    expect(skipped('windows-tls12')).toBe('unknown: Cannot decide: node.tls12Enabled is not known. Needs: nodes[win-1].tls12Enabled');
    expect(skipped('aks-new-cluster')).toBe("not applicable: Applies only to AKS; platform is 'kubernetes'.");
    expect(skipped('kubernetes-version')).toBe('waived (fail): Accepted until the upgrade., owner platform-team, until 2030-12-31');
    expect(cases.find((c) => c['@_classname'] === 'kubernetes-version')?.failure).toBeUndefined();
    expect(cases.find((c) => c['@_classname'] === 'platform-supported')).not.toHaveProperty('failure');
  });

  it('keeps line breaks in attribute values', () => {
    const report = { ...REPORT, findings: [{ ...REPORT.findings[1]!, message: 'two\nlines' }] };
    const cases = parse(formatJunit(report)).testsuite[0]?.testcase ?? [];
    expect(cases[0]?.failure?.['@_message']).toBe('two\nlines');
  });

  it.each(readdirSync('docs/examples').filter((f) => f.endsWith('.junit.xml')))('sample %s is well-formed', (file) => {
    expect(XMLValidator.validate(readFileSync(`docs/examples/${file}`, 'utf8'))).toBe(true);
  });
});
