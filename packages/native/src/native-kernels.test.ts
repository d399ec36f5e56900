import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { hostSequenceKernels, plainSequenceKernels } from '@seqrec/representations';
import { beforeAll, describe, expect, it } from 'vitest';

import { LAYER_CASES, weightedLoss, type LayerShape } from '../test/layer-cases.js';
import { loadKernelsForTest } from '../test/load-kernels.js';
import { loadNativeKernels, type NativeKernels } from './native-kernels.js';

const available = loadKernelsForTest(1) !== undefined;

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
    const kernels = loadKernelsForTest(threads) as NativeKernels;

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

  it('leaves no tensor behind, forward and backward', () => {
    const kernels = loadKernelsForTest(2) as NativeKernels;
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
    const kernels = loadKernelsForTest(2) as NativeKernels;
    expect(kernels.name).toBe('native');
    expect(kernels.info.threads).toBe(2);
    expect(kernels.info.blas).toMatch(/OpenBLAS/);
    expect(kernels.description).toMatch(/2 threads/);
  });

  it.each([0, -1, 1.5, 257, Number.NaN, '2'])('rejects threads %s, naming it', (threads) => {
    expect(() => loadNativeKernels({ threads: threads as number })).toThrow(
      /threads must be an integer from 1 to 256; got/,
    );
  });

  it.each([' 2', '0x2', '2e0', '0', '1000'])('rejects SEQREC_NATIVE_THREADS=%j', (value) => {
    expect(() => loadNativeKernels({ env: { SEQREC_NATIVE_THREADS: value } })).toThrow(
      /SEQREC_NATIVE_THREADS must be an integer from 1 to 256; got/,
    );
  });

  it('reads SEQREC_NATIVE_THREADS, and names it when it is wrong', () => {
    expect(loadNativeKernels({ env: { SEQREC_NATIVE_THREADS: '1' } }).info.threads).toBe(1);
    expect(() => loadNativeKernels({ env: { SEQREC_NATIVE_THREADS: 'many' } })).toThrow(
      /SEQREC_NATIVE_THREADS must be an integer from 1 to 256; got "many"/,
    );
  });
});

describe.runIf(available)('native kernels name a wrong argument', () => {
  beforeAll(async () => {
    await selectBackend({ backend: 'cpu' });
  });

  const [t, b, d, h] = [5, 2, 3, 4];
  const weights = () => ({
    weightIh: tf.zeros([4 * h, d]) as tf.Tensor2D,
    weightHh: tf.zeros([4 * h, h]) as tf.Tensor2D,
    bias: tf.zeros([4 * h]) as tf.Tensor1D,
  });

  it.each<[string, number[], number[], RegExp]>([
    ['h0 with too few rows', [1, h], [b, h], /h0 must have shape \[2, 4\]; got \[1, 4\]/],
    ['c0 with too many rows', [b, h], [7, h], /c0 must have shape \[2, 4\]; got \[7, 4\]/],
    ['c0 of another width', [b, h], [b, 2], /c0 must have shape \[2, 4\]; got \[2, 2\]/],
    [
      'a rank-1 h0',
      [8],
      [b, h],
      /h0 must be a rank-2 tensor with no empty dimension; got shape \[8\]/,
    ],
  ])('lstm: %s', (_, h0Shape, c0Shape, message) => {
    const kernels = loadKernelsForTest(2) as NativeKernels;
    tf.tidy(() => {
      const x = tf.zeros([t, b, d]) as tf.Tensor3D;
      const [h0, c0]: tf.Tensor[] = [tf.zeros(h0Shape), tf.zeros(c0Shape)];
      const run = () => kernels.lstm(x, weights(), h0 as tf.Tensor2D, c0 as tf.Tensor2D);
      expect(run).toThrow(message);
    });
  });

  it('lstm: a weight of the wrong shape, and 2-D inputs', () => {
    const kernels = loadKernelsForTest(2) as NativeKernels;
    tf.tidy(() => {
      const zeros = tf.zeros([b, h]) as tf.Tensor2D;
      const wide = { ...weights(), weightIh: tf.zeros([4 * h, d + 1]) as tf.Tensor2D };
      expect(() => kernels.lstm(tf.zeros([t, b, d]) as tf.Tensor3D, wide, zeros, zeros)).toThrow(
        /native lstm: weightIh must have shape \[16, 3\]; got \[16, 4\]/,
      );
      expect(() =>
        kernels.lstm(tf.zeros([t, d]) as unknown as tf.Tensor3D, weights(), zeros, zeros),
      ).toThrow(/inputs must be a rank-3 tensor with no empty dimension; got shape \[5, 3\]/);
    });
  });

  it("mlstm: emit other than 'hidden' or 'cell'", () => {
    const kernels = loadKernelsForTest(2) as NativeKernels;
    tf.tidy(() => {
      const zeros = tf.zeros([b, h]) as tf.Tensor2D;
      const w = {
        weightX: tf.zeros([5 * h, d]) as tf.Tensor2D,
        biasX: tf.zeros([5 * h]) as tf.Tensor1D,
        weightHh: tf.zeros([4 * h, h]) as tf.Tensor2D,
        weightMh: tf.zeros([h, h]) as tf.Tensor2D,
        biasMh: null,
      };
      const x = tf.zeros([t, b, d]) as tf.Tensor3D;
      expect(() => kernels.mlstm(x, w, zeros, zeros, 'both' as never)).toThrow(
        /native mlstm: emit must be 'hidden' or 'cell'; got "both"/,
      );
    });
  });

  it('sampledLoss: negatives of the wrong shape or dtype, and an unknown kind', () => {
    const kernels = loadKernelsForTest(2) as NativeKernels;
    tf.tidy(() => {
      const input = {
        kind: 'bpr' as const,
        states: tf.zeros([2, h]) as tf.Tensor2D,
        targets: tf.tensor1d([1, 2], 'int32'),
        negatives: tf.tensor2d([[1, 2, 3]], [1, 3], 'int32'),
        table: tf.zeros([5, h]) as tf.Tensor2D,
        bias: tf.zeros([5]) as tf.Tensor1D,
      };
      expect(() => kernels.sampledLoss(input)).toThrow(
        /native sampledLoss: negatives must have shape \[2, 3\]; got \[1, 3\]/,
      );
      const floats = { ...input, negatives: tf.zeros([2, 3]) as tf.Tensor2D };
      expect(() => kernels.sampledLoss(floats)).toThrow(/negatives must be int32; got float32/);
      const softmax = { ...input, kind: 'softmax' as never };
      expect(() => kernels.sampledLoss(softmax)).toThrow(/kind must be one of .*; got "softmax"/);
    });
  });
});
