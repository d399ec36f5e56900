import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { checkGradients, expectGradientsClose, expectNoLeaks } from '@seqrec/testing';
import { beforeAll, describe, expect, it } from 'vitest';

import { gatherRows } from './gather-rows.js';
import { ScaledEmbedding } from './scaled-embedding.js';

describe.each(['cpu', 'wasm'] as const)('ScaledEmbedding on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  it('starts with a zero padding row and std about 1/dim elsewhere', () => {
    const table = new ScaledEmbedding({ numEmbeddings: 2001, dim: 10, seed: 3 });
    const values = table.weights.arraySync();
    expect(values[0]).toEqual(new Array(10).fill(0));
    const rest = values.slice(1).flat();
    const std = Math.sqrt(rest.reduce((s, v) => s + v * v, 0) / rest.length);
    // 20,000 draws: the sample std is within 2 % of 0.1 with overwhelming probability.
    expect(std).toBeGreaterThan(0.098);
    expect(std).toBeLessThan(0.102);
    table.dispose();
  });

  it('is reproducible for every seed, 0 included', () => {
    const a = new ScaledEmbedding({ numEmbeddings: 5, dim: 2 });
    const b = new ScaledEmbedding({ numEmbeddings: 5, dim: 2, seed: 0 });
    const c = new ScaledEmbedding({ numEmbeddings: 5, dim: 2, seed: 1 });
    expect(a.weights.arraySync()).toEqual(b.weights.arraySync());
    expect(a.weights.arraySync()).not.toEqual(c.weights.arraySync());
    [a, b, c].forEach((table) => table.dispose());
  });

  it('sums gradients of repeated ids and never trains the padding row', () => {
    const table = new ScaledEmbedding({ numEmbeddings: 4, dim: 2, seed: 1 });
    const ids = tf.tensor2d(
      [
        [0, 2],
        [2, 3],
      ],
      [2, 2],
      'int32',
    );
    const { grads } = tf.variableGrads(() => tf.sum(table.lookup(ids)));
    const grad = grads[table.weights.name]?.arraySync();
    expect(grad).toEqual([
      [0, 0],
      [0, 0],
      [2, 2],
      [1, 1],
    ]);
    Object.values(grads).forEach((g) => g.dispose());
    ids.dispose();
    table.dispose();
  });

  it('keeps the padding row out of gradients through the whole table', () => {
    const table = new ScaledEmbedding({ numEmbeddings: 3, dim: 2, seed: 1 });
    const { grads } = tf.variableGrads(() => tf.sum(table.table()));
    expect(grads[table.weights.name]?.arraySync()).toEqual([
      [0, 0],
      [1, 1],
      [1, 1],
    ]);
    Object.values(grads).forEach((g) => g.dispose());
    table.dispose();
  });

  it('matches finite differences', () => {
    const ids = tf.tensor1d([1, 3, 3, 0, 2], 'int32');
    const weights = tf.tensor2d([
      [0, 0],
      [0.5, -1],
      [2, 0.3],
      [-0.7, 1.1],
    ]);
    const f = (w: tf.Tensor) => tf.sum(tf.sin(gatherRows(w as tf.Tensor2D, ids))) as tf.Scalar;
    const rows = checkGradients(f, [weights]);
    // Row 0 is padding: its analytic gradient is zero by design, unlike the numeric one.
    expectGradientsClose(rows.filter((r) => r.index >= 2));
    expect(rows.filter((r) => r.index < 2).every((r) => r.analytic === 0)).toBe(true);
  });

  it('leaks no tensors', async () => {
    const table = new ScaledEmbedding({ numEmbeddings: 5, dim: 3 });
    const ids = tf.tensor1d([1, 4], 'int32');
    await expectNoLeaks(() => {
      tf.tidy(() => {
        tf.variableGrads(() => tf.sum(table.lookup(ids)));
      });
      table.lookup(ids).dispose();
      table.table().dispose();
    });
    ids.dispose();
    table.dispose();
  });

  it('rejects bad sizes', () => {
    expect(() => new ScaledEmbedding({ numEmbeddings: 0, dim: 4 })).toThrow(
      'ScaledEmbedding: numEmbeddings must be a positive integer; got 0.',
    );
  });
});
