/**
 * MurmurHash3's 32-bit finaliser: a cheap bijective mix whose output bits each depend on
 * every input bit, so consecutive ids land far apart.
 *
 * @example
 * ```ts
 * import { mix32 } from '@seqrec/interactions';
 *
 * console.assert(mix32(1) !== mix32(2) && mix32(0) === 0);
 * ```
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
 * MurmurHash3 (x86, 32-bit) of one 32-bit integer key, as its four little-endian bytes: the
 * hash Spotlight's `BloomEmbedding` uses through scikit-learn's `murmurhash3_32`. Returns an
 * unsigned 32-bit integer.
 *
 * @example
 * ```ts
 * import { murmur3Int } from '@seqrec/interactions';
 *
 * console.assert(murmur3Int(1, 0) === murmur3Int(1, 0) && murmur3Int(1, 0) !== murmur3Int(2, 0));
 * ```
 */
export function murmur3Int(key: number, seed: number): number {
  let k = Math.imul(key | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);

  let h = (seed | 0) ^ k;
  h = (h << 13) | (h >>> 19);
  h = (Math.imul(h, 5) + 0xe6546b64) | 0;

  // Finalisation: fold in the key length (4 bytes), then avalanche.
  h ^= 4;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
