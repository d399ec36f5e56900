import { murmur3Int } from '@seqrec/interactions';

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
