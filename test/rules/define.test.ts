import { describe, expect, it } from 'vitest';
import { condition, defineClusterRule, defineNodeRule, definePoolRule } from '../../src/engine/define.js';
import { applicabilityOf, decide } from '../../src/engine/decide.js';
import { fail, notApplicable, pass, type Rule, type RuleContext } from '../../src/engine/rule.js';
import { need, networkingIn, platformIs, poolCommand, supportedPlatform } from '../../src/catalog/conditions.js';
import { readPath } from '../../src/engine/fact-paths.js';
import { referencesFor } from '../../src/engine/findings.js';
import { documented, ruleDocs } from '../../src/catalog/docs.js';
import { getRule } from '../../src/catalog/default.js';
import { CALICO_3_23 } from '../../src/catalog/default.js';
import { CALICO_3_16 } from '../../src/catalog/releases.js';
import type { ReleaseProfile } from '../../src/catalog/default.js';
import { evaluateCompatibility } from '../../src/api.js';
import type { ClusterFacts, IpPool, WindowsNodeFacts } from '../../src/model/facts.js';
import { goodWindowsNode } from './harness.js';

const ctx: RuleContext = { profile: CALICO_3_23, kubernetesVersion: undefined };
const meta = { title: 'T', severity: 'error', sections: ['Datastores'], remediation: 'R' } as const;

describe('readPath', () => {
  it.each([
    ['a present leaf', { a: { b: 1 } }, ['a', 'b'], 1],
    ['a step through null', { a: null }, ['a', 'b'], undefined],
    ['a step through a string', { a: 'x' }, ['a', 'length'], undefined],
    ['an absent step', { a: {} }, ['a', 'b', 'c'], undefined],
    ['no path', null, [], null],
  ] as const)('%s', (_name, root, path, expected) => {
    expect(readPath(root, path)).toBe(expected);
  });
});

describe('fail', () => {
  it('has no remediation key without a remediation', () => {
    expect(fail('m')).toStrictEqual({ status: 'fail', message: 'm' });
    expect('remediation' in fail('m')).toBe(false);
  });
  it('carries the remediation given', () => {
    expect(fail('m', 'r')).toStrictEqual({ status: 'fail', message: 'm', remediation: 'r' });
  });
});

describe('the facts a rule reads and its scope', () => {
  // The rules are defined inside each test: what define* computes at definition time is part of the test.
  const check = () => ({ status: 'pass', message: 'checked' }) as const;
  const reads = { when: networkingIn(['calico-vxlan'], 'VXLAN'), requires: ['networking', 'calico.datastore'], reads: ['kubernetes.version', 'calico.datastore'] } as const;
  it.each([
    ['cluster', () => defineClusterRule({ ...meta, ...reads, id: 'c', check })],
    ['windows-node', () => defineNodeRule({ ...meta, ...reads, id: 'n', check })],
    ['ip-pool', () => definePoolRule({ ...meta, ...reads, id: 'p', check })],
  ] as const)('%s: the condition reads, then requires, then reads, each once', (scope, define) => {
    const rule = define();
    expect(rule.scope).toBe(scope);
    expect(rule.facts).toEqual(['networking', 'calico.datastore', 'kubernetes.version']);
    expect(rule.requires).toEqual(['networking', 'calico.datastore']);
  });

  it('a pool rule without a condition, requires or reads reads no facts', () => {
    const rule = definePoolRule({ ...meta, id: 'p', check });
    expect(rule.facts).toEqual([]);
    expect(rule.requires).toEqual([]);
    expect(rule.when).toBeUndefined();
    expect(Object.keys(rule)).not.toContain('when');
  });
  it.each([
    ['cluster', () => defineClusterRule({ ...meta, id: 'c', requires: ['networking'], check })],
    ['windows-node', () => defineNodeRule({ ...meta, id: 'n', requires: ['networking'], check })],
  ] as const)('a %s rule without a condition or reads reads only what it requires', (_scope, define) => {
    expect(define().facts).toEqual(['networking']);
  });
});

