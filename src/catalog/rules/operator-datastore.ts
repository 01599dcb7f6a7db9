import { need } from '../conditions.js';
import { defineClusterRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    'The operator install of Calico for Windows supports only the Kubernetes API datastore (kdd). A cluster whose Calico keeps its state in etcd can use only the manual install, where the release still documents it.',
  appliesWhen: 'Always, in the profiles of the operator (HostProcess) install.',
  passesWhen: "calico.datastore is 'kubernetes'.",
};

export default defineClusterRule({
  id: 'operator-datastore',
  title: 'Operator install uses the Kubernetes datastore',
  severity: 'error',
  sections: ['Datastores'],
  remediation:
    "Move Calico to the Kubernetes API datastore (calicoctl datastore migrate), or use a release whose manual install supports etcd (v3.27 and earlier).",
  requires: ['calico.datastore'],
  check: ({ calico }, { profile }) => {
    const allowed = need(profile.datastores, 'datastores', profile);
    // Stryker disable next-line StringLiteral: of the two datastores there are, a failing one is outside a list of at most the other, so no separator shows
    const listed = allowed.join(', ');
    return allowed.includes(calico.datastore)
      ? pass(`Calico uses the '${calico.datastore}' datastore, which the operator install supports.`)
      : fail(`Calico uses the '${calico.datastore}' datastore; the operator install supports only ${listed}.`);
  },
});
