import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import '../../src/testing/vitest.js';
import { cluster, linuxNode, matchers, windowsNode } from '../../src/testing.js';
import { evaluateCompatibility } from '../../src/api.js';
import { concatManifests, factsFromManifests } from '../../src/adapters/manifests.js';
import { mergeFacts } from '../../src/adapters/merge.js';
import { parseFactsText, parseManifestsText } from '../../src/text/yaml.js';
import type { ClusterFacts } from '../../src/model/facts.js';

const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

/** The message an assertion fails with, uncoloured. */
function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return stripAnsi((error as Error).message);
  }
  throw new Error('the assertion did not fail');
}

const DIR = 'test/fixtures/manifests/self-managed-vxlan';
const manifests = (): ReturnType<typeof factsFromManifests> => {
  const set = concatManifests(
    ['nodes.yaml', 'calico.yaml', 'calico-config.yaml'].map((f) => parseManifestsText(readFileSync(`${DIR}/${f}`, 'utf8'), { file: f })),
  );
  return factsFromManifests(set.objects, { locate: set.locate });
};
const extra = (): ClusterFacts => {
  const parsed = parseFactsText(readFileSync(`${DIR}/extra.yaml`, 'utf8'));
  if (!parsed.success) throw parsed.error;
  return parsed.data;
};

const broken = cluster.kubernetes({
  calico: { strictAffinity: false },
  nodes: [linuxNode(), windowsNode({ name: 'win-1', tls12Enabled: false }), windowsNode({ name: 'win-2' })],
});

describe('what the matchers accept', () => {
  it('a report, facts, and what factsFromManifests and mergeFacts return', () => {
    expect(evaluateCompatibility(cluster.kubernetes())).toBeCompatible();
    expect(cluster.kubernetes()).toBeCompatible();
    const derived = manifests();
    expect(derived).not.toBeCompatible(); // the cluster cannot say everything
    expect(derived).toHaveVerdict('indeterminate');
    const merged = mergeFacts(derived.facts, extra(), { sources: derived.sources });
    expect(merged).toBeCompatible();
    expect(merged).toHaveNoUnknowns();
  });

  it('invalid facts are an error that lists every problem, negated or not', () => {
    const invalid = { platfrom: 'eks', nodes: [{ os: 'windows', name: 'w', osBuild: 'nope' }] };
    for (const assert of [() => expect(invalid).toBeCompatible(), () => expect(invalid).not.toBeCompatible()]) {
      const message = failure(assert);
      expect(message).toContain('toBeCompatible: the received value is not valid facts');
      expect(message).toMatch(/platfrom.*platform/);
      expect(message).toContain('nodes[0].osBuild: is not a Windows build');
    }
    expect(failure(() => expect('cluster.yaml').toHaveNoUnknowns())).toContain('not valid facts');
  });
});

