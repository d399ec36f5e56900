// The fused recurrent ops beside the plain-op implementations they replaced, as cases for
// the checks of fused-op-checks.ts: same inputs, same output layout.
import * as tf from '@tensorflow/tfjs-core';

import { fusedGru } from '../src/gru/fused-gru.js';
import { fusedLstm } from '../src/lstm/fused-lstm.js';
import { projectInputs } from '../src/lstm/internal/project-inputs.js';
import { fusedMlstm } from '../src/mlstm/fused-mlstm.js';
import type { MlstmEmit } from '../src/mlstm/mlstm-sequence.js';
import { uniform, type FusedOpCase, type OpShape } from './fused-op-checks.js';
import {
  gruSequenceReference,
  lstmSequenceReference,
  mlstmSequenceReference,
} from '../src/kernels/plain-sequences.js';

/** The fused LSTM against the plain-op one, with the same [T + 1, batch, H] layout. */
export const LSTM_CASE: FusedOpCase = {
  inputs: ([steps, batch, hidden]: OpShape) => [
    uniform([steps, batch, 4 * hidden], 2),
    uniform([4 * hidden, hidden], 1 / Math.sqrt(hidden)),
    uniform([batch, hidden], 0.5),
    uniform([batch, hidden], 1),
  ],
  fused: (x, w, h0, c0) =>
    fusedLstm(x as tf.Tensor3D, w as tf.Tensor2D, h0 as tf.Tensor2D, c0 as tf.Tensor2D),
  reference: (x, w, h0, c0) =>
    tf.tidy(() => {
      const weights = { weightHh: w as tf.Tensor2D };
      const run = lstmSequenceReference(
        x as tf.Tensor3D,
        weights,
        h0 as tf.Tensor2D,
        c0 as tf.Tensor2D,
      );
      return tf.concat([run.outputs, tf.expandDims(run.finalC, 0)]);
    }),
};

/**
 * The fused mLSTM against the plain-op one, with the same [T + 1, batch, H] layout: the
 * paper's form (no bias on `m`, hidden states out) or the reference implementation's (a
 * bias, cell states out). Inputs: projections, `W_hm`, `W_mh`, `h0`, `c0` (and `b_mh`).
 */
export function mlstmCase(output: MlstmEmit): FusedOpCase {
  const withBias = output === 'cell';
  const weights = (w: tf.Tensor[]) => ({
    weightHh: w[0] as tf.Tensor2D,
    weightMh: w[1] as tf.Tensor2D,
    biasMh: withBias ? (w[4] as tf.Tensor1D) : null,
  });
  return {
    inputs: ([steps, batch, hidden]: OpShape) => [
      uniform([steps, batch, 5 * hidden], 2),
      uniform([4 * hidden, hidden], 1 / Math.sqrt(hidden)),
      uniform([hidden, hidden], 1 / Math.sqrt(hidden)),
      uniform([batch, hidden], 0.5),
      uniform([batch, hidden], 1),
      ...(withBias ? [uniform([hidden], 0.5)] : []),
    ],
    fused: (x, ...rest) => {
      const [h0, c0] = [rest[2] as tf.Tensor2D, rest[3] as tf.Tensor2D];
      return fusedMlstm(
        x as tf.Tensor3D,
        weights([...rest.slice(0, 2), h0, c0, ...rest.slice(4)]),
        h0,
        c0,
        output,
      );
    },
    reference: (x, ...rest) =>
      tf.tidy(() => {
        const [h0, c0] = [rest[2] as tf.Tensor2D, rest[3] as tf.Tensor2D];
        const run = mlstmSequenceReference(
          x as tf.Tensor3D,
          weights([...rest.slice(0, 2), h0, c0, ...rest.slice(4)]),
          h0,
          c0,
          output,
        );
        const other = output === 'hidden' ? run.finalC : run.finalH;
        return tf.concat([run.outputs, tf.expandDims(other, 0)]);
      }),
  };
}

/** The fused GRU against the plain-op one: inputs projections, `W_hh`, `b_hh`, `h0`. */
export const GRU_CASE: FusedOpCase = {
  inputs: ([steps, batch, hidden]: OpShape) => [
    uniform([steps, batch, 3 * hidden], 2),
    uniform([3 * hidden, hidden], 1 / Math.sqrt(hidden)),
    uniform([3 * hidden], 0.5),
    uniform([batch, hidden], 1),
  ],
  fused: (x, w, b, h0) =>
    fusedGru(x as tf.Tensor3D, w as tf.Tensor2D, b as tf.Tensor1D, h0 as tf.Tensor2D),
  reference: (x, w, b, h0) =>
    tf.tidy(() => {
      const weights = { weightHh: w as tf.Tensor2D, biasHh: b as tf.Tensor1D };
      return gruSequenceReference(x as tf.Tensor3D, weights, h0 as tf.Tensor2D).outputs;
    }),
};

/**
 * `projectInputs` against its plain-op form: inputs [T, batch, H + 1] (a width unlike the
 * output's), weight [4H, H + 1] and, `withBias`, bias [4H].
 */
export function projectionCase(withBias: boolean): FusedOpCase {
  const plain = (x: tf.Tensor, w: tf.Tensor, b?: tf.Tensor) =>
    tf.tidy(() => {
      const [steps, batch, dim] = x.shape as [number, number, number];
      const flat = tf.reshape(x, [steps * batch, dim]);
      const product = tf.matMul(flat, tf.transpose(w));
      return tf.reshape(b === undefined ? product : tf.add(product, b), [steps, batch, -1]);
    });
  return {
    inputs: ([steps, batch, hidden]: OpShape) => [
      uniform([steps, batch, hidden + 1], 1),
      uniform([4 * hidden, hidden + 1], 1),
      ...(withBias ? [uniform([4 * hidden], 1)] : []),
    ],
    fused: (x, w, b) =>
      projectInputs(x as tf.Tensor3D, w as tf.Tensor2D, (b as tf.Tensor1D | undefined) ?? null),
    reference: (x, w, b) => plain(x as tf.Tensor, w as tf.Tensor, b),
  };
}
