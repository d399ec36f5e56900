import { SequenceInteractions } from '@seqrec/interactions';
import { describe, expect, it } from 'vitest';

import { evaluateSequences } from './evaluate-sequences.js';
import type { Scorer, SequenceBatch } from './scorer.js';

/** Windows of `maxLength` from a flat list of rows. */
function windows(rows: number[][], numItems: number): SequenceInteractions {
  const maxLength = rows[0]?.length ?? 1;
  return new SequenceInteractions({
    sequences: Int32Array.from(rows.flat()),
    userIds: Int32Array.from(rows, (_, r) => r),
    maxLength,
    numItems,
  });
}

/** A scorer that gives every row the same scores and records the batches it saw. */
function fixedScorer(row: number[]): Scorer & { batches: number[][][] } {
  const batches: number[][][] = [];
  return {
    numItems: row.length,
    batches,
    scoreBatch({ sequences, numSequences, maxLength }: SequenceBatch) {
      const seen: number[][] = [];
      for (let r = 0; r < numSequences; r++) {
        seen.push(Array.from(sequences.subarray(r * maxLength, (r + 1) * maxLength)));
      }
      batches.push(seen);
      const scores = new Float32Array(numSequences * row.length);
      for (let r = 0; r < numSequences; r++) scores.set(row, r * row.length);
      return scores;
    },
  };
}

