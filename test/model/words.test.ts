import { describe, expect, it } from 'vitest';
import { closest, typoOf } from '../../src/model/words.js';

describe('typoOf: the known value a word is a slip of', () => {
  const known = ['kubernetes', 'openshift', 'rke', 'eks', 'aks'];

  it.each([
    ['kubernets', 'kubernetes'],
    ['kuberentes', 'kubernetes'],
    ['openshit', 'openshift'],
    ['EKS', 'eks'],
    ['Rke', 'rke'],
  ])('%s is a slip of %s', (word, meant) => {
    expect(typoOf(word, known)).toBe(meant);
  });

  it.each(['eks', 'kubernetes', 'gke', 'rke2', 'k3s', 'ekss', 'kubernetes-the-hard-way', 'x'.repeat(500)])('%s is none', (word) => {
    expect(typoOf(word, known)).toBeUndefined();
  });

  it('is stricter than closest, which suggests for any near word', () => {
    expect(closest('gke', known)).toBe('rke');
    expect(typoOf('gke', known)).toBeUndefined();
  });

  it('allows one edit below eight letters, two from eight', () => {
    expect(typoOf('calco', ['calico'])).toBe('calico');
    expect(typoOf('clco', ['calico'])).toBeUndefined();
    expect(typoOf('clicoo', ['calico'])).toBeUndefined();
    expect(typoOf('clico-bgpp', ['calico-bgp'])).toBe('calico-bgp');
  });
});
