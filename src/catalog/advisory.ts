/**
 * Advisories: known upstream issues as rules. Each advisory is a row of data in its own rule file
 * (`advisory-*.ts`): the upstream issue, the versions it covers as introduced / fixed pairs, the
 * networking it needs, and the fix or workaround. These helpers turn a row into a rule of severity
 * warning that fails when the facts fall in the affected range.
 * @module
 */
import type { KnownNetworking } from '../model/facts.js';
import { compareVersions, parseVersion } from '../model/version.js';
import { parseWindowsBuild } from '../model/windows.js';
import { defineClusterRule, defineNodeRule } from '../engine/define.js';
import { fail, notApplicable, pass, unknown, type Rule, type RuleDocs } from '../engine/rule.js';
import { networkingIn } from './conditions.js';

/**
 * Versions an issue covers, as an introduced / fixed pair: affected from `introduced` (inclusive) up to
 * `fixed` (exclusive); with `lastAffected` instead, up to it (inclusive), while no release has the fix.
 */
export interface AffectedRange {
  readonly introduced: string;
  readonly fixed?: string;
  readonly lastAffected?: string;
}

/** One known issue, as data. */
export interface Advisory {
  /** The advisory rule's id. */
  readonly id: string;
  /** The issue in a few words. */
  readonly title: string;
  /** The upstream issue. */
  readonly issue: { readonly title: string; readonly url: string };
  /** More sources: the fixing pull requests, related issues. */
  readonly references: ReadonlyArray<{ readonly title: string; readonly url: string }>;
  /** What is affected: Calico versions (`calico.version`) or Windows builds (`<build>.<revision>`). */
  readonly affects: { readonly calico: readonly AffectedRange[] } | { readonly windowsBuild: readonly AffectedRange[] };
  /** The networking it needs; absent: any. */
  readonly networking?: readonly KnownNetworking[];
  /** What goes wrong. */
  readonly impact: string;
  /** The fixed release, or the workaround while none has the fix. */
  readonly remediation: string;
  /** How the versions were established. */
  readonly evidence: string;
}

/** The range a version falls in, if any. */
export function affectedRange(version: string, ranges: readonly AffectedRange[]): AffectedRange | undefined {
  return ranges.find(
    (r) =>
      compareVersions(version, r.introduced) >= 0 &&
      (r.fixed !== undefined ? compareVersions(version, r.fixed) < 0 : r.lastAffected === undefined || compareVersions(version, r.lastAffected) <= 0),
  );
}

/** A range in words: `3.30.3 up to 3.31.5, where it is fixed`, `3.32.0 to 3.32.1 (no release fixed yet)`. */
export function describeRange(range: AffectedRange): string {
  if (range.fixed !== undefined) return `${range.introduced} up to ${range.fixed}, where it is fixed`;
  if (range.lastAffected !== undefined) return `${range.introduced} to ${range.lastAffected} (no later release known to be fixed)`;
  return `${range.introduced} and later`;
}

function rangesOf(advisory: Advisory): readonly AffectedRange[] {
  return 'calico' in advisory.affects ? advisory.affects.calico : advisory.affects.windowsBuild;
}

/** The rule reference text of an advisory. */
export function advisoryDocs(advisory: Advisory): RuleDocs {
  const ranges = rangesOf(advisory).map(describeRange).join('; ');
  const what = 'calico' in advisory.affects ? 'calico.version' : "a Windows node's build";
  return {
    description: `Known issue ${advisory.issue.url}: ${advisory.impact} Versions: ${ranges}. ${advisory.evidence}`,
    appliesWhen: `${advisory.networking === undefined ? 'Always' : `networking is ${advisory.networking.join(' or ')}`}${'calico' in advisory.affects ? '' : ', on each Windows node'}, in the profiles of the release lines it covers.`,
    passesWhen: `${what} is outside the affected versions (${ranges}).`,
  };
}

/** The advisory rule of a known issue: severity warning, failing when the facts fall in its range. */
export function defineAdvisory(advisory: Advisory): Rule {
  const meta = {
    id: advisory.id,
    title: advisory.title,
    severity: 'warning' as const,
    sections: [],
    references: [advisory.issue, ...advisory.references],
    remediation: advisory.remediation,
  };
  const networking = advisory.networking;
  const applicability =
    networking === undefined ? {} : { when: networkingIn(networking, networking.join(' or ')) };
  if ('calico' in advisory.affects) {
    const ranges = advisory.affects.calico;
    return defineClusterRule({
      ...meta,
      ...applicability,
      requires: ['calico.version'],
      check: ({ calico }) => {
        const version = parseVersion(calico.version);
        if (version === undefined) return unknown(`calico.version '${calico.version}' is not a version.`, ['calico.version']);
        const range = affectedRange(version.text, ranges);
        return range === undefined
          ? pass(`Calico ${version.text} is outside the versions ${advisory.issue.url} covers (${ranges.map(describeRange).join('; ')}).`)
          : fail(`Calico ${version.text} has a known issue (${advisory.issue.url}, ${describeRange(range)}): ${advisory.impact}`);
      },
    });
  }
  const ranges = advisory.affects.windowsBuild;
  const builds = new Set(ranges.map((r) => parseVersion(r.introduced)?.major));
  return defineNodeRule({
    ...meta,
    ...applicability,
    requires: ['node.osBuild'],
    check: (_facts, node) => {
      const parsed = parseWindowsBuild(node.osBuild);
      if (parsed === undefined) return notApplicable(`Node ${node.name}: '${node.osBuild}' is not a Windows build.`);
      if (!builds.has(parsed.build)) return pass(`Node ${node.name}: build ${parsed.build} is not one ${advisory.issue.url} covers.`);
      if (parsed.revision === undefined)
        return unknown(`Node ${node.name}: build ${parsed.build} is affected by ${advisory.issue.url} in some revisions, and '${node.osBuild}' carries none.`, ['node.osBuild']);
      const build = `${parsed.build}.${parsed.revision}`;
      const range = affectedRange(build, ranges);
      return range === undefined
        ? pass(`Node ${node.name}: build ${build} is outside the builds ${advisory.issue.url} covers (${ranges.map(describeRange).join('; ')}).`)
        : fail(`Node ${node.name}: build ${build} has a known issue (${advisory.issue.url}, ${describeRange(range)}): ${advisory.impact}`);
    },
  });
}
