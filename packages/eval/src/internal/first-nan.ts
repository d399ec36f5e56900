/**
 * The first item of the row `scores[offset, offset + numItems)` whose score is NaN and not
 * excluded, or -1. Only used to word an error, so it favours simplicity over speed.
 */
export function firstNaN(
  scores: Float32Array,
  offset: number,
  numItems: number,
  excluded: ArrayLike<number> = [],
): number {
  const skip = new Set(Array.from(excluded));
  for (let j = 0; j < numItems; j++) {
    if (Number.isNaN(scores[offset + j]) && !skip.has(j)) return j;
  }
  return -1;
}
