/**
 * A card for a cluster's page: the verdict, what fails and how to fix it, what is still unknown and how
 * to find it. Runs in the browser: it renders a stored report (the retriever's `report` fact), or
 * evaluates facts itself with the library's core — no backend call, a few KB of JavaScript.
 */
import { useMemo, type CSSProperties, type ReactElement } from 'react';
import { evaluateCompatibility, type ClusterFacts, type Finding, type Report } from 'calico-windows-compat';
import { describeSubject, formatMarkdown, hintFor, ruleDocsUrl } from 'calico-windows-compat/format';

/** A report to show, or facts to evaluate in the browser. */
export type CalicoWindowsCardProps = ({ readonly report: Report } | { readonly facts: ClusterFacts }) & {
  /** The card's title. Default: "Calico for Windows". */
  readonly title?: string;
};

const VERDICT: Record<Report['verdict'], { label: string; color: string }> = {
  compatible: { label: 'Ready for Windows nodes', color: '#1b5e20' },
  incompatible: { label: 'Not ready for Windows nodes', color: '#b71c1c' },
  indeterminate: { label: 'Facts missing to decide', color: '#e65100' },
};

const card: CSSProperties = { border: '1px solid #ddd', borderRadius: 4, padding: 16, fontFamily: 'sans-serif' };
const pre: CSSProperties = { whiteSpace: 'pre-wrap', background: '#f5f5f5', padding: 8, margin: '4px 0 0' };

/** The Calico for Windows card. */
export function CalicoWindowsCard(props: CalicoWindowsCardProps): ReactElement {
  const given = 'report' in props ? props.report : undefined;
  const facts = 'facts' in props ? props.facts : undefined;
  const report = useMemo(() => given ?? evaluateCompatibility(facts ?? {}), [given, facts]);
  const verdict = VERDICT[report.verdict];
  const open = report.findings.filter((f) => f.waived === undefined);
  const failures = open.filter((f) => f.status === 'fail');
  const unknowns = open.filter((f) => f.status === 'unknown');
  const { counts } = report;

  return (
    <section style={card} aria-label={props.title ?? 'Calico for Windows'}>
      <h2 style={{ margin: 0 }}>{props.title ?? 'Calico for Windows'}</h2>
      <p style={{ color: verdict.color, fontWeight: 'bold' }} data-verdict={report.verdict}>
        {verdict.label}
      </p>
      <p>
        {counts.errors} errors · {counts.warnings} warnings · {counts.unknown} unknown · {counts.pass} passed ·{' '}
        {counts.notApplicable} not applicable — Calico v{report.profile.release} requirements
      </p>
      {failures.length > 0 && (
        <>
          <h3>Failing requirements</h3>
          <ul>{failures.map((f) => <FindingItem key={key(f)} finding={f} />)}</ul>
        </>
      )}
      {unknowns.length > 0 && (
        <>
          <h3>Facts needed</h3>
          <ul>
            {unknowns.map((f) => (
              <li key={key(f)}>
                <RuleLink id={f.ruleId} /> ({describeSubject(f.subject)}): {f.message}
                <ul>
                  {(f.missingFacts ?? []).map((path) => (
                    <li key={path}>
                      <code>{path}</code>: {hintFor(path)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      <details>
        <summary>Markdown, for a pull request or an issue</summary>
        <pre style={pre}>{formatMarkdown(report)}</pre>
      </details>
    </section>
  );
}

function FindingItem({ finding }: { finding: Finding }): ReactElement {
  return (
    <li>
      <RuleLink id={finding.ruleId} /> ({describeSubject(finding.subject)}
      {finding.severity === 'error' ? '' : `, ${finding.severity}`}): {finding.message}
      {finding.remediation && <pre style={pre}>{finding.remediation}</pre>}
    </li>
  );
}

function RuleLink({ id }: { id: string }): ReactElement {
  return (
    <a href={ruleDocsUrl(id)} target="_blank" rel="noreferrer">
      <code>{id}</code>
    </a>
  );
}

const key = (f: Finding): string => `${f.ruleId}/${f.subject.kind === 'cluster' ? 'cluster' : f.subject.name}`;
