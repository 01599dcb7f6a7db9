/**
 * Reading a live cluster through kubectl: kind by kind, a bounded number of kubectl processes at a time,
 * each answer parsed as text with its command as its file name — so every fact derived from it names
 * `kubectl get ippools.crd.projectcalico.org -o yaml` and a line as its source. What the objects say is the
 * manifests adapter's business: this module only fetches them.
 * @module
 */
import { CompatError, type InputIssue } from '../model/errors.js';
import { REPOSITORY_URL } from '../model/links.js';
import type { ManifestSet } from '../model/location.js';
import { concatManifests } from '../adapters/manifests.js';
import { parseManifestsText } from '../text/yaml.js';
import { describeCommand, kubectlRunner, type KubectlResult, type KubectlRunner } from './kubectl.js';
import { DEFAULT_MAX_BYTES } from './read.js';

/** A Kubernetes API resource the collector reads: `list` a resource type, or `get` one named object. */
export interface ResourceRead {
  /** `list` a resource type, or `get` one object by name. */
  readonly verb: 'list' | 'get';
  /** The resource, plural: `ippools`. */
  readonly resource: string;
  /** The API group: `crd.projectcalico.org`; `''` for the core group. */
  readonly group: string;
  /** The namespace of a namespaced object. */
  readonly namespace?: string;
  /** The object's name, for `get`. */
  readonly name?: string;
}

/** The server's version (`kubectl version`): a `get` on the API server's `/version` path. */
export interface VersionRead {
  /** Always `get`. */
  readonly verb: 'get';
  /** Always `/version`. */
  readonly nonResourceURL: '/version';
}

/** One kubectl command the collector runs. */
export type ClusterRead = ResourceRead | VersionRead;

/** One kind of object the collector reads, and where from. */
export interface CollectedKind {
  /** What it is: `IPPool`, `ConfigMap kube-system/calico-config`. */
  readonly kind: string;
  /**
   * Where to read it, in order of preference: the first read that answers with objects is used, the
   * others only stand in when it has none (Calico's resources exist in two API groups).
   */
  readonly reads: readonly ClusterRead[];
  /** What its absence means, for the note that says so. */
  readonly absence: string;
}

const list = (resource: string, group: string): ResourceRead => ({ verb: 'list', resource, group });
const named = (resource: string, group: string, namespace: string, name: string): ResourceRead => ({ verb: 'get', resource, group, namespace, name });
/** A Calico resource: served by the Calico API server (or Calico's v3 CRDs) as projectcalico.org, stored as crd.projectcalico.org. */
const calico = (kind: string, v3: string, crd: string): CollectedKind => ({
  kind,
  reads: [list(v3, 'projectcalico.org'), list(crd, 'crd.projectcalico.org')],
  absence: `the cluster serves neither ${v3}.projectcalico.org nor ${crd}.crd.projectcalico.org`,
});

/** A ClusterRole granting exactly the collector's reads. */
export const READER_ROLE_URL = `${REPOSITORY_URL}/blob/main/docs/rbac/calico-windows-compat-reader.yaml`;

/**
 * What the collector reads, in order: every kind the manifests adapter derives facts from. A ClusterRole
 * granting exactly these reads: {@link READER_ROLE_URL}.
 */
export const COLLECTED_KINDS: readonly CollectedKind[] = [
  { kind: 'Kubernetes version', reads: [{ verb: 'get', nonResourceURL: '/version' }], absence: 'the API server did not say its version' },
  { kind: 'Node', reads: [list('nodes', '')], absence: 'the cluster has no nodes' },
  {
    kind: 'Installation',
    reads: [list('installations', 'operator.tigera.io')],
    absence: 'the cluster serves no installations.operator.tigera.io: Calico was not installed by the Tigera operator',
  },
  calico('FelixConfiguration', 'felixconfigurations', 'felixconfigurations'),
  calico('IPPool', 'ippools', 'ippools'),
  calico('IPAMConfig', 'ipamconfigurations', 'ipamconfigs'),
  calico('BGPConfiguration', 'bgpconfigurations', 'bgpconfigurations'),
  calico('ClusterInformation', 'clusterinformations', 'clusterinformations'),
  {
    kind: 'ConfigMap kube-system/calico-config',
    reads: [named('configmaps', '', 'kube-system', 'calico-config')],
    absence: 'not a manifest install (calico.yaml), which keeps its backend and datastore there',
  },
  {
    kind: 'ConfigMap tigera-operator/kubernetes-services-endpoint',
    reads: [named('configmaps', '', 'tigera-operator', 'kubernetes-services-endpoint')],
    absence: 'the Tigera operator is not told the API server’s address directly',
  },
  {
    kind: 'HelmChartConfig kube-system/rke2-calico',
    reads: [named('helmchartconfigs', 'helm.cattle.io', 'kube-system', 'rke2-calico')],
    absence: 'not RKE2 with its Calico chart customised',
  },
];

