import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { checkGradients, expectGradientsClose, expectNoLeaks } from '@seqrec/testing';
import { beforeAll, describe, expect, it } from 'vitest';

import { decayedMeans } from './decayed-means.js';

describe.each(['cpu', 'wasm'] as const)('decayedMeans on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  it('weighs the item k steps back by λ^k over the real items seen', () => {
    // λ = sigmoid(0) = 0.5; one row [padding, a, b] with a = (1, 2) and b = (3, -1).
    const vectors = tf.tensor3d([
      [
        [0, 0],
        [1, 2],
        [3, -1],
      ],
    ]);
    const real = tf.tensor2d([[0, 1, 1]]);
    const means = decayedMeans(vectors, real, tf.tensor1d([0]));
    const [rows] = means.arraySync();
    expect(rows?.slice(0, 3)).toEqual([
      [0, 0],
      [0, 0],
      [1, 2],
    ]);
    // After both: (0.5 a + b) / 1.5.
    rows?.[3]?.forEach((v, d) => expect(v).toBeCloseTo([3.5 / 1.5, 0][d] as number, 6));
    tf.dispose([vectors, real, means]);
  });

  it('gives each coordinate its own decay', () => {
    // λ ≈ 1 on coordinate 0 (the plain mean), λ ≈ 0 on coordinate 1 (the last item).
    const vectors = tf.tensor3d([
      [
        [2, 2],
        [4, 4],
      ],
    ]);
    const real = tf.tensor2d([[1, 1]]);
    const means = decayedMeans(vectors, real, tf.tensor1d([30, -30]));
    const last = means.arraySync()[0]?.[2] ?? [];
    expect(last[0]).toBeCloseTo(3, 5);
    expect(last[1]).toBeCloseTo(4, 5);
    tf.dispose([vectors, real, means]);
  });

  it('matches central finite differences for the vectors and the decay logits', async () => {
    await expectNoLeaks(() => {
      const vectors = tf.randomNormal([2, 4, 3], 0, 1, 'float32', 7) as tf.Tensor3D;
      const real = tf.tensor2d([
        [0, 1, 1, 1],
        [1, 1, 1, 1],
      ]);
      const logits = tf.tensor1d([0.3, -0.8, 1.2]);
      // A fixed random projection makes the scalar depend on every output entry.
      const weights = tf.randomNormal([2, 5, 3], 0, 1, 'float32', 8);
      const rows = checkGradients(
        (x, theta) =>
          tf.sum(tf.mul(decayedMeans(x as tf.Tensor3D, real, theta as tf.Tensor1D), weights)),
        [vectors, logits],
        // A step of 1e-2 keeps float32 rounding small against the differences.
        { epsilon: 1e-2 },
      );
      expectGradientsClose(rows);
      tf.dispose([vectors, real, logits, weights]);
    });
  });
});
