import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema, type Report } from '../src/model/report.js';
import { CALICO_3_30, CALICO_RELEASES, findRelease } from '../src/catalog/releases.js';
import { runCli } from './support/cli.js';

// The built binary, run as users run it (the global setup builds it).
const cli = (args: string[]) => runCli(args);

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cwc-')), name);
  writeFileSync(path, content);
  return path;
}

describe('calico-windows-compat releases', () => {
  it('lists every release profile with what --release takes to pick it', () => {
    const run = cli(['releases']);
    expect(run.code).toBe(0);
    const [table = '', notes = ''] = run.stdout.trimEnd().split('\n\n');
    const lines = table.split('\n');
    expect(lines).toHaveLength(CALICO_RELEASES.length + 1);
    expect(lines[0]).toMatch(/^--release\s+Install\s+Windows Server\s+Runtime\s+Kubernetes\s+Platforms$/);
    expect(run.stdout).toMatch(/^3\.19\.0, 3\.19\.1\s+manual\s+1809 or later, 1903 or later\s+containerd, docker\s+1\.18–1\.20\s+kubernetes, eks$/m);
    expect(run.stdout).toMatch(/^3\.19 \(3\.19\.2\+\)\s+manual\s+1809 \(17763\.1432\+\), 2004, 20H2\s/m);
    expect(run.stdout).toMatch(/^3\.27\/manual\s+manual \(deprecated\)/m);
    expect(notes).toContain('Install suffixes: /manual, /manifest, /zip\n(manual); /operator, /hostprocess (operator).');
    // Every name printed picks the profile of its row.
    lines.slice(1).forEach((line, index) => {
      const names = (line.split(/\s{2,}/)[0] ?? '').replace(/ \(.*\)$/, '').split(', ');
      for (const name of names) expect(findRelease(name).profile, name).toBe(CALICO_RELEASES[index]);
    });
  });

  it.each(['3.27/manual', '3.27/manifest', '3.27/zip', '3.27/operator', '3.27/HostProcess'])('check --release %s resolves', (release) => {
    const run = cli(['check', 'examples/eks.yaml', '--release', release, '--format', 'json']);
    expect(run.code).not.toBe(2);
    expect((JSON.parse(run.stdout) as Report).profile).toMatchObject({ release: '3.27', installMethod: /operator|hostprocess/i.test(release) ? 'operator' : 'manifest' });
  });

  it('an unknown install suffix lists the valid ones', () => {
    const run = cli(['check', 'examples/eks.yaml', '--release', '3.27/helm']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'3.27/helm': 'helm' is not an install method; 3.27 takes 3.27/operator (also hostprocess) or 3.27/manual (also manifest, zip)");
  });

  it('prints the profiles as JSON, with their sources and their rules by id', () => {
    const profiles = JSON.parse(cli(['releases', '--format', 'json']).stdout) as Array<{ label: string; rules: string[]; sources: Record<string, string> }>;
    expect(profiles.map((p) => p.label)).toContain('Calico v3.30 (operator)');
    const v330 = profiles.find((p) => p.label === 'Calico v3.30 (operator)');
    expect(v330?.rules).toEqual(CALICO_3_30.rules.map((r) => r.id));
    expect(v330?.sources['windowsBuilds']).toMatch(/version-3\.30/);
  });

  it('--diff 3.23 3.30: the upgrade checklist', () => {
    const run = cli(['releases', '--diff', '3.23', '3.30']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Requirements from Calico v3\.23 \(manifest\) to Calico v3\.30 \(operator\)/);
    expect(run.stdout).toContain('Install method changed: manual (.zip) install → operator (HostProcess) install');
    expect(run.stdout).toContain('+ Windows Server added: Windows Server 2022, build 20348.169+');
    expect(run.stdout).toContain('- Container runtime removed: docker');
    const json = JSON.parse(cli(['releases', '--diff', '3.23', '3.30', '--format', 'json']).stdout) as { changes: Array<{ topic: string }> };
    expect(json.changes.map((c) => c.topic)).toEqual(expect.arrayContaining(['installMethod', 'windowsBuilds', 'containerRuntimes']));
  });

  it('refuses a diff without two known releases', () => {
    expect(cli(['releases', '--diff', '3.23']).code).toBe(2);
    const unknown = cli(['releases', '--diff', '3.23', '3.99']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/known releases: 3\.16, .*3\.32/);
  });
});

describe('calico-windows-compat check --release', () => {
  it('checks against the release asked for, and warns when calico.version belongs to another line', () => {
    const run = cli(['check', 'examples/eks.yaml', '--release', '3.30', '--format', 'json']);
    const report = JSON.parse(run.stdout) as Report;
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(report.profile).toMatchObject({ release: '3.30', installMethod: 'operator', requested: '3.30' });
    expect(report.findings.some((f) => f.ruleId === 'hostprocess-kubernetes-version')).toBe(true);
    expect(run.stderr).toMatch(/warning: calico\.version v3\.23\.5 belongs to the 3\.23 release line, but the report checks the Calico v3\.30 \(operator\) requirements; pass --release auto \(or --release 3\.23\)/);
  });

  it('auto takes the line of calico.version, quietly when it is documented', () => {
    const run = cli(['check', 'examples/eks.yaml', '--release', 'auto', '--format', 'json']);
    expect((JSON.parse(run.stdout) as Report).profile).toMatchObject({ release: '3.23', requested: 'auto' });
    expect(run.stderr).toBe('');
  });

  it('auto without calico.version uses the default profile and says so', () => {
    const facts = tempFile('f.yaml', 'platform: eks\nnetworking: eks-vpc-cni\n');
    const run = cli(['check', facts, '--release', 'auto', '--format', 'json']);
    expect((JSON.parse(run.stdout) as Report).profile.release).toBe('3.23');
    expect(run.stderr).toMatch(/note: release auto: calico\.version is not known, so the default profile, Calico v3\.23 \(manifest\), was used/);
  });

  // The documented nightly check must not break the day a cluster upgrades past the newest profile.
  it.each([
    ['examples/broken-cluster.yaml', 'Calico v3.16', 'oldest', 'older', 1],
    [tempFile('newer.yaml', 'platform: eks\nnetworking: eks-vpc-cni\ncalico: { version: v3.33.0 }\n'), 'Calico v3.32', 'newest', 'newer', 3],
  ])('auto never fails for the cluster version: %s is checked against %s, with a warning', (facts, label, fallback, than, code) => {
    const run = cli(['check', facts, '--release', 'auto', '--format', 'json']);
    expect(run.code).toBe(code);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.profile).toMatchObject({ requested: 'auto', fallback });
    expect(run.stderr).toMatch(new RegExp(`^calico-windows-compat: warning: release auto: Calico \\S+ \\(calico\\.version\\) is ${than} than every release profile, so the ${fallback}, ${label.replace('.', '\\.')}, was used`, 'm'));
    expect(run.stderr).not.toMatch(/pass --release auto/);
    const text = cli(['check', facts, '--release', 'auto']);
    expect(text.code).toBe(code);
  });

  it('warns without --release only for a calico.version of another documented line', () => {
    const newer = tempFile('f.yaml', 'calico: { version: v3.27.2 }\n');
    expect(cli(['check', newer, '--quiet']).stderr).toMatch(/belongs to the 3\.27 release line, but the report checks the Calico v3\.23 \(manifest\) requirements/);
    expect(cli(['check', 'examples/broken-cluster.yaml', '--quiet']).stderr).toBe('');
  });

  it('is a usage error for an unknown release, listing the known ones', () => {
    const run = cli(['check', 'examples/eks.yaml', '--release', '3.99']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/'3\.99' is not a documented release; known releases: 3\.16/);
  });

  it('skips rules of other releases silently, and refuses to run one the release does not have', () => {
    expect(cli(['check', 'examples/eks.yaml', '--release', '3.30', '--skip-rule', 'windows-tls12', '--quiet']).code).not.toBe(2);
    const only = cli(['check', 'examples/eks.yaml', '--release', '3.30', '--rule', 'windows-tls12']);
    expect(only.code).toBe(2);
    expect(only.stderr).toMatch(/'windows-tls12' is not a rule of the Calico v3\.30 \(operator\) profile/);
  });

  it('lists the rules of a release, and explains any rule of the catalog', () => {
    const run = cli(['rules', '--release', '3.30']);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(CALICO_3_30.rules.length);
    expect(run.stdout).toMatch(/^advisory-windows-bgp-not-configured\s+warning/m);
    const explain = cli(['explain', 'vxlan-vni']);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toMatch(/^# vxlan-vni/);
    expect(explain.stdout).toContain('https://github.com/projectcalico/calico/blob/master/cni-plugin/pkg/dataplane/windows/dataplane_windows.go');
  });
});

describe('calico-windows-compat facts --release', () => {
  it("lists the facts the release's rules still need", () => {
    const manifests = tempFile('installation.yaml', 'apiVersion: operator.tigera.io/v1\nkind: Installation\nmetadata: { name: default }\nspec: { cni: { type: Calico } }\n');
    const seed = cli(['facts', '--manifests', manifests]);
    const operator = cli(['facts', '--manifests', manifests, '--release', '3.30']);
    expect(seed.code).toBe(0);
    expect(seed.stdout).not.toContain('- calico.windowsDataplane:');
    expect(operator.stdout).toContain('- calico.windowsDataplane:');
    expect(operator.stdout).toContain('- kubernetes.hostProcessContainersEnabled:');
  });
});

describe('calico-windows-compat explain --release', () => {
  it('explain --release renders the rule for that release', () => {
    const run = cli(['explain', 'windows-os-version', '--release', '3.30']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('The build is 17763 with revision 1432 or later, or 20348 with revision 169 or later.');
    expect(run.stdout).toContain('[Calico for Windows v3.30 requirements]');
  });
});
