import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { evaluateCompatibility } from 'calico-windows-compat';
import { ReportSchema } from 'calico-windows-compat/format';
import { cluster, windowsNode } from 'calico-windows-compat/testing';
import { CalicoWindowsCard } from '@internal/plugin-calico-windows';
import { factsOf } from '@internal/plugin-tech-insights-backend-module-calico-windows';

const broken = cluster.kubernetes({ calico: { strictAffinity: false }, nodes: [...cluster.kubernetes().nodes!.slice(0, 2), windowsNode({ tls12Enabled: false })] });

describe('CalicoWindowsCard', () => {
  it('evaluates facts in the browser and shows what fails, with the fix and a link to the rule', () => {
    const html = renderToStaticMarkup(<CalicoWindowsCard facts={broken} title="prod-eu" />);
    expect(html).toContain('aria-label="prod-eu"');
    expect(html).toContain('data-verdict="incompatible"');
    expect(html).toContain('Not ready for Windows nodes');
    expect(html).toContain('2 errors');
    expect(html).toMatch(/<a href="[^"]*strict-affinity[^"]*"[^>]*><code>strict-affinity<\/code><\/a> \(cluster\)/);
    expect(html).toContain('calicoctl ipam configure --strictaffinity=true');
    expect(html).toMatch(/windows-tls12<\/code><\/a> \(node win-1\)/);
    // The Markdown report, for a pull request.
    expect(html).toContain('## ❌ Incompatible');
  });

  it('renders the report the retriever stored, after validating it', () => {
    const stored = factsOf(evaluateCompatibility(cluster.eks({ eks: { vpcControllersInstalled: undefined } })))['report'];
    const report = ReportSchema.parse(stored); // a fact from the backend is untrusted JSON
    const html = renderToStaticMarkup(<CalicoWindowsCard report={report} />);
    expect(html).toContain('data-verdict="indeterminate"');
    expect(html).toContain('Facts needed');
    expect(html).toMatch(/<code>eks\.vpcControllersInstalled<\/code>: \S/);
  });

  it('a compatible cluster: the verdict and counts, no failure list', () => {
    const html = renderToStaticMarkup(<CalicoWindowsCard facts={cluster.aks()} />);
    expect(html).toContain('Ready for Windows nodes');
    expect(html).not.toContain('Failing requirements');
  });
});
