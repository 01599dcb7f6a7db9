import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompatError } from '../../src/model/errors.js';
import { parseFacts } from '../../src/model/parse.js';
import { corruptedFacts, facts, hostileJson, runs, timeoutFor } from './arbitraries.js';

/** parseFacts never throws: facts, or the typed error with at least one issue, each with a path and a message. */
function expectFactsOrTypedError(input: unknown): void {
  let result: ReturnType<typeof parseFacts>;
  try {
    result = parseFacts(input);
  } catch (error) {
    throw new Error(`parseFacts threw for ${safeJson(input)}: ${String(error)}`);
  }
  if (result.success) return;
  expect(result.error).toBeInstanceOf(CompatError);
  expect(result.error.code).toBe('invalid-facts');
  expect(result.error.issues.length).toBeGreaterThan(0);
  for (const issue of result.error.issues) {
    expect(typeof issue.path).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

function expectPrototypeUntouched(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

describe('parseFacts on any input', () => {
  it('any JSON value gives facts or the typed error, never another throw', () => {
    fc.assert(fc.property(fc.jsonValue(), expectFactsOrTypedError), runs(300));
  });

  it('any JavaScript value (functions, symbols, dates, sparse arrays, null prototypes) gives facts or the typed error', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true }), expectFactsOrTypedError),
      runs(300),
    );
  });

  it('JSON with __proto__, constructor and prototype keys gives facts or the typed error and pollutes no prototype', () => {
    fc.assert(
      fc.property(hostileJson, (input) => {
        expectFactsOrTypedError(input);
        expectPrototypeUntouched();
      }),
      runs(300),
    );
  });

  it('valid facts with one value anywhere replaced give facts or the typed error', { timeout: timeoutFor(300, 2) }, () => {
    fc.assert(
      fc.property(corruptedFacts, (input) => {
        expectFactsOrTypedError(input);
        expectPrototypeUntouched();
      }),
      runs(300),
    );
  });

  it('the hostile generator does make own __proto__ keys (else the property above would prove little)', () => {
    const hasOwnProto = (value: unknown): boolean =>
      value !== null &&
      typeof value === 'object' &&
      (Object.prototype.hasOwnProperty.call(value, '__proto__') || Object.values(value).some(hasOwnProto));
    expect(fc.sample(hostileJson, { numRuns: 300, seed: 1 }).some(hasOwnProto)).toBe(true);
  });

  it('the facts generator makes valid facts: parseFacts accepts them unchanged', () => {
    fc.assert(
      fc.property(facts, (valid) => {
        const result = parseFacts(valid);
        if (!result.success) throw result.error;
        expect(result.data).toEqual(valid);
      }),
      runs(200),
    );
  });
});
