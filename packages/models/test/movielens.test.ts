import { loadMovieLensCsv } from '@seqrec/datasets';
import { evaluateSequences, PopularityScorer } from '@seqrec/eval';
import { toSequences, userBasedSplit, type SequenceInteractions } from '@seqrec/interactions';
import { sharedDataFile } from '@seqrec/testing/shared-data';
import { beforeAll, describe, expect, it } from 'vitest';

import { ImplicitSequenceModel } from '../src/implicit-sequence-model.js';

const RATINGS = sharedDataFile('ml-latest-small/ratings.csv');

// End to end on real data, the study's protocol at a small budget: ml-latest-small, windows
// 100/20/100, users split 80/10/10, adaptive hinge, a few epochs on wasm.
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
