// Options of the wrong shape: a CompatError naming every bad option, never a TypeError from deeper down.
import { describe, expect, it } from 'vitest';
import { evaluateCompatibility } from '../src/api.js';
import type { EvaluateOptions } from '../src/engine/evaluate.js';
import { CompatError } from '../src/model/errors.js';
import { DEFAULT_PROFILE } from '../src/catalog/default.js';

function problems(options: unknown): unknown {
  try {
    evaluateCompatibility({}, options as EvaluateOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(CompatError);
    const { code, message, issues } = error as CompatError;
    return { code, message, issues };
  }
  return 'accepted';
}

const issue = (path: string, message: string) => ({ path, code: 'invalid-type', message });

describe('evaluateCompatibility: options of the wrong shape', () => {
  it.each<[string, unknown, ReturnType<typeof issue>]>([
    ['rules as a string', { rules: 'id' }, issue('rules', 'expected a list of rule ids')],
    ['rules holding a number', { rules: ['platform-supported', 3] }, issue('rules', 'expected a list of rule ids')],
    ['skipRules as a string', { skipRules: 'id' }, issue('skipRules', 'expected a list of rule ids')],
    ['skipRules holding a number', { skipRules: [3, 'platform-supported'] }, issue('skipRules', 'expected a list of rule ids')],
    ['sources as a string', { sources: 'x' }, issue('sources', 'expected an object of fact sources')],
    ['sources null', { sources: null }, issue('sources', 'expected an object of fact sources')],
    ['waivers as an object', { waivers: {} }, issue('waivers', 'expected a list of waivers (see parseWaivers)')],
    ['now as a string', { now: '2026-12-06' }, issue('now', 'expected a Date')],
    ['release as a number', { release: 3.27 }, issue('release', "expected a release ('3.27', 'auto') or a release profile")],
    ['release null', { release: null }, issue('release', "expected a release ('3.27', 'auto') or a release profile")],
    ['release an object without rules', { release: { release: '3.27' } }, issue('release', "expected a release ('3.27', 'auto') or a release profile")],
    ['profiles as a string', { profiles: 'all' }, issue('profiles', 'expected a list of release profiles')],
    ['inputs as a string', { inputs: 'facts.yaml' }, issue('inputs', "expected a list of inputs ({ kind: 'facts', name: 'cluster.yaml' })")],
    ['inputs holding a string', { inputs: [{ kind: 'facts', name: 'a.yaml' }, 'b.yaml'] }, issue('inputs', "expected a list of inputs ({ kind: 'facts', name: 'cluster.yaml' })")],
    ['inputs holding null', { inputs: [null] }, issue('inputs', "expected a list of inputs ({ kind: 'facts', name: 'cluster.yaml' })")],
    ['an input without a kind', { inputs: [{ name: 'a.yaml' }] }, issue('inputs', "expected a list of inputs ({ kind: 'facts', name: 'cluster.yaml' })")],
    ['an input without a name', { inputs: [{ kind: 'facts' }] }, issue('inputs', "expected a list of inputs ({ kind: 'facts', name: 'cluster.yaml' })")],
  ])('%s', (_what, options, expected) => {
    expect(problems(options)).toStrictEqual({ code: 'invalid-options', message: `Invalid options:\n  ${expected.path}: ${expected.message}`, issues: [expected] });
  });

  it('names every bad option at once', () => {
    const result = problems({ rules: 1, skipRules: 2, sources: 3, profiles: 4 }) as { issues: Array<{ path: string }> };
    expect(result.issues.map((i) => i.path)).toEqual(['rules', 'skipRules', 'sources', 'profiles']);
  });

  it.each([null, 'options', 5])('refuses options that are not an object: %j', (options) => {
    expect(problems(options)).toStrictEqual({
      code: 'invalid-options',
      message: 'Invalid options:\n  (root): expected an object of options',
      issues: [{ path: '(root)', code: 'invalid-type', message: 'expected an object of options' }],
    });
  });

  it.each<[string, EvaluateOptions]>([
    ['lists of rule ids', { rules: ['platform-supported'], skipRules: [] }],
    ['sources', { sources: { platform: { object: 'Installation/default', file: 'a.yaml' } } }],
    ['a release profile', { release: DEFAULT_PROFILE }],
    ['a release and profiles', { release: '3.23', profiles: [DEFAULT_PROFILE] }],
    ['inputs', { inputs: [{ kind: 'facts', name: 'a.yaml' }] }],
    ['waivers and now', { waivers: [], now: new Date(0) }],
  ])('accepts %s', (_what, options) => {
    expect(problems(options)).toBe('accepted');
  });

  it('refuses a selection that leaves no rule, naming the option that emptied it', () => {
    const all = DEFAULT_PROFILE.rules.map((rule) => rule.id);
    for (const [options, path] of [[{ skipRules: all }, 'skipRules'], [{ rules: [] }, 'rules']] as const) {
      const result = problems(options) as { code: string; message: string; issues: Array<{ path: string; code: string }> };
      expect(result.code).toBe('invalid-options');
      expect(result.message.startsWith(`Invalid options:\n  ${path}: leave no rule of the `)).toBe(true);
      expect(result.issues.map((i) => [i.path, i.code])).toEqual([[path, 'no-rules']]);
    }
  });
});
