/**
 * What the page computes, without the page: the two inputs (cluster objects, a facts file) and a
 * release in; the report, the facts with where each came from, the adapter's notes and every input
 * problem with its position out. Only the library's public entry points, as any browser app would use
 * them; nothing here reads or sends anything.
 */
import { CompatError, evaluateCompatibility, parseFacts, type ClusterFacts, type FactSource, type InputIssue, type Report } from 'calico-windows-compat';
import { factsFromManifests, mergeFacts, type ManifestNote, type MergeNote } from 'calico-windows-compat/manifests';
import { CALICO_RELEASES } from 'calico-windows-compat/releases';
import { formatFactsYaml, parseFactsText, parseManifestsText, parseYamlDocuments } from 'calico-windows-compat/yaml';

/** The names the inputs go by in positions and sources. */
export const OBJECTS_NAME = 'cluster objects';
export const FACTS_NAME = 'facts file';

/** What the page is given. */
export interface Inputs {
  /** `kubectl get … -o yaml` (or `-o json`) output, or manifests: several documents. */
  readonly objects: string;
  /** A facts file (YAML or JSON): what the cluster cannot say, or everything. */
  readonly facts: string;
  /** The Calico release to check against: `''` for the default (v3.23), `auto`, a line, a version. */
  readonly release: string;
}

/** One input problem, with the input it is in and its position there when known. */
export interface Problem {
  readonly input: 'objects' | 'facts' | 'release';
  readonly path: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** What the page shows. */
export type Analysis =
  | { readonly kind: 'empty' }
  | { readonly kind: 'problems'; readonly problems: readonly Problem[] }
  | {
      readonly kind: 'report';
      readonly report: Report;
      /** What was evaluated: `cluster objects, facts file`. */
      readonly description: string;
      readonly facts: ClusterFacts;
      /** Where each derived fact came from (empty without cluster objects). */
      readonly sources: Readonly<Record<string, FactSource>>;
      /** The facts as a facts file, each derived fact commented with its source. */
      readonly factsYaml: string;
      readonly notes: readonly ManifestNote[];
      readonly overrides: readonly MergeNote[];
    };

/** Evaluates the inputs as the CLI's `check --manifests … --facts …` does. Never throws for bad input. */
export function analyze(inputs: Inputs): Analysis {
  const hasObjects = inputs.objects.trim() !== '';
  const hasFacts = inputs.facts.trim() !== '';
  if (!hasObjects && !hasFacts) return { kind: 'empty' };

  const problems: Problem[] = [];
  let explicit: ClusterFacts = {};
  let explicitSource: ((path: string, segments: readonly (string | number)[]) => FactSource | undefined) | undefined;
  if (hasFacts) {
    const parsed = parseFactsText(inputs.facts, { file: FACTS_NAME });
    if (parsed.success) {
      explicit = parsed.data;
      if (hasObjects) {
        // Facts the file gives are traced to its lines too, as the CLI does.
        const document = parseYamlDocuments(inputs.facts, { file: FACTS_NAME })[0];
        explicitSource = (path, segments) => {
          const position = document?.locate(segments);
          return { object: FACTS_NAME, field: path, file: FACTS_NAME, ...(position ? { line: position.line, column: position.column } : {}) };
        };
      }
    } else problems.push(...problemsOf(parsed.error, 'facts'));
  }

  let derived: ReturnType<typeof factsFromManifests> | undefined;
  if (hasObjects) {
    try {
      const set = parseManifestsText(inputs.objects, { file: OBJECTS_NAME });
      derived = factsFromManifests(set.objects, { locate: set.locate });
    } catch (error) {
      if (!(error instanceof CompatError)) throw error;
      problems.push(...problemsOf(error, 'objects'));
    }
  }
  if (problems.length > 0) return { kind: 'problems', problems };

  const merged = derived
    ? mergeFacts(derived.facts, explicit, { sources: derived.sources, ...(explicitSource ? { explicitSource } : {}) })
    : { facts: explicit, sources: {}, notes: [] };
  // The adapter and the merge keep facts valid; checked anyway, as the CLI does.
  const valid = parseFacts(merged.facts);
  if (!valid.success) return { kind: 'problems', problems: problemsOf(valid.error, hasObjects ? 'objects' : 'facts') };

  let report: Report;
  try {
    report = evaluateCompatibility(valid.data, {
      ...(inputs.release === '' ? {} : { release: inputs.release, profiles: CALICO_RELEASES }),
      ...(derived ? { sources: merged.sources } : {}),
    });
  } catch (error) {
    if (!(error instanceof CompatError)) throw error;
    return { kind: 'problems', problems: problemsOf(error, 'release') };
  }
  return {
    kind: 'report',
    report,
    description: [hasObjects ? OBJECTS_NAME : '', hasFacts ? FACTS_NAME : ''].filter(Boolean).join(', '),
    facts: valid.data,
    sources: merged.sources,
    factsYaml: formatFactsYaml(valid.data, derived ? { sources: merged.sources } : {}),
    notes: derived?.notes ?? [],
    overrides: merged.notes,
  };
}

/** An error's issues as problems; an error without issues is one problem, its message. */
export function problemsOf(error: CompatError, input: Problem['input']): Problem[] {
  if (error.issues.length === 0) return [{ input, path: '(root)', message: error.message }];
  return error.issues.map((issue: InputIssue) => ({
    input,
    path: issue.path,
    message: issue.message,
    ...(issue.location ? { line: issue.location.line, column: issue.location.column } : {}),
  }));
}

/** The release choices: the default, `auto`, then every line, with the install method where a line has two. */
export function releaseChoices(): Array<{ value: string; label: string }> {
  const choices = [
    { value: '', label: 'v3.23 (the default)' },
    { value: 'auto', label: 'auto (the line of calico.version)' },
  ];
  const byLine = new Map<string, Set<string>>();
  for (const profile of CALICO_RELEASES) byLine.set(profile.release, (byLine.get(profile.release) ?? new Set()).add(profile.installMethod));
  for (const [line, methods] of byLine) {
    choices.push({ value: line, label: `v${line}` });
    if (methods.size > 1) for (const method of methods) choices.push({ value: `${line}/${method}`, label: `v${line} (${method})` });
  }
  return choices;
}