/** The kinds whose absence together means no Calico resource is readable through the Kubernetes API. */
const CALICO_KINDS = new Set(['FelixConfiguration', 'IPPool', 'IPAMConfig', 'BGPConfiguration', 'ClusterInformation']);

/** What a {@link ClusterNote} is about. */
export type ClusterNoteCode =
  /** The cluster does not serve a kind (its CRD is not installed), or a named object does not exist. */
  | 'absent'
  /** Reading a kind was forbidden (RBAC): facts from it are missing. `grants` says what to grant. */
  | 'forbidden'
  /** A kind's preferred read failed, and another read stood in for it. */
  | 'fallback'
  /** None of Calico's resources is readable through the Kubernetes API (Calico absent, or on etcd). */
  | 'no-calico';

/** Something the collector wants users to know. Data, with the English in `message`. */
export interface ClusterNote {
  readonly code: ClusterNoteCode;
  /** `warning`: facts are missing because of it; `info`: for the record. */
  readonly level: 'info' | 'warning';
  /** The note in English. */
  readonly message: string;
  /** The kind it is about: `IPPool`. */
  readonly kind: string;
  /** The commands concerned, as a user would type them (without `--context` and `--kubeconfig`). */
  readonly commands: readonly string[];
  /** For `forbidden`: the reads to grant, any one of which is enough. */
  readonly grants?: readonly ResourceRead[];
}

/** One command that answered with objects. */
export interface CollectedRead {
  /** The kind read. */
  readonly kind: string;
  /** The command, as a user would type it (without `--context` and `--kubeconfig`): the file name of its facts' sources. */
  readonly command: string;
  /** The arguments kubectl was given. */
  readonly args: readonly string[];
  /** How many objects it answered with. */
  readonly objects: number;
  /** What kubectl printed: YAML. */
  readonly text: string;
}

/** What {@link collectFromCluster} returns. */
export interface ClusterCollection {
  /**
   * Every object read, as `parseManifestsText` returns text (each command's output is one "file", named by
   * its command): pass to `factsFromManifests(manifests.objects, { locate: manifests.locate, parseValues: parseValuesText })`.
   */
  readonly manifests: ManifestSet;
  /** What was read, in {@link COLLECTED_KINDS} order. */
  readonly reads: readonly CollectedRead[];
  /** Kinds absent, forbidden or read from a stand-in, in {@link COLLECTED_KINDS} order. */
  readonly notes: readonly ClusterNote[];
}

/** How a kind's reads ended, for {@link CollectOptions.onProgress}. */
export type CollectOutcome = 'read' | 'absent' | 'forbidden' | 'failed';

/** Reported once per kind as its reads finish. */
export interface CollectProgress {
  /** The kind finished: `IPPool`. */
  readonly kind: string;
  /** How its reads ended. */
  readonly outcome: CollectOutcome;
  /** Objects read (0 unless `read`). */
  readonly objects: number;
  /** The command used, when `read`. */
  readonly command?: string;
  /** Kinds finished so far, this one included. */
  readonly done: number;
  /** Kinds in all: {@link COLLECTED_KINDS}' length. */
  readonly total: number;
}

