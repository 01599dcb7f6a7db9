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
export const STATUS_ORDER: Readonly<Record<PlanStatus, number>> = { viable: 0, open: 1, blocked: 2 };

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

/** Why `option` comes after `before`. */
function placeReason(option: UnrankedOption, before: UnrankedOption): string {
  if (option.status !== before.status) return `after ${before.networking}, which is ${before.status}`;
  const n = option.changes.length;
  const m = before.changes.length;
  if (n !== m) return `after ${before.networking}: ${count(n, 'change')} to its ${m}`;
  if (before.current) return `after ${before.networking}, as many changes, the networking the facts use`;
  return `after ${before.networking}, as many changes, listed before it by the release`;
}

/** Ranks a release's options: best first, each with its rank and the reason for its place. */
export function rankOptions(options: readonly UnrankedOption[], platformName: string): OptionPlan[] {
  const sorted = options
    .map((option, index) => ({ option, index }))
    .sort(
      (a, b) =>
        STATUS_ORDER[a.option.status] - STATUS_ORDER[b.option.status] ||
        a.option.changes.length - b.option.changes.length ||
        Number(b.option.current) - Number(a.option.current) ||
        a.index - b.index,
    )
    .map(({ option }) => option);
  return sorted.map((option, i) => {
    const before = sorted[i - 1];
    const place =
      sorted.length === 1 ? `the only option on ${platformName}` : before === undefined ? 'ranked first' : placeReason(option, before);
    return { ...option, rank: i + 1, reason: `${statusReason(option)}; ${place}.` };
  });
}

/** An option across releases: its worst status (`not-offered` counts as blocked). */
function worst(releases: readonly OptionUnderRelease[]): PlanStatus {
  let status: PlanStatus = 'viable';
  for (const r of releases) {
    const s: PlanStatus = r.status === 'not-offered' ? 'blocked' : r.status;
    if (STATUS_ORDER[s] > STATUS_ORDER[status]) status = s;
  }
  return status;
}

/** Each option's statuses in words: `viable under 3.23 (manifest), open under 3.28 (operator)`. */
function describeReleases(releases: readonly OptionUnderRelease[]): string {
  const groups = new Map<string, string[]>();
  for (const r of releases) groups.set(r.status, [...(groups.get(r.status) ?? []), r.release]);
  return [...groups].map(([status, lines]) => `${status === 'not-offered' ? 'not offered' : status} under ${lines.join(', ')}`).join('; ');
}

/** The options of every release's plan, across the releases: best first, by worst status, then fewest changes over all. */
export function summarizeOptions(
  releases: ReadonlyArray<{ readonly label: string; readonly options: readonly OptionPlan[] }>,
): OptionSummary[] {
  const seen: Array<Pick<OptionPlan, 'networking' | 'displayName' | 'current'>> = [];
  for (const release of releases)
    for (const option of release.options) if (!seen.some((s) => s.networking === option.networking)) seen.push(option);
  const rows = seen.map(({ networking, displayName, current }, index) => {
    const under = releases.map((release): OptionUnderRelease => {
      const plan = release.options.find((o) => o.networking === networking);
      return plan === undefined
        ? { release: release.label, status: 'not-offered', changes: 0 }
        : { release: release.label, status: plan.status, changes: plan.changes.length };
    });
    const changes = under.reduce((sum, r) => sum + r.changes, 0);
    return { networking, displayName, current, status: worst(under), releases: under, changes, index };
  });
  rows.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.changes - b.changes || Number(b.current) - Number(a.current) || a.index - b.index);
  return rows.map(({ changes, index: _index, ...row }, i) => {
    const before = rows[i - 1];
    let place = 'ranked first';
    if (rows.length === 1) place = 'the only option';
    else if (before !== undefined)
      place =
        before.status !== row.status
          ? `after ${before.networking}, which is ${before.status}`
          : before.changes !== changes
            ? `after ${before.networking}: ${count(changes, 'change')} over the releases to its ${before.changes}`
            : `after ${before.networking}, as many changes`;
    return { ...row, rank: i + 1, reason: `${describeReleases(row.releases)}; ${place}.` };
  });
}
