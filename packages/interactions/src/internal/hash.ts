import type { RawId } from '../id-map.js';

/**
 * MurmurHash3's 32-bit finaliser: a cheap bijective mix whose output bits each depend on
 * every input bit, so consecutive ids land far apart.
 *
 * @internal
 */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A seeded 32-bit hash of a raw id. Numbers that are 32-bit integers hash by value; other
 * numbers and strings hash by their decimal or literal text, so `7` and `'7'` hash alike
 * (which keeps a split stable whether a file's ids were parsed as numbers or kept as text).
 *
 * @internal
 */
export function hashRawId(raw: RawId, seed: number): number {
  if (typeof raw === 'number' && (raw | 0) === raw) return mix32(raw ^ mix32(seed));
  const text = String(raw);
  if (/^-?\d+$/.test(text) && (Number(text) | 0) === Number(text)) {
    return mix32(Number(text) ^ mix32(seed));
  }
  let h = mix32(seed ^ 0x9e3779b9);
  for (let k = 0; k < text.length; k++) {
    h = mix32(h ^ Math.imul(text.charCodeAt(k), 0xcc9e2d51));
  }
  return mix32(h ^ text.length);
}
