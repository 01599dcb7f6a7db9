import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_ROOT, EXTENSIONS, REGENERATE } from '../scripts/generate-docs.js';
import { directoryUri } from '../src/formatters/artifact-uri.js';
import { FORMATS } from '../src/cli/output.js';
import { runCli } from './support/cli.js';

// Report formats, waivers, exit policy and the rule reference, through the built binary (built by the
// global setup), as CI pipelines run it.
const cli = (args: string[]) => runCli(args);

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cwc-')), name);
  writeFileSync(path, content);
  return path;
}

// Compatible except a failing warning (kubernetes-version) and unknown warning and info rules.
const WARNING_ONLY = `
platform: kubernetes
infrastructure: vsphere
networking: calico-vxlan
kubernetes: { version: v1.19.16 }
calico: { version: v3.23.1, datastore: kubernetes, operatorManaged: false, ipam: calico, strictAffinity: true, ipipEnabled: false, bgpEnabled: false, vxlanPort: 4789, ipPools: [{ name: p, cidr: 10.0.0.0/16, encapsulation: vxlan }] }
network: { vxlanPortOpen: true }
nodes:
  - { os: linux, name: l1, roles: [worker] }
  - { os: windows, name: w1, osBuild: 10.0.17763.1432, containerRuntime: containerd://1.6.6, datastore: kubernetes, cniPlugin: calico, powershellAdmin: true, remoteAccess: [rdp], remoteAccessServiceInstalled: false, tls12Enabled: true }
`;

