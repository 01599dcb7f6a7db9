/**
 * The same work, run in Node and in the page: every public browser-safe entry point on the example
 * clusters and the real-cluster fixtures. It imports nothing: the caller hands it the library's modules
 * (Node's `import`, or the page's ES modules), so the code that runs is the same on both sides. The
 * page receives it as JavaScript transpiled from this file; keep it free of imports and of closures.
 */
export interface Library {
  core: typeof import('calico-windows-compat');
  format: typeof import('calico-windows-compat/format');
  yaml: typeof import('calico-windows-compat/yaml');
  manifests: typeof import('calico-windows-compat/manifests');
  releases: typeof import('calico-windows-compat/releases');
  plan: typeof import('calico-windows-compat/plan');
}

/** A facts file, or kubectl output (several files) with the facts file that completes it. */
export interface Case {
  readonly name: string;
  readonly objects?: ReadonlyArray<{ readonly file: string; readonly text: string }>;
  readonly facts?: { readonly file: string; readonly text: string };
}

/** Every output, by name: reports in each format, networking plans, derived facts, errors, release comparisons. */
export type Outputs = Record<string, string>;

export function runScenarios(lib: Library, cases: readonly Case[]): Outputs {
  const { core, format, yaml, manifests, releases, plan } = lib;
  const out: Outputs = {};
  const errorOf = (error: unknown): string => {
    if (error instanceof core.CompatError) return JSON.stringify({ name: error.name, code: error.code, message: error.message, issues: error.issues });
    throw error;
  };
  const reports = (name: string, evaluate: () => ReturnType<typeof core.evaluateCompatibility>): void => {
    let report;
    try {
      report = evaluate();
    } catch (error) {
      out[`${name}.error`] = errorOf(error);
      return;
    }
    out[`${name}.json`] = format.formatJson(report);
    out[`${name}.md`] = format.formatMarkdown(report, { input: name });
    out[`${name}.txt`] = format.formatText(report, { color: false, input: name });
    out[`${name}.sarif`] = format.formatSarif(report);
    out[`${name}.junit.xml`] = format.formatJunit(report);
  };
  // The networking plan of the same facts, now and after an upgrade: as data, text and Markdown.
  const plans = (name: string, facts: Parameters<typeof plan.planNetworking>[0], given: Parameters<typeof plan.planNetworking>[1] = {}): void => {
    const upgrade = { ...given, release: ['3.23', '3.28/operator'], profiles: releases.CALICO_RELEASES };
    for (const [suffix, options] of [['', given], ['.upgrade', upgrade]] as const) {
      const planned = plan.planNetworking(facts, options);
      out[`${name}${suffix}.plan.json`] = JSON.stringify(planned);
      out[`${name}${suffix}.plan.txt`] = plan.formatPlanText(planned, { input: name });
      out[`${name}${suffix}.plan.md`] = plan.formatPlanMarkdown(planned, { input: name });
    }
  };

  for (const c of cases) {
    let explicit: Parameters<typeof core.evaluateCompatibility>[0] = {};
    if (c.facts) {
      const parsed = yaml.parseFactsText(c.facts.text, { file: c.facts.file });
      if (!parsed.success) {
        out[`${c.name}.error`] = errorOf(parsed.error);
        continue;
      }
      explicit = parsed.data;
    }
    if (!c.objects) {
      reports(c.name, () => core.evaluateCompatibility(explicit));
      reports(`${c.name}.auto`, () => core.evaluateCompatibility(explicit, { release: 'auto', profiles: releases.CALICO_RELEASES }));
      plans(c.name, explicit);
      continue;
    }
    let set;
    try {
      set = manifests.concatManifests(c.objects.map((o) => yaml.parseManifestsText(o.text, { file: o.file })));
    } catch (error) {
      out[`${c.name}.error`] = errorOf(error);
      continue;
    }
    const derived = manifests.factsFromManifests(set.objects, { locate: set.locate });
    const merged = manifests.mergeFacts(derived.facts, explicit, { sources: derived.sources });
    const valid = core.parseFactsOrThrow(merged.facts);
    out[`${c.name}.facts.yaml`] = yaml.formatFactsYaml(valid, { sources: merged.sources });
    out[`${c.name}.notes.json`] = JSON.stringify({ notes: derived.notes, overrides: merged.notes });
    reports(c.name, () => core.evaluateCompatibility(valid, { sources: merged.sources }));
    reports(`${c.name}.auto`, () => core.evaluateCompatibility(valid, { release: 'auto', profiles: releases.CALICO_RELEASES, sources: merged.sources }));
    plans(c.name, valid, { sources: merged.sources });
  }

  // The catalog and the releases, as the page would show them.
  out['rules.md'] = format.formatRuleTable(core.RULES);
  out['rule-docs.json'] = JSON.stringify(format.DOCUMENTED_RULES.map((rule) => format.ruleDocs(rule)));
  out['hints.json'] = JSON.stringify(core.RULES.flatMap((rule) => [...rule.facts]).map((path) => format.hintFor(path)));
  out['releases.json'] = JSON.stringify(releases.CALICO_RELEASES.map((p) => [p.release, p.installMethod, core.profileLabel(p)]));
  out['compare-3.23-3.30.txt'] = releases.formatReleaseComparison(releases.compareReleases('3.23', '3.30'));
  out['support-matrix.md'] = releases.formatSupportMatrix();
  out['find-release.json'] = JSON.stringify(releases.findRelease('v3.19.1').profile.release);
  // Errors are the same errors: a typed CompatError, every problem with its path and position.
  const bad = [
    ['yaml-syntax', () => yaml.parseManifestsText('kind: Node\nmetadata: {name: [\n', { file: 'bad.yaml' })],
    ['yaml-duplicate-key', () => yaml.parseYamlDocuments('a: 1\na: 2\n')],
    ['not-an-object', () => manifests.factsFromManifests(yaml.parseManifestsText('- 1\n- two\n').objects)],
    ['facts', () => core.parseFactsOrThrow({ platform: 42, nodes: [{ os: 'windows', osBuild: 'x' }] })],
    ['release', () => core.evaluateCompatibility({}, { release: '9.99', profiles: releases.CALICO_RELEASES })],
    ['rule', () => core.evaluateCompatibility({}, { rules: ['no-such-rule'] })],
  ] as const;
  for (const [name, run] of bad) {
    try {
      run();
      out[`error.${name}`] = 'no error';
    } catch (error) {
      out[`error.${name}`] = errorOf(error);
    }
  }
  return out;
}
