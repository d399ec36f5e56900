import * as tf from '@tensorflow/tfjs-core';

/**
 * A causal, dilated 1-D convolution over time: output t sees inputs `t - (width-1)·dilation,
 * …, t - dilation, t`, with zeros before the start.
 *
 * `inputs` float32 [batch, T, channels], `kernel` float32 [width · channels, filters] (tap j,
 * the one `(width-1-j)·dilation` steps back, in rows `j·channels … (j+1)·channels - 1`),
 * `bias` float32 [filters] → float32 [batch, T, filters].
 *
 * Built from shifted slices and one matrix product rather than `tf.conv1d`: the wasm backend
 * has no `Conv2DBackpropFilter` kernel, and tfjs-core has no gradient for a dilated
 * convolution, so `tf.conv1d` could not be trained here.
 *
 * @internal
 */
export function causalConv1d(
  inputs: tf.Tensor3D,
  kernel: tf.Tensor2D,
  bias: tf.Tensor1D,
  width: number,
  dilation: number,
): tf.Tensor3D {
  return tf.tidy(() => {
    const [batch, steps, channels] = inputs.shape;
    const filters = kernel.shape[1];
    const reach = (width - 1) * dilation;

    const padded =
      reach > 0
        ? tf.pad(inputs, [
            [0, 0],
            [reach, 0],
            [0, 0],
          ])
        : inputs;
    const taps = Array.from({ length: width }, (_, j) =>
      tf.slice(padded, [0, j * dilation, 0], [batch, steps, channels]),
    );
    const columns = taps.length === 1 ? (taps[0] as tf.Tensor3D) : tf.concat(taps, 2);

    const flat = tf.reshape(columns, [batch * steps, width * channels]);
    const out = tf.add(tf.matMul(flat, kernel), bias);
    return tf.reshape(out, [batch, steps, filters]);
  });
}
