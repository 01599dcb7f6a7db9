/**
 * The page's state in the URL fragment, so that a report can be shared as a link without a server: the
 * fragment never leaves the browser (it is not part of an HTTP request). Texts are deflated and
 * base64url-encoded: `#release=auto&objects=z.<data>&facts=z.<data>`.
 */
import type { Inputs } from './analyze.js';

const KEYS = { objects: 'objects', facts: 'facts', release: 'release' } as const;

/**
 * The longest text a link may unpack to (per input): a crafted link must not deflate into gigabytes.
 * Far above any cluster's kubectl output (a few hundred KB for a hundred nodes).
 */
export const MAX_UNPACKED_LENGTH = 16 * 1024 * 1024;

/** The fragment for some inputs (without the `#`); empty inputs give an empty fragment. */
export async function encodeState(inputs: Inputs): Promise<string> {
  const params = new URLSearchParams();
  if (inputs.release !== '') params.set(KEYS.release, inputs.release);
  if (inputs.objects !== '') params.set(KEYS.objects, await pack(inputs.objects));
  if (inputs.facts !== '') params.set(KEYS.facts, await pack(inputs.facts));
  return params.toString();
}

/** The inputs a fragment holds (with or without the `#`); a fragment that cannot be read is an error naming the part. */
export async function decodeState(fragment: string): Promise<Inputs> {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const read = async (key: string): Promise<string> => {
    const value = params.get(key);
    if (value === null) return '';
    try {
      return await unpack(value);
    } catch (error) {
      if (error instanceof TooLong) throw new Error(`The link's ${key} unpacks to more than ${MAX_UNPACKED_LENGTH / 1024 / 1024} MiB: refused.`);
      throw new Error(`The link's ${key} cannot be read: it was cut short or changed.`);
    }
  };
  return { objects: await read(KEYS.objects), facts: await read(KEYS.facts), release: params.get(KEYS.release) ?? '' };
}

// `z.` deflated (raw), then base64url; `t.` base64url of the UTF-8 text, where the browser cannot compress.
async function pack(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  if (typeof CompressionStream === 'undefined') return `t.${toBase64Url(bytes)}`;
  return `z.${toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')))}`;
}

async function unpack(value: string): Promise<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  if (value.startsWith('t.')) return decoder.decode(fromBase64Url(value.slice(2)));
  if (value.startsWith('z.')) return decoder.decode(await pipe(fromBase64Url(value.slice(2)), new DecompressionStream('deflate-raw')));
  throw new Error('unknown encoding');
}

class TooLong extends Error {}

/** The bytes through a (de)compression stream, read chunk by chunk so that a bomb is stopped early. */
async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_UNPACKED_LENGTH) {
      await reader.cancel();
      throw new TooLong();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
