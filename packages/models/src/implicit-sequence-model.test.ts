import * as tf from '@tensorflow/tfjs-core';
import { generateSequential } from '@seqrec/datasets';
import { Interactions, toSequences } from '@seqrec/interactions';
import type { Loss } from '@seqrec/losses';
import { describe, expect, it } from 'vitest';

import { ImplicitSequenceModel } from './implicit-sequence-model.js';

const data = generateSequential({
  numUsers: 50,
  numItems: 30,
  numInteractions: 2000,
  concentration: 0.05,
  seed: 7,
});
const windows = toSequences(data, { maxLength: 10, stepSize: 10 });

describe('ImplicitSequenceModel options', () => {
  it('names the option and value it rejects', () => {
    expect(() => new ImplicitSequenceModel({ batchSize: 0 })).toThrow(
      'ImplicitSequenceModel: batchSize must be a positive integer; got 0.',
    );
    expect(() => new ImplicitSequenceModel({ learningRate: -1 })).toThrow(
      'ImplicitSequenceModel: learningRate must be a finite number > 0; got -1.',
    );
    expect(() => new ImplicitSequenceModel({ optimizer: 'lbfgs' as never })).toThrow(
      'ImplicitSequenceModel: optimizer must be one of adam, adagrad, rmsprop, sgd; got "lbfgs".',
    );
    expect(() => new ImplicitSequenceModel({ epochs: 3 } as never)).toThrow(
      'ImplicitSequenceModel: options must only hold known keys',
    );
    expect(() => new ImplicitSequenceModel({ embeddingDim: 100_000 })).toThrow(
      'ImplicitSequenceModel: embeddingDim must be at most 2048; got 100000.',
    );
  });

  it('rejects unknown representation, loss and sampler names at construction', () => {
    expect(() => new ImplicitSequenceModel({ negativeSampler: 'unifrom' })).toThrow(
      'ImplicitSequenceModel: negativeSampler must be one of uniform, uniform-excluding-padding, popularity; got "unifrom".',
    );
    expect(() => new ImplicitSequenceModel({ representation: 'transformer' })).toThrow(
      /ImplicitSequenceModel: representation must be a registered name \(pooling, .*\); got "transformer"\./,
    );
    expect(() => new ImplicitSequenceModel({ loss: 'warp' })).toThrow(
      /ImplicitSequenceModel: loss must be a registered name \(.*adaptive-hinge.*\); got "warp"\./,
    );
  });
});

describe('ImplicitSequenceModel input checks', () => {
  it('wants windows, at least one of them, and an undisposed model', async () => {
    const model = new ImplicitSequenceModel({ backend: 'cpu', nIter: 1 });
    await expect(model.fit(data as never)).rejects.toThrow(
      'ImplicitSequenceModel.fit: sequences must be a SequenceInteractions; got',
    );
    await expect(model.fit(windows.selectRows([]))).rejects.toThrow(
      'ImplicitSequenceModel.fit: sequences must hold at least one window; got 0.',
    );
    // Refused before anything is allocated, rather than failing inside the backend.
    const huge = new ImplicitSequenceModel({ backend: 'cpu', numNegativeSamples: 1e7 });
    await expect(huge.fit(windows)).rejects.toThrow(
      /numNegativeSamples × batchSize × maxLength × embeddingDim must be at most 2\^28; got 10000000 × \d+ × 10 × 32\./,
    );
    await model.fit(windows);
    expect(() => model.recommend('1' as never, 3)).toThrow(
      'ImplicitSequenceModel.recommend: history must be an array of raw item ids; got "1".',
    );
    model.dispose();
    await expect(model.fit(windows)).rejects.toThrow(
      'ImplicitSequenceModel.fit: the model must not be disposed; got a disposed model.',
    );
    expect(() => model.recommend([1], 3)).toThrow(
      'ImplicitSequenceModel.recommend: the model must be fitted first; got a disposed model.',
    );
  });
});

describe('ImplicitSequenceModel training', () => {
  const options = {
    representation: 'pooling',
    loss: 'bpr',
    embeddingDim: 8,
    nIter: 2,
    batchSize: 32,
    seed: 3,
    backend: 'cpu',
  } as const;

  it('gives the same loss curve and scores for the same seed on cpu', async () => {
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const model = new ImplicitSequenceModel(options);
      const reports = await model.fit(windows);
      runs.push({ losses: reports.map((r) => r.loss), scores: model.scoreBatch(windows) });
      model.dispose();
    }
    expect(runs[0]?.losses).toEqual(runs[1]?.losses);
    expect(Array.from(runs[0]?.scores ?? [])).toEqual(Array.from(runs[1]?.scores ?? []));
  });

  it('continues training on a second fit and reports batches and epochs', async () => {
    const model = new ImplicitSequenceModel(options);
    const batches: number[] = [];
    const first = await model.fit(windows, { onBatchEnd: (r) => batches.push(r.batch) });
    const second = await model.fit(windows, { validation: windows });
    expect(first.map((r) => r.epoch)).toEqual([1, 2]);
    expect(second.map((r) => r.epoch)).toEqual([3, 4]);
    expect(batches).toEqual([1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7].slice(0, batches.length));
    expect(batches.length).toBe(2 * Math.ceil(windows.numSequences / 32));
    expect(second[1]?.loss).toBeLessThan(first[0]?.loss ?? 0);
    expect(second[0]?.validationMrr).toBeGreaterThan(0);
    model.dispose();
  });

  it('leaks no tensors across fit, scoring and dispose', async () => {
    const before = tf.memory().numTensors;
    const model = new ImplicitSequenceModel(options);
    await model.fit(windows);
    const built = tf.memory().numTensors;
    await model.fit(windows, { validation: windows });
    model.scoreBatch(windows);
    model.recommend([1, 2], 5);
    expect(tf.memory().numTensors).toBe(built);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops with the epoch and batch when the loss is not finite', async () => {
    const broken: Loss = {
      name: 'broken',
      compute: (positive) => tf.div(tf.sum(positive), 0) as tf.Scalar,
    };
    const model = new ImplicitSequenceModel({ ...options, loss: broken });
    await expect(model.fit(windows)).rejects.toThrow(
      /loss must stay finite; got (NaN|Infinity|-Infinity) at epoch 1, batch 1 of \d+/,
    );
    model.dispose();
  });

  it('recommends raw item ids, leaving out the history unless asked', async () => {
    const raw = Interactions.fromRaw({
      users: Array.from({ length: 300 }, (_, i) => Math.floor(i / 6)),
      items: Array.from({ length: 300 }, (_, i) => ['a', 'b', 'c', 'd', 'e', 'f'][i % 6] as string),
    });
    const model = new ImplicitSequenceModel({ ...options, nIter: 5 });
    await model.fit(toSequences(raw, { maxLength: 6 }));
    const top = model.recommend(['a', 'b', 'unknown'], 3);
    expect(top).toHaveLength(3);
    expect(top).not.toContain('a');
    expect(top).not.toContain('b');
    expect(model.recommend(['a', 'b'], 6, { excludeSeen: false })).toHaveLength(6);
    expect(() => model.recommend(['a'], 0)).toThrow(
      'ImplicitSequenceModel.recommend: k must be a positive integer; got 0.',
    );
    model.dispose();
  });
});
