// The matchers under Jest, with Jest's global `expect` and @types/jest: registered by
// calico-windows-compat/testing/jest (setupFilesAfterEnv), typed by its declarations.
import { readFileSync } from 'node:fs';
import { evaluateCompatibility } from 'calico-windows-compat';
import { concatManifests, factsFromManifests, mergeFacts } from 'calico-windows-compat/manifests';
import { parseFactsText, parseManifestsText } from 'calico-windows-compat/yaml';
import { cluster, linuxNode, windowsNode } from 'calico-windows-compat/testing';
import type {} from 'calico-windows-compat/testing/jest';

const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return stripAnsi((error as Error).message);
  }
  throw new Error('the assertion did not fail');
}

const broken = cluster.kubernetes({
  calico: { strictAffinity: false },
  nodes: [linuxNode(), windowsNode({ name: 'win-1', tls12Enabled: false }), windowsNode({ name: 'win-2' })],
});

describe('calico-windows-compat/testing under Jest', () => {
  it('every builder builds a compatible cluster with nothing unknown', () => {
    for (const facts of [cluster.kubernetes(), cluster.kubernetes({ networking: 'calico-bgp' }), cluster.openshift(), cluster.rke(), cluster.eks(), cluster.aks()]) {
      expect(facts).toBeCompatible();
      expect(facts).toHaveNoUnknowns();
      expect(facts).toHaveVerdict('compatible');
    }
  });

  it('toBeCompatible fails with the blocking findings and their remediation', () => {
    expect(broken).not.toBeCompatible();
    expect(failure(() => expect(broken).toBeCompatible())).toBe(
      [
        'expect(received).toBeCompatible()',
        '',
        'Expected the cluster to be compatible, but it is incompatible: 2 errors, 0 warnings, 0 unknown, 28 passed, 7 not applicable.',
        '',
        'Failed (2)',
        '  cluster',
        '    ✗ strict-affinity  Calico IPAM has strict affinity off (calico.strictAffinity is false).',
        '                       → calicoctl ipam configure --strictaffinity=true',
        '  node win-1',
        '    ✗ windows-tls12    Node win-1: TLS 1.2 is not enabled (tls12Enabled is false).',
        '                       → Enable TLS 1.2 in PowerShell on node win-1 before installing: [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12',
      ].join('\n'),
    );
    expect(failure(() => expect(cluster.eks()).not.toBeCompatible())).toMatch(
      /^expect\(received\)\.not\.toBeCompatible\(\)\n\nExpected the cluster not to be compatible, but it is: 0 errors/,
    );
  });

  it('toPassRule and toFailRule judge a rule, or one node', () => {
    expect(broken).toFailRule('windows-tls12');
    expect(broken).toFailRule('windows-tls12', { node: 'win-1' });
    expect(broken).toPassRule('windows-tls12', { node: 'win-2' });
    expect(broken).not.toFailRule('windows-tls12', { node: 'win-2' });
    const message = failure(() => expect(broken).toPassRule('windows-tls12', { node: 'win-1' }));
    expect(message).toContain('expect(received).toPassRule("windows-tls12", {"node":"win-1"})');
    expect(message).toContain("Expected rule windows-tls12 on Windows node 'win-1' to pass, but it fails:");
    expect(message).toContain('→ Enable TLS 1.2 in PowerShell on node win-1');
    expect(failure(() => expect(broken).not.toFailRule('strict-affinity'))).toContain('Expected rule strict-affinity not to fail, but it fails:');
  });

  it('toHaveNoUnknowns lists what is missing and how to find it', () => {
    const facts = cluster.kubernetes({ nodes: [linuxNode(), windowsNode({ tls12Enabled: undefined })] });
    expect(facts).not.toHaveNoUnknowns();
    expect(failure(() => expect(facts).toHaveNoUnknowns())).toMatch(/Expected no unknown findings, but 1 is unknown:[\s\S]*needs nodes\[win-1\]\.tls12Enabled: \S/);
  });

  it('misuse throws, negated or not', () => {
    expect(failure(() => expect(broken).not.toPassRule('windows-tls'))).toContain("unknown rule 'windows-tls' (did you mean 'windows-tls12'?)");
    expect(failure(() => expect({ platfrom: 'eks' }).not.toBeCompatible())).toMatch(/not valid facts[\s\S]*platfrom/);
  });

  it('accepts reports and factsFromManifests results, and works as asymmetric matchers', () => {
    const dir = 'test/fixtures/manifests/eks';
    const set = concatManifests(['nodes.yaml', 'calico.yaml'].map((f) => parseManifestsText(readFileSync(`${dir}/${f}`, 'utf8'), { file: f })));
    const derived = factsFromManifests(set.objects, { locate: set.locate });
    const extra = parseFactsText(readFileSync(`${dir}/extra.yaml`, 'utf8'));
    if (!extra.success) throw extra.error;
    expect(derived).toHaveVerdict('indeterminate');
    expect(mergeFacts(derived.facts, extra.data, { sources: derived.sources })).toBeCompatible();
    expect(evaluateCompatibility(broken)).toFailRule('strict-affinity');
    expect({ prod: cluster.eks(), dev: broken }).toEqual({ prod: expect.toBeCompatible(), dev: expect.not.toBeCompatible() });
  });
});

// Never run: the declarations type the matchers' arguments.
export const typed = (): void => {
  // @ts-expect-error: toPassRule needs a rule id
  expect(broken).toPassRule();
  // @ts-expect-error: not a verdict
  expect(broken).toHaveVerdict('fine');
  // @ts-expect-error: node is a name
  expect(broken).toFailRule('windows-tls12', { node: 1 });
};
