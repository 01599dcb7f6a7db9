// STUB: to be implemented.
import { defineNodeRule, unknown } from './define.js';

export default defineNodeRule({
  id: 'windows-powershell-admin',
  title: 'STUB',
  description: 'STUB',
  severity: 'error',
  sections: ['Windows platform requirements'],
  appliesWhen: 'STUB',
  passesWhen: 'STUB',
  remediation: 'STUB',
  check: () => unknown('STUB', []),
});
