/** `plan`'s formats and help: small, so the command line's help loads no planner. */

/** The formats of `plan --format`. */
export const PLAN_FORMATS = ['text', 'json', 'markdown'] as const;
/** A plan format. */
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** The usage lines and options of `plan`, for the CLI's help. */
export const PLAN_HELP = `plan: which networking option (Calico BGP, Calico VXLAN, cloud-provider, the managed platform's
CNI) would work for the cluster under each release, and what each would take: the option's own
changes, each failing requirement's fix, the facts still unknown, and each Windows node's changes.
  --cluster             read the cluster through kubectl, as for check (with --context, --kubeconfig,
                        --kubectl, --timeout)
  --facts <file>        the facts file (JSON or YAML); a positional file works too
  --manifests <file>    Kubernetes objects to derive facts from, as for check; repeatable
  --release <release>   a release to plan under, as for check; repeat it to plan each option
                        under each release (--release 3.23 --release 3.28); default: 3.23
  --format <format>     text, json or markdown; default: text
  --max-nodes <n>       refuse input listing more than n nodes, as for check (default: 100000)
  exit code: 0 when an option is viable (under every release), 1 when none is, 3 when the best is open
`;
