/** Edit distance between two short strings (Levenshtein), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/** Longer words are no typo of any name the library knows: no suggestion is looked for. */
const MAX_SUGGESTED_LENGTH = 100;

/**
 * The candidate nearest to `word`, if one is close enough to be a likely typo. Bounded in cost: a word
 * longer than any known name gets no suggestion, and candidates too far apart in length are skipped.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > MAX_SUGGESTED_LENGTH) return undefined;
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: a candidate skipped here would fail the limit below.
    // Stryker disable next-line ConditionalExpression: skipping it only spares computing a distance over the limit
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Without a candidate, bestDistance is still Infinity.
  return bestDistance <= limit ? best : undefined;
}

/**
 * The known value `word` is a slip of, when it is not one itself: the same but for case (`EKS`), or — for
 * a word of five letters or more — one edit away (two from eight letters: `kubernets`, `calico-vxaln`).
 * Stricter than {@link closest}: a short word that merely resembles a known one (`gke`, `rke2`) is
 * another value, not a typo.
 */
export function typoOf(word: string, known: readonly string[]): string | undefined {
  if (known.includes(word) || word.length > MAX_SUGGESTED_LENGTH) return undefined;
  const lower = word.toLowerCase();
  const sameButCase = known.find((k) => k.toLowerCase() === lower);
  if (sameButCase !== undefined || word.length < 5) return sameButCase;
  const limit = word.length >= 8 ? 2 : 1;
  // Stryker disable next-line ConditionalExpression: the edit distance is at least the difference in length; the length test only saves computing it
  return known.find((k) => Math.abs(k.length - word.length) <= limit && editDistance(word, k) <= limit);
}

/**
 * Input echoed in a message, cut to its first `max` characters so a 20 MB key does not make a 20 MB
 * message: `aaaa… (2000000 characters)`.
 */
export function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

/**
 * A list for a message: sorted (so input order never shows), and capped, so a 10,000-node cluster does
 * not make a 10,000-name message: `a, b, c, d, e and 9995 more`.
 */
export function listForMessage(items: readonly string[], max = 5): string {
  const sorted = [...items].sort();
  const shown = sorted.slice(0, max).join(', ');
  return sorted.length > max ? `${shown} and ${sorted.length - max} more` : shown;
}

/** Code-unit order: deterministic whatever the runtime's locale. */
export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: Array.prototype.sort only asks whether a result is negative, so 1 and 0 sort alike (and the names sorted are unique)
  return a > b ? 1 : 0;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** A count as prose writes it: `three` for 3, `12` for 12. */
export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** Alternatives joined for prose: `a`, `a, or b`, `a, b, or c` (items may hold commas of their own). */
export function alternatives(items: readonly string[]): string {
  // Stryker disable next-line StringLiteral: at most one item is joined with no separator
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}, or ${items.at(-1)}`;
}

/** `word` for one, `words` otherwise. */
export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

// Characters no shell gives a meaning to: a word made of them needs no quotes.
const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * A value quoted for the shell a command is written for, so it stays one argument whatever it holds:
 * POSIX `sh` (kubectl, calicoctl) in single quotes, `'` written `'\''`; PowerShell in single quotes, its
 * quote characters doubled. A value of plain characters is left as it is.
 *
 * @example
 * quoteForShell('default-ipv4-ippool', 'posix'); // default-ipv4-ippool
 * quoteForShell('p; reboot', 'posix');           // 'p; reboot'
 */
export function quoteForShell(value: string, shell: 'posix' | 'powershell'): string {
  if (SHELL_SAFE.test(value)) return value;
  return shell === 'posix' ? `'${value.replaceAll("'", "'\\''")}'` : `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, '$&$&')}'`;
}

// Control characters (C0 but tab and newline, DEL, C1), and the bidirectional overrides and isolates.
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text safe for a terminal: control characters, escape sequences (ESC, CSI, OSC), carriage returns and
 * bidirectional overrides from input are written as visible escapes (`\u001b`), so a value can neither
 * restyle the output, rewrite a line nor reorder it. Tabs and newlines stay.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
