// The catalog itself is tested: every rule of the requirement catalog is here with its id, severity and
// subject; every rule has its file, its test and its seed section; the README's rule list is current.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, getRule } from '../src/catalog/default.js';
import { CATALOG, getCatalogRule } from '../src/catalog/later-rules.js';
import { RELEASE_RULE_IDS, RULE_IDS, SEED_RULE_IDS, type RuleId } from '../src/catalog/ids.js';
import { documented } from '../src/catalog/docs.js';
import { CALICO_RELEASES } from '../src/catalog/releases.js';
import { HINTED_FACTS } from '../src/catalog/hints.js';
import { ClusterFactsSchema, IpPoolSchema, WindowsNodeFactsSchema } from '../src/model/facts.js';

// The catalog (shared/spec/requirements.md; the later releases' rules and the advisories after the
// seed's): each rule's severity and subject. Keyed by the typed ids, so a new rule is a compile error here
// until its row is written.
const EXPECTED = {
  'platform-supported': ['error', 'cluster'],
  'networking-supported': ['error', 'cluster'],
  'linux-worker-node': ['error', 'cluster'],
  'linux-calico-version': ['error', 'cluster'],
  'kubernetes-version': ['warning', 'cluster'],
  'ipip-disabled': ['error', 'cluster'],
  'ip-pool-encapsulation': ['error', 'ip-pool'],
  'single-ip-pool-type': ['error', 'cluster'],
  'strict-affinity': ['error', 'cluster'],
  'typha-ha': ['warning', 'cluster'],
  'vxlan-bgp-disabled': ['error', 'cluster'],
  'vxlan-port': ['error', 'cluster'],
  'vxlan-port-open': ['error', 'cluster'],
  'aws-source-dest-check': ['error', 'cluster'],
  'eks-vpc-controllers': ['error', 'cluster'],
  'eks-instance-role': ['error', 'cluster'],
  'aks-new-cluster': ['error', 'cluster'],
  'aks-kubernetes-version': ['error', 'cluster'],
  'windows-os-version': ['error', 'windows-node'],
  'windows-kubernetes-os-support': ['warning', 'windows-node'],
  'windows-container-runtime': ['error', 'windows-node'],
  'windows-powershell-admin': ['error', 'windows-node'],
  'windows-remote-access': ['error', 'windows-node'],
  'windows-remoteaccess-service': ['error', 'windows-node'],
  'windows-tls12': ['error', 'windows-node'],
  'windows-not-route-reflector': ['error', 'windows-node'],
  'windows-datastore-match': ['error', 'windows-node'],
  'windows-cni-plugin': ['error', 'windows-node'],
  // Later releases: the operator (HostProcess) install, the Windows installers' checks, DSR.
  'hostprocess-kubernetes-version': ['error', 'cluster'],
  'hostprocess-containers-enabled': ['error', 'cluster'],
  'operator-windows-dataplane': ['error', 'cluster'],
  'operator-datastore': ['error', 'cluster'],
  'operator-service-cidrs': ['error', 'cluster'],
  'operator-services-endpoint': ['error', 'cluster'],
  'operator-ip-pool-encapsulation': ['error', 'cluster'],
  'vxlan-vni': ['error', 'cluster'],
  'vxlan-calico-ipam': ['error', 'cluster'],
  'windows-dsr-support': ['warning', 'windows-node'],
  'windows-containerd-version': ['error', 'windows-node'],
  // Known issues: advisories, severity warning.
  'advisory-confd-endpoint-status': ['warning', 'cluster'],
  'advisory-windows-bgp-not-configured': ['warning', 'cluster'],
  'advisory-confd-template-getenv': ['warning', 'cluster'],
  'advisory-ws2022-container-networking': ['warning', 'windows-node'],
} as const satisfies Record<RuleId, readonly ['error' | 'warning', 'cluster' | 'windows-node' | 'ip-pool']>;

const seed = readFileSync(new URL('./fixtures/seed-headings.txt', import.meta.url), 'utf8');