/** Options of {@link collectFromCluster}. */
export interface CollectOptions {
  /** The kubeconfig context to read (`--context`); default: the current context. */
  readonly context?: string;
  /** The kubeconfig file (`--kubeconfig`); default: kubectl's (`KUBECONFIG`, `~/.kube/config`). */
  readonly kubeconfig?: string;
  /** The kubectl executable: a path, or a name on the `PATH`. Default: `kubectl`. Ignored with `runner`. */
  readonly kubectl?: string;
  /** How long one kubectl command may take, in milliseconds, before it is stopped. Default: {@link DEFAULT_COLLECT_TIMEOUT}. */
  readonly timeout?: number;
  /** How many kubectl commands run at once. Default: {@link DEFAULT_COLLECT_CONCURRENCY}. */
  readonly concurrency?: number;
  /** The most one command may print, in bytes, as for files. Default: `DEFAULT_MAX_BYTES` (64 MiB). */
  readonly maxBytes?: number;
  /** Runs kubectl: the default spawns it ({@link kubectlRunner}); programs and tests may supply their own. */
  readonly runner?: KubectlRunner;
  /** Stops the collection: running commands are stopped, and the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called as each kind finishes (a progress display). Errors it throws are ignored. */
  readonly onProgress?: (progress: CollectProgress) => void;
}

/** How long one kubectl command may take by default: 60 seconds. */
export const DEFAULT_COLLECT_TIMEOUT = 60_000;
/** How many kubectl commands run at once by default. */
export const DEFAULT_COLLECT_CONCURRENCY = 4;

/** How a single read ended. */
type ReadResult = ReadAnswer | ReadRefusal;
/** A read that answered with objects. */
interface ReadAnswer {
  readonly status: 'read';
  readonly read: ClusterRead;
  readonly command: string;
  readonly args: readonly string[];
  readonly text: string;
  readonly set: ManifestSet;
  readonly objects: number;
}
/** A read that did not: the kind is absent, forbidden, or the command failed. */
interface ReadRefusal {
  readonly status: 'absent' | 'forbidden' | 'failed';
  readonly read: ClusterRead;
  readonly command: string;
  readonly code: string;
  readonly message: string;
}

/**
 * Reads a live cluster through kubectl — the user's own, with their kubeconfig, contexts and credential
 * plugins — and returns its objects as manifests, each with the command it came from. First
 * `kubectl version` (which also proves the server answers and the credentials work), then every kind of
 * {@link COLLECTED_KINDS} in parallel, a few commands at a time.
 *
 * A kind the cluster lacks (no `Installation` on a manifest install) is a note, not an error; so is a read
 * RBAC forbids, naming what to grant. Anything else — kubectl missing, the server unreachable,
 * credentials refused, a command timing out or printing what is not Kubernetes objects — is an error.
 *
 * @throws {@link CompatError} `kubectl-failed` with kubectl's message (every failed command listed);
 * `invalid-options` for bad options.
 * @example
 * import { collectFromCluster } from 'calico-windows-compat/node';
 * import { factsFromManifests } from 'calico-windows-compat/manifests';
 * import { parseValuesText } from 'calico-windows-compat/yaml';
 *
 * const { manifests, notes } = await collectFromCluster({ context: 'prod' });
 * const { facts, sources } = factsFromManifests(manifests.objects, { locate: manifests.locate, parseValues: parseValuesText });
 * // sources['calico.ipPools[default-ipv4-ippool].encapsulation'].file: 'kubectl get ippools.crd.projectcalico.org -o yaml'
 */
