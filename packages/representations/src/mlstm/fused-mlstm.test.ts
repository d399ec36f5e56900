import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { beforeAll, describe, expect, it } from 'vitest';

import { expectNoLeaksThrough, expectSameOutput, SHAPES } from '../../test/fused-op-checks.js';
import { mlstmCase } from '../../test/fused-op-cases.js';
import { fusedMlstm } from './fused-mlstm.js';

// Float32 rounding, about 1e-7 per op, over at most seven steps; the fused op computes its
// gates in float64 before rounding, the reference in float32.
const CLOSE = 1e-5;

describe.each(['cpu', 'wasm'] as const)('fusedMlstm on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  describe.each(['hidden', 'cell'] as const)('emitting %s states', (output) => {
    const c = mlstmCase(output);

    it.each(SHAPES)('matches the plain-op mLSTM at T %i, batch %i, H %i', (...shape) => {
      expectSameOutput(c, shape, CLOSE);
    });

    it('leaves no tensor behind, with or without a gradient', async () => {
      await expectNoLeaksThrough(c, [3, 2, 4]);
    });
  });

  it('puts the state it does not emit after the emitted ones', () => {
    const inputs = mlstmCase('cell').inputs([2, 1, 3]);
    const [x, wHh, wMh, h0, c0, b] = inputs as [
      tf.Tensor3D,
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor1D,
    ];
    const weights = { weightHh: wHh, weightMh: wMh, biasMh: b };
    const cells = fusedMlstm(x, weights, h0, c0, 'cell');
    const hiddens = fusedMlstm(x, weights, h0, c0, 'hidden');
    const row = (packed: tf.Tensor3D, t: number) => tf.slice(packed, t, 1);
    // Row T of the cell output is h_T, the last hidden state, and the other way round.
    expect(tf.max(tf.abs(tf.sub(row(cells, 2), row(hiddens, 1)))).dataSync()[0]).toBe(0);
    expect(tf.max(tf.abs(tf.sub(row(hiddens, 2), row(cells, 1)))).dataSync()[0]).toBe(0);
    tf.dispose([...inputs, cells, hiddens]);
  });
});
