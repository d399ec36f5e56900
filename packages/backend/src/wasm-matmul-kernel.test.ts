import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';

// The package entry also registers tfjs-core's gradients, which the last test needs.
import { installWasmMatMulKernel, selectBackend } from './index.js';

// Deterministic values in [-1, 1): the comparison needs the same inputs on both backends.
function values(size: number, seed: number): Float32Array {
  const out = new Float32Array(size);
  let state = seed;
  for (let i = 0; i < size; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out[i] = state / 1073741824 - 1;
  }
  return out;
}

interface Case {
  readonly a: number[];
  readonly b: number[];
  readonly transposeA: boolean;
  readonly transposeB: boolean;
}

const CASES: Case[] = [
  { a: [5, 7], b: [9, 7], transposeA: false, transposeB: true },
  { a: [7, 5], b: [7, 9], transposeA: true, transposeB: false },
  { a: [7, 5], b: [9, 7], transposeA: true, transposeB: true },
  { a: [3, 4, 6], b: [3, 8, 6], transposeA: false, transposeB: true },
  { a: [3, 6, 4], b: [3, 6, 8], transposeA: true, transposeB: false },
  // Broadcast batch dimensions, as the gradient of a batched product produces.
  { a: [1, 6, 4], b: [3, 8, 6], transposeA: true, transposeB: true },
  { a: [2, 3, 4, 6], b: [2, 3, 5, 6], transposeA: false, transposeB: true },
  { a: [5, 6], b: [6, 4], transposeA: false, transposeB: false },
];

function product(backend: string, c: Case): Promise<Float32Array> {
  return (async () => {
    await selectBackend({ backend: backend as 'cpu' | 'wasm' });
    const size = (shape: number[]) => shape.reduce((x, y) => x * y, 1);
    const a = tf.tensor(values(size(c.a), 1), c.a);
    const b = tf.tensor(values(size(c.b), 2), c.b);
    const out = tf.matMul(a, b, c.transposeA, c.transposeB);
    const data = (await out.data()) as Float32Array;
    tf.dispose([a, b, out]);
    return data;
  })();
}

describe('installWasmMatMulKernel', () => {
  it('matches the cpu backend for every transpose form, with batches and broadcasting', async () => {
    for (const c of CASES) {
      const expected = await product('cpu', c);
      const actual = await product('wasm', c);
      expect(actual.length).toBe(expected.length);
      for (let i = 0; i < expected.length; i++) {
        expect(actual[i]).toBeCloseTo(expected[i] as number, 4);
      }
    }
  });

  it('is installed by selectBackend, leaks no tensor memory, and installs once', async () => {
    await selectBackend({ backend: 'wasm' });
    expect(installWasmMatMulKernel()).toBe(false);
    const a = tf.ones([4, 3]);
    const b = tf.ones([5, 3]);
    const before = tf.memory().numBytes;
    const out = tf.matMul(a, b, false, true);
    expect(Array.from(await out.data())).toEqual(new Array(20).fill(3));
    out.dispose();
    expect(tf.memory().numBytes).toBe(before);
    tf.dispose([a, b]);
  });

  it('differentiates through the replaced kernel as the cpu backend does', async () => {
    const gradients = async (backend: string) => {
      await selectBackend({ backend: backend as 'cpu' | 'wasm' });
      const a = tf.tensor2d(values(12, 3), [3, 4]);
      const b = tf.tensor2d(values(20, 4), [5, 4]);
      const gradientsOf = tf.grads((x: tf.Tensor, y: tf.Tensor) =>
        tf.sum(tf.square(tf.matMul(x, y, false, true))),
      )([a, b]);
      const out = await Promise.all(gradientsOf.map((g) => g.data()));
      tf.dispose([a, b, ...gradientsOf]);
      return out;
    };
    const expected = await gradients('cpu');
    const actual = await gradients('wasm');
    expect(actual.length).toBe(2);
    actual.forEach((got, k) => {
      const e = expected[k] as Float32Array;
      expect(got.length).toBe(e.length);
      for (let i = 0; i < e.length; i++) expect(got[i]).toBeCloseTo(e[i] as number, 3);
    });
  });
});
