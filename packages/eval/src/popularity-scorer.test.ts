import { Interactions, SequenceInteractions, toSequences } from '@seqrec/interactions';
import { describe, expect, it } from 'vitest';

import { evaluateSequences } from './evaluate-sequences.js';
import { PopularityScorer } from './popularity-scorer.js';

describe('PopularityScorer', () => {
  it('counts interactions and never the padding id', () => {
    // Dense ids: a → 1 (3 times), b → 2 (once), c → 3 (3 times).
    const train = Interactions.fromRaw({
      users: [1, 1, 1, 2, 2, 2, 3],
      items: ['a', 'b', 'c', 'a', 'c', 'a', 'c'],
    });
    const scorer = PopularityScorer.fit(train);
    expect(scorer.numItems).toBe(4);
    const scores = scorer.scoreBatch({
      sequences: new Int32Array(4),
      numSequences: 2,
      maxLength: 2,
    });
    expect(Array.from(scores)).toEqual([-Infinity, 3, 1, 3, -Infinity, 3, 1, 3]);
  });

  it('counts the real items of windows, overlaps once per window', () => {
    const data = Interactions.fromRaw({
      users: [0, 0, 0],
      items: [5, 6, 7],
      timestamps: [1, 2, 3],
    });
    // Windows [5, 6, 7] and [0, 5, 6] (step 1, minLength 2): 5 and 6 twice, 7 once.
    const windows = toSequences(data, { maxLength: 3, stepSize: 1, minLength: 2 });
    const scores = PopularityScorer.fit(windows).scoreBatch({
      sequences: new Int32Array(0),
      numSequences: 1,
      maxLength: 0,
    });
    expect(Array.from(scores)).toEqual([-Infinity, 2, 2, 1]);
  });

  it('ties equally popular items, which share their average rank', async () => {
    const scorer = new PopularityScorer([0, 3, 1, 3]);
    const test = new SequenceInteractions({
      sequences: Int32Array.from([0, 2, 1, 0, 1, 2]),
      userIds: Int32Array.from([0, 1]),
      maxLength: 3,
      numItems: 4,
    });
    // Row 0: target 1 ties with 3 for ranks 1 and 2 → 1.5. Row 1: target 2 is 3rd.
    const metrics = await evaluateSequences(scorer, test, { k: [1, 2] });
    expect(Array.from(metrics.perSequence)).toEqual([1 / 1.5, 1 / 3].map(Math.fround));
    // Excluding the inputs: row 0 drops 2 (and padding, already -Infinity) → 1.5 again;
    // row 1 drops 1 → target 2 is 2nd behind 3.
    const fresh = await evaluateSequences(scorer, test, { excludePreceding: true });
    expect(Array.from(fresh.perSequence)).toEqual([1 / 1.5, 1 / 2].map(Math.fround));
  });

  it('rejects bad counts, training data and batches', () => {
    expect(() => new PopularityScorer([])).toThrow(
      new RangeError('PopularityScorer: counts must hold one entry per item id; got array(0).'),
    );
    expect(() => new PopularityScorer([0, 1, -2])).toThrow(
      new RangeError('PopularityScorer: counts[2] must be a finite non-negative number; got -2.'),
    );
    expect(() => new PopularityScorer([0, Infinity])).toThrow(RangeError);
    expect(() => PopularityScorer.fit({ numItems: 3 } as unknown as Interactions)).toThrow(
      new TypeError(
        'PopularityScorer.fit: train must be Interactions or SequenceInteractions; ' +
          'got {"numItems":3}.',
      ),
    );
    const scorer = new PopularityScorer([0, 1]);
    expect(() =>
      scorer.scoreBatch({ sequences: new Int32Array(3), numSequences: 2, maxLength: 2 }),
    ).toThrow(
      new RangeError(
        'PopularityScorer.scoreBatch: batch.sequences must hold numSequences × maxLength = ' +
          '2 × 2 ids; got 3.',
      ),
    );
    expect(() =>
      scorer.scoreBatch({ sequences: new Int32Array(0), numSequences: -1, maxLength: 0 }),
    ).toThrow(RangeError);
  });
});
