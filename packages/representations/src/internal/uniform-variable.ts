import * as tf from '@tensorflow/tfjs-core';

let counter = 0;

/**
 * A trainable variable drawn from `U(-bound, bound)`, the default initialisation of PyTorch's
 * linear, convolutional and recurrent layers (`bound = 1 / sqrt(fanIn)`), so weights start
 * where Spotlight's do.
 *
 * TensorFlow.js variable names are global, so the name gets a numeric suffix that keeps two
 * models in one process apart.
 *
 * @param seed - Seed of this variable's draw; see {@link deriveSeed}.
 * @internal
 */
export function uniformVariable<R extends tf.Rank>(
  prefix: string,
  shape: readonly number[],
  bound: number,
  seed: number,
): tf.Variable<R> {
  counter += 1;
  const initial = tf.randomUniform([...shape], -bound, bound, 'float32', seed);
  const variable = tf.variable(initial, true, `${prefix}_${String(counter)}`);
  initial.dispose();
  return variable as tf.Variable<R>;
}

/**
 * A seed for the `index`-th variable of a representation built with `seed`: a 32-bit mix,
 * so that neighbouring seeds and neighbouring indices give unrelated draws. Never 0, which
 * `tf.randomNormal` would take as "no seed".
 *
 * @internal
 */
export function deriveSeed(seed: number, index: number): number {
  const high = Math.floor(seed / 0x100000000);
  let h =
    Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(high ^ 0x27d4eb2f, 0x165667b1);
  h ^= Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0 || 1;
}
