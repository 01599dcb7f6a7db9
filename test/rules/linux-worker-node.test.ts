import { describe, expect, it } from 'vitest';
import { findingOf, goodWindowsNode, ruleTable } from './harness.js';

describe('linux-worker-node', () => {
  ruleTable('linux-worker-node', [
    // Rows that pin down messages and remediations, from the mutation-testing review.
    { name: "the failure lists each node with its OS and roles", facts: { nodes: [{ os: 'linux', name: 'cp', roles: ['control-plane', 'etcd'] }, { os: 'windows', name: 'w' }] }, status: 'fail', message: /^No Linux worker node among 2 nodes: cp \(linux \[control-plane, etcd\]\), w \(windows\)\.$/ },
    {
      name: 'a Linux node with the worker role passes, naming it',
      facts: { nodes: [{ os: 'linux', name: 'cp-1', roles: ['control-plane'] }, { os: 'linux', name: 'worker-1', roles: ['worker'] }] },
      status: 'pass',
      message: /1 Linux worker node: worker-1\./,
    },
    {
      name: 'a Linux node without roles is a worker',
      facts: { nodes: [{ os: 'linux', name: 'l1' }, goodWindowsNode] },
      status: 'pass',
      message: /: l1\./,
    },
    {
      name: 'a Linux node with an empty role list is a worker',
      facts: { nodes: [{ os: 'linux', name: 'l1', roles: [] }] },
      status: 'pass',
    },
    {
      name: 'a Linux node with only non-control-plane roles is a worker',
      facts: { nodes: [{ os: 'linux', name: 'infra-1', roles: ['infra'] }] },
      status: 'pass',
      message: /infra-1/,
    },
    {
      name: 'a node that is both control plane and worker counts',
      facts: { nodes: [{ os: 'linux', name: 'all-in-one', roles: ['control-plane', 'worker'] }] },
      status: 'pass',
      message: /all-in-one/,
    },
    {
      name: 'several workers are all named',
      facts: { nodes: [{ os: 'linux', name: 'a' }, { os: 'linux', name: 'b', roles: ['worker'] }] },
      status: 'pass',
      message: /2 Linux worker nodes: a, b\./,
    },
    {
      name: 'only control-plane Linux nodes fail, each named with its roles',
      facts: {
        nodes: [
          { os: 'linux', name: 'cp-1', roles: ['control-plane'] },
          { os: 'linux', name: 'cp-2', roles: ['master'] },
          { os: 'linux', name: 'cp-3', roles: ['controlplane', 'etcd'] },
          goodWindowsNode,
        ],
      },
      status: 'fail',
      message: /No Linux worker node among 4 nodes: cp-1 \(linux \[control-plane\]\), cp-2 \(linux \[master\]\), cp-3 \(linux \[controlplane, etcd\]\), win-1 \(windows\)/,
      remediation: /Add a Linux worker node/,
    },
    {
      name: 'Windows nodes alone fail',
      facts: { nodes: [goodWindowsNode] },
      status: 'fail',
      message: /among 1 node: win-1 \(windows\)/,
    },
    { name: 'an empty node list fails', facts: { nodes: [] }, status: 'fail', message: /empty/ },
    { name: 'absent nodes are unknown', facts: {}, status: 'unknown', missing: ['nodes'] },
  ]);
});

describe('linux-worker-node messages', () => {
  it('lists nodes sorted and capped, whatever their number and order', () => {
    const nodes = Array.from({ length: 12 }, (_, i) => ({ os: 'linux' as const, name: `w-${String(11 - i).padStart(2, '0')}` }));
    const finding = findingOf('linux-worker-node', { nodes });
    expect(finding.message).toBe('12 Linux worker nodes: w-00, w-01, w-02, w-03, w-04 and 7 more.');
  });
});
