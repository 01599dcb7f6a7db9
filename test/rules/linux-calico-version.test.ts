import { describe } from 'vitest';
import { ruleTable } from './harness.js';

describe('linux-calico-version', () => {
  ruleTable('linux-calico-version', [
    { name: 'exactly the minimum passes', facts: { calico: { version: '3.12.0' } }, status: 'pass', message: 'Calico 3.12.0 is at least 3.12.0' },
    { name: 'the release itself passes', facts: { calico: { version: 'v3.23.1' } }, status: 'pass', message: 'Calico v3.23.1 (3.23.1) is at least 3.12.0' },
    { name: 'a bare minor line is coerced', facts: { calico: { version: '3.12' } }, status: 'pass', message: /3\.12 \(3\.12\.0\)/ },
    {
      name: 'an older Calico fails, naming both versions',
      facts: { calico: { version: '3.11.2' } },
      status: 'fail',
      message: 'Calico 3.11.2 is older than 3.12.0.',
      remediation: /3\.12\.0 or later; v3\.23/,
    },
    { name: 'a much older Calico with a v prefix fails', facts: { calico: { version: 'v2.6.12' } }, status: 'fail', message: /v2\.6\.12 \(2\.6\.12\) is older than 3\.12\.0/ },
    { name: 'an absent version is unknown', facts: { calico: {} }, status: 'unknown', missing: ['calico.version'] },
    { name: 'no Calico facts at all is unknown', facts: {}, status: 'unknown', missing: ['calico.version'] },
    // parseFacts refuses such a value; evaluateCompatibility called directly must still not guess.
    { name: 'a version that is not a version is unknown', facts: { calico: { version: 'latest' } }, status: 'unknown', missing: ['calico.version'], message: /'latest' is not a version/ },
  ]);
});
