import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { expectNoLeaks } from '@seqrec/testing';
import { beforeAll, describe, expect, it } from 'vitest';

import { multiplyOnBackend, transposedProduct, transposeHost } from './host-matrices.js';

// Sums of at most 7 float32 products, in another order than the reference product's.
const CLOSE = 1e-6;

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - (b[i] as number))), 0);
}

describe.each(['cpu', 'wasm'] as const)('host matrices on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  it('transposeHost transposes a row-major matrix', () => {
    const values = Float32Array.from([1, 2, 3, 4, 5, 6]);
    expect(Array.from(transposeHost(values, 2, 3))).toEqual([1, 4, 2, 5, 3, 6]);
    expect(Array.from(transposeHost(values, 1, 6))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('multiplyOnBackend equals tf.matMul and leaves no tensor', async () => {
    const left = tf.randomUniform([5, 7], -1, 1, 'float32', 1);
    const right = tf.randomUniform([7, 3], -1, 1, 'float32', 2) as tf.Tensor2D;
    const expected = tf.matMul(left, right);
    await expectNoLeaks(() => {
      const product = multiplyOnBackend(left.dataSync() as Float32Array, 5, right);
      expect(product).toHaveLength(15);
      expect(maxDifference(product, expected.dataSync())).toBeLessThan(CLOSE);
    });
    tf.dispose([left, right, expected]);
  });

  it('transposedProduct equals leftᵀ · right and leaves only its result', () => {
    const left = tf.randomUniform([7, 4], -1, 1, 'float32', 3);
    const right = tf.randomUniform([7, 3], -1, 1, 'float32', 4) as tf.Tensor2D;
    const expected = tf.matMul(left, right, true, false);
    const before = tf.memory().numTensors;
    const product = transposedProduct(left.dataSync() as Float32Array, 7, right);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(product.shape).toEqual([4, 3]);
    expect(maxDifference(product.dataSync(), expected.dataSync())).toBeLessThan(CLOSE);
    tf.dispose([left, right, expected, product]);
  });
});
