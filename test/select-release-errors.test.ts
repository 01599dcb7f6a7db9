// selectRelease's refusals word for word, and release strings written with spaces around them.
import { describe, expect, it } from 'vitest';
import { selectRelease } from '../src/api.js';
import { CALICO_3_23, type ReleaseProfile } from '../src/catalog/default.js';
import { thrown } from './support/errors.js';

const operator: ReleaseProfile = { ...CALICO_3_23, release: '3.27', installMethod: 'operator', source: 'operator' };
const PROFILES = [CALICO_3_23, operator];

describe('selectRelease refuses', () => {
  it.each([
    ['a release no profile covers', '3.15', "'3.15' is not a documented release; known releases: 3.23, 3.27"],
    ['what is no release', 'latest', "'latest' is not a documented release; known releases: 3.23, 3.27"],
    ['an install method the release does not document', '3.23/operator', "'3.23/operator': Calico v3.23 documents no operator (HostProcess) install; it takes 3.23/manual (also manifest, zip)"],
    ['what is no install method', '3.27/docker', "'3.27/docker': 'docker' is not an install method; 3.27 takes 3.27/operator (also hostprocess)"],
  ])('%s, as one invalid option', (_name, release, message) => {
    const error = thrown(() => selectRelease(release, {}, PROFILES));
    expect(error.code).toBe('invalid-options');
    expect(error.issues).toEqual([{ path: 'release', code: 'unknown-release', message }]);
    expect(error.message).toBe(`Invalid options:\n  release: ${message}`);
  });
});

describe('selectRelease reads a release string', () => {
  it('with spaces around it, as written without them, keeping what was asked', () => {
    expect(selectRelease(' 3.27/operator\n', {}, PROFILES)).toEqual({ profile: operator, requested: ' 3.27/operator\n' });
    expect(selectRelease(' auto ', { calico: { version: 'v3.23.1' } }, PROFILES)).toEqual({ profile: CALICO_3_23, requested: ' auto ' });
  });
});
