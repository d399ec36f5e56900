import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { beforeAll, describe, expect, it } from 'vitest';

import { expectNoLeaksThrough, expectSameOutput, SHAPES } from '../../test/fused-op-checks.js';
import { LSTM_CASE } from '../../test/fused-op-cases.js';
import { lstmSequenceReference } from '../kernels/plain-sequences.js';
import { fusedLstm } from './fused-lstm.js';

// Float32 rounding, about 1e-7 per op, over at most seven steps; the fused op computes its
// gates in float64 before rounding, the reference in float32.
const CLOSE = 1e-5;

describe.each(['cpu', 'wasm'] as const)('fusedLstm on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  it.each(SHAPES)('matches the plain-op LSTM at T %i, batch %i, H %i', (...shape) => {
    expectSameOutput(LSTM_CASE, shape, CLOSE);
  });

  it('emits h_1 … h_T, then c_T', () => {
    const [x, w, h0, c0] = LSTM_CASE.inputs([3, 2, 4]) as [
      tf.Tensor3D,
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor2D,
    ];
    const packed = fusedLstm(x, w, h0, c0);
    const reference = lstmSequenceReference(x, { weightHh: w }, h0, c0);
    expect(packed.shape).toEqual([4, 2, 4]);
    const row = (t: number) => tf.reshape(tf.slice(packed, t, 1), [2, 4]);
    expect(tf.max(tf.abs(tf.sub(row(2), reference.finalH))).dataSync()[0]).toBeLessThan(CLOSE);
    expect(tf.max(tf.abs(tf.sub(row(3), reference.finalC))).dataSync()[0]).toBeLessThan(CLOSE);
    tf.dispose([x, w, h0, c0, packed, reference.outputs, reference.finalH, reference.finalC]);
  });

  it('leaves no tensor behind, with or without a gradient', async () => {
    await expectNoLeaksThrough(LSTM_CASE, [3, 2, 4]);
  });
});
