/**
 * MurmurHash3 (x86, 32-bit) of one 32-bit integer key, as its four little-endian bytes: the
 * hash Spotlight's `BloomEmbedding` uses through scikit-learn's `murmurhash3_32`. Returns an
 * unsigned 32-bit integer.
 *
 * @internal
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

/**
 * The seed of hash function `index` under a user seed (any safe integer): distinct per index
 * and spread over all 32 bits, so nearby user seeds still give unrelated hash families.
 *
 * @internal
 */
export function hashSeed(seed: number, index: number): number {
  const high = Math.floor(seed / 2 ** 32) | 0;
  const mixed = murmur3Int(seed | 0, murmur3Int(high, 0x9e3779b9));
  return murmur3Int(index + 1, mixed);
}
