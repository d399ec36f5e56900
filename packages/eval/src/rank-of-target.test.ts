import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { rankOfTarget } from './rank-of-target.js';

const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * Spotlight's recipe, spelled out with a sort: negate, overwrite the excluded items with
 * FLOAT_MAX, then take `scipy.stats.rankdata` (average method) of the target.
 */
function referenceRank(scores: Float32Array, target: number, excluded: number[]): number {
  const negated = Array.from(scores, (s) => -s);
  for (const j of excluded) negated[j] = FLOAT32_MAX;
  const order = negated.map((value, id) => ({ value, id })).sort((a, b) => a.value - b.value);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.value === order[i]?.value) j++;
    if (order.slice(i, j + 1).some((entry) => entry.id === target)) return (i + j) / 2 + 1;
    i = j + 1;
  }
  throw new Error('target not found');
}

describe('rankOfTarget', () => {
  it('ranks the highest score first', () => {
    const scores = Float32Array.from([0, 1, 4, 2]);
    expect(rankOfTarget(scores, 2)).toBe(1);
    expect(rankOfTarget(scores, 3)).toBe(2);
    // The padding id takes part like any item.
    expect(rankOfTarget(scores, 0)).toBe(4);
  });

  it('gives tied scores their average rank', () => {
    // Items 1, 2 and 3 tie behind item 4: ranks 2, 3 and 4 average to 3.
    const scores = Float32Array.from([0, 5, 5, 5, 9]);
    expect(rankOfTarget(scores, 1)).toBe(3);
    expect(rankOfTarget(scores, 3)).toBe(3);
    // All equal: the mean of 1 … 5 is 3.
    expect(rankOfTarget(new Float32Array(5), 0)).toBe(3);
  });

  it('moves excluded items, repeats counted once, below every finite score', () => {
    const scores = Float32Array.from([0, 5, 5, 5, 9]);
    // Item 4 (9) and item 1 (5) go to the bottom: items 2 and 3 share ranks 1 and 2.
    expect(rankOfTarget(scores, 2, [4, 1, 4, 1])).toBe(1.5);
    // Item 0 (score 0) now ranks 3rd, above the two excluded items.
    expect(rankOfTarget(scores, 0, [4, 1])).toBe(3);
  });

  it('moves an excluded target down with the other excluded items', () => {
    const scores = Float32Array.from([0, 5, 7, 9]);
    // Items 2 and 3 tie at the bottom: ranks 3 and 4 average to 3.5.
    expect(rankOfTarget(scores, 3, [3, 2])).toBe(3.5);
  });

  it('keeps -Infinity below the excluded items', () => {
    const scores = Float32Array.from([-Infinity, 1, 2]);
    expect(rankOfTarget(scores, 1, [1])).toBe(2);
    expect(rankOfTarget(scores, 0, [1])).toBe(3);
  });

  it('matches a sort-based average rank', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.array(fc.nat(), { maxLength: 10 }),
        (values, t, ex) => {
          const scores = Float32Array.from(values);
          const target = t % values.length;
          const excluded = ex.map((j) => j % values.length);
          const rank = rankOfTarget(scores, target, excluded);
          expect(rank).toBe(referenceRank(scores, target, excluded));
          expect(rank).toBeGreaterThanOrEqual(1);
          expect(rank).toBeLessThanOrEqual(values.length);
        },
      ),
    );
  });

  it('rejects bad input with the value in the message', () => {
    const scores = Float32Array.from([0, 1, 2]);
    expect(() => rankOfTarget(scores, 3)).toThrow(
      new RangeError('rankOfTarget: target must be an integer in [0, 3); got 3.'),
    );
    expect(() => rankOfTarget(scores, 1, [0, -1])).toThrow(
      new RangeError('rankOfTarget: excluded[1] must be an integer in [0, 3); got -1.'),
    );
    expect(() => rankOfTarget([0, 1] as unknown as Float32Array, 1)).toThrow(
      new TypeError('rankOfTarget: scores must be a Float32Array; got array(2).'),
    );
    expect(() => rankOfTarget(Float32Array.from([0, Number.NaN, 2]), 2)).toThrow(
      new RangeError('rankOfTarget: scores must not be NaN; got NaN at item 1.'),
    );
    // An excluded NaN is overwritten, as in Spotlight, so it is no error.
    expect(rankOfTarget(Float32Array.from([0, Number.NaN, 2]), 2, [1])).toBe(1);
  });
});
