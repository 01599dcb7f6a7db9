import { describe } from 'vitest';
import { CALICO_3_28 } from '../../src/data/calico-releases.js';
import { ruleTable } from './harness.js';

describe('operator-datastore', () => {
  ruleTable(
    'operator-datastore',
    [
      { name: 'the Kubernetes datastore passes', facts: { calico: { datastore: 'kubernetes' } }, status: 'pass' },
      { name: 'etcd fails', facts: { calico: { datastore: 'etcd' } }, status: 'fail', message: /supports only kubernetes/ },
      { name: 'absent is unknown', facts: {}, status: 'unknown', missing: ['calico.datastore'] },
    ],
    CALICO_3_28,
  );
});