describe('check --format', () => {
  it.each(FORMATS)(`%s prints what docs/examples holds for each example (else run \`${REGENERATE}\`)`, (format) => {
    // SARIF names the directory it ran in; the samples were made in EXAMPLE_ROOT.
    const here = directoryUri(process.cwd()) ?? '';
    for (const example of ['broken-cluster', 'eks']) {
      const run = cli(['check', `examples/${example}.yaml`, '--format', format]);
      expect(run.stderr).toBe('');
      expect(run.stdout.replaceAll(here, directoryUri(EXAMPLE_ROOT) ?? ''), `docs/examples/${example}.${EXTENSIONS[format]}`).toBe(
        readFileSync(`docs/examples/${example}.${EXTENSIONS[format]}`, 'utf8'),
      );
    }
  });

  it('refuses an unknown format, listing the formats', () => {
    const run = cli(['check', 'examples/eks.yaml', '--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--format must be text, json, sarif, junit, markdown; not 'xml'");
  });

  it('exits by the verdict whatever the format', () => {
    expect(cli(['check', 'examples/broken-cluster.yaml', '--format', 'junit']).code).toBe(1);
    expect(XMLValidator.validate(cli(['check', 'examples/broken-cluster.yaml', '--format', 'junit']).stdout)).toBe(true);
    expect(cli(['check', tempFile('f.yaml', 'platform: eks\n'), '--format', 'sarif']).code).toBe(3);
  });
});

describe('check --waivers', () => {
  const waivers = (text: string) => tempFile('waivers.yaml', text);

  it('waived findings stay in the output, marked, and no longer fail the run', () => {
    const file = tempFile('f.yaml', WARNING_ONLY.replace('tls12Enabled: true', 'tls12Enabled: false'));
    expect(cli(['check', file]).code).toBe(1);
    const run = cli(['check', file, '--waivers', waivers('- { rule: windows-tls12, subject: node/w1, reason: GPO rollout, owner: ops }\n')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✗ windows-tls12 .*\[waived: GPO rollout\]/);
    expect(run.stdout).toMatch(/Verdict: COMPATIBLE .*1 waived/);
    const json = JSON.parse(cli(['check', file, '--format', 'json', '--waivers', waivers('- { rule: windows-tls12, reason: GPO rollout }\n')]).stdout) as {
      findings: Array<{ ruleId: string; status: string; waived?: unknown }>;
    };
    expect(json.findings.find((f) => f.ruleId === 'windows-tls12')).toMatchObject({ status: 'fail', waived: { reason: 'GPO rollout' } });
  });

  it('an expired waiver stops applying and says so; a stale one is reported', () => {
    const file = tempFile('f.yaml', WARNING_ONLY.replace('tls12Enabled: true', 'tls12Enabled: false'));
    const run = cli([
      'check',
      file,
      '--waivers',
      waivers('waivers:\n  - { rule: windows-tls12, reason: old, expires: 2020-01-01 }\n  - { rule: ipip-disabled, reason: never used }\n'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('expired waiver for windows-tls12: Expired on 2020-01-01: it no longer waives 1 finding of windows-tls12.');
    expect(run.stdout).toContain('stale waiver for ipip-disabled: Matches no failing or unknown finding of ipip-disabled');
  });

  it('an invalid waivers file exits 2 naming every problem with its line', () => {
    const file = waivers('- rule: windows-tsl12\n  reason: x\n- rule: windows-tls12\n  owner: me\n');
    const run = cli(['check', 'examples/eks.yaml', '--waivers', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/\[0\]\.rule: 'windows-tsl12' is not a rule id \(did you mean 'windows-tls12'\?\) \(.*waivers\.yaml:1:9\)/);
    expect(run.stderr).toMatch(/\[1\]\.reason: is required \(a string\) \(.*waivers\.yaml:3:3\)/);
    expect(cli(['check', 'examples/eks.yaml', '--waivers', 'no-such-waivers.yaml']).code).toBe(2);
  });
});

describe('check --fail-on', () => {
  it('error (the default) fails on error requirements only; warning on warnings too; unknown on any unknown', () => {
    const file = tempFile('f.yaml', WARNING_ONLY);
    expect(cli(['check', file]).code).toBe(0);
    expect(cli(['check', file, '--fail-on', 'error']).code).toBe(0);
    expect(cli(['check', file, '--fail-on', 'warning']).code).toBe(1);
    const complete = tempFile('g.yaml', WARNING_ONLY.replace('v1.19.16', 'v1.22.9'));
    expect(cli(['check', complete, '--fail-on', 'warning']).code).toBe(0);
    expect(cli(['check', complete, '--fail-on', 'unknown']).code).toBe(0);
    // typha-ha, a warning, is unknown while operatorManaged is.
    const open = tempFile('h.yaml', WARNING_ONLY.replace('v1.19.16', 'v1.22.9').replace(' operatorManaged: false,', ''));
    expect(cli(['check', open]).code).toBe(0);
    expect(cli(['check', open, '--fail-on', 'unknown']).code).toBe(3);
  });

  it('a waived warning does not fail --fail-on warning', () => {
    const file = tempFile('f.yaml', WARNING_ONLY);
    const waivers = tempFile('w.yaml', '- { rule: kubernetes-version, reason: accepted }\n');
    expect(cli(['check', file, '--fail-on', 'warning', '--waivers', waivers]).code).toBe(0);
  });

  it('refuses another level', () => {
    const run = cli(['check', 'examples/eks.yaml', '--fail-on', 'info']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--fail-on must be error, warning, unknown; not 'info'");
  });
});

describe('explain and schema', () => {
  it('explain prints one rule in full, as the rule reference has it', () => {
    const run = cli(['explain', 'strict-affinity']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# strict-affinity\n/);
    for (const heading of ['## Why', '## Applies when', '## Passes when', '## Facts it reads', '## Remediation', '## Source'])
      expect(run.stdout).toContain(heading);
    expect(readFileSync('docs/rules/strict-affinity.md', 'utf8')).toContain(run.stdout);
  });

  it('explain suggests the nearest id on a typo', () => {
    const run = cli(['explain', 'strict-afinity']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'strict-afinity' is not a rule id (did you mean 'strict-affinity'?)");
    expect(cli(['explain']).code).toBe(2);
  });

  it('schema prints facts.schema.json; schema report and schema config the others', () => {
    const run = cli(['schema']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync('facts.schema.json', 'utf8'));
    expect(cli(['schema', 'facts']).stdout).toBe(run.stdout);
    expect(cli(['schema', 'report']).stdout).toBe(readFileSync('report.schema.json', 'utf8'));
    expect(cli(['schema', 'config']).stdout).toBe(readFileSync('config.schema.json', 'utf8'));
    const typo = cli(['schema', 'reprot']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("schema must be facts, report, config; not 'reprot' (did you mean 'report'?)");
  });

  it('the help lists the formats, the options and the exit codes', () => {
    const help = cli(['--help']).stdout;
    for (const word of ['sarif', 'junit', 'markdown', '--waivers', '--fail-on', 'explain <rule-id>', 'schema', '70 internal error']) expect(help).toContain(word);
  });
});
