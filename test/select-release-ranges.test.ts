// Release selection where a profile's patch range is more than one bound: where a profile begins
// (firstVersion), whether it covers the rest of its line (openEnded), and auto's choice and notes at the
// edges (a cluster at a profile's first version, older than all with an install method the oldest lacks,
// no profiles at all).
import { describe, expect, it } from 'vitest';
import { selectRelease } from '../src/api.js';
import { CALICO_3_23, type ReleaseProfile } from '../src/catalog/default.js';
import { firstVersion, openEnded } from '../src/engine/select.js';
import { thrown } from './support/errors.js';

const at = (release: string, patches?: string, changes: Partial<ReleaseProfile> = {}): ReleaseProfile => ({
  ...CALICO_3_23,
  release,
  source: `${release} ${patches ?? ''}`,
  ...(patches === undefined ? {} : { patches }),
  ...changes,
});

describe('firstVersion: the lowest version a profile covers', () => {
  it.each([
    ['no patch range', undefined, '3.22.0'],
    ['an open range', '>=3.22.1', '3.22.1'],
    ['a range above a version', '>3.22.1', '3.22.1'],
    ['one patch release', '3.22.1', '3.22.1'],
    ['a bounded range', '>=3.22.1 <3.22.5', '3.22.1'],
    ['alternatives, the lower one last', '3.22.4 || 3.22.2 || >=3.22.7', '3.22.2'],
    ['an upper bound only: the line from .0', '<3.22.3', '3.22.0'],
    ['upper bounds only, in alternatives', '<=3.22.1 || <3.22.3', '3.22.0'],
  ])('%s (%s): %s', (_name, patches, first) => {
    expect(firstVersion(at('3.22', patches))).toBe(first);
  });
});

describe('openEnded: a profile that covers the rest of its line', () => {
  it.each([
    [undefined, true],
    ['>=3.22.1', true],
    ['>3.22.1', true],
    ['3.22.0 || >=3.22.2', true],
    ['>=3.22.0 <=3.22.1', false],
    ['3.22.0', false],
    ['3.22.0 || 3.22.1', false],
  ])('%s: %s', (patches, open) => {
    expect(openEnded(at('3.22', patches))).toBe(open);
  });

  it('a line picks its open-ended profile, whichever alternative leaves it open', () => {
    const closed = at('3.22', '3.22.1');
    const open = at('3.22', '3.22.0 || >3.22.1');
    expect(selectRelease('3.22', {}, [closed, open]).profile).toBe(open);
    const above = at('3.22', '>3.22.1');
    expect(selectRelease('3.22', {}, [closed, above]).profile).toBe(above);
  });
});

describe('auto at the edges', () => {
  it('a cluster at the first version of a profile that does not cover it takes that profile, as the newest', () => {
    const older = at('3.21');
    const after = at('3.22', '>3.22.0');
    const selected = selectRelease('auto', { calico: { version: '3.22.0' } }, [older, after]);
    expect(selected.profile).toBe(after);
    expect(selected.fallback).toBe('newest');
  });

  it("older than every profile, with an install method the oldest lacks: the notes name the oldest profile's release", () => {
    const operator = at('3.27', undefined, { installMethod: 'operator' });
    const selected = selectRelease('auto', { calico: { version: '3.20.0', installMethod: 'operator' } }, [CALICO_3_23, operator]);
    expect(selected).toStrictEqual({
      profile: CALICO_3_23,
      requested: 'auto',
      note:
        "release auto: Calico 3.20.0 (calico.version) is older than every release profile, so the oldest, Calico v3.23, was used: its requirements are the nearest known, not 3.20's own; " +
        'Calico v3.23 documents no operator install now: the manifest profile was used',
      fallback: 'oldest',
    });
  });

  it('with no profiles at all, a known version is refused as no documented release', () => {
    const error = thrown(() => selectRelease('auto', { calico: { version: '3.27.0' } }, []));
    expect(error.issues).toEqual([{ path: 'release', code: 'unknown-release', message: "'auto' is not a documented release; known releases: " }]);
  });
});

describe('what a plain choice holds', () => {
  it('a release, its profile and what was asked; no note, no fallback', () => {
    expect(selectRelease('3.23', {}, [CALICO_3_23])).toStrictEqual({ profile: CALICO_3_23, requested: '3.23' });
    expect(selectRelease('auto', { calico: { version: '3.23.2' } }, [CALICO_3_23])).toStrictEqual({ profile: CALICO_3_23, requested: 'auto' });
  });

  it('a string that is no release is refused, whatever the profiles are called', () => {
    const odd = at('NaN.NaN');
    expect(thrown(() => selectRelease('latest', {}, [odd])).issues).toEqual([
      { path: 'release', code: 'unknown-release', message: "'latest' is not a documented release; known releases: NaN.NaN" },
    ]);
  });
});