describe('decide', () => {
  const checkCtx = { ...ctx, given: {} };
  const checked = { status: 'pass', message: 'checked' } as const;
  const decideFor = (rule: Rule, facts: ClusterFacts, item?: WindowsNodeFacts | IpPool) => {
    const applicability = applicabilityOf(rule, facts, ctx);
    return decide(rule, facts, item, applicability, { ...ctx, given: 'given' in applicability ? applicability.given : undefined });
  };

  describe('a cluster rule', () => {
    // Defined in each test, as above.
    const rule = () => defineClusterRule({ ...meta, id: 'test-cluster', requires: ['calico.datastore', 'kubernetes.version'], check: () => checked });
    it.each([
      [
        'two facts missing are listed with "are"',
        {},
        { status: 'unknown', message: 'Cannot decide: calico.datastore, kubernetes.version are not known.', missing: ['calico.datastore', 'kubernetes.version'] },
      ],
      [
        'one fact missing is named with "is"',
        { calico: { datastore: 'kubernetes' } },
        { status: 'unknown', message: 'Cannot decide: kubernetes.version is not known.', missing: ['kubernetes.version'] },
      ],
      ['every fact known reaches check', { calico: { datastore: 'kubernetes' }, kubernetes: { version: '1.23.0' } }, checked],
    ] as const)('%s', (_name, facts, expected) => {
      expect(decideFor(rule(), facts)).toStrictEqual(expected);
    });
  });

  describe('a node rule', () => {
    const node = { name: 'win-1', os: 'windows' } as const;
    const rule = () => defineNodeRule({ ...meta, id: 'test-node', requires: ['calico.datastore', 'node.osBuild'], check: () => checked });
    it('names cluster facts, then node facts', () => {
      expect(decideFor(rule(), {}, node)).toStrictEqual({
        status: 'unknown',
        message: 'Cannot decide: calico.datastore, node.osBuild are not known.',
        missing: ['calico.datastore', 'node.osBuild'],
      });
    });
    it('reaches check when every fact is known', () => {
      expect(decideFor(rule(), { calico: { datastore: 'kubernetes' } }, { ...node, osBuild: '10.0.17763.1' })).toStrictEqual(checked);
    });
  });

  describe('a pool rule', () => {
    const pool = { name: 'p', cidr: '10.0.0.0/16', encapsulation: 'vxlan' } as const;
    it('without a condition or requires always decides', () => {
      expect(decideFor(definePoolRule({ ...meta, id: 'test-pool', check: () => checked }), {}, pool)).toStrictEqual(checked);
    });
    it('answers unknown, not check, when a required fact is missing', () => {
      const rule = definePoolRule({ ...meta, id: 'test-pool', requires: ['networking'], check: () => checked });
      expect(decideFor(rule, {}, pool)).toStrictEqual({ status: 'unknown', message: 'Cannot decide: networking is not known.', missing: ['networking'] });
      expect(decideFor(rule, { networking: 'calico-vxlan' }, pool)).toStrictEqual(checked);
    });
  });

  describe('under a condition', () => {
    const rule = () =>
      defineClusterRule({
        ...meta,
        id: 'test-when',
        when: networkingIn(['calico-vxlan', 'calico-bgp'], 'Calico networking'),
        requires: ['calico.datastore'],
        check: (_facts, { given }) => pass(`networking ${given.networking}`),
      });
    it.each([
      ['not applicable: check never runs, nothing is missing', { networking: 'eks-vpc-cni' }, notApplicable("Applies only to Calico networking; networking is 'eks-vpc-cni'.")],
      [
        'open: the condition\'s facts and the rule\'s own missing facts, together',
        {},
        { status: 'unknown', message: 'Cannot tell whether the cluster uses Calico networking: networking is not known.', missing: ['networking', 'calico.datastore'] },
      ],
      [
        'applies, with a required fact missing',
        { networking: 'calico-bgp' },
        { status: 'unknown', message: 'Cannot decide: calico.datastore is not known.', missing: ['calico.datastore'] },
      ],
      ['applies: check receives what the condition narrowed', { networking: 'calico-bgp', calico: { datastore: 'etcd' } }, pass('networking calico-bgp')],
    ] as const)('%s', (_name, facts, expected) => {
      expect(decideFor(rule(), facts as ClusterFacts)).toStrictEqual(expected);
    });
  });

  it('a custom condition sees the facts it reads and hands check its given', () => {
    const rule = defineClusterRule({
      ...meta,
      id: 'test-custom',
      when: condition(['calico.operatorManaged'], ({ calico }) =>
        calico?.operatorManaged === true ? { given: { managed: 'yes' } } : { notApplicable: 'not managed' },
      ),
      check: (_facts, { given }) => pass(given.managed),
    });
    expect(rule.facts).toEqual(['calico.operatorManaged']);
    expect(decideFor(rule, { calico: { operatorManaged: true } })).toStrictEqual(pass('yes'));
    expect(decideFor(rule, {})).toStrictEqual(notApplicable('not managed'));
    expect(checkCtx.given).toEqual({});
  });
});

