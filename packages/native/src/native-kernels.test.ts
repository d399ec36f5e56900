import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { hostSequenceKernels, plainSequenceKernels } from '@seqrec/representations';
import { checkGradients, expectGradientsClose } from '@seqrec/testing';
import { beforeAll, describe, expect, it } from 'vitest';

import { LAYER_CASES, weightedLoss, type LayerShape } from '../test/layer-cases.js';
import { loadNativeKernels, type NativeKernels } from './native-kernels.js';

// CI installs a compiler and OpenBLAS, so there the addon must load; elsewhere these tests
// run when the install could build it.
function tryLoad(threads: number): NativeKernels | undefined {
  try {
    return loadNativeKernels({ threads });
  } catch (error) {
    if (process.env['CI'] !== undefined && process.env['CI'] !== '') throw error;
    return undefined;
  }
}
const available = tryLoad(1) !== undefined;

// Shapes with odd sizes, one row per thread or fewer (a thread with no rows), one step.
const SHAPES: readonly LayerShape[] = [
  [1, 1, 3, 2],
  [3, 2, 4, 5],
  [7, 5, 2, 3],
  [4, 9, 6, 4],
];

/** max |a − b| / max(1, max |b|) over two lists of tensors of the same shapes. */
function relativeError(actual: tf.Tensor[], expected: tf.Tensor[]): number {
  let worst = 0;
  actual.forEach((tensor, i) => {
    const [a, e] = [tensor.dataSync(), (expected[i] as tf.Tensor).dataSync()];
    expect(tensor.shape).toEqual((expected[i] as tf.Tensor).shape);
    let [scale, error] = [1, 0];
    e.forEach((v, k) => {
      scale = Math.max(scale, Math.abs(v));
      error = Math.max(error, Math.abs((a[k] as number) - v));
    });
    worst = Math.max(worst, error / scale);
  });
  return worst;
}

describe.runIf(available).each(['cpu', 'wasm'] as const)('native kernels on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  describe.each([1, 2, 3])('with %i threads', (threads) => {
    const kernels = tryLoad(threads) as NativeKernels;

    for (const layer of LAYER_CASES) {
      it.each(SHAPES)(
        `${layer.name} at T %i, batch %i, D %i, H %i: values and gradients equal the host and plain kernels'`,
        (...shape) => {
          const inputs = layer.inputs(shape);
          for (const reference of [hostSequenceKernels, plainSequenceKernels]) {
            tf.tidy(() => {
              const mine = layer.run(kernels, inputs);
              const theirs = layer.run(reference, inputs);
              const values = (r: typeof mine) => [r.outputs, r.finalH, r.finalC];
              // Float32 rounding over at most 7 steps; the exp approximations are within 2e-7.
              expect(relativeError(values(mine), values(theirs))).toBeLessThan(1e-5);
              const myGrads = tf.grads(weightedLoss(layer, kernels, shape))(inputs);
              const theirGrads = tf.grads(weightedLoss(layer, reference, shape))(inputs);
              // Gradients summed over up to 63 rows in another order than the reference's.
              expect(relativeError(myGrads, theirGrads)).toBeLessThan(1e-4);
            });
          }
          tf.dispose(inputs);
        },
      );
    }
  });

  it.each(LAYER_CASES.map((layer) => [layer.name, layer] as const))(
    '%s gradients match finite differences',
    (_, layer) => {
      const kernels = tryLoad(2) as NativeKernels;
      const shape: LayerShape = [4, 3, 3, 4];
      const inputs = layer.inputs(shape);
      const rows = checkGradients(weightedLoss(layer, kernels, shape), inputs, {
        epsilon: 1e-2,
        maxEntries: 12,
        seed: 3,
      });
      expectGradientsClose(rows, 2e-2, 2e-3);
      tf.dispose(inputs);
    },
  );

  it('leaves no tensor behind, forward and backward', () => {
    const kernels = tryLoad(2) as NativeKernels;
    for (const layer of LAYER_CASES) {
      const shape: LayerShape = [3, 4, 2, 3];
      const inputs = layer.inputs(shape);
      const loss = weightedLoss(layer, kernels, shape);
      const before = tf.memory().numTensors;
      tf.tidy(() => void tf.grads(loss)(inputs));
      tf.tidy(() => {
        layer.run(kernels, inputs);
      });
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose(inputs);
    }
  });
});

describe.runIf(available)('loadNativeKernels', () => {
  it('reports its threads and BLAS', () => {
    const kernels = tryLoad(2) as NativeKernels;
    expect(kernels.name).toBe('native');
    expect(kernels.info.threads).toBe(2);
    expect(kernels.info.blas).toMatch(/OpenBLAS/);
    expect(kernels.description).toMatch(/2 threads/);
  });

  it.each([0, -1, 1.5, 257, Number.NaN])('rejects threads %s, naming it', (threads) => {
    expect(() => loadNativeKernels({ threads })).toThrow(
      /threads must be an integer from 1 to 256; got/,
    );
  });

  it('reads SEQREC_NATIVE_THREADS, and names it when it is wrong', () => {
    expect(loadNativeKernels({ env: { SEQREC_NATIVE_THREADS: '1' } }).info.threads).toBe(1);
    expect(() => loadNativeKernels({ env: { SEQREC_NATIVE_THREADS: 'many' } })).toThrow(
      /SEQREC_NATIVE_THREADS must be an integer from 1 to 256; got "many"/,
    );
  });
});
