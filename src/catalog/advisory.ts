/**
 * Advisories: known upstream issues as rules. Each advisory is a row of data in its own rule file
 * (`advisory-*.ts`): the upstream issue, the versions it covers as introduced / fixed pairs, the
 * networking it needs, and the fix or workaround. These helpers turn a row into a rule of severity
 * warning that fails when the facts fall in the affected range.
 * @module
 */
import type { KnownNetworking } from '../model/facts.js';
import { describeVersionRange, inRange, parseVersion, rangeAlternatives } from '../model/version.js';
import { windowsBuildOf } from '../model/windows.js';
import { defineClusterRule, defineNodeRule } from '../engine/define.js';
import { fail, notApplicable, pass, unknown, type Rule, type RuleDocs } from '../engine/rule.js';
import { networkingIn } from './conditions.js';

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
  /**
   * What is affected, as a semver range (the convention of npm and GitHub advisories): Calico versions
   * (`calico.version`: `'>=3.30.0 <3.30.3'`, from the release that brought it up to the one that fixed
   * it; `'>=3.32.0 <=3.32.1'` while no release has the fix; `'a || b'` for several), or Windows builds
   * (`<build>.<revision>`: `'>=20348.2322 <20348.2762'`).
   */
  readonly affects: { readonly calico: string } | { readonly windowsBuild: string };
  /** The networking it needs; absent: any. */
  readonly networking?: readonly KnownNetworking[];
  /** What goes wrong. */
  readonly impact: string;
  /** The fixed release, or the workaround while none has the fix. */
  readonly remediation: string;
  /** How the versions were established. */
  readonly evidence: string;
}

/** The alternative of a semver range (`a || b`) a version falls in, as its text, if any. */
export function affectedRange(version: string, range: string): string | undefined {
  // Stryker disable next-line ConditionalExpression,StringLiteral: rangeAlternatives refuses an empty alternative, so no text is ''
  return rangeAlternatives(range).find(({ text }) => inRange(version, text === '' ? '*' : text))?.text;
}

/**
 * A range in words, alternative by alternative: `3.30.3 up to 3.31.5, where it is fixed`, `3.32.0 to
 * 3.32.1 (no later release known to be fixed)`, `3.31.0 and later`. `show` writes a bound's version.
 */
export function describeRange(range: string, show: (version: string) => string = (v) => v): string {
  return rangeAlternatives(range)
    .map(({ text, bounds }) => {
      const low = bounds.find((b) => b.operator === '>=');
      const high = bounds.find((b) => b.operator === '<' || b.operator === '<=');
      if (low === undefined || bounds.length !== (high === undefined ? 1 : 2)) return describeVersionRange(text, show);
      if (high === undefined) return `${show(low.version)} and later`;
      return high.operator === '<'
        ? `${show(low.version)} up to ${show(high.version)}, where it is fixed`
        : `${show(low.version)} to ${show(high.version)} (no later release known to be fixed)`;
    })
    .join('; ');
}

// Windows builds are ranges over `<build>.<revision>`, read by semver as `<build>.<revision>.0`: each
// is written out in full first, or semver would read `<=20348.400` as any 20348.400.x (`<20348.401.0`).
const buildRange = (range: string): string => range.replace(/(?<![\d.])(\d+\.\d+)(?![\d.])/g, '$1.0');
// Stryker disable next-line Regex: a build bound, <build>.<revision>.0, reads the same with its first '.0' or its last removed
const asBuild = (version: string): string => version.replace(/\.0$/, '');

function rangeOf(advisory: Advisory): string {
  return 'calico' in advisory.affects ? advisory.affects.calico : buildRange(advisory.affects.windowsBuild);
}

/** What an advisory affects, in words: `3.30.0 up to 3.30.3, where it is fixed`, `20348.2322 up to 20348.2762, …`. */
export function describeAffected(advisory: Advisory): string {
  return describeRange(rangeOf(advisory), 'calico' in advisory.affects ? undefined : asBuild);
}

/** The rule reference text of an advisory. */
export function advisoryDocs(advisory: Advisory): RuleDocs {
  const ranges = describeAffected(advisory);
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
    const range = advisory.affects.calico;
    return defineClusterRule({
      ...meta,
      ...applicability,
      requires: ['calico.version'],
      check: ({ calico }) => {
        const version = parseVersion(calico.version);
        if (version === undefined) return unknown(`calico.version '${calico.version}' is not a version.`, ['calico.version']);
        const affected = affectedRange(version.text, range);
        return affected === undefined
          ? pass(`Calico ${version.text} is outside the versions ${advisory.issue.url} covers (${describeRange(range)}).`)
          : fail(`Calico ${version.text} has a known issue (${advisory.issue.url}, ${describeRange(affected)}): ${advisory.impact}`);
      },
    });
  }
  const range = rangeOf(advisory);
  // The builds the range names: only their revisions can be affected.
  const builds = new Set(rangeAlternatives(range).flatMap(({ bounds }) => bounds.map((b) => parseVersion(b.version)?.major)));
  return defineNodeRule({
    ...meta,
    ...applicability,
    requires: ['node.osBuild'],
    check: (_facts, node) => {
      const parsed = windowsBuildOf(node.osBuild);
      if (parsed === undefined) return notApplicable(`Node ${node.name}: '${node.osBuild}' is not a Windows build.`);
      if (!builds.has(parsed.build)) return pass(`Node ${node.name}: build ${parsed.build} is not one ${advisory.issue.url} covers.`);
      if (parsed.revision === undefined)
        return unknown(`Node ${node.name}: build ${parsed.build} is affected by ${advisory.issue.url} in some revisions, and '${node.osBuild}' carries none.`, ['node.osBuild']);
      const build = `${parsed.build}.${parsed.revision}`;
      const affected = affectedRange(build, range);
      return affected === undefined
        ? pass(`Node ${node.name}: build ${build} is outside the builds ${advisory.issue.url} covers (${describeRange(range, asBuild)}).`)
        : fail(`Node ${node.name}: build ${build} has a known issue (${advisory.issue.url}, ${describeRange(affected, asBuild)}): ${advisory.impact}`);
    },
  });
}