describe('referencesFor', () => {
  it('cites the release page once per section, then the rule own references', () => {
    const own = { title: 'Own', url: 'https://example.com/own' };
    expect(referencesFor(['Datastores', 'Kubernetes version'], CALICO_3_16, [own])).toEqual([
      { title: 'Calico for Windows v3.16 requirements', url: CALICO_3_16.docsUrl, section: 'Datastores' },
      { title: 'Calico for Windows v3.16 requirements', url: CALICO_3_16.docsUrl, section: 'Kubernetes version' },
      own,
    ]);
  });
});

describe('poolCommand', () => {
  const template = 'pool=<pool> vxlan=<vxlanMode> enc=<encapsulation> again=<pool>';
  it.each([
    ['only the pool: the other placeholders become empty', { pool: 'p1' }, 'pool=p1 vxlan= enc= again=p1'],
    ['every value', { pool: 'p1', vxlanMode: 'Always', encapsulation: 'VXLAN' }, 'pool=p1 vxlan=Always enc=VXLAN again=p1'],
  ] as const)('%s', (_name, values, expected) => {
    expect(poolCommand(template, values)).toBe(expected);
  });
});

describe('poolCommand quotes the pool name for a POSIX shell', () => {
  it.each([
    ['a plain name as it is', 'default-ipv4-ippool', 'kubectl patch ippool default-ipv4-ippool'],
    ['a name with a space in single quotes', 'my pool', "kubectl patch ippool 'my pool'"],
    ["a single quote written '\\''", "it's", "kubectl patch ippool 'it'\\''s'"],
  ] as const)('%s', (_name, pool, expected) => {
    expect(poolCommand('kubectl patch ippool <pool>', { pool })).toBe(expected);
  });
});

describe('the shared conditions', () => {
  it('read the fact they test, which rules using them then show as evidence', () => {
    expect(networkingIn(['calico-vxlan'], 'Calico VXLAN networking').reads).toEqual(['networking']);
    expect(platformIs('aks', 'AKS').reads).toEqual(['platform']);
    expect(getRule('aks-kubernetes-version')?.facts).toEqual(['platform', 'kubernetes.version']);
  });

  it.each([
    ['networking absent: unknown, naming it', {}, { unknown: ['networking'], message: 'Cannot tell whether the cluster uses Calico VXLAN networking: networking is not known.' }],
    ['one of the options: given, narrowed', { networking: 'calico-vxlan' }, { given: { networking: 'calico-vxlan' } }],
    ['another option: not applicable', { networking: 'calico-bgp' }, { notApplicable: "Applies only to Calico VXLAN networking; networking is 'calico-bgp'." }],
  ] as const)('networkingIn, %s', (_name, facts, expected) => {
    expect(networkingIn(['calico-vxlan'], 'Calico VXLAN networking').test(facts as ClusterFacts, ctx)).toStrictEqual(expected);
  });

  it.each([
    ['platform absent: unknown, naming it', {}, { unknown: ['platform'], message: 'Cannot tell whether the cluster is AKS: platform is not known.' }],
    ['the platform: given', { platform: 'aks' }, { given: { platform: 'aks' } }],
    ['another platform: not applicable', { platform: 'eks' }, { notApplicable: "Applies only to AKS; platform is 'eks'." }],
  ] as const)('platformIs, %s', (_name, facts, expected) => {
    expect(platformIs('aks', 'AKS').test(facts as ClusterFacts, ctx)).toStrictEqual(expected);
  });
});

