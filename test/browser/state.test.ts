import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, MAX_UNPACKED_LENGTH } from '../../playground/src/state.js';

// The playground's link format, in Node (which has the same CompressionStream as the browser): what a
// shared link holds, and the links it refuses.
describe('the state in the URL fragment', () => {
  it('round-trips the inputs, whatever their characters', async () => {
    const inputs = { objects: `kind: Node\nmetadata: {name: "wïn-1 ✓"}\n${'# padding\n'.repeat(5000)}`, facts: 'platform: eks\n', release: 'v3.27.2' };
    const fragment = await encodeState(inputs);
    expect(fragment).toMatch(/^release=v3\.27\.2&objects=z\.[\w-]+&facts=z\.[\w-]+$/);
    expect(fragment.length).toBeLessThan(inputs.objects.length / 20);
    expect(await decodeState(`#${fragment}`)).toEqual(inputs);
  });

  it('leaves empty inputs out, and reads an empty fragment as empty inputs', async () => {
    expect(await encodeState({ objects: '', facts: '', release: '' })).toBe('');
    expect(await encodeState({ objects: '', facts: 'platform: aks\n', release: '' })).toMatch(/^facts=z\.[\w-]+$/);
    expect(await decodeState('')).toEqual({ objects: '', facts: '', release: '' });
  });

  it('reads the uncompressed form browsers without CompressionStream write', async () => {
    const text = Buffer.from('platform: gke\n').toString('base64url');
    expect(await decodeState(`#facts=t.${text}`)).toEqual({ objects: '', facts: 'platform: gke\n', release: '' });
  });

  it('refuses a link cut short or changed, naming the part', async () => {
    const fragment = await encodeState({ objects: 'kind: Node\n'.repeat(100), facts: '', release: '' });
    await expect(decodeState(fragment.slice(0, -6))).rejects.toThrow("The link's objects cannot be read: it was cut short or changed.");
    await expect(decodeState('facts=z.not*base64')).rejects.toThrow("The link's facts cannot be read");
    await expect(decodeState('facts=x.abc')).rejects.toThrow("The link's facts cannot be read");
    await expect(decodeState(`facts=t.${Buffer.from([0xff, 0xfe]).toString('base64url')}`)).rejects.toThrow("The link's facts cannot be read");
  });

  it('refuses a link that unpacks to more than its limit (a deflate bomb), without unpacking it all', async () => {
    const bomb = deflateRawSync(Buffer.alloc(MAX_UNPACKED_LENGTH + 1024 * 1024, 'a'));
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expect(decodeState(`objects=z.${bomb.toString('base64url')}`)).rejects.toThrow(/unpacks to more than 16 MiB: refused/);
  });
});
