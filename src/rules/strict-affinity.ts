// STUB: to be implemented.
import { defineClusterRule, unknown } from './define.js';

export default defineClusterRule({
  id: 'strict-affinity',
  title: 'STUB',
  description: 'STUB',
  severity: 'error',
  sections: ['Linux platform requirements'],
  appliesWhen: 'STUB',
  passesWhen: 'STUB',
  remediation: 'STUB',
  check: () => unknown('STUB', []),
});
