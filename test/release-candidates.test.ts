// Release selection the facts leave open, with small profiles made for it: which profiles the open facts
// could select (every release without calico.version, each as the facts would pick it; the other install
// method of the same patch range without calico.installMethod), which findings they make unknown, and the
// words of those findings.
import { describe, expect, it } from 'vitest';
import { evaluateCompatibility } from '../src/api.js';
import { CALICO_3_23, type ReleaseProfile } from '../src/catalog/default.js';
import type { ClusterFacts } from '../src/model/facts.js';
import type { EvaluateOptions } from '../src/engine/evaluate.js';

const B1809 = { release: '1809', build: 17763, minRevision: 1432 } as const;
/** A profile like the seed's (which supports 1809 and 20H2), of another release, method or builds. */
const profile = (release: string, changes: Partial<ReleaseProfile> = {}): ReleaseProfile => ({ ...CALICO_3_23, release, source: release, ...changes });
const only1809 = (release: string, changes: Partial<ReleaseProfile> = {}) => profile(release, { windowsBuilds: [B1809], ...changes });

/** A 20H2 node: it passes windows-os-version under the seed's builds and fails where 20H2 is not supported. */
const ON_20H2: ClusterFacts = { nodes: [{ os: 'windows', name: 'w', osBuild: '10.0.19042.1' }] };
const osVersion = (facts: ClusterFacts, release: string, profiles: readonly ReleaseProfile[], options: EvaluateOptions = {}) =>
  evaluateCompatibility(facts, { rules: ['windows-os-version'], ...options, release, profiles }).findings[0];

describe('release auto without calico.version', () => {
  const profiles = [CALICO_3_23, only1809('3.24')];

  it('a finding another release decides otherwise is unknown, naming calico.version and both answers', () => {
    const finding = osVersion(ON_20H2, 'auto', profiles);
    expect(finding).toMatchObject({
      status: 'unknown',
      missingFacts: ['calico.version'],
      message: 'Cannot decide until calico.version is known: pass under Calico v3.23 (manifest), fail under Calico v3.24 (manifest).',
    });
    expect(finding).not.toHaveProperty('remediation');
    // Written with spaces around it, auto is still auto.
    expect(osVersion(ON_20H2, ' auto ', profiles)?.status).toBe('unknown');
  });

  it('the version decides it; so does a release named outright', () => {
    expect(osVersion({ ...ON_20H2, calico: { version: 'v3.24.1' } }, 'auto', profiles)?.status).toBe('fail');
    expect(osVersion(ON_20H2, '3.23', profiles)?.status).toBe('pass');
  });

  it('counts the other releases that decide otherwise', () => {
    const finding = osVersion(ON_20H2, 'auto', [...profiles, only1809('3.25'), profile('3.26')]);
    expect(finding?.message).toBe('Cannot decide until calico.version is known: pass under Calico v3.23 (manifest), fail under Calico v3.24 (manifest) and 1 more.');
  });

  it('findings every release agrees on stay as they are, and so does a finding already unknown', () => {
    const on1809 = { nodes: [{ os: 'windows' as const, name: 'w', osBuild: '10.0.17763.2000' }] };
    expect(osVersion(on1809, 'auto', profiles)).toMatchObject({ status: 'pass', message: 'Windows Server 2019 (1809) build 17763.2000 is at least 17763.1432.' });
    // Without its revision, 1809 is unknown under the seed's builds, and passes where any 1809 will do.
    const bare = { nodes: [{ os: 'windows' as const, name: 'w', osBuild: '10.0.17763' }] };
    expect(osVersion(bare, 'auto', [CALICO_3_23, profile('3.24', { windowsBuilds: [{ release: '1809', build: 17763 }] })])).toMatchObject({
      status: 'unknown',
      missingFacts: ['nodes[w].osBuild'],
      message: "Windows Server 2019 (1809) is supported from build 17763.1432, but '10.0.17763' carries no revision.",
    });
  });

  it('a patch range is chosen as its first version would choose it', () => {
    const early = only1809('3.19', { patches: '>=3.19.0 <=3.19.1' });
    const late = profile('3.19', { patches: '>=3.19.2' });
    expect(osVersion(ON_20H2, 'auto', [CALICO_3_23, early, late])?.message).toBe(
      'Cannot decide until calico.version is known: pass under Calico v3.23 (manifest), fail under Calico v3.19.0–3.19.1 (manifest).',
    );
  });

  it('a rule another release does not have is "not a rule" there', () => {
    const without = profile('3.24', { rules: CALICO_3_23.rules.filter((r) => r.id !== 'windows-os-version') });
    expect(osVersion(ON_20H2, 'auto', [CALICO_3_23, without])?.message).toBe(
      'Cannot decide until calico.version is known: pass under Calico v3.23 (manifest), not a rule under Calico v3.24 (manifest).',
    );
    const rules = ['windows-os-version', 'windows-tls12'];
    const report = evaluateCompatibility(ON_20H2, { rules, release: 'auto', profiles: [CALICO_3_23, without] });
    expect(report.findings.map((f) => [f.ruleId, f.status])).toEqual([
      ['windows-os-version', 'unknown'],
      ['windows-tls12', 'unknown'],
    ]);
    // Skipping the one rule the other release has leaves it nothing to say of the others.
    const tls = profile('3.24', { rules: CALICO_3_23.rules.filter((r) => r.id === 'windows-tls12') });
    expect(evaluateCompatibility(ON_20H2, { rules, skipRules: ['windows-tls12'], release: 'auto', profiles: [CALICO_3_23, tls] }).findings[0]?.message).toBe(
      'Cannot decide until calico.version is known: pass under Calico v3.23 (manifest), not a rule under Calico v3.24 (manifest).',
    );
  });

  it('waivers apply to what the open facts leave', () => {
    const report = evaluateCompatibility(ON_20H2, { rules: ['windows-os-version'], release: 'auto', profiles, waivers: [{ rule: 'windows-os-version', reason: 'upgrading' }] });
    expect(report.findings[0]).toMatchObject({ status: 'unknown', waived: { reason: 'upgrading' } });
    expect(report.waivers?.map((w) => w.status)).toEqual(['applied']);
    expect(report.verdict).toBe('compatible');
  });
});

