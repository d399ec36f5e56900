import * as tf from '@tensorflow/tfjs-core';

import { inScope } from './in-scope.js';
import type { SequenceKernels } from './sequence-kernels.js';
import {
  gruSequenceReference,
  lstmSequenceReference,
  mlstmSequenceReference,
} from './plain-sequences.js';

/** `inputs · weightᵀ + bias` for every step: float32 [T, batch, D] → [T, batch, rows]. */
function project(inputs: tf.Tensor3D, weight: tf.Tensor2D, bias: tf.Tensor1D): tf.Tensor3D {
  const [steps, batch, dim] = inputs.shape;
  const flat = tf.reshape(inputs, [steps * batch, dim]) as tf.Tensor2D;
  const product = tf.add(tf.matMul(flat, weight, false, true), bias);
  return tf.reshape(product, [steps, batch, weight.shape[0]]);
}

/**
 * {@link SequenceKernels} made of plain tfjs ops (matMul, sigmoid, tanh, split, …) and
 * differentiated by autodiff: no value is read back to JavaScript inside a layer, so every
 * kernel runs where the backend runs it. This is the path for tfjs-node's TensorFlow kernels
 * and for GPU backends, where the `'host'` kernels' per-step read-back would stall.
 *
 * Limitation: checked here on the cpu and wasm backends only (tfjs-node cannot be installed
 * on the machines seqrec is developed on); on wasm it is several times slower than `'host'`.
 *
 * @example
 * ```ts
 * import { plainSequenceKernels } from '@seqrec/representations';
 *
 * console.assert(plainSequenceKernels.name === 'plain');
 * ```
 */
export const plainSequenceKernels: SequenceKernels = Object.freeze<SequenceKernels>({
  name: 'plain',
  description: 'plain tfjs ops, every kernel on the tfjs backend',
  lstm: (inputs, weights, h0, c0) =>
    inScope(() => {
      const projected = project(inputs, weights.weightIh, weights.bias);
      return lstmSequenceReference(projected, { weightHh: weights.weightHh }, h0, c0);
    }),
  mlstm: (inputs, weights, h0, c0, emit) =>
    inScope(() => {
      const projected = project(inputs, weights.weightX, weights.biasX);
      const { weightHh, weightMh, biasMh } = weights;
      return mlstmSequenceReference(projected, { weightHh, weightMh, biasMh }, h0, c0, emit);
    }),
  gru: (inputs, weights, h0) =>
    inScope(() => {
      const projected = project(inputs, weights.weightIh, weights.biasIh);
      const recurrent = { weightHh: weights.weightHh, biasHh: weights.biasHh };
      return gruSequenceReference(projected, recurrent, h0);
    }),
});
