import { describe, expect, it } from 'vitest';
import type { WindowsNodeFacts } from '../../src/model/facts.js';
import { findingOf, goodWindowsNode, ruleTable } from './harness.js';

type Optional = Exclude<keyof WindowsNodeFacts, 'os' | 'name'>;
const win = (patch: Partial<WindowsNodeFacts> = {}, ...omit: Optional[]): WindowsNodeFacts => {
  const node: WindowsNodeFacts = { ...goodWindowsNode, remoteAccess: [...goodWindowsNode.remoteAccess], ...patch };
  for (const key of omit) delete node[key];
  return node;
};

const cluster = (datastore: 'kubernetes' | 'etcd' | undefined, ...nodes: WindowsNodeFacts[]) =>
  datastore === undefined ? { nodes } : { calico: { datastore }, nodes };

describe('windows-datastore-match', () => {
  ruleTable('windows-datastore-match', [
    { name: 'both kubernetes passes', facts: cluster('kubernetes', win()), subject: 'win-1', status: 'pass', message: /win-1.*'kubernetes'/ },
    { name: 'both etcd passes', facts: cluster('etcd', win({ datastore: 'etcd' })), subject: 'win-1', status: 'pass', message: /'etcd'/ },
    {
      name: 'an etcd node on a kubernetes cluster fails',
      facts: cluster('kubernetes', win({ datastore: 'etcd' })),
      subject: 'win-1',
      status: 'fail',
      message: /win-1 uses the 'etcd' datastore but the Linux side uses 'kubernetes'/,
      remediation: /CALICO_DATASTORE_TYPE = "kubernetes".*win-1/,
    },
    {
      name: 'a kubernetes node on an etcd cluster fails, naming config.ps1\'s etcdv3',
      facts: cluster('etcd', win({ datastore: 'kubernetes' })),
      subject: 'win-1',
      status: 'fail',
      message: /'kubernetes'.*'etcd'/,
      remediation: /CALICO_DATASTORE_TYPE = "etcdv3"/,
    },
    { name: "an absent node datastore is unknown", facts: cluster('kubernetes', win({}, 'datastore')), subject: 'win-1', status: 'unknown', missing: ['nodes[win-1].datastore'] },
    { name: 'an absent cluster datastore is unknown', facts: cluster(undefined, win()), subject: 'win-1', status: 'unknown', missing: ['calico.datastore'] },
    { name: 'both absent names both', facts: cluster(undefined, win({}, 'datastore')), subject: 'win-1', status: 'unknown', missing: ['calico.datastore', 'nodes[win-1].datastore'] },
    { name: 'no nodes at all is unknown for the cluster', facts: { calico: { datastore: 'kubernetes' } }, status: 'unknown', missing: ['nodes'] },
    {
      name: 'each Windows node gets its own finding',
      facts: cluster('kubernetes', win(), win({ name: 'win-2', datastore: 'etcd' })),
      subject: 'win-2',
      status: 'fail',
      message: /win-2/,
    },
    { name: 'a sibling node does not affect this one', facts: cluster('kubernetes', win(), win({ name: 'win-2', datastore: 'etcd' })), subject: 'win-1', status: 'pass' },
  ]);

  it('is an error', () => {
    expect(findingOf('windows-datastore-match', cluster('kubernetes', win()), 'win-1').severity).toBe('error');
  });
});
