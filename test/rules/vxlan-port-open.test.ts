import { describe } from 'vitest';
import { ruleTable } from './harness.js';

describe('vxlan-port-open', () => {
  ruleTable('vxlan-port-open', [
    { name: 'an open port passes', facts: { networking: 'calico-vxlan', network: { vxlanPortOpen: true } }, status: 'pass', message: /network\.vxlanPortOpen is true/ },
    {
      name: 'a closed port fails',
      facts: { networking: 'calico-vxlan', network: { vxlanPortOpen: false } },
      status: 'fail',
      message: /UDP 4789 is not open .*network\.vxlanPortOpen is false/,
      remediation: /Allow UDP 4789/,
    },
    { name: 'the port state absent is unknown', facts: { networking: 'calico-vxlan', network: {} }, status: 'unknown', missing: ['network.vxlanPortOpen'] },
    { name: 'networking absent is unknown', facts: { network: { vxlanPortOpen: false } }, status: 'unknown', missing: ['networking'] },
    { name: 'cloud-provider networking is not applicable', facts: { networking: 'cloud-provider' }, status: 'not-applicable', message: /'cloud-provider'/ },
  ]);
});
