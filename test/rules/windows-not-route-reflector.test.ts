import { describe, expect, it } from 'vitest';
import type { WindowsNodeFacts } from '../../src/model/facts.js';
import { findingOf, goodWindowsNode, ruleTable } from './harness.js';

type Optional = Exclude<keyof WindowsNodeFacts, 'os' | 'name'>;
const win = (patch: Partial<WindowsNodeFacts> = {}, ...omit: Optional[]): WindowsNodeFacts => {
  const node: WindowsNodeFacts = { ...goodWindowsNode, remoteAccess: [...goodWindowsNode.remoteAccess], ...patch };
  for (const key of omit) delete node[key];
  return node;
};

describe('windows-not-route-reflector', () => {
  ruleTable('windows-not-route-reflector', [
    { name: 'routeReflector false passes', facts: { nodes: [win({ routeReflector: false })] }, subject: 'win-1', status: 'pass', message: /win-1.*routeReflector is false/ },
    {
      name: 'routeReflector absent passes: the documented default is not a route reflector',
      facts: { nodes: [win({}, 'routeReflector')] },
      subject: 'win-1',
      status: 'pass',
      message: /routeReflector absent/,
    },
    {
      name: 'a Windows route reflector fails',
      facts: { nodes: [win({ routeReflector: true })] },
      subject: 'win-1',
      status: 'fail',
      message: /win-1.*routeReflector is true/,
      remediation: /routeReflectorClusterID.*win-1/,
    },
    { name: 'no nodes at all is unknown for the cluster', facts: {}, status: 'unknown', missing: ['nodes'] },
    { name: 'a Linux route reflector is not a Windows node', facts: { nodes: [{ os: 'linux', name: 'rr', routeReflector: true }] }, status: 'unknown', missing: ['nodes[os=windows]'] },
    {
      name: 'each Windows node gets its own finding',
      facts: { nodes: [win(), win({ name: 'win-2', routeReflector: true })] },
      subject: 'win-2',
      status: 'fail',
      message: /win-2/,
    },
    { name: 'a sibling node does not affect this one', facts: { nodes: [win(), win({ name: 'win-2', routeReflector: true })] }, subject: 'win-1', status: 'pass' },
  ]);

  it('reads routeReflector without requiring it', () => {
    const finding = findingOf('windows-not-route-reflector', { nodes: [win({ routeReflector: true })] }, 'win-1');
    expect(finding.evidence).toEqual([{ fact: 'nodes[win-1].routeReflector', value: true }]);
  });
});
