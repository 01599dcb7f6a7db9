/**
 * The waiver model: an accepted exception to a rule, with a reason and, ideally, an owner and an end.
 * Field names are public API.
 * @module
 */
import * as z from 'zod/mini';

const text = () => z.string().check(z.minLength(1, { message: 'must not be empty', abort: true }));

/** `YYYY-MM-DD`, a real calendar date. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, not Date.UTC, which reads the years 0 to 99 as 1900 to 1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  // A month out of range rolls over into another month, and so does a day (0, or past the month's end,
  // at most 99): the month alone tells a real date.
  return date.getUTCMonth() === month - 1;
}

/**
 * One waiver: findings of `rule` (for `subject`, or every subject when absent) that fail or are
 * unknown no longer count against the verdict.
 *
 * `subject` is `cluster`, `node/<name>`, `ip-pool/<name>`, or a bare name matching a node or IP pool of
 * that name. `expires` is a date (`2025-06-30`): the waiver applies through that day (UTC) and stops
 * applying after it.
 */
export const WaiverSchema = z.strictObject({
  /** The rule id it waives. */
  rule: text(),
  /** The subject it waives; absent = every subject of the rule. */
  subject: z.optional(text()),
  /** Why the exception is accepted. Required: a waiver nobody can explain is not a waiver. */
  reason: text().check(z.refine((v) => v.trim() !== '', { message: 'must say why: it is blank' })),
  /** Who answers for it. */
  owner: z.optional(text()),
  /** The last day it applies, `YYYY-MM-DD`. */
  expires: z.optional(
    z.string().check(z.refine(isIsoDate, { message: 'is not a date written YYYY-MM-DD (e.g. 2025-06-30)' })),
  ),
});
/** A waiver. */
export type Waiver = z.infer<typeof WaiverSchema>;
