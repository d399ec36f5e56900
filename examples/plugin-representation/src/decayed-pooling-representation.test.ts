import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
import { PoolingRepresentation, type RepresentationContext } from '@seqrec/representations';
import { expectNoLeaks } from '@seqrec/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DecayedPoolingRepresentation } from './decayed-pooling-representation.js';

// Float32 rounding of a few sums, products and one division: far below this.
const SAME = 1e-6;

function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] as number);
}

function ids(rows: number[][]): tf.Tensor2D {
  return tf.tensor2d(rows, [rows.length, rows[0]?.length ?? 0], 'int32');
}

describe.each(['cpu', 'wasm'] as const)('DecayedPoolingRepresentation on %s', (backend) => {
  let context: RepresentationContext;

  beforeAll(async () => {
    await selectBackend({ backend });
    context = {
      numItems: 8,
      embeddingDim: 4,
      itemEmbedding: new ScaledEmbedding({ numEmbeddings: 8, dim: 4, seed: 3 }),
      itemBias: new ZeroEmbedding({ numEmbeddings: 8, dim: 1 }),
      seed: 0,
    };
  });

  afterAll(() => {
    context.itemEmbedding.dispose();
    context.itemBias.dispose();
  });

  it('records its name and resolved options, and starts at the given half-life', () => {
    const representation = new DecayedPoolingRepresentation(context, { halfLife: 2 });
    expect(representation.config).toEqual({
      name: 'decayed-pooling',
      options: { halfLife: 2, perDimension: true },
    });
    expect(representation.variables.map((v) => v.shape)).toEqual([[4]]);
    representation.decay.forEach((d) => expect(d).toBeCloseTo(Math.SQRT1_2, 6));
    const shared = new DecayedPoolingRepresentation(context, { perDimension: false });
    expect(shared.variables.map((v) => v.shape)).toEqual([[1]]);
    expect(shared.decay[0]).toBeCloseTo(2 ** (-1 / 3), 6);
    representation.dispose();
    shared.dispose();
  });

  it('rejects bad options with the option and the value', () => {
    expect(() => new DecayedPoolingRepresentation(context, { halfLife: 0 })).toThrow(
      'DecayedPoolingRepresentation: halfLife must be a finite number of items ≥ 0.01; got 0.',
    );
    expect(
      () => new DecayedPoolingRepresentation(context, { perDimension: 'yes' } as never),
    ).toThrow('DecayedPoolingRepresentation: perDimension must be a boolean; got "yes".');
    expect(() => new DecayedPoolingRepresentation(context, { halflife: 2 } as never)).toThrow(
      'DecayedPoolingRepresentation: options must only hold known keys (halfLife, ' +
        'perDimension); got "halflife".',
    );
    const representation = new DecayedPoolingRepresentation(context);
    const floats = tf.tensor2d([[1, 2]]);
    expect(() => representation.encode(floats)).toThrow(
      'DecayedPoolingRepresentation.encode: itemIds must be an int32 tensor; got "float32".',
    );
    floats.dispose();
    representation.dispose();
  });

  it('is causal: item t changes the states after t and final, not those up to t', () => {
    const representation = new DecayedPoolingRepresentation(context);
    const a = representation.encode(ids([[1, 2, 3, 4]]));
    const b = representation.encode(ids([[1, 6, 3, 4]]));
    const upTo = (s: tf.Tensor3D) => tf.slice(s, [0, 0, 0], [1, 2, 4]);
    const after = (s: tf.Tensor3D) => tf.slice(s, [0, 2, 0], [1, 2, 4]);
    expect(maxAbsDiff(upTo(a.states), upTo(b.states))).toBeLessThan(SAME);
    expect(maxAbsDiff(after(a.states), after(b.states))).toBeGreaterThan(1e-3);
    expect(maxAbsDiff(a.final, b.final)).toBeGreaterThan(1e-3);
    tf.dispose([a.states, a.final, b.states, b.final]);
    representation.dispose();
  });

  it('left padding changes neither the real positions nor final', () => {
    const representation = new DecayedPoolingRepresentation(context);
    const short = representation.encode(ids([[5, 2, 7]]));
    const padded = representation.encode(ids([[0, 0, 5, 2, 7]]));
    const real = tf.slice(padded.states, [0, 2, 0], [1, 3, 4]);
    expect(maxAbsDiff(real, short.states)).toBeLessThan(SAME);
    expect(maxAbsDiff(padded.final, short.final)).toBeLessThan(SAME);
    const padding = tf.slice(padded.states, [0, 0, 0], [1, 3, 4]);
    expect(tf.max(tf.abs(padding)).dataSync()[0]).toBe(0);
    tf.dispose([short.states, short.final, padded.states, padded.final, real, padding]);
    representation.dispose();
  });

  it('becomes the exact running mean as the half-life grows', () => {
    const decayed = new DecayedPoolingRepresentation(context, { halfLife: 1e7 });
    const pooling = new PoolingRepresentation(context, { exactMean: true });
    const rows = ids([
      [0, 3, 1, 4],
      [2, 7, 1, 6],
    ]);
    const a = decayed.encode(rows);
    const b = pooling.encode(rows);
    // λ = 2^(-1e-7) differs from 1 by 7e-8, so the weights differ from 1 by < 3e-7.
    expect(maxAbsDiff(a.states, b.states)).toBeLessThan(1e-5);
    expect(maxAbsDiff(a.final, b.final)).toBeLessThan(1e-5);
    tf.dispose([rows, a.states, a.final, b.states, b.final]);
    decayed.dispose();
  });

  it('leaves no tensors behind', async () => {
    const representation = new DecayedPoolingRepresentation(context);
    await expectNoLeaks(() => {
      const itemIds = ids([[0, 1, 2, 3]]);
      const { states, final } = representation.encode(itemIds);
      const scores = representation.scoreAll(final);
      tf.dispose([itemIds, states, final, scores]);
    });
    representation.dispose();
  });
});
