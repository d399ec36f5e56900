import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { topK } from './top-k.js';

describe('topK', () => {
  it('returns the best ids first, skipping excluded ones, ties to the lower id', () => {
    const scores = Float32Array.of(9, 1, 5, 5, 7, 0);
    expect(topK(scores, 3, [0])).toEqual([4, 2, 3]);
    expect(topK(scores, 10, [0, 4])).toEqual([2, 3, 1, 5]);
  });

  it('agrees with a full sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 10 }),
        (values, k) => {
          const scores = Float32Array.from(values);
          const expected = values
            .map((v, id) => ({ v, id }))
            .filter(({ id }) => id !== 0)
            .sort((a, b) => b.v - a.v || a.id - b.id)
            .slice(0, k)
            .map(({ id }) => id);
          expect(topK(scores, k, [0])).toEqual(expected);
        },
      ),
    );
  });
});