describe('a release with two install methods, without calico.installMethod', () => {
  const manifest = only1809('3.27');
  const operator = profile('3.27', { installMethod: 'operator' });

  it("a finding the other method's profile decides otherwise is unknown, naming calico.installMethod", () => {
    expect(osVersion(ON_20H2, '3.27', [manifest, operator])).toMatchObject({
      status: 'unknown',
      missingFacts: ['calico.installMethod'],
      message: 'Cannot decide until calico.installMethod is known: fail under Calico v3.27 (manifest), pass under Calico v3.27 (operator).',
    });
    expect(osVersion({ ...ON_20H2, calico: { installMethod: 'manifest' } }, '3.27', [manifest, operator])?.status).toBe('fail');
    expect(osVersion(ON_20H2, '3.27/manifest', [manifest, operator])?.status).toBe('fail');
  });

  it('only the profile of the same patch range is the other method', () => {
    const late = only1809('3.19', { patches: '>=3.19.2' });
    const lateOperator = profile('3.19', { installMethod: 'operator', patches: '>=3.19.2' });
    const earlyOperator = profile('3.19', { installMethod: 'operator', patches: '>=3.19.0 <=3.19.1' });
    expect(osVersion(ON_20H2, '3.19', [late, earlyOperator])?.status).toBe('fail');
    expect(osVersion(ON_20H2, '3.19', [late, lateOperator])?.missingFacts).toEqual(['calico.installMethod']);
  });

  it('with auto, both facts are named when releases of either method decide otherwise', () => {
    expect(osVersion(ON_20H2, 'auto', [CALICO_3_23, manifest, operator])).toMatchObject({
      missingFacts: ['calico.version', 'calico.installMethod'],
      message: 'Cannot decide until calico.version and calico.installMethod are known: pass under Calico v3.23 (manifest), fail under Calico v3.27 (manifest).',
    });
  });

  it('profiles of one method name only the version', () => {
    expect(osVersion(ON_20H2, 'auto', [CALICO_3_23, manifest])?.missingFacts).toEqual(['calico.version']);
  });
});
