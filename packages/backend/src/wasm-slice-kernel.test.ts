import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';

import { installWasmSliceKernel, selectBackend } from './index.js';

interface Case {
  readonly shape: number[];
  readonly begin: number[];
  readonly size: number[];
}

// Contiguous blocks (leading-axis ranges, single rows, whole tensors) and strided ones, in
// ranks 1 to 5, with -1 sizes.
const CASES: Case[] = [
  { shape: [7], begin: [2], size: [3] },
  { shape: [5, 4], begin: [1, 0], size: [3, 4] },
  { shape: [5, 4], begin: [1, 1], size: [3, 2] },
  { shape: [4, 3, 5], begin: [3, 0, 0], size: [1, 3, 5] },
  { shape: [4, 3, 5], begin: [0, 0, 0], size: [3, -1, -1] },
  { shape: [4, 3, 5], begin: [1, 1, 2], size: [2, 2, 3] },
  { shape: [2, 3, 4, 5], begin: [0, 1, 0, 1], size: [2, 2, 4, 3] },
  { shape: [2, 2, 3, 2, 3], begin: [1, 0, 1, 0, 1], size: [1, 2, 2, 2, 2] },
  { shape: [6, 4], begin: [0, 0], size: [6, 4] },
];

async function slice(backend: 'cpu' | 'wasm', c: Case, dtype: 'float32' | 'int32') {
  await selectBackend({ backend });
  const count = c.shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: count }, (_, i) => (dtype === 'int32' ? i : i * 0.5 - 3));
  return tf.tidy(() =>
    Array.from(tf.slice(tf.tensor(values, c.shape, dtype), c.begin, c.size).dataSync()),
  );
}

describe('installWasmSliceKernel', () => {
  it.each(CASES)('slices $shape from $begin by $size as the cpu backend does', async (c) => {
    for (const dtype of ['float32', 'int32'] as const) {
      expect(await slice('wasm', c, dtype)).toEqual(await slice('cpu', c, dtype));
    }
  });

  it('is installed by selectBackend, once', async () => {
    await selectBackend({ backend: 'wasm' });
    expect(installWasmSliceKernel()).toBe(false);
  });

  it('gives slices their gradient (a padded copy) on wasm', async () => {
    await selectBackend({ backend: 'wasm' });
    const grad = tf.grad((x: tf.Tensor) => tf.sum(tf.slice(x, [1, 0], [1, 2])))(tf.ones([3, 2]));
    expect(Array.from(grad.dataSync())).toEqual([0, 0, 1, 1, 0, 0]);
  });

  it('leaves string slices to the stock kernel', async () => {
    await selectBackend({ backend: 'wasm' });
    const words = tf.tensor1d(['a', 'b', 'c'], 'string');
    expect(await tf.slice(words, [1], [2]).array()).toEqual(['b', 'c']);
  });
});
