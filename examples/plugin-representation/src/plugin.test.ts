import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { generateSequential } from '@seqrec/datasets';
import { evaluateSequences, PopularityScorer } from '@seqrec/eval';
import { DECAYED_POOLING, DecayedPoolingRepresentation } from '@seqrec/example-plugin';
import { toSequences, userBasedSplit, type SequenceInteractions } from '@seqrec/interactions';
import { ImplicitSequenceModel } from '@seqrec/models';
import { listRepresentations } from '@seqrec/representations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The plugin end to end, as a user meets it: importing the package registers it, the shared
// trainer trains it by name, and a saved model loads back wherever the plugin is imported.
// Seeded data and the cpu backend make every number below exactly reproducible.
const data = generateSequential({ numUsers: 200, numItems: 100, numInteractions: 10_000, seed: 3 });
const { train, test } = userBasedSplit(data, { testFraction: 0.2, seed: 42 });
const windows = { maxLength: 20, minLength: 2 };
const trainWindows = toSequences(train, windows);
const testWindows = toSequences(test, windows);

function fitModel(representation: string): Promise<ImplicitSequenceModel> {
  const model = new ImplicitSequenceModel({
    representation,
    loss: 'adaptive-hinge',
    embeddingDim: 32,
    nIter: 5,
    seed: 1,
    backend: 'cpu',
  });
  return model.fit(trainWindows).then(() => model);
}

function scoreAll(model: ImplicitSequenceModel, windows: SequenceInteractions): Float32Array {
  const { sequences, numSequences, maxLength } = windows;
  return model.scoreBatch({ sequences, numSequences, maxLength });
}

describe('decayed-pooling as a plugin', () => {
  let model: ImplicitSequenceModel;
  const dir = mkdtempSync(join(tmpdir(), 'seqrec-plugin-'));

  beforeAll(async () => {
    model = await fitModel(DECAYED_POOLING);
  });

  afterAll(() => {
    model.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is registered by importing the package, and the trainer builds it by name', () => {
    expect(listRepresentations()).toContain('decayed-pooling');
    expect(model.representation).toBeInstanceOf(DecayedPoolingRepresentation);
    // Training moved the decay away from its start, 2^(-1/3) ≈ 0.794.
    const decay = (model.representation as DecayedPoolingRepresentation).decay;
    expect(Math.max(...decay.map((d) => Math.abs(d - 2 ** (-1 / 3))))).toBeGreaterThan(0.005);
  });

  it('beats popularity and plain pooling on order-2 Markov sequences', async () => {
    const { mrr } = await evaluateSequences(model, testWindows);
    const popularity = await evaluateSequences(PopularityScorer.fit(trainWindows), testWindows);
    const pooling = await fitModel('pooling');
    const plain = await evaluateSequences(pooling, testWindows);
    pooling.dispose();
    // Measured on cpu: decayed-pooling 0.178, pooling 0.093, popularity 0.055.
    expect(popularity.mrr).toBeCloseTo(0.0546, 3);
    expect(mrr).toBeGreaterThan(0.15);
    expect(mrr).toBeGreaterThan(plain.mrr + 0.05);
    expect(mrr).toBeGreaterThan(3 * popularity.mrr);
  });

  it('saves and loads back with its options and the very same scores', async () => {
    await model.save(dir);
    const loaded = await ImplicitSequenceModel.load(dir, { backend: 'cpu' });
    expect(loaded.representation?.config).toEqual({
      name: 'decayed-pooling',
      options: { halfLife: 3, perDimension: true },
    });
    expect(scoreAll(loaded, testWindows)).toEqual(scoreAll(model, testWindows));
    const histories = [[1, 2, 3], [50], [99, 98, 97, 96]];
    expect(loaded.recommendMany(histories, 5)).toEqual(model.recommendMany(histories, 5));
    loaded.dispose();
  });

  it('refuses to load where the plugin is not imported, naming the representation', async () => {
    await model.save(dir);
    const fixture = fileURLToPath(
      new URL('./testing/load-unregistered.fixture.mjs', import.meta.url),
    );
    const { stdout } = await promisify(execFile)(process.execPath, [fixture, dir]);
    expect(stdout).toContain(
      `ImplicitSequenceModel.fromArtifacts: the model's representation "decayed-pooling" ` +
        'must be registered; registered: pooling,',
    );
    expect(stdout).toContain('Hint: import the plugin package');
  });
});
