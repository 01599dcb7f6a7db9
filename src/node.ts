/**
 * `calico-windows-compat/node`: reading facts from files and streams, and a live cluster's objects through
 * kubectl. Node.js only; the main entry and `calico-windows-compat/yaml` stay browser-safe.
 * @packageDocumentation
 */
export {
  readTextFile,
  readTextStream,
  readFactsFile,
  readWaiversFile,
  DEFAULT_MAX_BYTES,
  type ReadOptions,
} from './node/read.js';
export {
  collectFromCluster,
  COLLECTED_KINDS,
  DEFAULT_COLLECT_CONCURRENCY,
  DEFAULT_COLLECT_TIMEOUT,
  READER_ROLE_URL,
  type ClusterCollection,
  type ClusterNote,
  type ClusterNoteCode,
  type ClusterRead,
  type CollectedKind,
  type CollectedRead,
  type CollectOptions,
  type CollectOutcome,
  type CollectProgress,
  type ResourceRead,
  type VersionRead,
} from './node/collect.js';
export { kubectlRunner, MAX_STDERR_BYTES, type KubectlResult, type KubectlRunner, type KubectlRunOptions } from './node/kubectl.js';
export { CompatError, type ErrorCode, type InputIssue } from './model/errors.js';
