import { CompatError } from './errors.js';
import { shorten } from './words.js';
import { schemaIssues } from './issues.js';
import { ClusterFactsSchema, type ClusterFacts } from './facts.js';
import { acceptFacts } from './fast-facts.js';

/** The result of {@link parseFacts}: the facts, or an error listing every problem. */
export type ParseFactsResult =
  | { readonly success: true; readonly data: ClusterFacts }
  | { readonly success: false; readonly error: CompatError };

/**
 * Validates untrusted input (a parsed JSON or YAML document) as {@link ClusterFacts}.
 *
 * Never throws: a problem comes back as a {@link CompatError} with code `invalid-facts` whose `issues`
 * list **every** problem with its path, unknown keys included, so a typo (`osbuild`) is an error rather
 * than a silently missing fact.
 *
 * @example
 * const result = parseFacts(JSON.parse(text));
 * if (!result.success) console.error(result.error.message); // "nodes[2].osBuild: is not a Windows build …"
 * else evaluateCompatibility(result.data);
 */
export function parseFacts(input: unknown): ParseFactsResult {
  let result;
  try {
    // The common shape is accepted by hand; the schema decides everything else and words every problem.
    const accepted = __FAST_PATHS__ ? acceptFacts(input) : undefined;
    if (accepted !== undefined) return { success: true, data: accepted };
    result = ClusterFactsSchema.safeParse(input);
  } catch (error) {
    // Only a program can hand over a value that throws when read (a getter, a revoked Proxy): JSON and
    // YAML cannot. It is bad input all the same, never an exception.
    const reason = error instanceof Error ? error.message : String(error);
    return { success: false, error: new CompatError('invalid-facts', 'Invalid facts:', [{ path: '(root)', code: 'unreadable', message: `cannot be read: ${shorten(reason)}` }]) };
  }
  if (result.success) return { success: true, data: result.data };
  return { success: false, error: new CompatError('invalid-facts', 'Invalid facts:', schemaIssues(ClusterFactsSchema, result.error, input)) };
}

/** Like {@link parseFacts}, but throws the {@link CompatError} instead of returning it. */
export function parseFactsOrThrow(input: unknown): ClusterFacts {
  const result = parseFacts(input);
  if (!result.success) throw result.error;
  return result.data;
}

export { MAX_REPORTED_ISSUES } from './errors.js';
export { describeValue, formatPath, schemaIssues } from './issues.js';
