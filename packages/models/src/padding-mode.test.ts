import * as tf from '@tensorflow/tfjs-core';
import { generateSequential } from '@seqrec/datasets';
import { toSequences } from '@seqrec/interactions';
import {
  createRepresentation,
  type RepresentationFactory,
  type SequenceRepresentation,
} from '@seqrec/representations';
import { describe, expect, it } from 'vitest';

import { ImplicitSequenceModel } from './implicit-sequence-model.js';
import { windowLengths } from './internal/plan-batches.js';

// Short histories in long windows: most columns are padding, as in 5-core Amazon data.
const data = generateSequential({ numUsers: 60, numItems: 20, numInteractions: 600, seed: 5 });
const windows = toSequences(data, { maxLength: 30, minLength: 2, stepSize: 4 });
const base = { representation: 'pooling', embeddingDim: 8, nIter: 1, batchSize: 16 } as const;

/** Pooling that records the width of every batch it encodes. */
function recordingPooling(widths: number[]): RepresentationFactory {
  return (context, options) => {
    const inner = createRepresentation('pooling', context, options);
    const encode = inner.encode.bind(inner);
    inner.encode = (itemIds: tf.Tensor2D) => {
      widths.push(itemIds.shape[1]);
      return encode(itemIds);
    };
    return inner;
  };
}

describe('ImplicitSequenceModel padding', () => {
  it("defaults to 'trim' and rejects other modes by name", () => {
    expect(new ImplicitSequenceModel().options.padding).toBe('trim');
    expect(() => new ImplicitSequenceModel({ padding: 'drop' as never })).toThrow(
      'ImplicitSequenceModel: padding must be one of trim, keep; got "drop".',
    );
  });

  it("'trim' trains on batches as wide as their longest window, 'keep' on full windows", async () => {
    const lengths = windowLengths(windows.sequences, windows.maxLength);
    const longest = lengths.reduce((a, b) => Math.max(a, b), 0);
    const numBatches = Math.ceil(windows.numSequences / 16);
    for (const padding of ['trim', 'keep'] as const) {
      const widths: number[] = [];
      const representation = recordingPooling(widths);
      const model = new ImplicitSequenceModel({ ...base, representation, padding, backend: 'cpu' });
      await model.fit(windows);
      expect(widths).toHaveLength(numBatches);
      if (padding === 'keep') expect(new Set(widths)).toEqual(new Set([30]));
      else {
        expect(Math.max(...widths)).toBe(longest);
        // Most windows here are short, so most batches are far narrower than the windows.
        expect(widths.filter((w) => w < 15).length).toBeGreaterThan(numBatches / 2);
      }
      model.dispose();
    }
  });

  it('scores a batch the same with or without its leading padding columns', async () => {
    const widths: number[] = [];
    const model = new ImplicitSequenceModel({
      ...base,
      representation: recordingPooling(widths),
      backend: 'cpu',
    });
    await model.fit(windows);
    const rows = windows.selectRows([0, 1, 2, 3]);
    const representation = model.representation as SequenceRepresentation;
    const full = tf.tidy(() => {
      const ids = tf.tensor2d(rows.sequences, [4, windows.maxLength], 'int32');
      return representation.scoreAll(representation.encode(ids).final).dataSync();
    });
    widths.length = 0;
    const trimmed = model.scoreBatch(rows);
    expect(widths[0]).toBeLessThan(windows.maxLength);
    // Pooling averages real items only, so dropping padding columns adds no rounding either.
    expect(Array.from(trimmed)).toEqual(Array.from(full));
    model.dispose();
  });

  it('trains a representation that some batches do not reach', async () => {
    // One-item windows form batches one column wide, whose mLSTM states are the initial
    // state alone: its weights get no gradient there, and the optimiser must still line up
    // every variable with its own moments on the next, wider batch.
    const short = toSequences(data, { maxLength: 4, stepSize: 1 });
    const model = new ImplicitSequenceModel({ ...base, representation: 'mlstm', backend: 'cpu' });
    const reports = await model.fit(short);
    expect(Number.isFinite(reports[0]?.loss)).toBe(true);
    model.dispose();
  });
});
