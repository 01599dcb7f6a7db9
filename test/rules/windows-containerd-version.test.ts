import { describe } from 'vitest';
import { CALICO_3_30 } from '../../src/data/calico-releases.js';
import { ruleTable } from './harness.js';

const node = (containerRuntime?: string) => ({
  nodes: [containerRuntime === undefined ? { os: 'windows' as const, name: 'win-1' } : { os: 'windows' as const, name: 'win-1', containerRuntime }],
});

describe('windows-containerd-version', () => {
  ruleTable(
    'windows-containerd-version',
    [
      { name: 'containerd 1.6.0 passes', facts: node('containerd://1.6.0'), subject: 'win-1', status: 'pass' },
      { name: 'containerd 1.7.13 passes', facts: node('containerd://1.7.13'), subject: 'win-1', status: 'pass' },
      { name: 'containerd 1.5.9 fails', facts: node('containerd://1.5.9'), subject: 'win-1', status: 'fail', message: /1\.5\.9, older than 1\.6\.0/, remediation: /v1\.6\.0/ },
      { name: 'Docker is windows-container-runtime\'s to decide', facts: node('docker://20.10.9'), subject: 'win-1', status: 'not-applicable' },
      { name: 'containerd of no version is unknown', facts: node('containerd'), subject: 'win-1', status: 'unknown', missing: ['nodes[win-1].containerRuntime'] },
      { name: 'an absent runtime is unknown', facts: node(), subject: 'win-1', status: 'unknown', missing: ['nodes[win-1].containerRuntime'] },
    ],
    CALICO_3_30,
  );
});