export async function collectFromCluster(options: CollectOptions = {}): Promise<ClusterCollection> {
  const settings = checkOptions(options);
  const run = (read: ClusterRead): Promise<ReadResult> => runRead(read, settings);

  // kubectl version first and alone: an unreachable server or refused credentials then fail once, and a
  // credential plugin that caches its token is asked once before the rest run side by side.
  const [versionKind, ...kinds] = COLLECTED_KINDS;
  const versionRead = versionKind?.reads[0];
  if (!versionKind || !versionRead) throw new Error('COLLECTED_KINDS starts with the version');
  const version = await run(versionRead);
  if (version.status !== 'read')
    throw new CompatError('kubectl-failed', `Cannot read the cluster${settings.where}: ${version.command} failed.\n${indent(version.message)}`);

  const total = COLLECTED_KINDS.length;
  let done = 0;
  const report = (kind: string, outcome: CollectOutcome, chosen?: ReadAnswer): void => {
    done++;
    try {
      settings.onProgress?.({ kind, outcome, objects: chosen?.objects ?? 0, ...(chosen ? { command: chosen.command } : {}), done, total });
    } catch {
      // A progress display's failure is no reason to stop reading.
    }
  };
  report(versionKind.kind, 'read', version);

  // The pool bounds processes, not kinds: a kind's reads run as slots free up, and it is resolved (and
  // reported) when its last read is in.
  const pending = kinds.map((kind) => ({ kind, results: new Array<ReadResult>(kind.reads.length), left: kind.reads.length }));
  const results = new Array<KindResult>(kinds.length);
  await inParallel(
    pending.flatMap((entry, kindIndex) =>
      entry.kind.reads.map((read, readIndex) => async () => {
        entry.results[readIndex] = await run(read);
        if (--entry.left > 0) return;
        const result = resolveKind(entry.kind, entry.results);
        results[kindIndex] = result;
        report(entry.kind.kind, result.outcome, result.chosen);
      }),
    ),
    settings.concurrency,
    settings.signal,
  );

  const failures = results.flatMap((r) => r.failures);
  if (failures.length > 0)
    throw new CompatError(
      'kubectl-failed',
      `Cannot read the cluster${settings.where}: ${failures.length === 1 ? 'a kubectl command' : `${failures.length} kubectl commands`} failed:`,
      failures.map((f) => ({ path: f.command, code: f.code, message: f.message })),
    );

  const chosen = [version, ...results.flatMap((r) => (r.chosen ? [r.chosen] : []))];
  const notes = results.flatMap((r) => r.notes);
  if (results.every((r) => !CALICO_KINDS.has(r.kind) || r.outcome === 'absent'))
    notes.push({
      code: 'no-calico',
      level: 'warning',
      kind: 'Calico resources',
      commands: [],
      message:
        "The cluster serves none of Calico's resources (projectcalico.org or crd.projectcalico.org): Calico is not installed, or keeps its resources in etcd. On etcd, read them with calicoctl get felixconfiguration,ippool,ipamconfiguration,bgpconfiguration,clusterinformation -o yaml and give that output with the cluster's objects.",
    });
  return {
    manifests: concatManifests(chosen.map((r) => r.set)),
    reads: chosen.map((r) => ({ kind: kindOf(r.read), command: r.command, args: r.args, objects: r.objects, text: r.text })),
    notes,
  };
}

interface Settings {
  readonly runner: KubectlRunner;
  readonly flags: readonly string[];
  readonly timeout: number;
  readonly concurrency: number;
  readonly maxBytes: number;
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ((progress: CollectProgress) => void) | undefined;
  /** ` (context prod)`, for messages. */
  readonly where: string;
}

function checkOptions(options: CollectOptions): Settings {
  const issues: InputIssue[] = [];
  const text = (key: 'context' | 'kubeconfig' | 'kubectl'): string | undefined => {
    const value: unknown = options[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '' || value.includes('\0'))
      issues.push({ path: key, code: 'invalid-value', message: 'must be a non-empty string without NUL characters' });
    return typeof value === 'string' ? value : undefined;
  };
  const count = (key: 'timeout' | 'concurrency' | 'maxBytes', fallback: number, max: number): number => {
    const value: unknown = options[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max)
      issues.push({ path: key, code: 'invalid-value', message: `must be a whole number from 1 to ${max}` });
    return typeof value === 'number' ? value : fallback;
  };
  const context = text('context');
  const kubeconfig = text('kubeconfig');
  const kubectl = text('kubectl');
  const timeout = count('timeout', DEFAULT_COLLECT_TIMEOUT, 24 * 60 * 60 * 1000);
  const concurrency = count('concurrency', DEFAULT_COLLECT_CONCURRENCY, 32);
  const maxBytes = count('maxBytes', DEFAULT_MAX_BYTES, 2 ** 31 - 1);
  if (options.runner !== undefined && typeof options.runner !== 'function')
    issues.push({ path: 'runner', code: 'invalid-type', message: 'must be a function' });
  if (issues.length > 0) throw new CompatError('invalid-options', 'Invalid collectFromCluster options:', issues);
  return {
    runner: options.runner ?? kubectlRunner(kubectl),
    // `--flag=value`: a value that starts with '-' can never be read as another flag.
    flags: [...(context === undefined ? [] : [`--context=${context}`]), ...(kubeconfig === undefined ? [] : [`--kubeconfig=${kubeconfig}`])],
    timeout,
    concurrency,
    maxBytes,
    signal: options.signal,
    onProgress: options.onProgress,
    where: context === undefined ? '' : ` (context ${context})`,
  };
}

