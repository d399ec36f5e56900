import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

import { copyTrailingColumns } from './copy-trailing-columns.js';
import { planBatches, windowLengths } from './plan-batches.js';

function seeded(seed: number): () => number {
  const rng = xoroshiro128plus(seed);
  return () => uniformFloat64(rng);
}

describe('windowLengths', () => {
  it('counts from the first real id, keeping zeros inside a window', () => {
    const sequences = Int32Array.from([0, 0, 3, 4, 0, 5, 0, 6, 0, 0, 0, 0, 1, 2, 3, 4]);
    expect(Array.from(windowLengths(sequences, 4))).toEqual([2, 3, 0, 4]);
  });
});

describe('planBatches', () => {
  const lengths = Int32Array.from([1, 4, 2, 4, 3, 1, 2, 4, 1]);

  it("'keep' cuts one shuffled order into full-width batches", () => {
    const batches = planBatches(lengths, 4, 4, 'keep', seeded(1));
    expect(batches.map((b) => b.rows.length)).toEqual([4, 4, 1]);
    expect(batches.every((b) => b.width === 4)).toBe(true);
    const rows = batches.flatMap((b) => Array.from(b.rows)).sort((a, b) => a - b);
    expect(rows).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("'trim' batches windows of like length, each as wide as its longest", () => {
    const batches = planBatches(lengths, 4, 3, 'trim', seeded(1));
    const byWidth = [...batches].sort((a, b) => b.width - a.width);
    expect(byWidth.map((b) => b.width)).toEqual([4, 3, 1]);
    expect(byWidth.map((b) => Array.from(b.rows, (r) => lengths[r]))).toEqual([
      [4, 4, 4],
      [3, 2, 2],
      [1, 1, 1],
    ]);
  });

  it('uses every row once and draws the same plan for the same seed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer(),
        (values, batchSize, seed) => {
          const all = Int32Array.from(values);
          const plan = planBatches(all, 6, batchSize, 'trim', seeded(seed));
          const again = planBatches(all, 6, batchSize, 'trim', seeded(seed));
          expect(plan).toEqual(again);
          const rows = plan.flatMap((b) => Array.from(b.rows)).sort((a, b) => a - b);
          expect(rows).toEqual(values.map((_, i) => i));
          for (const { rows: batch, width } of plan) {
            expect(batch.length).toBeLessThanOrEqual(batchSize);
            for (const r of batch) expect(all[r]).toBeLessThanOrEqual(width);
            expect(width).toBeGreaterThanOrEqual(1);
          }
        },
      ),
    );
  });
});

describe('copyTrailingColumns', () => {
  it('keeps the last columns of the chosen rows, in their order', () => {
    const sequences = Int32Array.from([0, 0, 1, 2, 0, 3, 4, 5, 0, 0, 0, 6]);
    const ids = copyTrailingColumns(sequences, 4, Int32Array.from([2, 0, 1]), 3);
    expect(Array.from(ids)).toEqual([0, 0, 6, 0, 1, 2, 3, 4, 5]);
  });
});
