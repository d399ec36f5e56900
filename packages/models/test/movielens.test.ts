import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { loadMovieLensCsv } from '@seqrec/datasets';
import { evaluateSequences, PopularityScorer } from '@seqrec/eval';
import { toSequences, userBasedSplit, type SequenceInteractions } from '@seqrec/interactions';
import { beforeAll, describe, expect, it } from 'vitest';

import { ImplicitSequenceModel } from '../src/implicit-sequence-model.js';

const DATA_DIR =
  process.env['SEQREC_DATA_DIR'] ?? new URL('../../../../shared/data/', import.meta.url).pathname;
const RATINGS = join(DATA_DIR, 'ml-latest-small', 'ratings.csv');

// End to end on real data, the study's protocol at a small budget: ml-latest-small, windows
// 100/20/100, users split 80/10/10, adaptive hinge, a few epochs on wasm.
// The shared data is always there in CI: a missing file fails the suite rather than skipping it.
if (!existsSync(RATINGS)) {
  throw new Error(
    `The shared data file ${RATINGS} is missing. Hint: set SEQREC_DATA_DIR to the folder that ` +
      'holds ml-latest-small/.',
  );
}

describe('lstm and mlstm on ml-latest-small', () => {
  let train: SequenceInteractions;
  let test: SequenceInteractions;
  let popularityMrr = 0;

  beforeAll(async () => {
    const data = await loadMovieLensCsv(RATINGS);
    const split = userBasedSplit(data, { testFraction: 0.1, validationFraction: 0.1, seed: 42 });
    const windows = { maxLength: 100, minLength: 20, stepSize: 100 };
    train = toSequences(split.train, windows);
    test = toSequences(split.test, windows);
    const popularity = PopularityScorer.fit(train);
    popularityMrr = (await evaluateSequences(popularity, test, { excludePreceding: true })).mrr;
  });

  it.each(['lstm', 'mlstm'])('%s beats the popularity baseline', async (representation) => {
    const model = new ImplicitSequenceModel({
      representation,
      loss: 'adaptive-hinge',
      embeddingDim: 32,
      nIter: 5,
      batchSize: 64,
      learningRate: 0.005,
      l2: 1e-6,
      seed: 1,
      backend: 'wasm',
      // Spotlight's computation, with which the floor below was measured.
      padding: 'keep',
    });
    await model.fit(train);
    const { mrr } = await evaluateSequences(model, test, { excludePreceding: true });
    model.dispose();
    console.log(
      `${representation}: test MRR ${mrr.toFixed(4)}, popularity ${popularityMrr.toFixed(4)}`,
    );
    // Measured with these settings: lstm 0.0182, mlstm 0.0192; popularity 0.0109. At this
    // budget the MRR still moves with the seed (lstm 0.0073 to 0.0191 over seeds 1 to 4, in
    // either padding mode), so this is a floor for a working path, not a quality figure.
    expect(mrr).toBeGreaterThan(popularityMrr);
  });
});