/** The kubectl arguments of a read, without the context and kubeconfig flags. */
export function kubectlArgs(read: ClusterRead): string[] {
  if ('nonResourceURL' in read) return ['version', '-o', 'yaml'];
  const type = read.group === '' ? read.resource : `${read.resource}.${read.group}`;
  return ['get', type, ...(read.name === undefined ? [] : [read.name]), ...(read.namespace === undefined ? [] : [`--namespace=${read.namespace}`]), '-o', 'yaml'];
}

function kindOf(read: ClusterRead): string {
  return COLLECTED_KINDS.find((k) => k.reads.includes(read))?.kind ?? '';
}

async function runRead(read: ClusterRead, settings: Settings): Promise<ReadResult> {
  const bare = kubectlArgs(read);
  const command = describeCommand('kubectl', bare);
  const args = [...bare, ...settings.flags];
  const failed = (code: string, message: string): ReadResult => ({ status: 'failed', read, command, code, message });

  let result: KubectlResult;
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new CompatError('kubectl-failed', `did not finish within ${seconds(settings.timeout)}: stopped (allow longer with a larger timeout)`)),
    settings.timeout,
  );
  const onAbort = (): void => controller.abort(settings.signal?.reason);
  settings.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (settings.signal?.aborted) throw settings.signal.reason;
    // A runner that ignores the signal cannot hold the collection up: the abort settles it.
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
    });
    result = await Promise.race([settings.runner(args, { maxBytes: settings.maxBytes, signal: controller.signal }), aborted]);
  } catch (error) {
    if (settings.signal?.aborted) throw settings.signal.reason;
    const message = error instanceof Error ? error.message : String(error);
    return failed(controller.signal.aborted ? 'timeout' : 'not-run', message);
  } finally {
    clearTimeout(timer);
    settings.signal?.removeEventListener('abort', onAbort);
  }

  if (result.exitCode !== 0) {
    const message = kubectlMessage(result.stderr) || `exited with ${result.exitCode === null ? 'a signal' : `code ${result.exitCode}`} and no message`;
    return { status: classify(read, message), read, command, code: `exit-${result.exitCode ?? 'signal'}`, message };
  }
  let set: ManifestSet;
  try {
    set = parseManifestsText(result.stdout, { file: command, maxLength: settings.maxBytes });
  } catch (error) {
    const first = error instanceof CompatError ? error.issues[0] : undefined;
    return failed('output', `printed what is not YAML${first ? `: ${first.message}${first.location ? ` (line ${first.location.line})` : ''}` : ''}`);
  }
  const objects = countObjects(read, set.objects);
  if (objects === undefined) return failed('output', `printed no ${'nonResourceURL' in read ? 'server version' : `Kubernetes ${read.verb === 'list' ? 'list' : 'object'}`}: ${preview(result.stdout)}`);
  return { status: 'read', read, command, args, text: result.stdout, set, objects };
}

/** How many objects the output holds, or undefined when it is not what the command prints. */
function countObjects(read: ClusterRead, documents: readonly unknown[]): number | undefined {
  const [document, ...rest] = documents;
  if (rest.length > 0 || !isRecord(document)) return undefined;
  if ('nonResourceURL' in read) return isRecord(document['serverVersion']) ? 1 : undefined;
  const kind = document['kind'];
  if (typeof document['apiVersion'] !== 'string' || typeof kind !== 'string') return undefined;
  if (read.verb === 'list') return kind.endsWith('List') && Array.isArray(document['items']) ? document['items'].length : undefined;
  const metadata = document['metadata'];
  return isRecord(metadata) && metadata['name'] === read.name ? 1 : undefined;
}

