import { describe, expect, it } from 'vitest';
import { evaluateCompatibility } from '../src/api.js';
import { CompatError } from '../src/model/errors.js';
import { CALICO_3_23, DEFAULT_PROFILE, type ReleaseProfile } from '../src/catalog/default.js';
import { patchRange, profileLabel } from '../src/engine/select.js';
import { selectRelease } from '../src/api.js';
import { RULES } from '../src/catalog/default.js';

// Profiles shaped like the real ones, to test the choice alone: a line whose page changed within it,
// and a line documenting two install methods (the recommended one first).
const early: ReleaseProfile = { ...CALICO_3_23, release: '3.19', patches: '>=3.19.0 <=3.19.1', source: 'early' };
const late: ReleaseProfile = { ...CALICO_3_23, release: '3.19', patches: '>=3.19.2', source: 'late' };
const operator: ReleaseProfile = { ...CALICO_3_23, release: '3.27', installMethod: 'operator', source: 'operator' };
const manifest: ReleaseProfile = { ...CALICO_3_23, release: '3.27', installMethod: 'manifest', source: 'manifest' };
const PROFILES = [CALICO_3_23, early, late, operator, manifest];

describe('selectRelease', () => {
  it('uses the default profile, the seed, when no release is given', () => {
    expect(selectRelease(undefined, {})).toEqual({ profile: DEFAULT_PROFILE });
    expect(DEFAULT_PROFILE).toBe(CALICO_3_23);
  });

  it('uses a profile object as it is', () => {
    expect(selectRelease(late, {}, PROFILES)).toEqual({ profile: late });
  });

  it.each([
    ['3.23', {}, CALICO_3_23],
    ['v3.23.4', {}, CALICO_3_23],
    ['3.19', {}, late],
    ['v3.19.1', {}, early],
    ['3.19.0', {}, early],
    ['v3.19.2', {}, late],
    ['3.19.9', {}, late],
    ['3.27/manifest', {}, manifest],
    ['3.27/manual', {}, manifest],
    ['3.27/zip', {}, manifest],
    ['3.27/Manual', {}, manifest],
    ['3.27/hostprocess', { calico: { installMethod: 'manifest' as const } }, operator],
    ['3.27/operator', { calico: { installMethod: 'manifest' as const } }, operator],
    ['3.27', { calico: { installMethod: 'manifest' as const } }, manifest],
    ['3.27', { calico: { operatorManaged: false } }, manifest],
    ['auto', { calico: { version: 'v3.23.1' } }, CALICO_3_23],
    ['auto', { calico: { version: '3.19.1' } }, early],
    ['auto', { calico: { version: 'v3.19.3' } }, late],
    ['auto', { calico: { version: '3.27.2', installMethod: 'manifest' as const } }, manifest],
  ])('%s with %j picks its profile', (release, facts, profile) => {
    const selected = selectRelease(release, facts, PROFILES);
    expect(selected.profile).toBe(profile);
    expect(selected.requested).toBe(release);
    expect(selected.note).toBeUndefined();
  });

  it('picks the recommended install, with a note, when the release documents two and the facts do not say', () => {
    const selected = selectRelease('3.27', {}, PROFILES);
    expect(selected.profile).toBe(operator);
    expect(selected.note).toMatch(/calico\.installMethod is not known: the operator profile was used/);
  });

  it('does not guess when auto has no calico.version: the default profile, with a note', () => {
    const selected = selectRelease('auto', { platform: 'eks', calico: { operatorManaged: true } }, PROFILES);
    expect(selected.profile).toBe(DEFAULT_PROFILE);
    expect(selected.note).toMatch(/calico\.version is not known, so the default profile, Calico v3\.23 \(manifest\), was used/);
  });

  it('says so when the facts name an install method the release no longer documents', () => {
    const selected = selectRelease('3.19', { calico: { installMethod: 'operator' } }, PROFILES);
    expect(selected.profile).toBe(late);
    expect(selected.note).toMatch(/documents no operator install/);
  });

  it.each(['3.15', 'v3.40.1', 'latest', '', 'v3'])('refuses %j, listing the known releases', (release) => {
    expect(() => selectRelease(release, {}, PROFILES)).toThrow(CompatError);
    expect(() => selectRelease(release, {}, PROFILES)).toThrow(/known releases: 3\.23, 3\.19, 3\.27/);
  });

  it.each([
    ['3.23/operator', "'3.23/operator': Calico v3.23 documents no operator (HostProcess) install; it takes 3.23/manual (also manifest, zip)"],
    ['3.27/helm', "'3.27/helm': 'helm' is not an install method; 3.27 takes 3.27/operator (also hostprocess) or 3.27/manual (also manifest, zip)"],
    ['3.19.1/', "'3.19.1/': '' is not an install method; 3.19 takes 3.19.1/manual (also manifest, zip)"],
    ['3.19.1/zip/x', "'3.19.1/zip/x' is not a documented release"],
    ['v3.19.1/msi', "'v3.19.1/msi': 'msi' is not an install method; 3.19 takes 3.19.1/manual (also manifest, zip)"],
  ])('refuses %j, naming the install methods the release takes', (release, message) => {
    expect(() => selectRelease(release, {}, PROFILES)).toThrow(CompatError);
    try {
      selectRelease(release, {}, PROFILES);
    } catch (error) {
      expect((error as CompatError).issues[0]?.message).toContain(message);
    }
  });

  it('resolves strings against the seed profile alone unless given profiles', () => {
    expect(selectRelease('3.23', {}).profile).toBe(CALICO_3_23);
    expect(() => selectRelease('3.27', {})).toThrow(/'3\.27' is not a documented release; known releases: 3\.23/);
    // auto never fails for the cluster's version: against the seed alone, a later version falls back to it.
    expect(selectRelease('auto', { calico: { version: '3.27.2' } })).toMatchObject({ profile: CALICO_3_23, fallback: 'newest' });
  });

  it('names profiles and their patch ranges', () => {
    expect(profileLabel(CALICO_3_23)).toBe('Calico v3.23 (manifest)');
    expect(profileLabel(early)).toBe('Calico v3.19.0–3.19.1 (manifest)');
    expect(patchRange(late)).toBe('3.19.2+');
    expect(patchRange({ ...early, patches: '3.22.0' })).toBe('3.22.0');
    expect(patchRange({ ...early, patches: '>=3.30.3 <3.31.5' })).toBe('3.30.3 up to 3.31.5');
  });
});

