import { defineNodeRule } from '../../engine/define.js';
import { fail, pass, type RuleDocs } from '../../engine/rule.js';

// config.ps1 names the etcd datastore 'etcdv3'.
const CONFIG_VALUE = { kubernetes: 'kubernetes', etcd: 'etcdv3' } as const;

/** What the rule reference says about this rule (kept apart so the core bundle need not carry it). */
export const docs: RuleDocs = {
  description:
    "Calico for Windows keeps its state in the same datastore as the Linux control side: the Kubernetes API datastore (kdd) or etcd. The two cannot be mixed, so each Windows node's Calico must use exactly the datastore the Linux Calico uses.",
  appliesWhen: 'Always, on each Windows node.',
  passesWhen: "The node's datastore equals calico.datastore.",
};

export default defineNodeRule({
  id: 'windows-datastore-match',
  title: "Node's datastore matches the Linux side",
  severity: 'error',
  sections: ['Datastores'],
  remediation:
    "Set CALICO_DATASTORE_TYPE in the node's Calico for Windows config.ps1 to the Linux side's datastore ('kubernetes', or 'etcdv3' for etcd) and restart the Calico services.",
  requires: ['node.datastore', 'calico.datastore'],
  check: ({ calico }, node) =>
    node.datastore === calico.datastore
      ? pass(`Node ${node.name} uses the '${node.datastore}' datastore, as the Linux side does.`)
      : fail(
          `Node ${node.name} uses the '${node.datastore}' datastore but the Linux side uses '${calico.datastore}'; datastores cannot be mixed.`,
          `Set $env:CALICO_DATASTORE_TYPE = "${CONFIG_VALUE[calico.datastore]}" in config.ps1 on node ${node.name} (the Linux side uses '${calico.datastore}') and restart the Calico services.`,
        ),
});
