import { describe, expect, it } from 'vitest';
import { getRule } from '../../src/catalog/default.js';
import { CALICO_3_17 } from '../../src/catalog/releases.js';
import { goodWindowsNode, ruleTable } from './harness.js';

const linux = (name: string, roles?: string[]) => (roles === undefined ? { os: 'linux' as const, name } : { os: 'linux' as const, name, roles });

describe('typha-ha', () => {
  it('is a warning', () => expect(getRule('typha-ha')?.severity).toBe('warning'));

  ruleTable('typha-ha', [
    // Rows that pin down messages and remediations, from the mutation-testing review.
    { name: "one worker: named, and how many to add", facts: { calico: { operatorManaged: true }, nodes: [{ os: 'linux', name: 'l1' }] }, status: 'fail', message: /^Only 1 Linux worker node \(l1\); Typha high availability needs 3\.$/, remediation: /^Add 2 Linux worker nodes so that Typha has 3 to run on\.$/ },
    { name: "no worker at all", facts: { calico: { operatorManaged: true }, nodes: [{ os: 'linux', name: 'cp', roles: ['control-plane'] }] }, status: 'fail', message: /^Only 0 Linux worker nodes; Typha high availability needs 3\.$/, remediation: /^Add 3 Linux worker nodes so that Typha has 3 to run on\.$/ },
    {
      name: 'three Linux workers pass',
      facts: { calico: { operatorManaged: true }, nodes: [linux('w1'), linux('w2', ['worker']), linux('w3'), goodWindowsNode] },
      status: 'pass',
      message: /3 Linux worker nodes \(w1, w2, w3\); Typha high availability needs 3/,
    },
    {
      name: 'two workers and a control plane fail, counting only workers',
      facts: { calico: { operatorManaged: true }, nodes: [linux('cp', ['control-plane']), linux('w1'), linux('w2'), goodWindowsNode] },
      status: 'fail',
      message: /Only 2 Linux worker nodes \(w1, w2\); Typha high availability needs 3/,
      remediation: /Add 1 Linux worker node so/,
    },
    {
      name: 'no Linux worker fails',
      facts: { calico: { operatorManaged: true }, nodes: [goodWindowsNode] },
      status: 'fail',
      message: /Only 0 Linux worker nodes;/,
      remediation: /Add 3 Linux worker nodes/,
    },
    { name: 'nodes absent is unknown', facts: { calico: { operatorManaged: true } }, status: 'unknown', missing: ['nodes'] },
    {
      name: 'operatorManaged absent is unknown, even with enough workers',
      facts: { nodes: [linux('w1'), linux('w2'), linux('w3')] },
      status: 'unknown',
      missing: ['calico.operatorManaged'],
    },
    { name: 'both absent is unknown on both', facts: {}, status: 'unknown', missing: ['calico.operatorManaged', 'nodes'] },
    {
      name: 'a manifest install is not applicable',
      facts: { calico: { operatorManaged: false }, nodes: [linux('w1')] },
      status: 'not-applicable',
      message: /calico\.operatorManaged is false/,
    },
    // v3.17 to v3.19.1 state the note for every install, and want four workers.
    { name: 'v3.17: applies without operatorManaged', release: CALICO_3_17, facts: { nodes: [linux('w1')] }, status: 'fail', message: /^Only 1 Linux worker node \(w1\); Typha high availability needs 4\.$/, remediation: /^Add 3 Linux worker nodes so that Typha has 4 to run on\.$/ },
    { name: 'v3.17: applies to a manifest install too', release: CALICO_3_17, facts: { calico: { operatorManaged: false }, nodes: [linux('w1'), linux('w2'), linux('w3'), linux('w4')] }, status: 'pass', message: /^4 Linux worker nodes \(w1, w2, w3, w4\); Typha high availability needs 4\.$/ },
  ]);
});