describe('evaluateSequences: worked examples', () => {
  // Scores of ids 0..5 after any input. Items 2, 3 and 4 tie at 3.
  const scores = [0, 5, 3, 3, 3, 1];
  const test = windows(
    [
      [0, 5, 1], // target 1 (5): nothing above → rank 1
      [1, 5, 3], // target 3 (3): item 1 above, ties 2, 3, 4 → ranks 2..4, average 3
      [0, 0, 0], // padding only: skipped
      [2, 3, 5], // target 5 (1): items 1..4 above → rank 5
    ],
    6,
  );

  it('uses average ranks for MRR, HR, NDCG, precision and recall', async () => {
    const scorer = fixedScorer(scores);
    const metrics = await evaluateSequences(scorer, test, { k: [1, 2, 3, 5] });

    // MRR = (1 + 1/3 + 1/5) / 3 = 23/45.
    expect(metrics.mrr).toBeCloseTo(23 / 45, 12);
    expect(Array.from(metrics.perSequence)).toEqual(
      [1, Math.fround(1 / 3), NaN, 0.2].map(Math.fround),
    );
    expect(metrics.numSequences).toBe(3);
    expect(metrics.numSkipped).toBe(1);
    // The tie of row 1 spans ranks 2..4; its average 3 misses k = 2 and hits k = 3.
    expect(metrics.hr).toEqual({ 1: 1 / 3, 2: 1 / 3, 3: 2 / 3, 5: 1 });
    expect(metrics.recall).toEqual(metrics.hr);
    // precision@k = hr@k / k: 1/3, 1/6, 2/9, 1/5.
    expect(Object.keys(metrics.precision)).toEqual(['1', '2', '3', '5']);
    expect(metrics.precision[1]).toBeCloseTo(1 / 3, 12);
    expect(metrics.precision[2]).toBeCloseTo(1 / 6, 12);
    expect(metrics.precision[3]).toBeCloseTo(2 / 9, 12);
    expect(metrics.precision[5]).toBeCloseTo(1 / 5, 12);
    // NDCG@3 = (1/log2(2) + 1/log2(4)) / 3 = (1 + 0.5) / 3; @5 adds 1/log2(6).
    expect(metrics.ndcg[1]).toBeCloseTo(1 / 3, 12);
    expect(metrics.ndcg[2]).toBeCloseTo(1 / 3, 12);
    expect(metrics.ndcg[3]).toBeCloseTo(0.5, 12);
    expect(metrics.ndcg[5]).toBeCloseTo((1.5 + 1 / Math.log2(6)) / 3, 12);
  });

  it('sends the inputs of rows with targets, one call per batch', async () => {
    const scorer = fixedScorer(scores);
    await evaluateSequences(scorer, test, { batchSize: 2 });
    // The padding-only row never reaches the scorer; the target column never does either.
    expect(scorer.batches).toEqual([
      [
        [0, 5],
        [1, 5],
      ],
      [[2, 3]],
    ]);
  });

  it('pushes the input items down with excludePreceding', async () => {
    const metrics = await evaluateSequences(fixedScorer(scores), test, {
      excludePreceding: true,
      k: [1, 2],
    });
    // Row 0: target 1 stays 1st. Row 1: item 1 moves down; ties 2, 3, 4 share ranks 1..3,
    // average 2. Row 2: skipped. Row 3: items 2, 3 move down; items 1 and 4 stay above →
    // rank 3. MRR = (1 + 1/2 + 1/3) / 3 = 11/18.
    expect(metrics.mrr).toBeCloseTo(11 / 18, 12);
    expect(metrics.hr).toEqual({ 1: 1 / 3, 2: 2 / 3 });
  });

  it('pushes the padding id down only when it is in the input', async () => {
    // The scorer likes padding best: scores of ids 0..3.
    const scorer = fixedScorer([10, 1, 2, 3]);
    const test2 = windows(
      [
        [0, 0, 2, 3], // padded input: padding (10) above target 3 unless excluded
        [1, 2, 1, 3], // full input: padding stays above target 3 either way
      ],
      4,
    );
    const plain = await evaluateSequences(scorer, test2);
    expect(Array.from(plain.perSequence)).toEqual([0.5, 0.5]);
    const excluded = await evaluateSequences(scorer, test2, { excludePreceding: true });
    expect(Array.from(excluded.perSequence)).toEqual([1, 0.5]);
  });

  it('pushes a target that repeats an input item down with it', async () => {
    const scorer = fixedScorer([10, 1, 2, 3]);
    // Input [3], target 3: 2nd behind padding; excluded, last of 4 (1/4).
    const test3 = windows([[3, 3]], 4);
    expect((await evaluateSequences(scorer, test3)).mrr).toBe(0.5);
    expect((await evaluateSequences(scorer, test3, { excludePreceding: true })).mrr).toBe(0.25);
  });

  it('accepts asynchronous scorers and reports progress per batch', async () => {
    const inner = fixedScorer(scores);
    const scorer: Scorer = {
      numItems: inner.numItems,
      scoreBatch: async (batch) => Promise.resolve(inner.scoreBatch(batch)),
    };
    const progress: [number, number][] = [];
    const metrics = await evaluateSequences(scorer, test, {
      batchSize: 2,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(metrics.mrr).toBeCloseTo(23 / 45, 12);
    expect(progress).toEqual([
      [2, 3],
      [3, 3],
    ]);
  });
});

describe('evaluateSequences: errors', () => {
  const test = windows([[1, 2]], 3);
  const good = fixedScorer([0, 1, 2]);

  it('checks the options, the scorer and the test set', async () => {
    await expect(evaluateSequences(good, test, { k: [10, 0] })).rejects.toThrow(
      new RangeError('evaluateSequences: k[1] must be a positive integer; got 0.'),
    );
    await expect(evaluateSequences(good, test, { k: [] })).rejects.toThrow(
      new RangeError('evaluateSequences: k must be a non-empty array; got array(0).'),
    );
    await expect(
      evaluateSequences(good, test, { exclude_preceding: true } as never),
    ).rejects.toThrow(
      new RangeError(
        'evaluateSequences: options must only hold known keys (excludePreceding, k, batchSize, ' +
          'onProgress); got "exclude_preceding".',
      ),
    );
    const unfitted = { numItems: 0, scoreBatch: () => new Float32Array(0) };
    await expect(evaluateSequences(unfitted, test)).rejects.toThrow(
      'scorer.numItems must be a positive integer; got 0. Hint: a model must be fitted before',
    );
    await expect(evaluateSequences(good, test, { batchSize: 1.5 })).rejects.toThrow(
      new RangeError('evaluateSequences: batchSize must be a positive integer; got 1.5.'),
    );
    await expect(evaluateSequences(fixedScorer([0, 1]), test)).rejects.toThrow(
      'evaluateSequences: scorer.numItems must equal test.numItems (3); got 2.',
    );
    await expect(evaluateSequences(good, windows([[1], [2]], 3))).rejects.toThrow(
      new RangeError(
        'evaluateSequences: test.maxLength must be at least 2 (inputs, then the target); got 1.',
      ),
    );
    await expect(evaluateSequences(good, windows([[1, 0]], 3))).rejects.toThrow(
      new RangeError(
        'evaluateSequences: test must have a row whose last item is not padding; ' +
          'got 1 rows, all ending in padding.',
      ),
    );
  });

  it('checks what the scorer returns', async () => {
    const short: Scorer = { numItems: 3, scoreBatch: () => new Float32Array(2) };
    await expect(evaluateSequences(short, test)).rejects.toThrow(
      new RangeError(
        'evaluateSequences: scores must have length batch × numItems = 1 × 3 = 3; got 2.',
      ),
    );
    const wrongKind: Scorer = {
      numItems: 3,
      scoreBatch: () => new Float64Array(3) as unknown as Float32Array,
    };
    await expect(evaluateSequences(wrongKind, test)).rejects.toThrow(
      new TypeError(
        'evaluateSequences: scorer.scoreBatch must return a Float32Array; got Float64Array(3).',
      ),
    );
    const nan: Scorer = { numItems: 3, scoreBatch: () => Float32Array.from([0, NaN, 1]) };
    await expect(evaluateSequences(nan, test)).rejects.toThrow(
      new RangeError('evaluateSequences: scores must not be NaN; got NaN for row 0, item 1.'),
    );
  });

  it('wraps a failing scorer with the cause', async () => {
    const cause = new Error('out of memory');
    const failing: Scorer = {
      numItems: 3,
      scoreBatch: () => {
        throw cause;
      },
    };
    const error = await evaluateSequences(failing, test).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      'evaluateSequences: scorer.scoreBatch failed on a batch of 1 rows starting at row 0.',
    );
    expect((error as Error).cause).toBe(cause);
  });
});
