import { SequenceInteractions } from '@seqrec/interactions';
import { describe, expect, it } from 'vitest';

import { evaluateSequences } from './evaluate-sequences.js';
import { PopularityScorer } from './popularity-scorer.js';
import { sequenceMrr } from './sequence-mrr.js';

describe('sequenceMrr', () => {
  const scorer = new PopularityScorer([0, 4, 3, 2, 1]);
  const test = new SequenceInteractions({
    sequences: Int32Array.from([0, 1, 2, 1, 2, 4, 0, 0, 0]),
    userIds: Int32Array.from([0, 1, 2]),
    maxLength: 3,
    numItems: 5,
  });

  it('is the MRR of evaluateSequences', async () => {
    // Targets 2 (2nd) and 4 (4th; padding is last); the padding-only row is skipped.
    expect(await sequenceMrr(scorer, test)).toBeCloseTo((1 / 2 + 1 / 4) / 2, 12);
    // Excluding [1] moves item 1 down: target 2 is 1st; excluding [1, 2]: target 4 is 2nd.
    const fresh = await sequenceMrr(scorer, test, { excludePreceding: true, batchSize: 1 });
    expect(fresh).toBe((await evaluateSequences(scorer, test, { excludePreceding: true })).mrr);
    expect(fresh).toBeCloseTo((1 + 1 / 2) / 2, 12);
  });

  it('names itself in errors', async () => {
    await expect(sequenceMrr(scorer, test, { batchSize: 0 })).rejects.toThrow(
      new RangeError('sequenceMrr: batchSize must be a positive integer; got 0.'),
    );
  });
});
