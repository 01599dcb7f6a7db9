/**
 * What went wrong, as a stable code users can branch on. `kubectl-failed`: reading a cluster through
 * kubectl failed (kubectl missing, the server unreachable, credentials refused, a command timed out or
 * printed what is not Kubernetes objects); the message carries kubectl's own.
 */
export type ErrorCode =
  | 'invalid-facts'
  | 'invalid-options'
  | 'invalid-input'
  | 'kubectl-failed'
  /** A stored report that cannot be read: not a report, invalid, or of a schema version this library does not read. */
  | 'invalid-report';

/** One problem found in input, at a path such as `nodes[2].osBuild`. */
export interface InputIssue {
  /** Where: `nodes[2].osBuild`, or `(root)` for the document itself. */
  readonly path: string;
  /** What kind of problem: `invalid-type`, `invalid-value`, `unknown-key`, `too-small`, `too-big`, `custom`; `more-issues` counts those not listed. */
  readonly code: string;
  /** What is wrong, naming the value seen. */
  readonly message: string;
  /** The path as keys and indexes (`['nodes', 2, 'osBuild']`), for programs; absent when not a data path. */
  readonly segments?: readonly (string | number)[];
  /** Where in the source text, when the input came from a file the library read. */
  readonly location?: { readonly file?: string; readonly line: number; readonly column: number };
}

/**
 * The one error class the library throws. Every error carries a `code`; errors about input carry every
 * problem found, each with its path — never only the first.
 */
export class CompatError extends Error {
  override readonly name: string = 'CompatError';
  // Declared (set in the constructor), so the bundle holds no field definitions for them.
  /** What went wrong. */
  declare readonly code: ErrorCode;
  /** Every problem found, with its path; empty for errors that are not about a particular path. */
  declare readonly issues: readonly InputIssue[];

  constructor(code: ErrorCode, message: string, issues: readonly InputIssue[] = []) {
    super(issues.length === 0 ? message : `${message}\n${formatIssues(issues)}`);
    this.code = code;
    this.issues = issues;
  }
}

/** Formats issues one a line: `  nodes[2].osBuild: is not a Windows build …`. */
export function formatIssues(issues: readonly InputIssue[]): string {
  return issues
    .map((issue) => {
      const where = issue.location
        ? ` (${issue.location.file ? `${issue.location.file}:` : 'line '}${issue.location.line}:${issue.location.column})`
        : '';
      return `  ${issue.path}: ${issue.message}${where}`;
    })
    .join('\n');
}

/**
 * How many problems an error lists; the rest are counted in one last issue (`more-issues`), so a document of
 * a million unknown keys gives a readable error, quickly.
 */
export const MAX_REPORTED_ISSUES = 100;

/**
 * At most {@link MAX_REPORTED_ISSUES} problems, then one that counts the others (those counted already in
 * `more-issues` entries, and `uncounted` more), at `path`.
 */
export function capIssues(issues: readonly InputIssue[], uncounted = 0, path = '(root)'): InputIssue[] {
  const listed: InputIssue[] = [];
  let unreported = uncounted;
  for (const issue of issues) {
    // Stryker disable next-line OptionalChaining: every more-issues message holds its count
    if (issue.code === 'more-issues') unreported += Number(/\d+/.exec(issue.message)?.[0] ?? 0);
    else if (listed.length < MAX_REPORTED_ISSUES) listed.push(issue);
    else unreported++;
  }
  if (unreported > 0) listed.push({ path, code: 'more-issues', message: `and ${unreported} more problem${unreported === 1 ? '' : 's'}, not listed` });
  return listed;
}

/**
 * Collects problems up to {@link MAX_REPORTED_ISSUES} and counts the rest, so a validator never holds or
 * prints more than a screenful however much bad input it is given.
 */
export class IssueList {
  private readonly listed: InputIssue[] = [];
  private unreported = 0;

  /** Whether another problem would still be listed (when not, callers may skip the work of describing it). */
  get full(): boolean {
    return this.listed.length >= MAX_REPORTED_ISSUES;
  }

  /** Adds a problem: listed while there is room, else counted. */
  add(issue: InputIssue): void {
    if (this.full) this.unreported++;
    else this.listed.push(issue);
  }

  /** Counts a problem without describing it (the list is full). */
  count(): void {
    this.unreported++;
  }

  /** Whether any problem was found. */
  get size(): number {
    return this.listed.length + this.unreported;
  }

  /** The listed problems, then one that counts the others (at `path`). */
  issues(path = '(root)'): InputIssue[] {
    return this.unreported === 0
      ? [...this.listed]
      : [...this.listed, { path, code: 'more-issues', message: `and ${this.unreported} more problem${this.unreported === 1 ? '' : 's'}, not listed` }];
  }
}
