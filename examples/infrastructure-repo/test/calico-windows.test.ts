import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsFromManifests, mergeFacts } from 'calico-windows-compat/manifests';
import { parseFactsText, parseManifestsText } from 'calico-windows-compat/yaml';
import { windowsNode } from 'calico-windows-compat/testing';
import type { ClusterFacts } from 'calico-windows-compat';

const read = (path: string): string => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

/** The cluster as this repository defines it: rendered manifests, and the facts kept by hand. */
function prodEu(change: ClusterFacts = {}) {
  const rendered = parseManifestsText(read('rendered/calico.yaml'), { file: 'rendered/calico.yaml' });
  const derived = factsFromManifests(rendered.objects, { locate: rendered.locate });
  const handWritten = parseFactsText(read('clusters/prod-eu/cluster.yaml'), { file: 'clusters/prod-eu/cluster.yaml' });
  if (!handWritten.success) throw handWritten.error; // every problem, with file and line
  const merged = mergeFacts(derived.facts, handWritten.data, { sources: derived.sources });
  return mergeFacts(merged.facts, change, { sources: merged.sources });
}

describe('prod-eu', () => {
  it('meets the Calico for Windows requirements', () => {
    expect(prodEu()).toBeCompatible();
    expect(prodEu()).toHaveNoUnknowns();
  });

  it('keeps what Windows nodes need from the rendered Calico configuration', () => {
    expect(prodEu()).toPassRule('strict-affinity');
    expect(prodEu()).toPassRule('vxlan-bgp-disabled');
    expect(prodEu()).toPassRule('ip-pool-encapsulation');
  });

  it('runs every Windows pool on a supported image', () => {
    expect(prodEu()).toPassRule('windows-os-version');
    expect(prodEu()).toPassRule('windows-os-version', { node: 'pool-win2019-1' });
  });

  it('would refuse a Windows Server 2022 pool: Calico v3.23 does not support it', () => {
    const nodes = [...(prodEu().facts.nodes ?? []), windowsNode({ name: 'pool-win2022-1', osBuild: '10.0.20348.1129' })];
    const withPool = prodEu({ nodes });
    expect(withPool).toFailRule('windows-os-version', { node: 'pool-win2022-1' });
    expect(withPool).not.toBeCompatible();
  });
});
