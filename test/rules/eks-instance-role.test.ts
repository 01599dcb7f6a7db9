import { describe, expect, it } from 'vitest';
import type { ClusterFacts } from '../../src/model/facts.js';
import { findingOf, ruleTable } from './harness.js';

type Role = { canGetNamespaces?: boolean; secretsReadableIn?: string[] };
const eks = (role: Role, operatorManaged?: boolean): ClusterFacts => ({
  platform: 'eks',
  eks: { instanceRole: role },
  ...(operatorManaged === undefined ? {} : { calico: { operatorManaged } }),
});

describe('eks-instance-role', () => {
  ruleTable('eks-instance-role', [
    // Rows that pin down messages and remediations, from the mutation-testing review.
    { name: "eks known without instanceRole: unknown, not a crash", facts: { platform: 'eks', eks: { vpcControllersInstalled: true } }, status: 'unknown', missing: ["eks.instanceRole.canGetNamespaces", "eks.instanceRole.secretsReadableIn", "calico.operatorManaged"] },
    { name: "both permissions missing: both named, and the commands for both", facts: { platform: 'eks', calico: { operatorManaged: true }, eks: { instanceRole: { canGetNamespaces: false, secretsReadableIn: ['kube-system'] } } }, status: 'fail', message: /^The Windows instance role cannot get namespaces \(eks\.instanceRole\.canGetNamespaces is false\), and cannot get secrets in calico-system, where operator-managed Calico keeps them \(it can in: kube-system\)\.$/, remediation: /^Grant the Windows instance role \(its group in the aws-auth ConfigMap\) what it lacks:\nkubectl create clusterrole calico-windows-namespaces --verb=get --resource=namespaces\nkubectl create clusterrolebinding calico-windows-namespaces --clusterrole=calico-windows-namespaces --group=<instance role group>\nkubectl create role calico-windows-secrets -n calico-system --verb=get --resource=secrets\nkubectl create rolebinding calico-windows-secrets -n calico-system --role=calico-windows-secrets --group=<instance role group>$/ },
    { name: "secrets in neither namespace: the commands name a placeholder and say which namespace it is", facts: { platform: 'eks', eks: { instanceRole: { canGetNamespaces: true, secretsReadableIn: ['default'] } } }, status: 'fail', message: /^The Windows instance role cannot get secrets in calico-system or in kube-system \(it can in: default\)\.$/, remediation: /^Grant the Windows instance role \(its group in the aws-auth ConfigMap\) what it lacks:\nkubectl create role calico-windows-secrets -n <namespace> --verb=get --resource=secrets\nkubectl create rolebinding calico-windows-secrets -n <namespace> --role=calico-windows-secrets --group=<instance role group>\nwhere <namespace> is calico-system for operator-managed Calico, else kube-system\.$/ },
    { name: "namespaces alone: only the namespace commands", facts: { platform: 'eks', eks: { instanceRole: { canGetNamespaces: false } } }, status: 'fail', message: /^The Windows instance role cannot get namespaces \(eks\.instanceRole\.canGetNamespaces is false\)\.$/, remediation: /^Grant the Windows instance role \(its group in the aws-auth ConfigMap\) what it lacks:\nkubectl create clusterrole calico-windows-namespaces --verb=get --resource=namespaces\nkubectl create clusterrolebinding calico-windows-namespaces --clusterrole=calico-windows-namespaces --group=<instance role group>$/ },
    { name: "no secrets anywhere, manifest install: kube-system, and 'none' readable", facts: { platform: 'eks', eks: { instanceRole: { secretsReadableIn: [] } }, calico: { operatorManaged: false } }, status: 'fail', message: /^The Windows instance role cannot get secrets in kube-system, where manifest-installed Calico keeps them \(it can in: none\)\.$/, remediation: /^Grant the Windows instance role \(its group in the aws-auth ConfigMap\) what it lacks:\nkubectl create role calico-windows-secrets -n kube-system --verb=get --resource=secrets\nkubectl create rolebinding calico-windows-secrets -n kube-system --role=calico-windows-secrets --group=<instance role group>$/ },
    { name: "nothing known: all three facts named", facts: { platform: 'eks', eks: { instanceRole: {} } }, status: 'unknown', missing: ["eks.instanceRole.canGetNamespaces", "eks.instanceRole.secretsReadableIn", "calico.operatorManaged"], message: /^Cannot decide: eks\.instanceRole\.canGetNamespaces, eks\.instanceRole\.secretsReadableIn, calico\.operatorManaged are not known\.$/ },
    { name: "secrets in both namespaces pass whoever installed Calico", facts: { platform: 'eks', eks: { instanceRole: { canGetNamespaces: true, secretsReadableIn: ['kube-system', 'calico-system'] } } }, status: 'pass', message: /^The Windows instance role can get namespaces and can get secrets in both calico-system and kube-system \(it can in: kube-system, calico-system\)\.$/ },
    {
      name: 'operator-managed: namespaces and calico-system secrets pass',
      facts: eks({ canGetNamespaces: true, secretsReadableIn: ['calico-system'] }, true),
      status: 'pass',
      message: /can get secrets in calico-system \(it can in: calico-system\)/,
    },
    {
      name: 'manifest install: namespaces and kube-system secrets pass',
      facts: eks({ canGetNamespaces: true, secretsReadableIn: ['default', 'kube-system'] }, false),
      status: 'pass',
      message: /secrets in kube-system \(it can in: default, kube-system\)/,
    },
    {
      name: 'both namespaces readable passes without knowing who manages Calico',
      facts: eks({ canGetNamespaces: true, secretsReadableIn: ['calico-system', 'kube-system'] }),
      status: 'pass',
      message: /both calico-system and kube-system/,
    },
    {
      name: 'operator-managed but only kube-system secrets fails',
      facts: eks({ canGetNamespaces: true, secretsReadableIn: ['kube-system'] }, true),
      status: 'fail',
      message: /cannot get secrets in calico-system, where operator-managed Calico keeps them \(it can in: kube-system\)/,
      remediation: /kubectl create role calico-windows-secrets -n calico-system --verb=get --resource=secrets/,
    },
    {
      name: 'manifest install but only calico-system secrets fails',
      facts: eks({ canGetNamespaces: true, secretsReadableIn: ['calico-system'] }, false),
      status: 'fail',
      message: /cannot get secrets in kube-system, where manifest-installed Calico keeps them/,
      remediation: /-n kube-system/,
    },
    {
      name: 'no namespaces permission fails even with the secrets unknown',
      facts: eks({ canGetNamespaces: false }),
      status: 'fail',
      message: /cannot get namespaces \(eks\.instanceRole\.canGetNamespaces is false\)/,
      remediation: /kubectl create clusterrole calico-windows-namespaces --verb=get --resource=namespaces/,
    },
    {
      name: 'secrets readable in neither namespace fails without knowing who manages Calico',
      facts: eks({ secretsReadableIn: [] }),
      status: 'fail',
      message: /cannot get secrets in calico-system or in kube-system \(it can in: none\)/,
      remediation: /-n <namespace>[\s\S]*where <namespace> is calico-system for operator-managed Calico, else kube-system/,
    },
    {
      name: 'both permissions missing are named together',
      facts: eks({ canGetNamespaces: false, secretsReadableIn: ['default'] }, true),
      status: 'fail',
      message: /cannot get namespaces .*, and cannot get secrets in calico-system/,
      remediation: /clusterrole[\s\S]*-n calico-system/,
    },
    {
      name: 'a lacking secret does not ask for the namespaces grant when that is fine',
      facts: eks({ canGetNamespaces: true, secretsReadableIn: [] }, true),
      status: 'fail',
      remediation: /^(?![\s\S]*clusterrole)/,
    },
    {
      name: 'the namespaces permission absent is unknown',
      facts: eks({ secretsReadableIn: ['calico-system'] }, true),
      status: 'unknown',
      missing: ['eks.instanceRole.canGetNamespaces'],
      message: /^Cannot decide: eks\.instanceRole\.canGetNamespaces is not known\.$/,
    },
    {
      name: 'the secrets absent are unknown, with who manages Calico when that is absent too',
      facts: eks({ canGetNamespaces: true }),
      status: 'unknown',
      missing: ['eks.instanceRole.secretsReadableIn', 'calico.operatorManaged'],
      message: /^Cannot decide: eks\.instanceRole\.secretsReadableIn, calico\.operatorManaged are not known\.$/,
    },
    {
      name: 'the secrets absent are unknown',
      facts: eks({ canGetNamespaces: true }, false),
      status: 'unknown',
      missing: ['eks.instanceRole.secretsReadableIn'],
    },
    {
      name: 'one namespace readable needs to know who manages Calico',
      facts: eks({ canGetNamespaces: true, secretsReadableIn: ['kube-system'] }),
      status: 'unknown',
      missing: ['calico.operatorManaged'],
    },
    {
      name: 'no role facts at all is unknown on all three',
      facts: { platform: 'eks' },
      status: 'unknown',
      missing: ['eks.instanceRole.canGetNamespaces', 'eks.instanceRole.secretsReadableIn', 'calico.operatorManaged'],
    },
    { name: 'the platform absent is unknown', facts: { eks: { instanceRole: { canGetNamespaces: false } } }, status: 'unknown', missing: ['platform'] },
    { name: 'another platform is not applicable', facts: { platform: 'kubernetes', eks: { instanceRole: { canGetNamespaces: false } } }, status: 'not-applicable' },
  ]);

  // Every combination of the three facts, absent or present: a decided finding stays decided, with the
  // same status, whatever the missing facts turn out to be; an unknown one names only absent facts.
  it('never changes a decided finding when a missing fact is added', () => {
    const namespaces = [undefined, true, false] as const;
    const secrets = [undefined, [], ['calico-system'], ['kube-system'], ['calico-system', 'kube-system'], ['default']] as const;
    const managed = [undefined, true, false] as const;
    const facts = (n: boolean | undefined, s: readonly string[] | undefined, m: boolean | undefined): ClusterFacts =>
      eks({ ...(n === undefined ? {} : { canGetNamespaces: n }), ...(s === undefined ? {} : { secretsReadableIn: [...s] }) }, m);
    let decided = 0;
    for (const n of namespaces)
      for (const s of secrets)
        for (const m of managed) {
          const finding = findingOf('eks-instance-role', facts(n, s, m));
          if (finding.status === 'unknown') {
            const absent = [
              ...(n === undefined ? ['eks.instanceRole.canGetNamespaces'] : []),
              ...(s === undefined ? ['eks.instanceRole.secretsReadableIn'] : []),
              ...(m === undefined ? ['calico.operatorManaged'] : []),
            ];
            expect(finding.missingFacts?.length).toBeGreaterThan(0);
            for (const path of finding.missingFacts ?? []) expect(absent).toContain(path);
            continue;
          }
          decided++;
          for (const n2 of n === undefined ? namespaces.slice(1) : [n])
            for (const s2 of s === undefined ? secrets.slice(1) : [s])
              for (const m2 of m === undefined ? managed.slice(1) : [m])
                expect(findingOf('eks-instance-role', facts(n2, s2, m2)).status, JSON.stringify({ n, s, m, n2, s2, m2 })).toBe(
                  finding.status,
                );
        }
    expect(decided).toBeGreaterThan(0);
  });
});
