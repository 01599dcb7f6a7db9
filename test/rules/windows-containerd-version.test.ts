import { describe, expect, it } from 'vitest';
import { CALICO_3_30 } from '../../src/catalog/releases.js';
import { evaluateCompatibility } from '../../src/api.js';
import { ruleTable } from './harness.js';

const node = (containerRuntime?: string) => ({
  nodes: [containerRuntime === undefined ? { os: 'windows' as const, name: 'win-1' } : { os: 'windows' as const, name: 'win-1', containerRuntime }],
});

describe('windows-containerd-version', () => {
  ruleTable(
    'windows-containerd-version',
    [
      { name: 'containerd 1.6.0 passes', facts: node('containerd://1.6.0'), subject: 'win-1', status: 'pass', message: 'Node win-1 runs containerd 1.6.0, at least 1.6.0.' },
      { name: 'containerd 1.7.13 passes', facts: node('containerd://1.7.13'), subject: 'win-1', status: 'pass' },
      { name: 'containerd 1.5.9 fails', facts: node('containerd://1.5.9'), subject: 'win-1', status: 'fail', message: /1\.5\.9, older than 1\.6\.0/, remediation: /v1\.6\.0/ },
      {
        name: 'Docker is windows-container-runtime\'s to decide',
        facts: node('docker://20.10.9'),
        subject: 'win-1',
        status: 'not-applicable',
        message: "Node win-1 does not run containerd ('docker://20.10.9'): windows-container-runtime decides.",
      },
      {
        name: 'a runtime string that names no runtime is windows-container-runtime\'s to decide',
        facts: node('1.6.6'),
        subject: 'win-1',
        status: 'not-applicable',
        message: "Node win-1 does not run containerd ('1.6.6'): windows-container-runtime decides.",
      },
      {
        name: 'containerd of no version is unknown',
        facts: node('containerd'),
        subject: 'win-1',
        status: 'unknown',
        missing: ['nodes[win-1].containerRuntime'],
        message: "Node win-1 runs containerd of no known version ('containerd'); HostProcess needs 1.6.0 or later.",
      },
      {
        name: 'containerd of a version that is not one is unknown',
        facts: node('containerd://main'),
        subject: 'win-1',
        status: 'unknown',
        missing: ['nodes[win-1].containerRuntime'],
        message: "Node win-1 runs containerd of no known version ('containerd://main'); HostProcess needs 1.6.0 or later.",
      },
      { name: 'an absent runtime is unknown', facts: node(), subject: 'win-1', status: 'unknown', missing: ['nodes[win-1].containerRuntime'] },
    ],
    CALICO_3_30,
  );

  it('throws under a profile that lists it without HostProcess requirements', () => {
    const { hostProcess: _omitted, ...release } = CALICO_3_30;
    expect(() => evaluateCompatibility(node('containerd://1.6.0'), { rules: ['windows-containerd-version'], release })).toThrow(
      new Error('[calico-windows-compat] the v3.30 operator profile has no HostProcess requirements'),
    );
  });
});
