/**
 * The CLI's side of reading a live cluster: the `--cluster` options, the progress lines, Ctrl-C, and the
 * kubectl plugin's way of calling the commands. The reading itself is `collectFromCluster` (`/node`);
 * what the objects say is the manifests adapter's, as for `--manifests`.
 */
import type { ParseArgsConfig } from 'node:util';
import { CompatError } from '../model/errors.js';
import type { ManifestSet } from '../model/location.js';
import type { ClusterNote, CollectedRead, CollectProgress } from '../node/collect.js';

/** The options that read the cluster, shared by check, facts and collect. */
export const CLUSTER_OPTIONS = {
  cluster: { type: 'boolean', default: false },
  context: { type: 'string' },
  kubeconfig: { type: 'string' },
  kubectl: { type: 'string' },
  timeout: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** Help for the options above (check, facts and collect take them). */
export const CLUSTER_HELP = `  --cluster             read the cluster through kubectl (the current context unless --context):
                        Nodes, version, the operator's Installation, Calico's resources, the
                        calico-config ConfigMap, RKE2's HelmChartConfig. --manifests and --facts
                        add to what it reads
  --context <name>      the kubeconfig context to read (with --cluster)
  --kubeconfig <file>   the kubeconfig file (with --cluster; default: kubectl's own)
  --kubectl <path>      the kubectl to run (with --cluster; default: kubectl on the PATH)
  --timeout <seconds>   how long one kubectl command may take (with --cluster; default: 60)`;

/** What the parsed options say about reading the cluster. */
export interface ClusterArgs {
  readonly context?: string;
  readonly kubeconfig?: string;
  readonly kubectl?: string;
  /** Milliseconds. */
  readonly timeout?: number;
}

interface ClusterValues {
  readonly cluster?: boolean | undefined;
  readonly context?: string | undefined;
  readonly kubeconfig?: string | undefined;
  readonly kubectl?: string | undefined;
  readonly timeout?: string | undefined;
}

/**
 * The cluster to read, if the options ask for one (`implied`: the command reads it anyway, as collect
 * does); a string is a usage problem to report.
 */
export function clusterArgs(values: ClusterValues, implied = false): ClusterArgs | undefined | string {
  const given = (['context', 'kubeconfig', 'kubectl', 'timeout'] as const).filter((key) => values[key] !== undefined);
  if (!values.cluster && !implied) return given.length === 0 ? undefined : `--${given[0] ?? ''} is an option of --cluster: add --cluster to read the cluster`;
  for (const key of ['context', 'kubeconfig', 'kubectl'] as const)
    if (values[key] !== undefined && values[key].trim() === '') return `--${key} needs a value`;
  let timeout: number | undefined;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!/^\d+(\.\d+)?$/.test(values.timeout.trim()) || !(seconds > 0) || seconds > 86_400)
      return `--timeout is a number of seconds from 0.1 to 86400, not '${values.timeout}'`;
    timeout = Math.max(100, Math.round(seconds * 10) * 100);
  }
  return {
    ...(values.context === undefined ? {} : { context: values.context }),
    ...(values.kubeconfig === undefined ? {} : { kubeconfig: values.kubeconfig }),
    ...(values.kubectl === undefined ? {} : { kubectl: values.kubectl }),
    ...(timeout === undefined ? {} : { timeout }),
  };
}

/** What the CLI read from the cluster. */
export interface CollectedCluster {
  readonly set: ManifestSet;
  readonly reads: readonly CollectedRead[];
  readonly notes: readonly ClusterNote[];
  /** `cluster: context prod`, for the report's and the facts file's header. */
  readonly description: string;
}

/** The stream progress lines go to: standard error, on a terminal only. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Reads the cluster for a command: a progress line per kind on standard error when it is a terminal,
 * and Ctrl-C stops kubectl rather than leaving it running.
 */
export async function readCluster(args: ClusterArgs, stderr: ProgressStream = process.stderr): Promise<CollectedCluster> {
  const controller = new AbortController();
  const interrupt = (): void => controller.abort(new CompatError('kubectl-failed', 'Interrupted: kubectl was stopped before the cluster was read.'));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const { collectFromCluster } = await import('../node/collect.js');
    const collection = await collectFromCluster({ ...args, signal: controller.signal, ...(stderr.isTTY === true ? { onProgress: progressLine(stderr) } : {}) });
    return {
      set: collection.manifests,
      reads: collection.reads,
      notes: collection.notes,
      description: `cluster: ${args.context === undefined ? 'current context' : `context ${args.context}`}`,
    };
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

/** `calico-windows-compat: [3/11] IPPool: 1 object (kubectl get ippools.crd.projectcalico.org -o yaml)` */
export function progressLine(stream: ProgressStream): (progress: CollectProgress) => void {
  return (p) => {
    const what =
      p.outcome === 'read'
        ? `${p.objects} object${p.objects === 1 ? '' : 's'} (${p.command ?? ''})`
        : { absent: 'absent', forbidden: 'forbidden (RBAC)', failed: 'failed' }[p.outcome];
    stream.write(`calico-windows-compat: [${p.done}/${p.total}] ${p.kind}: ${what}\n`);
  };
}

// ---------------------------------------------------------------------------------------------------
// The kubectl plugin: `kubectl calico-windows <command>` runs kubectl-calico_windows with the arguments
// after the plugin's name (src/cli/plugin.ts marks the run as the plugin's, then loads the CLI).

/** Set by src/cli/plugin.ts before it loads the CLI. */
const PLUGIN = Symbol.for('calico-windows-compat.kubectl-plugin');

/** Whether this run is the kubectl plugin's. */
export function isKubectlPlugin(): boolean {
  return (globalThis as Record<symbol, unknown>)[PLUGIN] === true;
}

/** The plugin's help: the commands that read the cluster, with kubectl's flags. */
export function pluginHelp(version: string): string {
  return `kubectl calico-windows ${version} (calico-windows-compat)
Checks the cluster of your kubeconfig against the Calico for Windows requirements.

Usage:
  kubectl calico-windows check [--context <name>] [--kubeconfig <file>] [--facts <file>] [options]
  kubectl calico-windows collect [--context <name>] [--kubeconfig <file>] [-o facts.yaml]
  kubectl calico-windows facts [--context <name>] [--format yaml|json]
  kubectl calico-windows plan [--context <name>] [--release <release> ...] [--format text|json|markdown]
  kubectl calico-windows rules | releases | explain <rule-id> | schema | --help | --version

check, facts and plan read the cluster through kubectl, as calico-windows-compat check --cluster does;
collect writes the derived facts file, with what is still needed. --facts adds what the cluster
cannot say, --manifests more objects (calicoctl output on the etcd datastore). Every option of
calico-windows-compat works: calico-windows-compat --help lists them.

Flags go after the command (kubectl passes them to the plugin): kubectl calico-windows check --context prod
`;
}

/**
 * The plugin's arguments as the CLI's: check, facts and plan read the cluster. kubectl's own `--cluster <name>`
 * (a kubeconfig cluster) would be mistaken for the CLI's `--cluster`: it is refused with what to use.
 */
export function pluginArgs(argv: readonly string[]): readonly string[] | string {
  if (argv.some((arg) => arg === '--cluster' || arg.startsWith('--cluster=')))
    return "the plugin always reads the cluster of your kubeconfig: choose it with --context (kubectl's --cluster is not taken)";
  const [command, ...rest] = argv;
  if (command === 'check' || command === 'facts' || command === 'plan') return [command, '--cluster', ...rest];
  return argv;
}
