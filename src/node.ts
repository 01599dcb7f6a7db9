/**
 * `calico-windows-compat/node`: reading facts from files and streams. Node.js only; the main entry and
 * `calico-windows-compat/yaml` stay browser-safe.
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
export { CompatError, type ErrorCode, type InputIssue } from './model/errors.js';
