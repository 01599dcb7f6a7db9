#!/usr/bin/env node
// A fake kubectl for tests: answers `kubectl version -o yaml` and `kubectl get <type> [name]
// [--namespace=<ns>] -o yaml` from a cluster state (test/support/fake-cluster.ts writes it, with what each
// read prints; its path is in FAKE_KUBECTL_STATE), with kubectl's own words for what goes wrong: an unknown
// resource type, a missing object, RBAC, an unknown context or flag. Faults make it hang, fail or print
// garbage on demand. `answer` is the same, in process, for runners that spawn nothing.
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const USER = 'system:serviceaccount:ci:calico-windows-compat';

/**
 * Whether RBAC rules (a ClusterRole's `rules`) allow a request, as Kubernetes' RBAC authorizer decides:
 * a resource request `{ verb, group, resource, name }`, or a non-resource one `{ verb, path }`.
 */
export function authorizes(rules, request) {
  const has = (list, value) => (list ?? []).includes('*') || (list ?? []).includes(value);
  return rules.some((rule) => {
    if (!has(rule.verbs, request.verb)) return false;
    if ('path' in request)
      return (rule.nonResourceURLs ?? []).some((url) => url === request.path || (url.endsWith('*') && request.path.startsWith(url.slice(0, -1))));
    if (!has(rule.apiGroups, request.group) || !has(rule.resources, request.resource)) return false;
    return (rule.resourceNames ?? []).length === 0 || (request.name !== undefined && rule.resourceNames.includes(request.name));
  });
}

/** Whether the state forbids a read: listed in `forbidden`, or outside its `rbac` rules. */
function forbids(state, verb, type, key, namespace, name) {
  if (state.forbidden?.includes(`${verb} ${key}`) || state.forbidden?.includes(`${verb} ${key}/${namespace ?? ''}/${name ?? ''}`)) return true;
  return state.rbac !== undefined && !authorizes(state.rbac, { verb, group: type.group, resource: type.resource, ...(name === undefined ? {} : { name }) });
}

/**
 * What kubectl would do with these arguments: `{ exitCode, stdout, stderr }`, or `{ fault }` for the
 * faults only a process can act out (`hang`, `delayMs`: then `answer(state, argv, { faults: false })`).
 */
export function answer(state, argv, { faults = true } = {}) {
  const result = (exitCode, stdout, stderr) => ({ exitCode, stdout, stderr });
  const fail = (message, code = 1) => result(code, '', `${message}\n`);

  // Flags anywhere, as kubectl (pflag) takes them.
  const positional = [];
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const long = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (long) {
      const [, name, value] = long;
      if (!['context', 'kubeconfig', 'namespace', 'output', 'request-timeout'].includes(name))
        return fail(`error: unknown flag: --${name}\nSee 'kubectl --help' for usage.`);
      flags[name] = value ?? argv[++i];
    } else if (arg === '-o' || arg === '-n') flags[arg === '-o' ? 'output' : 'namespace'] = argv[++i];
    else positional.push(arg);
  }
  if (state.contexts && flags.context !== undefined && !state.contexts.includes(flags.context))
    return fail(`error: context was not found for specified context: ${flags.context}`);

  const [command, typeArg, name] = positional;
  const fault = faults ? (state.faults?.[command === 'version' ? 'version' : (typeArg ?? '')] ?? state.faults?.['*']) : undefined;
  if (fault && ('hang' in fault || 'delayMs' in fault)) return { fault };
  if (fault && 'exit' in fault) return result(fault.exit, fault.stdout ?? '', `${fault.stderr}\n`);
  if (fault && 'stdout' in fault) return result(0, fault.stdout, '');

  if (command === 'version') {
    if (state.rbac !== undefined && !authorizes(state.rbac, { verb: 'get', path: '/version' }))
      return fail(`Error from server (Forbidden): forbidden: User "${USER}" cannot get path "/version"`);
    return flags.output === 'yaml' ? result(0, state.printed.version, '') : fail('error: this fake kubectl prints version -o yaml only');
  }
  if (command !== 'get' || typeArg === undefined) return fail(`error: this fake kubectl knows version and get, not ${JSON.stringify(positional)}`);
  if (flags.output !== 'yaml') return fail('error: this fake kubectl prints -o yaml only');

  // A type is named by its resource, singular or short name, alone or with its group.
  const type = state.types.find((t) =>
    [t.resource, t.singular, ...(t.shortNames ?? [])].some((n) => typeArg === n || typeArg === `${n}.${t.group}` || typeArg === `${n}.${t.version}.${t.group}`),
  );
  if (!type) return fail(`error: the server doesn't have a resource type "${typeArg.split('.')[0]}"`);
  const key = type.group === '' ? type.resource : `${type.resource}.${type.group}`;
  const namespace = type.namespaced ? (flags.namespace ?? 'default') : undefined;
  const verb = name === undefined ? 'list' : 'get';
  if (forbids(state, verb, type, key, namespace, name)) {
    const scope = namespace === undefined ? 'at the cluster scope' : `in the namespace "${namespace}"`;
    return fail(
      `Error from server (Forbidden): ${key}${name === undefined ? '' : ` "${name}"`} is forbidden: User "${USER}" cannot ${verb} resource "${type.resource}" in API group "${type.group}" ${scope}`,
    );
  }
  // Printed ahead by test/support/fake-cluster.ts.
  const text = state.printed[name === undefined ? `list ${key}` : `get ${key}/${namespace ?? ''}/${name}`];
  if (text === undefined) return fail(`Error from server (NotFound): ${key} "${name}" not found`);
  return result(0, text, '');
}

async function main() {
  const state = JSON.parse(readFileSync(process.env.FAKE_KUBECTL_STATE ?? '', 'utf8'));
  const argv = process.argv.slice(2);
  const log = (entry) => state.log && appendFileSync(state.log, `${JSON.stringify({ pid: process.pid, ...entry })}\n`);
  log({ argv, start: Date.now() });
  let outcome = answer(state, argv);
  if (outcome.fault?.hang) {
    // Never answers, like kubectl waiting on a server that does not; a child of its own (a credential
    // plugin, say) waits with it.
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], { stdio: 'ignore' });
    if (state.pidFile) writeFileSync(state.pidFile, JSON.stringify({ kubectl: process.pid, child: child.pid }));
    setInterval(() => {}, 1 << 30);
    return;
  }
  if (outcome.fault?.delayMs) {
    await new Promise((done) => setTimeout(done, outcome.fault.delayMs));
    outcome = answer(state, argv, { faults: false });
  }
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  log({ end: Date.now() });
  process.exitCode = outcome.exitCode;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
