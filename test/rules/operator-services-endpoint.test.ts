import { describe } from 'vitest';
import { CALICO_3_32 } from '../../src/catalog/releases.js';
import { ruleTable } from './harness.js';

describe('operator-services-endpoint', () => {
  ruleTable(
    'operator-services-endpoint',
    [
      { name: 'host and port pass', facts: { calico: { kubernetesServicesEndpoint: { host: '10.0.0.10', port: '6443' } } }, status: 'pass', message: /10\.0\.0\.10:6443/ },
      { name: 'a missing port fails', facts: { calico: { kubernetesServicesEndpoint: { host: '10.0.0.10' } } }, status: 'fail', message: /lacks KUBERNETES_SERVICE_PORT/ },
      {
        name: 'a missing host fails, naming only the host',
        facts: { calico: { kubernetesServicesEndpoint: { port: '6443' } } },
        status: 'fail',
        message: 'The kubernetes-services-endpoint ConfigMap lacks KUBERNETES_SERVICE_HOST: the operator does not configure Windows nodes without both.',
      },
      { name: 'an empty ConfigMap fails on both', facts: { calico: { kubernetesServicesEndpoint: {} } }, status: 'fail', message: /KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT/ },
      { name: 'absent is unknown', facts: {}, status: 'unknown', missing: ['calico.kubernetesServicesEndpoint'] },
    ],
    CALICO_3_32,
  );
});
