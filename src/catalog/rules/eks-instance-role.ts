import { need, platformIs } from '../conditions.js';
import { defineClusterRule } from '../../engine/define.js';
import { type ClusterFactPath } from '../../engine/fact-paths.js';
import { fail, pass, unknown, type RuleDocs } from '../../engine/rule.js';

/** kubectl commands granting what the instance role lacks. */
function grantCommands(grantNamespaces: boolean, secretsIn: string | undefined, note: string | undefined): string {
  const lines = ["Grant the Windows instance role (its group in the aws-auth ConfigMap) what it lacks:"];
  if (grantNamespaces)
    lines.push(
      'kubectl create clusterrole calico-windows-namespaces --verb=get --resource=namespaces',
      'kubectl create clusterrolebinding calico-windows-namespaces --clusterrole=calico-windows-namespaces --group=<instance role group>',
    );
  if (secretsIn !== undefined)
    lines.push(
      `kubectl create role calico-windows-secrets -n ${secretsIn} --verb=get --resource=secrets`,
      `kubectl create rolebinding calico-windows-secrets -n ${secretsIn} --role=calico-windows-secrets --group=<instance role group>`,
    );
  if (note !== undefined) lines.push(note);
  return lines.join('\n');
}

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    "Calico for Windows on EKS reaches the Kubernetes API with the Windows instance's IAM role. That role must be able to get namespaces, and get the secrets that hold Calico's credentials: in calico-system for operator-managed Calico, else in kube-system.",
  appliesWhen: 'platform is eks.',
  passesWhen:
    'eks.instanceRole.canGetNamespaces is true, and eks.instanceRole.secretsReadableIn includes calico-system when calico.operatorManaged is true, else kube-system.',
};

export default defineClusterRule({
  id: 'eks-instance-role',
  title: 'EKS instance role can get namespaces and Calico secrets',
  severity: 'error',
  sections: ['EKS requirements'],
  remediation:
    "Grant the Windows instance role get on namespaces (a ClusterRole) and get on secrets in Calico's namespace (a Role in calico-system, or in kube-system without the operator), bound to the role's group from the aws-auth ConfigMap.",
  when: platformIs('eks', 'EKS'),
  // Not `requires`: one missing permission fails the rule whatever the other facts say.
  reads: ['eks.instanceRole.canGetNamespaces', 'eks.instanceRole.secretsReadableIn', 'calico.operatorManaged'],
  check: ({ eks, calico }, { profile }) => {
    const canGetNamespaces = eks?.instanceRole?.canGetNamespaces;
    const readable = eks?.instanceRole?.secretsReadableIn;
    const operatorManaged = calico?.operatorManaged;
    const { operator, manifest } = need(profile.eksSecretsNamespace, 'EKS secrets namespaces', profile);
    // Stryker disable next-line StringLiteral: the text is shown only when secretsReadableIn is known (a secrets failure or a pass)
    let readableText = '';
    if (readable !== undefined) readableText = readable.length === 0 ? 'none' : readable.join(', ');

    // The namespace whose secrets it must get; while operatorManaged is unknown, either may be the one,
    // so the secrets part is decided only when both answers agree.
    const wanted = operatorManaged === undefined ? undefined : operatorManaged ? operator : manifest;
    const secretsOk =
      readable === undefined
        ? undefined
        : wanted !== undefined
          ? readable.includes(wanted)
          : readable.includes(operator) && readable.includes(manifest)
            ? true
            : !readable.includes(operator) && !readable.includes(manifest)
              ? false
              : undefined;

    if (canGetNamespaces === false || secretsOk === false) {
      const problems: string[] = [];
      if (canGetNamespaces === false) problems.push('cannot get namespaces (eks.instanceRole.canGetNamespaces is false)');
      if (secretsOk === false)
        problems.push(
          wanted === undefined
            ? `cannot get secrets in ${operator} or in ${manifest} (it can in: ${readableText})`
            : `cannot get secrets in ${wanted}, where ${operatorManaged ? 'operator-managed' : 'manifest-installed'} Calico keeps them (it can in: ${readableText})`,
        );
      const secretsIn = secretsOk !== false ? undefined : (wanted ?? '<namespace>');
      const note =
        secretsOk === false && wanted === undefined
          ? `where <namespace> is ${operator} for operator-managed Calico, else ${manifest}.`
          : undefined;
      return fail(`The Windows instance role ${problems.join(', and ')}.`, grantCommands(canGetNamespaces === false, secretsIn, note));
    }

    const missing: ClusterFactPath[] = [];
    if (canGetNamespaces === undefined) missing.push('eks.instanceRole.canGetNamespaces');
    if (readable === undefined) missing.push('eks.instanceRole.secretsReadableIn');
    if (secretsOk === undefined && operatorManaged === undefined) missing.push('calico.operatorManaged');
    if (missing.length > 0)
      return unknown(`Cannot decide: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not known.`, missing);

    return pass(
      `The Windows instance role can get namespaces and can get secrets in ${wanted ?? `both ${operator} and ${manifest}`} (it can in: ${readableText}).`,
    );
  },
});
