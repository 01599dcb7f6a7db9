// The peer: the library's per-Windows-node rules (Calico v3.23's, the default profile) written for
// json-rules-engine, the engine Backstage Tech Insights runs its checks with. Each rule fires when the
// node fails it, so a run's events are the node's failures. Where a rule parses a value, its operator
// calls the library's own parser, so both decide from the same reading of the facts; that the two agree
// is checked on every run (the failures counted alike).
import { Engine } from 'json-rules-engine';

/** The node rules of the default profile, by id. */
export const NODE_RULE_IDS = [
  'windows-os-version',
  'windows-kubernetes-os-support',
  'windows-container-runtime',
  'windows-powershell-admin',
  'windows-remote-access',
  'windows-remoteaccess-service',
  'windows-tls12',
  'windows-not-route-reflector',
  'windows-datastore-match',
  'windows-cni-plugin',
];

/**
 * An engine with the node rules, for a cluster of `facts`, and the facts every node's run shares.
 * `lib` is the library's main entry (the build under test).
 */
export function peerEngine(lib, facts) {
  const { parseWindowsBuild, parseContainerRuntime, parseVersion, kubernetesWindowsSupport, DEFAULT_PROFILE } = lib;
  const engine = new Engine([], { allowUndefinedFacts: true });
  const text = (v) => typeof v === 'string' && v.length > 0;

  // windows-os-version fails: not a build, a release the page does not support, or a revision below its minimum.
  engine.addOperator('unsupportedBuild', (osBuild, builds) => {
    if (!text(osBuild)) return false;
    const parsed = parseWindowsBuild(osBuild);
    if (parsed === undefined) return true;
    const exact = builds.find((b) => b.build === parsed.build);
    const supported = exact ?? builds.filter((b) => b.orLater === true && b.build < parsed.build).sort((a, b) => b.build - a.build)[0];
    if (supported === undefined) return true;
    if (supported.build !== parsed.build || supported.minRevision === undefined || parsed.revision === undefined) return false;
    return parsed.revision < supported.minRevision;
  });
  // windows-kubernetes-os-support fails: not a build, a release the library does not know, or one the Kubernetes row leaves out.
  engine.addOperator('notInKubernetesRow', (osBuild, row) => {
    if (!text(osBuild) || row === null) return false;
    const parsed = parseWindowsBuild(osBuild);
    return parsed?.release === undefined || !row.includes(parsed.release.id);
  });
  engine.addOperator('runtimeNotIn', (runtime, names) => {
    if (!text(runtime)) return false;
    const parsed = parseContainerRuntime(runtime);
    return parsed === undefined || !names.includes(parsed.name);
  });
  engine.addOperator('noRemoteAccess', (methods) => Array.isArray(methods) && !methods.includes('rdp') && !methods.includes('winrm'));
  engine.addOperator('differsFrom', (value, other) => value !== undefined && other !== undefined && value !== other);
  engine.addOperator('pluginIsNot', (plugin, expected) => text(plugin) && expected !== null && plugin.trim().toLowerCase().replace(/\.exe$/, '') !== expected);

  const fails = (id, conditions) => engine.addRule({ name: id, conditions: { all: conditions }, event: { type: id } });
  fails('windows-os-version', [{ fact: 'osBuild', operator: 'unsupportedBuild', value: DEFAULT_PROFILE.windowsBuilds }]);
  fails('windows-kubernetes-os-support', [{ fact: 'osBuild', operator: 'notInKubernetesRow', value: { fact: 'kubernetesRow' } }]);
  fails('windows-container-runtime', [{ fact: 'containerRuntime', operator: 'runtimeNotIn', value: DEFAULT_PROFILE.containerRuntimes }]);
  fails('windows-powershell-admin', [{ fact: 'powershellAdmin', operator: 'equal', value: false }]);
  fails('windows-remote-access', [{ fact: 'remoteAccess', operator: 'noRemoteAccess', value: true }]);
  fails('windows-remoteaccess-service', [
    { fact: 'networking', operator: 'equal', value: 'calico-bgp' },
    { fact: 'remoteAccessServiceInstalled', operator: 'equal', value: false },
  ]);
  fails('windows-tls12', [{ fact: 'tls12Enabled', operator: 'equal', value: false }]);
  fails('windows-not-route-reflector', [{ fact: 'routeReflector', operator: 'equal', value: true }]);
  fails('windows-datastore-match', [{ fact: 'datastore', operator: 'differsFrom', value: { fact: 'clusterDatastore' } }]);
  fails('windows-cni-plugin', [{ fact: 'cniPlugin', operator: 'pluginIsNot', value: { fact: 'expectedPlugin' } }]);

  // What every node's run shares: the cluster's facts, read once.
  const version = facts.kubernetes?.version === undefined ? undefined : parseVersion(facts.kubernetes.version);
  const row = version === undefined ? undefined : kubernetesWindowsSupport(`${version.major}.${version.minor}`);
  const plugins = { 'calico-bgp': 'calico', 'calico-vxlan': 'calico', 'cloud-provider': 'win-bridge' };
  const shared = {
    networking: facts.networking,
    clusterDatastore: facts.calico?.datastore,
    kubernetesRow: row === undefined ? null : [...row.windows],
    expectedPlugin: plugins[facts.networking] ?? null,
  };
  return { engine, shared };
}

/** Runs the engine on every Windows node, one after another; the number of failures. */
export async function runPeer({ engine, shared }, facts) {
  let failures = 0;
  for (const node of facts.nodes) {
    if (node.os !== 'windows') continue;
    const { events } = await engine.run({ ...shared, ...node });
    failures += events.length;
  }
  return failures;
}