describe("release 'auto' never fails for the cluster's version", () => {
  it.each([
    ['3.11.2', early, 'oldest', /^release auto: Calico 3\.11\.2 \(calico\.version\) is older than every release profile, so the oldest, Calico v3\.19\.0–3\.19\.1, was used/],
    ['v2.6.12', early, 'oldest', /older than every release profile/],
    ['3.19.0-0.dev', early, undefined, undefined],
    ['3.33.0', operator, 'newest', /^release auto: Calico 3\.33\.0 \(calico\.version\) is newer than every release profile, so the newest, Calico v3\.27, was used: check 3\.33's own requirements page/],
    ['v4.0.0', operator, 'newest', /newer than every release profile/],
    ['3.25.1', CALICO_3_23, 'previous', /^release auto: no release profile covers Calico 3\.25\.1 \(calico\.version\), so the closest older one, Calico v3\.23, was used/],
    ['3.20.0', late, 'previous', /closest older one, Calico v3\.19\.2\+/],
  ] as const)('%s → %s profile, fallback %s', (version, profile, fallback, note) => {
    const selected = selectRelease('auto', { calico: { version } }, PROFILES);
    expect(selected.profile).toBe(profile);
    expect(selected.requested).toBe('auto');
    expect(selected.fallback).toBe(fallback);
    if (note === undefined) expect(selected.note).toBeUndefined();
    else expect(selected.note).toMatch(note);
  });

  it('picks the install method among the fallback profiles as for any release, adding its own note', () => {
    expect(selectRelease('auto', { calico: { version: '3.40.0', installMethod: 'manifest' } }, PROFILES).profile).toBe(manifest);
    const selected = selectRelease('auto', { calico: { version: '3.40.0' } }, PROFILES);
    expect(selected.profile).toBe(operator);
    expect(selected.note).toMatch(/newer than every release profile.*; calico\.installMethod is not known: the operator profile was used$/);
  });

  it('reports the fallback in report.profile, and the verdict is the findings\' own', () => {
    const report = evaluateCompatibility({ calico: { version: '3.11.2' } }, { release: 'auto', profiles: PROFILES });
    expect(report.profile).toMatchObject({ release: '3.19', patches: '>=3.19.0 <=3.19.1', requested: 'auto', fallback: 'oldest' });
    // Calico 3.11.2 is older than the Linux side v3.19 needs: a verdict, not an error.
    expect(report.verdict).toBe('incompatible');
    expect(report.findings.find((f) => f.ruleId === 'linux-calico-version')?.status).toBe('fail');
    expect(evaluateCompatibility({}, { release: 'auto' }).profile).toMatchObject({ fallback: 'default', release: '3.23' });
  });

  it('still refuses a release named outright that no profile covers', () => {
    expect(() => selectRelease('3.33.0', {}, PROFILES)).toThrow(/'3\.33\.0' is not a documented release/);
  });
});

describe('evaluateCompatibility with a release', () => {
  const facts = { platform: 'eks', networking: 'eks-vpc-cni', calico: { version: 'v3.23.2' } };

  it('gives exactly the default report for the seed release, named any way', () => {
    const plain = evaluateCompatibility(facts);
    expect(plain.profile).toEqual({ release: '3.23', installMethod: 'manifest', source: CALICO_3_23.source });
    for (const release of [CALICO_3_23, '3.23', 'v3.23.2', 'auto'] as const) {
      const report = evaluateCompatibility(facts, { release });
      expect({ ...report, profile: plain.profile }).toEqual(plain);
    }
  });

  it('names the profile used, what was asked and why', () => {
    const report = evaluateCompatibility({}, { release: 'v3.19.1', profiles: PROFILES });
    expect(report.profile).toEqual({ release: '3.19', installMethod: 'manifest', source: 'early', patches: '>=3.19.0 <=3.19.1', requested: 'v3.19.1' });
    expect(evaluateCompatibility({}, { release: 'auto' }).profile.note).toMatch(/calico\.version is not known/);
  });

  it('evaluates the rules the profile lists, in its order', () => {
    const few: ReleaseProfile = { ...CALICO_3_23, rules: RULES.filter((r) => r.scope === 'cluster').slice(0, 3) };
    expect(evaluateCompatibility({}, { release: few }).findings.map((f) => f.ruleId)).toEqual(few.rules.map((r) => r.id));
  });

  it('refuses rules the profile does not have, and accepts skipping seed rules it leaves out', () => {
    const few: ReleaseProfile = { ...CALICO_3_23, release: '3.30', installMethod: 'operator', rules: RULES.slice(0, 2) };
    expect(() => evaluateCompatibility({}, { release: few, rules: ['windows-tls12'] })).toThrow(/'windows-tls12' is not a rule of the Calico v3\.30 \(operator\) profile/);
    expect(() => evaluateCompatibility({}, { release: few, rules: ['no-such-rule'] })).toThrow(/'no-such-rule' is not a rule id/);
    expect(evaluateCompatibility({}, { release: few, skipRules: ['windows-tls12'] }).findings).toHaveLength(2);
    // Later releases' rules are known by name in the core: skipping one under the seed's profile is no error.
    expect(evaluateCompatibility({}, { skipRules: ['vxlan-vni'] }).findings).toHaveLength(evaluateCompatibility({}).findings.length);
    expect(() => evaluateCompatibility({}, { rules: ['vxlan-vni'] })).toThrow(/'vxlan-vni' is not a rule of the Calico v3\.23 \(manifest\) profile/);
  });
});
