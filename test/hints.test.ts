// hintFor: how to find a missing fact, for the paths findings name (`nodes[win-1].osBuild`,
// `calico.ipPools[default].encapsulation`), word for word.
import { describe, expect, it } from 'vitest';
import { HINTED_FACTS, hintFor } from '../src/catalog/hints.js';

const POOLS = 'calicoctl get ippools -o wide (or kubectl get ippools.crd.projectcalico.org -o yaml).';
const GENERIC = 'add it to the facts.';

describe('hintFor', () => {
  it.each([
    ['a cluster fact', 'calico.vxlanPort', "kubectl get felixconfiguration default -o jsonpath='{.spec.vxlanPort}' (empty = 4789)."],
    ["a node's fact, the node named in the command", 'nodes[win-1].containerRuntime', "kubectl get node win-1 -o jsonpath='{.status.nodeInfo.containerRuntimeVersion}'."],
    ['a node name quoted for a POSIX shell', "nodes[it's].osBuild", "kubectl get node 'it'\\''s' -o jsonpath='{.status.nodeInfo.kernelVersion}' (e.g. 10.0.17763.1432)."],
    ['a node fact without a hint of its own', 'nodes[win-1].labels', GENERIC],
    ['a node fact whose hint names no node', 'nodes[win-1].powershellAdmin', 'on the node, run PowerShell as Administrator.'],
    ['a node path with more after the fact', 'nodes[win-1].osBuild.extra', GENERIC],
    ['a node path inside another path', 'x.nodes[win-1].osBuild', GENERIC],
    ['the pool list', 'calico.ipPools', POOLS],
    ["a pool's field", 'calico.ipPools[default].encapsulation', POOLS],
    ['a pool path inside another path', 'x.calico.ipPools[default].encapsulation', GENERIC],
    ['a path of no fact', 'something.else', GENERIC],
  ])('%s', (_name, path, hint) => {
    expect(hintFor(path)).toBe(hint);
  });

  it('has a hint for the node list, the Windows nodes and every node fact it names', () => {
    expect(HINTED_FACTS).toEqual(expect.arrayContaining(['nodes', 'nodes[os=windows]', 'node.osBuild', 'calico.ipPools']));
    for (const fact of HINTED_FACTS) expect(hintFor(fact), fact).not.toBe(GENERIC);
  });
});
