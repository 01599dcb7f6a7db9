import { describe, expect, it } from 'vitest';
import { isWindowsBuild, parseWindowsBuild, windowsBuildOf } from '../../src/model/windows.js';
import { isContainerRuntime, parseContainerRuntime } from '../../src/model/runtime.js';

const BUILDS = ['10.0.17763.1432', '17763.2', ' 10.0.20348 ', '10.0.99999.1', 'Windows', '', '10.0.1776', '10.0.17763.1234567'];
const RUNTIMES = ['containerd://1.6.6', 'Docker', ' containerd ', 'cri-o://1.24', 'containerd://', '1containerd', ''];

describe('the checks and the cache rules read builds through', () => {
  it('isWindowsBuild and isContainerRuntime answer what parsing does', () => {
    for (const text of BUILDS) expect(isWindowsBuild(text), text).toBe(parseWindowsBuild(text) !== undefined);
    for (const text of RUNTIMES) expect(isContainerRuntime(text), text).toBe(parseContainerRuntime(text) !== undefined);
  });

  it('windowsBuildOf answers what parseWindowsBuild does, the same frozen answer for the same text', () => {
    for (const text of BUILDS) {
      expect(windowsBuildOf(text), text).toEqual(parseWindowsBuild(text));
      expect(windowsBuildOf(text)).toBe(windowsBuildOf(text));
      if (windowsBuildOf(text) !== undefined) expect(Object.isFrozen(windowsBuildOf(text))).toBe(true);
    }
    // Bounded: many distinct builds later, answers are still right.
    for (let i = 0; i < 5000; i++) windowsBuildOf(`10.0.17763.${i}`);
    expect(windowsBuildOf('10.0.17763.1432')).toEqual(parseWindowsBuild('10.0.17763.1432'));
  });
});
