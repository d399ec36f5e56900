import * as tf from '@tensorflow/tfjs-core';

/**
 * Splits time-major float32 [T, batch, width] into its T steps, [batch, width] each.
 *
 * Limitation: the stock wasm backend's Unpack and SplitV kernels copy their whole input out
 * of the heap for every output, so one `tf.unstack` costs T full copies (0.6 s for
 * [101, 256, 256], measured). Splitting into about √T chunks first and unstacking each
 * chunk costs about 2√T copies instead (0.23 s); on the cpu backend both are negligible.
 * The gradient is a stack per chunk and one concat.
 *
 * @internal
 */
export function unstackSteps(x: tf.Tensor3D): tf.Tensor2D[] {
  const steps = x.shape[0];
  const chunk = Math.ceil(Math.sqrt(steps));
  if (steps <= chunk + 1) return tf.unstack(x) as tf.Tensor2D[];
  return tf.tidy(() => {
    const sizes = Array.from({ length: Math.ceil(steps / chunk) }, (_, i) =>
      Math.min(chunk, steps - i * chunk),
    );
    // A last chunk of one step is merged into the one before: tfjs's Unpack gradient stacks
    // its output gradients and fails when the only output of a chunk got none (the final
    // step, when only the states before each position reach the loss).
    if (sizes.length > 1 && sizes.at(-1) === 1) {
      sizes.pop();
      sizes[sizes.length - 1] = (sizes.at(-1) as number) + 1;
    }
    return tf.split(x, sizes, 0).flatMap((part) => tf.unstack(part) as tf.Tensor2D[]);
  });
}
