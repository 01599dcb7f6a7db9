/**
 * The order of the options, best first, with the reason for each place: viable before open before
 * blocked; then fewer changes; then the option the facts already use; then the order the release lists
 * the platform's options in.
 * @module
 */
import { plural } from '../model/words.js';
import type { UnrankedOption } from './derive.js';
import type { OptionPlan, OptionSummary, OptionUnderRelease, PlanStatus } from './types.js';

/** Best first. */
const STATUS_ORDER: Readonly<Record<PlanStatus, number>> = { viable: 0, open: 1, blocked: 2 };

const count = (n: number, word: string): string => `${n} ${plural(n, word)}`;

/** What an option's status rests on, and how many changes it takes. */
function statusReason(option: UnrankedOption): string {
  // Only the option the facts use is planned as the facts are; any other sets its facts first.
  const sets = option.current ? '' : ' once the option sets its facts';
  const changes = count(option.changes.length, 'change');
  switch (option.status) {
    case 'viable':
      return option.current
        ? 'viable as the facts are: the networking they use, with no requirement failing or unknown'
        : `viable: no requirement fails or is unknown${sets}; ${changes}`;
    case 'open':
      return `open: no requirement fails${sets}, but ${count(option.open.length, 'fact')} ${option.open.length === 1 ? 'is' : 'are'} unknown; ${changes}`;
    case 'blocked': {
      const rules = [...new Set(option.blocking.map((f) => f.ruleId))];
      // The first five, in catalog order: the changes list them all.
      const named = rules.length > 5 ? `${rules.slice(0, 5).join(', ')} and ${rules.length - 5} more` : rules.join(', ');
      return `blocked: ${count(rules.length, 'requirement')} ${rules.length === 1 ? 'fails' : 'fail'}${sets} (${named}); ${changes}`;
    }
  }
}

/**
 * What ranking compares: status, then the number of changes, then the option in use. Sorting is stable,
 * so options that tie on all three keep the order they are given in: the release's list, or the first
 * release's ranking.
 */
interface Rankable {
  readonly networking: string;
  readonly status: PlanStatus;
  readonly current: boolean;
  readonly changes: number;
}

const byRank = (a: Rankable, b: Rankable): number =>
  STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.changes - b.changes || Number(b.current) - Number(a.current);

/**
 * Why the option at `i` of `sorted` has its place: first (or the only one), else how it compares to the
 * one before it. `only` names a lone option's place, `tie` the order used when all else ties.
 */
function placeReason(sorted: readonly Rankable[], i: number, only: string, tie: string): string {
  const before = sorted[i - 1];
  const row = sorted[i] as Rankable;
  if (before === undefined) return sorted.length === 1 ? only : 'ranked first';
  if (row.status !== before.status) return `after ${before.networking}, which is ${before.status}`;
  if (row.changes !== before.changes) return `after ${before.networking}: ${count(row.changes, 'change')} to its ${before.changes}`;
  return `after ${before.networking}, as many changes: ${before.current ? 'the networking in use comes first' : tie}`;
}

/** Ranks a release's options: best first, each with its rank and the reason for its place. */
export function rankOptions(options: readonly UnrankedOption[], platformName: string): OptionPlan[] {
  const rows = options.map((option) => ({ option, networking: option.networking, status: option.status, current: option.current, changes: option.changes.length }));
  rows.sort(byRank);
  return rows.map(({ option }, i) => ({
    ...option,
    rank: i + 1,
    reason: `${statusReason(option)}; ${placeReason(rows, i, `the only option on ${platformName}`, 'the release lists it first')}.`,
  }));
}

const STATUSES: readonly PlanStatus[] = ['viable', 'open', 'blocked'];

/** An option across releases: its worst status (`not-offered` counts as blocked). */
function worst(releases: readonly OptionUnderRelease[]): PlanStatus {
  const order = Math.max(...releases.map((r) => STATUS_ORDER[r.status === 'not-offered' ? 'blocked' : r.status]));
  return STATUSES[order] as PlanStatus;
}

/** An option's statuses in words: `viable under v3.23 (manifest); open under v3.28 (operator)`. */
function describeReleases(releases: readonly OptionUnderRelease[]): string {
  const groups = new Map<string, string[]>();
  for (const r of releases) {
    const group = groups.get(r.status);
    if (group) group.push(r.release);
    else groups.set(r.status, [r.release]);
  }
  return [...groups].map(([status, labels]) => `${status === 'not-offered' ? 'not offered' : status} under ${labels.join(', ')}`).join('; ');
}

/**
 * The options of every release's plan, across the releases: best first by their worst status, then the
 * fewest changes over all the releases, then the option in use, then the first release's ranking.
 */
export function summarizeOptions(
  releases: ReadonlyArray<{ readonly label: string; readonly options: readonly OptionPlan[] }>,
): OptionSummary[] {
  // Every option any release offers, in the order of the first release that offers it (a Map keeps the
  // place of a key's first setting; the later ones name the same option).
  const seen = new Map<string, Pick<OptionPlan, 'networking' | 'displayName' | 'current'>>();
  for (const release of releases) for (const option of release.options) seen.set(option.networking, option);
  const rows = [...seen.values()].map(({ networking, displayName, current }) => {
    const under = releases.map((release): OptionUnderRelease => {
      const plan = release.options.find((o) => o.networking === networking);
      return plan === undefined
        ? { release: release.label, status: 'not-offered', changes: 0 }
        : { release: release.label, status: plan.status, changes: plan.changes.length };
    });
    const changes = under.reduce((sum, r) => sum + r.changes, 0);
    return { networking, displayName, current, status: worst(under), releases: under, changes };
  });
  rows.sort(byRank);
  const tie = 'ranked before it under the first release planned';
  return rows.map(({ networking, displayName, current, status, releases: under }, i) => ({
    networking,
    displayName,
    current,
    status,
    rank: i + 1,
    reason: `${describeReleases(under)}; ${placeReason(rows, i, 'the only option', tie)}.`,
    releases: under,
  }));
}
