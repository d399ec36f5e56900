import * as tf from '@tensorflow/tfjs-core';

import { projectInputsGrad } from './project-inputs-grad.js';

/**
 * The input projection of every step in one product: float32 [T, batch, dim] inputs,
 * `weight` [rows, dim] (PyTorch's layout) and `bias` [rows] or `null` → float32
 * [T, batch, rows], `inputs · weightᵀ + bias`. The caller disposes the result.
 *
 * An op with its own gradient ({@link projectInputsGrad}) because autodiff would take the
 * gradients of the product with transposed operands, which the stock wasm `BatchMatMul` runs
 * about ten times slower than plain ones (0.75 s of a 1.3 s LSTM step at batch 256, L 101,
 * dim 64, measured), and the bias gradient with a `Sum` over rows, also slow there.
 *
 * @internal
 */
export function projectInputs(
  inputs: tf.Tensor3D,
  weight: tf.Tensor2D,
  bias: tf.Tensor1D | null,
): tf.Tensor3D {
  const [steps, batch, dim] = inputs.shape;
  const rows = weight.shape[0];
  const project = tf.customGrad((...args) => {
    const [x, w, b] = args.slice(0, -1) as [tf.Tensor3D, tf.Tensor2D, tf.Tensor1D | undefined];
    const save = args.at(-1) as tf.GradSaveFunc;
    const flat = tf.reshape(x, [steps * batch, dim]) as tf.Tensor2D;
    save([flat, w]);
    // Transposing the small weight once beats matMul's transposeB (see above).
    const kernel = tf.transpose(w);
    const product =
      b === undefined ? tf.matMul(flat, kernel) : tf.fused.matMul({ a: flat, b: kernel, bias: b });
    return {
      value: tf.reshape(product, [steps, batch, rows]),
      gradFunc: (dy, saved) =>
        projectInputsGrad(dy as tf.Tensor3D, saved as [tf.Tensor2D, tf.Tensor2D], b !== undefined),
    };
  });
  return project(...(bias === null ? [inputs, weight] : [inputs, weight, bias])) as tf.Tensor3D;
}
