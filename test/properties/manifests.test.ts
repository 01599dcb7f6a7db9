import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factsFromManifests, type ManifestLocator } from '../../src/adapters/manifests.js';
import { CompatError } from '../../src/model/errors.js';
import { evaluateCompatibility } from '../../src/api.js';
import { parseFacts } from '../../src/model/parse.js';
import { parseFactsText, parseManifestsText, parseYamlDocuments } from '../../src/text/yaml.js';
import { hostileJson, kubeLike, manifestText, manifests, runs, timeoutFor, yamlishText } from './arbitraries.js';

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

/** Runs `step`; a CompatError is a clear refusal, anything else thrown fails the property. */
function refusedOr<T>(step: () => T): T | CompatError {
  try {
    return step();
  } catch (error) {
    if (error instanceof CompatError) {
      expect(error.message.length).toBeGreaterThan(0);
      expect(error.message).not.toMatch(/\n\s+at /); // no stack trace in the message
      return error;
    }
    throw error;
  }
}

/** Objects into facts: a refusal, or facts that are valid and evaluate without a throw. */
function expectFactsOrRefusal(objects: unknown, locate?: ManifestLocator): void {
  const derived = refusedOr(() => factsFromManifests(objects, locate ? { locate } : {}));
  if (derived instanceof CompatError) {
    expect(derived.code).toBe('invalid-input');
    return;
  }
  const parsed = parseFacts(derived.facts);
  if (!parsed.success) throw new Error(`factsFromManifests made invalid facts: ${parsed.error.message}`);
  expect(Array.isArray(derived.notes)).toBe(true);
  evaluateCompatibility(derived.facts, { sources: derived.sources });
}

/** Runs `step`, then checks that nothing was added to Object.prototype. A hang fails the test's timeout. */
function unpolluting(step: () => void): void {
  step();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
}

describe('the manifests path on arbitrary input', () => {
  it('arbitrary text → objects → facts: facts or a clear CompatError, never another throw or a hang', { timeout: timeoutFor(300, 5) }, () => {
    fc.assert(
      fc.property(fc.oneof(manifestText, yamlishText), (text) =>
        unpolluting(() => {
          const set = refusedOr(() => parseManifestsText(text, { file: 'input.yaml' }));
          if (set instanceof CompatError) {
            expect(set.code).toBe('invalid-input');
            return;
          }
          expectFactsOrRefusal(set.objects, set.locate);
        }),
      ),
      runs(300),
    );
  });

  it('arbitrary Kubernetes-like objects → facts: valid facts or a clear CompatError', { timeout: timeoutFor(300, 5) }, () => {
    fc.assert(
      fc.property(fc.oneof(manifests, kubeLike), (objects) => unpolluting(() => expectFactsOrRefusal(objects))),
      runs(300),
    );
  });

  it('arbitrary JSON values, __proto__ keys included, → facts: valid facts or a clear CompatError', () => {
    fc.assert(
      fc.property(fc.oneof(hostileJson, fc.jsonValue()), (objects) => unpolluting(() => expectFactsOrRefusal(objects))),
      runs(300),
    );
  });
});

describe('YAML and JSON text on arbitrary input', () => {
  it('parseYamlDocuments gives documents or a clear CompatError; parseFactsText never throws', { timeout: timeoutFor(300, 5) }, () => {
    fc.assert(
      fc.property(yamlishText, (text) =>
        unpolluting(() => {
          refusedOr(() => parseYamlDocuments(text));
          const result = parseFactsText(text, { file: 'facts.yaml' });
          if (!result.success) {
            expect(result.error).toBeInstanceOf(CompatError);
            expect(result.error.issues.length + result.error.message.length).toBeGreaterThan(0);
          }
        }),
      ),
      runs(300),
    );
  });
});