describe('toBeCompatible', () => {
  it('fails with the findings that block compatibility, each with its message and remediation', () => {
    const message = failure(() => expect(broken).toBeCompatible());
    expect(message).toMatchInlineSnapshot(`
      "expect(received).toBeCompatible()

      Expected the cluster to be compatible, but it is incompatible: 2 errors, 0 warnings, 0 unknown, 28 passed, 7 not applicable.

      Failed (2)
        cluster
          ✗ strict-affinity  Calico IPAM has strict affinity off (calico.strictAffinity is false).
                             → calicoctl ipam configure --strictaffinity=true
        node win-1
          ✗ windows-tls12    Node win-1: TLS 1.2 is not enabled (tls12Enabled is false).
                             → Enable TLS 1.2 in PowerShell on node win-1 before installing: [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12"
    `);
    expect(message).not.toMatch(/\[object Object\]|"ruleId"|findings:/);
  });

  it('says which facts are missing and how to find them when the verdict is open', () => {
    const message = failure(() => expect(cluster.eks({ eks: { vpcControllersInstalled: undefined } })).toBeCompatible());
    expect(message).toContain('Expected the cluster to be compatible, but it is indeterminate');
    expect(message).toContain('Unknown — facts needed (1)');
    expect(message).toMatch(/needs eks\.vpcControllersInstalled: \S/);
    expect(message).toContain('Facts still needed to decide: eks.vpcControllersInstalled');
  });

  it('names the object and field a failing fact came from, for manifests', () => {
    const derived = manifests();
    const merged = mergeFacts(derived.facts, { ...extra(), network: { vxlanPortOpen: false } }, { sources: derived.sources });
    const message = failure(() => expect(merged).toBeCompatible());
    expect(message).toContain('vxlan-port-open');
    // A Windows build too old, as the Node object reports it: the message says where it came from.
    const set = parseManifestsText(readFileSync(`${DIR}/nodes.yaml`, 'utf8').replaceAll('10.0.17763.2300', '10.0.17763.1000'), { file: 'nodes.yaml' });
    const old = factsFromManifests(set.objects, { locate: set.locate });
    const message2 = failure(() => expect(mergeFacts(old.facts, cluster.kubernetes({ nodes: undefined }), { sources: old.sources })).toBeCompatible());
    expect(message2).toMatch(/windows-os-version[\s\S]*nodes\[win-1\]\.osBuild from Node\/win-1 status\.nodeInfo\.kernelVersion \(nodes\.yaml:\d+/);
  });

  it('under .not, fails for a compatible cluster and says so', () => {
    expect(broken).not.toBeCompatible();
    expect(failure(() => expect(cluster.aks()).not.toBeCompatible())).toMatchInlineSnapshot(`
      "expect(received).not.toBeCompatible()

      Expected the cluster not to be compatible, but it is: 0 errors, 0 warnings, 0 unknown, 16 passed, 12 not applicable."
    `);
  });

  it('waived findings do not block', () => {
    const report = evaluateCompatibility(broken, {
      waivers: [
        { rule: 'strict-affinity', reason: 'Changing in Q3.' },
        { rule: 'windows-tls12', subject: 'node/win-1', reason: 'Node being replaced.' },
      ],
    });
    expect(report).toBeCompatible();
    expect(report).toFailRule('windows-tls12', { node: 'win-1' });
  });
});

describe('toPassRule and toFailRule', () => {
  it('judge every finding of a rule, or one node’s', () => {
    expect(broken).toFailRule('windows-tls12');
    expect(broken).toFailRule('windows-tls12', { node: 'win-1' });
    expect(broken).toPassRule('windows-tls12', { node: 'win-2' });
    expect(broken).not.toPassRule('windows-tls12');
    expect(broken).not.toFailRule('windows-tls12', { node: 'win-2' });
    expect(broken).toPassRule('platform-supported');
    expect(broken).toPassRule('ip-pool-encapsulation', { pool: 'default-ipv4-ippool' });
  });

  it('failure messages print the findings of the rule that decided it', () => {
    expect(failure(() => expect(broken).toPassRule('windows-tls12'))).toMatchInlineSnapshot(`
      "expect(received).toPassRule("windows-tls12")

      Expected rule windows-tls12 to pass, but node win-1 fails, node win-2 passes:

      Failed (1)
        node win-1
          ✗ windows-tls12  Node win-1: TLS 1.2 is not enabled (tls12Enabled is false).
                           → Enable TLS 1.2 in PowerShell on node win-1 before installing: [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12"
    `);
    expect(failure(() => expect(broken).toFailRule('windows-tls12', { node: 'win-2' }))).toMatchInlineSnapshot(`
      "expect(received).toFailRule("windows-tls12", {"node":"win-2"})

      Expected rule windows-tls12 on Windows node 'win-2' to fail, but it passes:

      Passed (1)
        node win-2
          ✓ windows-tls12  Node win-2: TLS 1.2 is enabled (tls12Enabled is true)."
    `);
    const notFail = failure(() => expect(broken).not.toFailRule('strict-affinity'));
    expect(notFail).toContain('expect(received).not.toFailRule("strict-affinity")');
    expect(notFail).toContain('Expected rule strict-affinity not to fail, but it fails:');
    expect(notFail).toContain('→ calicoctl ipam configure --strictaffinity=true');
    const notPass = failure(() => expect(broken).not.toPassRule('windows-tls12', { node: 'win-2' }));
    expect(notPass).toContain("Expected rule windows-tls12 on Windows node 'win-2' not to pass, but it passes:");
  });

  it('a rule that is unknown or does not apply neither passes nor fails, and says why', () => {
    const facts = cluster.kubernetes({ nodes: [linuxNode(), windowsNode({ tls12Enabled: undefined })] });
    const message = failure(() => expect(facts).toPassRule('windows-tls12'));
    expect(message).toContain('Expected rule windows-tls12 to pass, but it is unknown:');
    expect(message).toMatch(/needs nodes\[win-1\]\.tls12Enabled: \S/);
    expect(facts).not.toFailRule('windows-tls12');
    expect(failure(() => expect(cluster.eks()).toFailRule('strict-affinity'))).toContain('but it does not apply:');
  });

  it('misuse is an error, negated or not: unknown rule, wrong subject, unknown node, skipped rule', () => {
    expect(failure(() => expect(broken).not.toFailRule('windows-tls1.2'))).toContain("unknown rule 'windows-tls1.2' (did you mean 'windows-tls12'?)");
    expect(failure(() => expect(broken).toPassRule('strict-affinity', { node: 'win-1' }))).toContain(
      "rule 'strict-affinity' is checked on the cluster, so it takes no node option",
    );
    expect(failure(() => expect(broken).toPassRule('windows-tls12', { pool: 'p' }))).toContain('checked on each Windows node, so it takes no pool option');
    expect(failure(() => expect(broken).not.toPassRule('windows-tls12', { node: 'linux-1' }))).toContain(
      "rule 'windows-tls12' has no finding for Windows node 'linux-1'; it has findings for win-1, win-2",
    );
    expect(failure(() => expect(broken).toPassRule('windows-tls12', { node: 'a', pool: 'b' }))).toContain('give node or pool, not both');
    const report = evaluateCompatibility(broken, { skipRules: ['windows-tls12'] });
    expect(failure(() => expect(report).not.toFailRule('windows-tls12'))).toContain("the report has no finding of rule 'windows-tls12'");
  });
});

describe('evaluation options', () => {
  it('evaluate received facts against another release, skip rules, apply waivers', () => {
    const facts = cluster.kubernetes();
    expect(facts).toBeCompatible();
    // Release strings resolve against every release profile.
    expect(facts).not.toBeCompatible({ release: '3.28/operator' });
    expect(facts).toFailRule('linux-calico-version', { release: '3.28/operator' });
    expect(facts).toHaveVerdict('incompatible', { release: '3.28/operator' });
    expect(facts).not.toHaveNoUnknowns({ release: '3.28/operator' });
    expect(failure(() => expect(facts).toBeCompatible({ release: '3.28/operator' }))).toContain('linux-calico-version');
    const noStrictAffinity = cluster.kubernetes({ calico: { strictAffinity: false } });
    expect(noStrictAffinity).toBeCompatible({ skipRules: ['strict-affinity'] });
    expect(noStrictAffinity).toBeCompatible({ waivers: [{ rule: 'strict-affinity', reason: 'Switched on in the next change window.' }] });
  });

  it('rules of any release are known; one the report has not is explained', () => {
    expect(cluster.kubernetes()).toPassRule('operator-datastore', { release: '3.28/operator' });
    expect(failure(() => expect(cluster.kubernetes()).toPassRule('operator-datastore'))).toContain(
      "the report has no finding of rule 'operator-datastore': it is not a rule of Calico v3.23 (manifest install)",
    );
  });

  it('options with a received report are an error: it is already evaluated', () => {
    expect(failure(() => expect(evaluateCompatibility(broken)).not.toBeCompatible({ release: '3.28' }))).toContain(
      'toBeCompatible: options (release) apply to received facts, and the received value is a report, already evaluated',
    );
  });
});

describe("release 'auto' in the matchers", () => {
  it('never fails for the cluster version: a newer one is checked against the newest profile, and the message says so', () => {
    const newer = cluster.eks({ calico: { version: 'v3.33.0' } }, { release: '3.32' });
    expect(newer).toBeCompatible({ release: 'auto' });
    expect(failure(() => expect(newer).not.toBeCompatible({ release: 'auto' }))).toContain(
      'release auto: Calico 3.33.0 (calico.version) is newer than every release profile, so the newest, Calico v3.32, was used',
    );
    const older = cluster.kubernetes({ calico: { version: 'v3.11.2' } });
    expect(older).toFailRule('linux-calico-version', { release: 'auto' });
    expect(failure(() => expect(older).toBeCompatible({ release: 'auto' }))).toContain('so the oldest, Calico v3.16, was used');
  });
});

describe('toHaveNoUnknowns and toHaveVerdict', () => {
  it('list the unknown findings with the facts they need', () => {
    const message = failure(() => expect({ platform: 'kubernetes', networking: 'calico-vxlan' }).toHaveNoUnknowns());
    expect(message).toMatch(/^expect\(received\)\.toHaveNoUnknowns\(\)\n\nExpected no unknown findings, but \d+ are unknown:\n\nUnknown — facts needed/);
    expect(message).toContain('needs calico.strictAffinity');
    expect(failure(() => expect(cluster.rke()).not.toHaveNoUnknowns())).toContain('Expected unknown findings, but every finding is decided.');
  });

  it('toHaveVerdict compares verdicts and refuses a verdict that does not exist', () => {
    expect(broken).toHaveVerdict('incompatible');
    expect(broken).not.toHaveVerdict('compatible');
    expect(failure(() => expect(broken).toHaveVerdict('compatible'))).toContain('Expected the verdict compatible, but it is incompatible');
    // @ts-expect-error: not a verdict
    expect(failure(() => expect(broken).toHaveVerdict('ok'))).toContain("'ok' is not a verdict");
  });
});

describe('registration', () => {
  it('works as asymmetric matchers too', () => {
    expect({ prod: cluster.eks(), dev: broken }).toEqual({ prod: expect.toBeCompatible(), dev: expect.toFailRule('strict-affinity') });
  });

  it('the matchers are plain functions of (this, received): callable without a runner', () => {
    const result = matchers.toBeCompatible.call({ isNot: false }, broken);
    expect(result.pass).toBe(false);
    expect(result.message()).toMatch(/^expect\(received\)\.toBeCompatible\(\)\n\nExpected the cluster to be compatible/);
  });

  it('calico-windows-compat/testing imports no test runner and no Node built-in', async () => {
    const result = await build({ entryPoints: ['src/testing.ts'], bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((p) => /vitest|jest|^node:/.test(p))).toEqual([]);
    // Formatting comes from the text formatter; the YAML parser and the manifests adapter stay out.
    expect(inputs.filter((p) => /node_modules\/yaml\/|src\/adapters\//.test(p))).toEqual([]);
  });
});
