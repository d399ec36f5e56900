// The three recurrent layers as functions of plain tensors, for comparing kernel sets: random
// inputs of a given shape, and a weighted sum of every output so that each one's gradient shows.
import * as tf from '@tensorflow/tfjs-core';
import type { MlstmEmit, RecurrentSequence, SequenceKernels } from '@seqrec/representations';

/** Steps T, batch, input width D and hidden size H. */
export type LayerShape = readonly [steps: number, batch: number, dim: number, hidden: number];

/** A layer as a function of its input tensors (inputs first, then weights and states). */
export interface LayerCase {
  readonly name: string;
  readonly inputs: (shape: LayerShape) => tf.Tensor[];
  readonly run: (kernels: SequenceKernels, inputs: tf.Tensor[]) => RecurrentSequence;
}

let seeds = 100;
function uniform(shape: readonly number[], scale: number): tf.Tensor {
  seeds += 1;
  return tf.randomUniform([...shape], -scale, scale, 'float32', seeds);
}

const LSTM: LayerCase = {
  name: 'lstm',
  inputs: ([t, b, d, h]) => [
    uniform([t, b, d], 1),
    uniform([4 * h, d], 1 / Math.sqrt(h)),
    uniform([4 * h, h], 1 / Math.sqrt(h)),
    uniform([4 * h], 0.5),
    uniform([b, h], 0.5),
    uniform([b, h], 1),
  ],
  run: (kernels, [x, weightIh, weightHh, bias, h0, c0]) =>
    kernels.lstm(
      x as tf.Tensor3D,
      {
        weightIh: weightIh as tf.Tensor2D,
        weightHh: weightHh as tf.Tensor2D,
        bias: bias as tf.Tensor1D,
      },
      h0 as tf.Tensor2D,
      c0 as tf.Tensor2D,
    ),
};

function mlstm(emit: MlstmEmit, withBias: boolean): LayerCase {
  return {
    name: `mlstm (${emit}${withBias ? ', b_mh' : ''})`,
    inputs: ([t, b, d, h]) => [
      uniform([t, b, d], 1),
      uniform([5 * h, d], 1 / Math.sqrt(h)),
      uniform([5 * h], 0.5),
      uniform([4 * h, h], 1 / Math.sqrt(h)),
      uniform([h, h], 1 / Math.sqrt(h)),
      uniform([b, h], 0.5),
      uniform([b, h], 1),
      ...(withBias ? [uniform([h], 0.5)] : []),
    ],
    run: (kernels, [x, weightX, biasX, weightHh, weightMh, h0, c0, biasMh]) =>
      kernels.mlstm(
        x as tf.Tensor3D,
        {
          weightX: weightX as tf.Tensor2D,
          biasX: biasX as tf.Tensor1D,
          weightHh: weightHh as tf.Tensor2D,
          weightMh: weightMh as tf.Tensor2D,
          biasMh: (biasMh as tf.Tensor1D | undefined) ?? null,
        },
        h0 as tf.Tensor2D,
        c0 as tf.Tensor2D,
        emit,
      ),
  };
}

const GRU: LayerCase = {
  name: 'gru',
  inputs: ([t, b, d, h]) => [
    uniform([t, b, d], 1),
    uniform([3 * h, d], 1 / Math.sqrt(h)),
    uniform([3 * h], 0.5),
    uniform([3 * h, h], 1 / Math.sqrt(h)),
    uniform([3 * h], 0.5),
    uniform([b, h], 0.5),
  ],
  run: (kernels, [x, weightIh, biasIh, weightHh, biasHh, h0]) =>
    kernels.gru(
      x as tf.Tensor3D,
      {
        weightIh: weightIh as tf.Tensor2D,
        biasIh: biasIh as tf.Tensor1D,
        weightHh: weightHh as tf.Tensor2D,
        biasHh: biasHh as tf.Tensor1D,
      },
      h0 as tf.Tensor2D,
    ),
};

/** Every layer, and the mLSTM in both of its forms. */
export const LAYER_CASES: readonly LayerCase[] = [
  LSTM,
  mlstm('hidden', false),
  mlstm('cell', true),
  GRU,
];

/**
 * A scalar of the whole result: Σ outputs ⊙ R₁ + Σ finalH ⊙ R₂ + Σ finalC ⊙ R₃ with fixed
 * random R (seeded from the shape), so every output entry's gradient differs.
 */
export function weightedLoss(
  layer: LayerCase,
  kernels: SequenceKernels,
  shape: LayerShape,
): (...inputs: tf.Tensor[]) => tf.Scalar {
  const [t, b, , h] = shape;
  // Kept for the life of the process: a few small tensors per test.
  const weights = [
    tf.keep(tf.randomUniform([t, b, h], -1, 1, 'float32', 7)),
    tf.keep(tf.randomUniform([b, h], -1, 1, 'float32', 8)),
    tf.keep(tf.randomUniform([b, h], -1, 1, 'float32', 9)),
  ];
  return (...inputs) =>
    tf.tidy(() => {
      const run = layer.run(kernels, inputs);
      const parts = [run.outputs, run.finalH, run.finalC].map((part, i) =>
        tf.sum(tf.mul(part, weights[i] as tf.Tensor)),
      );
      return tf.addN(parts) as tf.Scalar;
    });
}
