import * as tf from '@tensorflow/tfjs-core';
import { describeValue } from '@seqrec/interactions';

/**
 * The loss of each position: `positive` float32 [n], `negative` float32 [n, k] → float32 [n].
 *
 * @internal
 */
export type PerPositionLoss = (positive: tf.Tensor1D, negative: tf.Tensor2D) => tf.Tensor;

/**
 * Checks the scores and mask of `Loss.compute`, then returns the mean of `perPosition` over
 * the unmasked positions, computed in a tidy: `Σ mask·loss / Σ mask`, or 0 when every
 * position is masked (Σ mask = 0) rather than Spotlight's NaN, and for an empty batch
 * (n = 0). With `numNegatives`, k must equal it.
 *
 * @throws TypeError if an input is not a float32 tensor.
 * @throws RangeError if the shapes are not `[n]`, `[n, k]` with k ≥ 1, and `[n]`, or k is
 *   not `numNegatives` when that is given.
 * @internal
 */
export function maskedLoss(
  api: string,
  positive: tf.Tensor1D,
  negative: tf.Tensor2D,
  mask: tf.Tensor1D,
  perPosition: PerPositionLoss,
  numNegatives?: number,
): tf.Scalar {
  checkScores(api, positive, negative, mask);
  if (numNegatives !== undefined && negative.shape[1] !== numNegatives) {
    throw new RangeError(
      `${api}: negative must have shape [n, k] with k = context.numNegatives = ` +
        `${String(numNegatives)}; got ${shapeOf(negative)}.`,
    );
  }
  if (positive.shape[0] === 0) {
    // Limitation: the wasm backend's Sum of an empty tensor returns uninitialised memory, so
    // an empty batch is answered as 0 without computing; that zero has no gradient path.
    return tf.scalar(0);
  }
  return tf.tidy(() => {
    const losses = perPosition(positive, negative);
    // A select rather than a product alone, so a masked position whose loss overflows to
    // Infinity or NaN still contributes exactly 0.
    const weighted = tf.where(tf.notEqual(mask, 0), tf.mul(losses, mask), tf.zerosLike(losses));
    const count = tf.sum(mask);
    const safeCount = tf.where(tf.greater(count, 0), count, tf.onesLike(count));
    return tf.div(tf.sum(weighted), safeCount) as tf.Scalar;
  });
}

function checkScores(
  api: string,
  positive: tf.Tensor1D,
  negative: tf.Tensor2D,
  mask: tf.Tensor1D,
): void {
  for (const [name, tensor] of [
    ['positive', positive],
    ['negative', negative],
    ['mask', mask],
  ] as const) {
    if (!(tensor instanceof tf.Tensor)) {
      throw new TypeError(`${api}: ${name} must be a tensor; got ${describeValue(tensor)}.`);
    }
    if (tensor.dtype !== 'float32') {
      throw new TypeError(
        `${api}: ${name} must be float32; got ${tensor.dtype}. ` +
          `Hint: tf.cast(${name}, 'float32').`,
      );
    }
  }

  if (positive.rank !== 1) {
    throw new RangeError(`${api}: positive must have shape [n]; got ${shapeOf(positive)}.`);
  }
  const n = positive.shape[0];
  if (negative.rank !== 2 || negative.shape[0] !== n || negative.shape[1] < 1) {
    throw new RangeError(
      `${api}: negative must have shape [n, k] = [${String(n)}, k] with k ≥ 1 ` +
        `(n from positive); got ${shapeOf(negative)}.`,
    );
  }
  if (mask.rank !== 1 || mask.shape[0] !== n) {
    throw new RangeError(
      `${api}: mask must have shape [n] = [${String(n)}] (n from positive); ` +
        `got ${shapeOf(mask)}.`,
    );
  }
}

/**
 * A shape as error messages show it, e.g. `[32,10]`.
 *
 * @internal
 */
export function shapeOf(tensor: tf.Tensor): string {
  return `[${tensor.shape.join(',')}]`;
}
