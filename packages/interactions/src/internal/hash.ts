import { mix32 } from '../hash32.js';
import type { RawId } from '../id-map.js';

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
