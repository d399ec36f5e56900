import { SequenceInteractions } from '@seqrec/interactions';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { evaluateSequences } from './evaluate-sequences.js';
import type { Scorer } from './scorer.js';

/** Random windows (targets sometimes padding) and a scorer with many ties. */
const cases = fc
  .record({
    numItems: fc.integer({ min: 2, max: 12 }),
    maxLength: fc.integer({ min: 2, max: 6 }),
    numRows: fc.integer({ min: 1, max: 20 }),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      ids: fc.array(fc.integer({ min: 0, max: shape.numItems - 1 }), {
        minLength: shape.numRows * shape.maxLength,
        maxLength: shape.numRows * shape.maxLength,
      }),
      excludePreceding: fc.boolean(),
      batchSize: fc.integer({ min: 1, max: shape.numRows + 1 }),
    }),
  )
  .filter(({ shape, ids }) =>
    ids.some((id, i) => i % shape.maxLength === shape.maxLength - 1 && id !== 0),
  );

/** Scores that depend only on a row's content (so batching cannot change them), with ties. */
function contentScorer(numItems: number, seed: number): Scorer {
  return {
    numItems,
    scoreBatch({ sequences, numSequences, maxLength }) {
      const scores = new Float32Array(numSequences * numItems);
      for (let r = 0; r < numSequences; r++) {
        let h = seed;
        for (let c = 0; c < maxLength; c++) h = (h * 31 + (sequences[r * maxLength + c] ?? 0)) | 0;
        for (let j = 0; j < numItems; j++) scores[r * numItems + j] = Math.abs(h + j * 7) % 4;
      }
      return scores;
    },
  };
}

describe('evaluateSequences: properties', () => {
  it('keeps every metric in [0, 1] and consistent with the others', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ({ shape, ids, excludePreceding }) => {
        const test = new SequenceInteractions({
          sequences: Int32Array.from(ids),
          userIds: new Int32Array(shape.numRows),
          maxLength: shape.maxLength,
          numItems: shape.numItems,
        });
        const k = [1, 2, 5, shape.numItems];
        const m = await evaluateSequences(contentScorer(shape.numItems, shape.seed), test, {
          excludePreceding,
          k,
        });

        expect(m.numSequences + m.numSkipped).toBe(shape.numRows);
        expect(m.mrr).toBeGreaterThan(0);
        expect(m.mrr).toBeLessThanOrEqual(1);
        // Every rank is at most numItems, so every row hits at k = numItems.
        expect(m.hr[shape.numItems]).toBe(1);
        let previous = 0;
        for (const cutoff of [...new Set(k)].sort((a, b) => a - b)) {
          const hr = m.hr[cutoff] ?? NaN;
          const ndcg = m.ndcg[cutoff] ?? NaN;
          expect(hr).toBeGreaterThanOrEqual(previous);
          previous = hr;
          expect(ndcg).toBeGreaterThanOrEqual(0);
          // 1/log2(r + 1) ≤ 1 bounds NDCG by HR; 1/r ≥ 1/k on a hit bounds MRR from below.
          // 1e-12 absorbs the rounding of sums of at most 20 terms.
          expect(ndcg).toBeLessThanOrEqual(hr + 1e-12);
          expect(m.mrr).toBeGreaterThanOrEqual(hr / cutoff - 1e-12);
          expect(m.precision[cutoff]).toBe(hr / cutoff);
          expect(m.recall[cutoff]).toBe(hr);
        }
        const rr = Array.from(m.perSequence).filter((x) => !Number.isNaN(x));
        expect(rr).toHaveLength(m.numSequences);
        // perSequence is float32, so its mean matches to about 1e-7.
        expect(rr.reduce((a, b) => a + b, 0) / rr.length).toBeCloseTo(m.mrr, 6);
      }),
    );
  });

  it('gives identical results for any batch size', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ({ shape, ids, excludePreceding, batchSize }) => {
        const test = new SequenceInteractions({
          sequences: Int32Array.from(ids),
          userIds: new Int32Array(shape.numRows),
          maxLength: shape.maxLength,
          numItems: shape.numItems,
        });
        const scorer = contentScorer(shape.numItems, shape.seed);
        const options = { excludePreceding, k: [1, 3, 10] };
        const one = await evaluateSequences(scorer, test, { ...options, batchSize: 1 });
        const many = await evaluateSequences(scorer, test, { ...options, batchSize });
        expect(many).toEqual(one);
      }),
    );
  });
});