/** Which failures are the cluster's answer (the kind is absent, or forbidden) rather than a failure to read it. */
function classify(read: ClusterRead, message: string): 'absent' | 'forbidden' | 'failed' {
  if ('nonResourceURL' in read) return 'failed';
  if (/^Error from server \(Forbidden\)/m.test(message)) return 'forbidden';
  // kubectl's words when discovery does not know the type (cli-runtime's resource builder).
  if (/^error: the server doesn't have a resource type /m.test(message)) return 'absent';
  // A named object (or its namespace) that does not exist; or a type whose API group is gone.
  if (/^Error from server \(NotFound\)/m.test(message)) return 'absent';
  return 'failed';
}

/** kubectl's message: its standard error without client-go's log lines, at most a few lines. */
export function kubectlMessage(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((line) => line.trimEnd());
  const klog = /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ [^\]]*\] /;
  let kept = lines.filter((line) => line !== '' && !klog.test(line));
  // Only log lines: the last of them says most.
  if (kept.length === 0) kept = lines.filter((line) => line !== '').slice(-1).map((line) => line.replace(klog, ''));
  const text = kept.slice(-5).join('\n');
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

interface KindResult {
  readonly kind: string;
  readonly outcome: CollectOutcome;
  readonly chosen: ReadAnswer | undefined;
  readonly notes: ClusterNote[];
  readonly failures: Array<ReadRefusal>;
}

/** Chooses a kind's answer from its reads, and says what happened to the others. */
function resolveKind(kind: CollectedKind, results: readonly ReadResult[]): KindResult {
  const answered = results.filter((r): r is ReadAnswer => r.status === 'read');
  const chosen = answered.find((r) => r.objects > 0) ?? answered[0];
  const notOk = results.filter((r): r is ReadRefusal => r.status !== 'read');
  const quote = (r: ReadRefusal): string => `${r.command}: ${r.message.replaceAll('\n', ' ')}`;
  if (chosen) {
    const stoodIn = notOk.filter((r) => r.status !== 'absent' && kind.reads.indexOf(r.read) < kind.reads.indexOf(chosen.read));
    const notes: ClusterNote[] =
      stoodIn.length === 0
        ? []
        : [
            {
              code: 'fallback',
              level: 'info',
              kind: kind.kind,
              commands: [...stoodIn.map((r) => r.command), chosen.command],
              message: `${kind.kind} read with ${chosen.command}, as ${stoodIn.map(quote).join('; ')}`,
            },
          ];
    return { kind: kind.kind, outcome: 'read', chosen, notes, failures: [] };
  }
  const failures = notOk.filter((r): r is ReadRefusal => r.status === 'failed');
  if (failures.length > 0) return { kind: kind.kind, outcome: 'failed', chosen: undefined, notes: [], failures };
  const forbidden = notOk.filter((r) => r.status === 'forbidden');
  if (forbidden.length > 0) {
    const grants = forbidden.flatMap((r) => ('nonResourceURL' in r.read ? [] : [r.read]));
    return {
      kind: kind.kind,
      outcome: 'forbidden',
      chosen: undefined,
      failures: [],
      notes: [
        {
          code: 'forbidden',
          level: 'warning',
          kind: kind.kind,
          commands: forbidden.map((r) => r.command),
          grants,
          message: `${kind.kind} could not be read: RBAC forbids it. Grant ${grants.map(describeGrant).join(', or ')} (${READER_ROLE_URL} grants all the collector reads). ${forbidden.map(quote).join('; ')}`,
        },
      ],
    };
  }
  return {
    kind: kind.kind,
    outcome: 'absent',
    chosen: undefined,
    failures: [],
    notes: [{ code: 'absent', level: 'info', kind: kind.kind, commands: notOk.map((r) => r.command), message: `No ${kind.kind}: ${kind.absence}.` }],
  };
}

/** `list on ippools.crd.projectcalico.org`, `get on configmaps/calico-config in kube-system`. */
export function describeGrant(read: ResourceRead): string {
  const type = read.group === '' ? read.resource : `${read.resource}.${read.group}`;
  return `${read.verb} on ${type}${read.name === undefined ? '' : `/${read.name}`}${read.namespace === undefined ? '' : ` in ${read.namespace}`}`;
}

/** Runs tasks in order, at most `limit` at a time. */
async function inParallel(tasks: ReadonlyArray<() => Promise<void>>, limit: number, signal: AbortSignal | undefined): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      if (signal?.aborted) throw signal.reason;
      await tasks[next++]?.();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function seconds(ms: number): string {
  return ms % 100 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

function preview(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  const short = line.length > 80 ? `${line.slice(0, 80)}…` : line;
  return short === '' ? '(nothing)' : JSON.stringify(short);
}
