import { describe, expect, it } from 'vitest';
import { CALICO_3_28 } from '../../src/catalog/releases.js';
import { evaluateCompatibility } from '../../src/api.js';
import { ruleTable } from './harness.js';

describe('operator-datastore', () => {
  ruleTable(
    'operator-datastore',
    [
      {
        name: 'the Kubernetes datastore passes',
        facts: { calico: { datastore: 'kubernetes' } },
        status: 'pass',
        message: "Calico uses the 'kubernetes' datastore, which the operator install supports.",
      },
      {
        name: 'etcd fails',
        facts: { calico: { datastore: 'etcd' } },
        status: 'fail',
        message: "Calico uses the 'etcd' datastore; the operator install supports only kubernetes.",
      },
      { name: 'absent is unknown', facts: {}, status: 'unknown', missing: ['calico.datastore'] },
    ],
    CALICO_3_28,
  );

  it('throws under a profile that lists it without datastores', () => {
    const { datastores: _omitted, ...release } = CALICO_3_28;
    expect(() => evaluateCompatibility({ calico: { datastore: 'kubernetes' } }, { rules: ['operator-datastore'], release })).toThrow(
      new Error('[calico-windows-compat] the v3.28 operator profile has no datastores'),
    );
  });
});