describe('supportedPlatform', () => {
  it.each([
    ['eks', CALICO_3_23, true],
    ['aks', CALICO_3_23, true],
    // v3.16 lists only Kubernetes and EKS: AKS is a known platform it does not support.
    ['aks', CALICO_3_16, false],
    ['openshift', CALICO_3_16, false],
    ['kubernetes', CALICO_3_16, true],
    ['gke', CALICO_3_23, false],
    ['toString', CALICO_3_23, false],
  ] as const)('%s under v%s', (platform, profile, expected) => {
    expect(supportedPlatform(platform, profile)).toBe(expected);
  });
});

describe('need', () => {
  it('returns a present value, including falsy ones', () => {
    expect(need(0, 'zero', CALICO_3_23)).toBe(0);
    expect(need('', 'empty', CALICO_3_23)).toBe('');
  });
  it('throws, naming the profile and the datum, when the value is absent', () => {
    expect(() => need(undefined, 'Typha worker count', CALICO_3_16)).toThrow(
      new Error('[calico-windows-compat] the v3.16 manifest profile has no Typha worker count'),
    );
  });
});

describe('ruleDocs', () => {
  it('gives the documentation of a catalog rule', () => {
    const rule = getRule('typha-ha');
    expect(rule).toBeDefined();
    const docs = ruleDocs(rule!);
    expect(docs.description).toEqual(expect.any(String));
    expect(documented(rule!)).toMatchObject({ id: 'typha-ha', description: docs.description });
  });
  it('throws for a rule without documentation', () => {
    expect(() => ruleDocs({ id: 'no-such-rule' })).toThrow(
      new Error("[calico-windows-compat] no documentation for rule 'no-such-rule'"),
    );
  });
});

describe('a rule under a profile that lacks a datum it needs', () => {
  const win = { ...goodWindowsNode, tls12Enabled: false };
  const without = (field: keyof ReleaseProfile): ReleaseProfile => ({ ...CALICO_3_23, [field]: undefined });
  const withoutCommand = (command: keyof ReleaseProfile['commands']): ReleaseProfile => ({
    ...CALICO_3_23,
    commands: { ...CALICO_3_23.commands, [command]: undefined },
  });
  const vxlanPool = { name: 'ipip-pool', encapsulation: 'ipip' } as const;

  it.each([
    ['aks-kubernetes-version', without('aksMinKubernetes'), { platform: 'aks', kubernetes: { version: '1.23.0' } }, 'AKS Kubernetes minimum'],
    ['eks-instance-role', without('eksSecretsNamespace'), { platform: 'eks' }, 'EKS secrets namespaces'],
    ['typha-ha', without('typhaLinuxWorkers'), { calico: { operatorManaged: true }, nodes: [] }, 'Typha worker count'],
    ['windows-container-runtime', without('containerRuntimes'), { nodes: [win] }, 'container runtimes'],
    ['windows-tls12', withoutCommand('tls12'), { nodes: [win] }, 'TLS 1.2 command'],
    ['windows-remote-access', without('remoteAccess'), { nodes: [win] }, 'remote access methods'],
    ['strict-affinity', withoutCommand('strictAffinity'), { calico: { ipam: 'calico', strictAffinity: false } }, 'strict affinity command'],
    ['ipip-disabled', withoutCommand('disableIpip'), { networking: 'calico-vxlan', calico: { ipipEnabled: true } }, 'IPIP command'],
    ['ipip-disabled', withoutCommand('setPoolEncapsulation'), { networking: 'calico-vxlan', calico: { ipPools: [vxlanPool] } }, 'IP pool command'],
    ['ip-pool-encapsulation', withoutCommand('setPoolEncapsulation'), { networking: 'calico-vxlan', calico: { ipPools: [vxlanPool] } }, 'IP pool command'],
    [
      'single-ip-pool-type',
      withoutCommand('disablePool'),
      { networking: 'calico-vxlan', calico: { ipPools: [vxlanPool, { name: 'vx', encapsulation: 'vxlan' }] } },
      'IP pool command',
    ],
  ] as const)('%s throws, naming the missing datum', (ruleId, release, facts, what) => {
    expect(() => evaluateCompatibility(facts as ClusterFacts, { rules: [ruleId], release })).toThrow(
      new Error(`[calico-windows-compat] the v3.23 manifest profile has no ${what}`),
    );
  });
});
