/**
 * The entity card: fetches the cluster's latest Calico for Windows fact from Tech Insights, validates
 * the stored report (a fact from the backend is untrusted JSON) and renders it with CalicoWindowsCard.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef, type Entity } from '@backstage/catalog-model';
import type { InsightFacts } from '@backstage-community/plugin-tech-insights-common';
import type { Report } from 'calico-windows-compat';
import { ReportSchema } from 'calico-windows-compat/format';
import { calicoWindowsFactsApiRef } from '../api.js';
import { CalicoWindowsCard } from './CalicoWindowsCard.js';

/** The retriever's id, as the backend module registers it (`CALICO_WINDOWS_RETRIEVER_ID`). */
const RETRIEVER_ID = 'calico-windows-compat';

/** Props of the entity card. */
export interface EntityCalicoWindowsCardProps {
  /** The cluster's entity: `useEntity().entity` on the entity page. */
  readonly entity: Entity;
  /** The card's title. Default: "Calico for Windows". */
  readonly title?: string;
  /** The fact retriever's id, if the app registered it under another. Default: `calico-windows-compat`. */
  readonly factRetrieverId?: string;
}

/** What Tech Insights holds for a cluster: nothing yet, a report that does not validate, or a report. */
export type StoredReport =
  | { readonly status: 'missing' }
  | { readonly status: 'invalid'; readonly problems: readonly string[] }
  | { readonly status: 'ok'; readonly report: Report; readonly timestamp: string };

/** The stored report in a `getFacts` answer, validated against the library's `ReportSchema`. */
export function storedReport(facts: InsightFacts, factRetrieverId: string = RETRIEVER_ID): StoredReport {
  const row = facts[factRetrieverId];
  if (row === undefined) return { status: 'missing' };
  const parsed = ReportSchema.safeParse(row.facts['report']);
  if (!parsed.success)
    return { status: 'invalid', problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'report'}: ${issue.message}`) };
  return { status: 'ok', report: parsed.data, timestamp: row.timestamp };
}

type State = { readonly status: 'loading' } | { readonly status: 'error'; readonly message: string } | StoredReport;

/** The Calico for Windows card of a cluster's entity page. */
export function EntityCalicoWindowsCard({ entity, title = 'Calico for Windows', factRetrieverId = RETRIEVER_ID }: EntityCalicoWindowsCardProps): ReactElement {
  const api = useApi(calicoWindowsFactsApiRef);
  const ref = getCompoundEntityRef(entity);
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    api.getFacts(ref, [factRetrieverId]).then(
      (facts) => current && setState(storedReport(facts, factRetrieverId)),
      (error: unknown) => current && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
    // The entity's ref, not the object: a re-render with the same entity does not fetch again.
  }, [api, ref.kind, ref.namespace, ref.name, factRetrieverId]); // eslint-disable-line react-hooks/exhaustive-deps

  switch (state.status) {
    case 'ok':
      return (
        <div>
          <CalicoWindowsCard report={state.report} title={title} />
          <p style={{ fontSize: 12, color: '#666' }}>Checked {new Date(state.timestamp).toUTCString()} by the Tech Insights fact retriever.</p>
        </div>
      );
    case 'loading':
      return <section aria-label={title} role="status">Loading the Calico for Windows report…</section>;
    case 'missing':
      return (
        <section aria-label={title} role="status">
          No Calico for Windows report for {entity.metadata.name} yet: the Tech Insights retriever writes one on its next run, for
          clusters with a <code>calico-windows-compat.io/manifests</code> or <code>calico-windows-compat.io/facts</code> annotation.
        </section>
      );
    case 'invalid':
      return (
        <section aria-label={title} role="alert">
          The stored Calico for Windows report is not one this card can read (from another version of calico-windows-compat?):
          <ul>{state.problems.slice(0, 10).map((p) => <li key={p}>{p}</li>)}</ul>
        </section>
      );
    case 'error':
      return (
        <section aria-label={title} role="alert">
          Tech Insights could not be asked for the Calico for Windows report: {state.message}
        </section>
      );
  }
}