function schemaKeys(schema: unknown): string[] {
  return Object.keys((schema as { _zod: { def: { shape: Record<string, unknown> } } })._zod.def.shape);
}

describe('the catalog', () => {
  it('holds every rule of the requirement catalog, in its order, with its severity and subject', () => {
    // catalog/ids.ts is the one list: the rules, the seed's (the core's RULES) and the rest, in its order.
    expect(CATALOG.map((r) => r.id)).toEqual(RULE_IDS);
    expect(Object.keys(EXPECTED)).toEqual(RULE_IDS);
    for (const rule of CATALOG) expect([rule.severity, rule.scope], rule.id).toEqual(EXPECTED[rule.id as RuleId]);
    // The seed's 28 requirements (shared/spec/requirements.md) are the default profile's rules.
    expect(SEED_RULE_IDS).toHaveLength(28);
    expect(RULES.map((r) => r.id)).toEqual(SEED_RULE_IDS);
    // The core knows the later rules by name only.
    expect(RELEASE_RULE_IDS).toEqual(RULE_IDS.slice(SEED_RULE_IDS.length));
  });

  it('has unique kebab-case ids, each reachable by getCatalogRule, and the seed\'s by getRule', () => {
    const ids = CATALOG.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(getCatalogRule(id)?.id).toBe(id);
    }
    for (const rule of RULES) expect(getRule(rule.id)).toBe(rule);
    expect(getRule('no-such-rule')).toBeUndefined();
    expect(getCatalogRule('no-such-rule')).toBeUndefined();
  });

  it.each(CATALOG.map((r) => [r.id, r] as const))('%s: one file, one test, and complete metadata', (id, rule) => {
    expect(existsSync(`src/catalog/rules/${id}.ts`)).toBe(true);
    expect(existsSync(`test/rules/${id}.test.ts`)).toBe(true);
    const source = readFileSync(`src/catalog/rules/${id}.ts`, 'utf8');
    expect(source).toContain(`id: '${id}'`);
    expect(source).not.toMatch(/STUB/);
    // Prose that names release values renders for every release whose profile holds the rule.
    for (const profile of CALICO_RELEASES.filter((p) => p.rules.includes(rule))) {
      const docs = documented(rule, profile);
      for (const text of [rule.title, docs.description, docs.appliesWhen, docs.passesWhen, docs.remediation])
        expect(text.trim().length).toBeGreaterThan(5);
    }
    expect(rule.title.length).toBeLessThanOrEqual(60);
  });

  it.each(CATALOG.map((r) => [r.id, r] as const))('%s: cites sections that exist in the seed, or the code or issue it comes from', (_id, rule) => {
    // The seed's rules all cite the seed; a later rule may come from code or an upstream issue instead.
    if (RULES.includes(rule) || rule.references === undefined) expect(rule.sections.length).toBeGreaterThan(0);
    for (const reference of rule.references ?? []) expect(reference.url).toMatch(/^https:\/\/github\.com\//);
    for (const section of rule.sections) {
      const heading = section.split(' › ')[0] ?? section;
      expect(seed).toContain(heading);
    }
  });

  it.each(CATALOG.map((r) => [r.id, r] as const))('%s: reads only real facts, and each has a hint for unknowns', (_id, rule) => {
    const cluster = new Set(HINTED_FACTS);
    const nodeKeys = schemaKeys(WindowsNodeFactsSchema);
    const poolKeys = schemaKeys(IpPoolSchema);
    const top = schemaKeys(ClusterFactsSchema);
    for (const fact of rule.facts) {
      if (fact.startsWith('node.')) {
        expect(nodeKeys).toContain(fact.slice(5));
        expect(cluster.has(fact)).toBe(true);
      } else if (fact.startsWith('pool.')) {
        expect(poolKeys).toContain(fact.slice(5));
      } else {
        expect(top).toContain(fact.split('.')[0]);
        expect(cluster.has(fact)).toBe(true);
      }
    }
  });
});
