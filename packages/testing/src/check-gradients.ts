import * as tf from '@tensorflow/tfjs-core';
import '@seqrec/backend/register-gradients';

/**
 * Options of {@link checkGradients}.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { checkGradients, type CheckGradientsOptions } from '@seqrec/testing';
 *
 * await selectBackend({ backend: 'cpu' });
 * // Check 5 of the 100 entries, with a smaller step for this smooth function.
 * const options: CheckGradientsOptions = { epsilon: 1e-3, maxEntries: 5, seed: 1 };
 * const rows = checkGradients((x) => tf.sum(tf.sin(x)), [tf.linspace(0, 1, 100)], options);
 * console.assert(rows.length === 5);
 * ```
 */
export interface CheckGradientsOptions {
  /**
   * Central-difference step (default 1e-2). In float32 a step much below 1e-3 drowns the
   * difference in rounding error; much above 1e-2 lets curvature bias it.
   */
  readonly epsilon?: number;
  /** Entries checked per input, chosen at random when an input has more (default 40). */
  readonly maxEntries?: number;
  /** Seed of that choice (default 0). */
  readonly seed?: number;
}

/**
 * One input entry's analytic and numeric derivative.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { checkGradients, type GradientComparison } from '@seqrec/testing';
 *
 * await selectBackend({ backend: 'cpu' });
 * const rows: GradientComparison[] = checkGradients(
 *   (a, b) => tf.sum(tf.mul(a, b)),
 *   [tf.tensor1d([2]), tf.tensor1d([3])],
 * );
 * // d(ab)/da = b and d(ab)/db = a, for input 0 and input 1.
 * const byInput = rows.map((row) => `${String(row.input)}:${row.analytic.toFixed(3)}`);
 * console.assert(byInput.join() === '0:3.000,1:2.000');
 * console.assert(rows.every((row) => Math.abs(row.analytic - row.numeric) < 1e-2));
 * ```
 */
export interface GradientComparison {
  readonly input: number;
  readonly index: number;
  readonly analytic: number;
  readonly numeric: number;
}

/**
 * Compares the autodiff gradient of a scalar function with central finite differences,
 * entry by entry, and returns both for the caller to assert on (see
 * {@link expectGradientsClose}). Inputs must be float32; close over integer inputs.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { checkGradients } from '@seqrec/testing';
 *
 * await selectBackend({ backend: 'cpu' });
 * const rows = checkGradients((x) => tf.sum(tf.square(x)), [tf.tensor1d([1, 2])]);
 * console.assert(Math.abs((rows[1]?.analytic ?? 0) - 4) < 1e-5);
 * ```
 */
export function checkGradients(
  f: (...inputs: tf.Tensor[]) => tf.Scalar,
  inputs: readonly tf.Tensor[],
  options: CheckGradientsOptions = {},
): GradientComparison[] {
  const epsilon = options.epsilon ?? 1e-2;
  const maxEntries = options.maxEntries ?? 40;
  let state = (options.seed ?? 0) >>> 0 || 1;
  const random = (n: number): number => {
    // xorshift32: enough to pick entries reproducibly without a dependency.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };

  const analytic = tf.tidy(() =>
    tf
      .grads(f)(inputs as tf.Tensor[])
      .map((g) => g.dataSync()),
  );
  const values = inputs.map((x) => Float32Array.from(x.dataSync()));
  const rows: GradientComparison[] = [];
  values.forEach((value, input) => {
    const picks =
      value.length <= maxEntries
        ? Array.from(value, (_, i) => i)
        : Array.from({ length: maxEntries }, () => random(value.length));
    for (const index of picks) {
      const at = (delta: number): number =>
        tf.tidy(() => {
          const moved = inputs.map((x, k) => {
            if (k !== input) return x;
            const copy = Float32Array.from(value);
            copy[index] = (copy[index] as number) + delta;
            return tf.tensor(copy, x.shape, 'float32');
          });
          return f(...moved).dataSync()[0] as number;
        });
      const numeric = (at(epsilon) - at(-epsilon)) / (2 * epsilon);
      rows.push({ input, index, analytic: analytic[input]?.[index] as number, numeric });
    }
  });
  return rows;
}

/**
 * Throws unless every analytic derivative is within `atol + rtol × |numeric|` of its
 * finite-difference estimate, listing the worst entries.
 *
 * @param rtol - Relative tolerance (default 1e-2: float32 central differences are good to
 *   about two or three digits).
 * @param atol - Absolute tolerance (default 1e-3), for derivatives near zero.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { checkGradients, expectGradientsClose } from '@seqrec/testing';
 *
 * await selectBackend({ backend: 'cpu' });
 * expectGradientsClose(checkGradients((x) => tf.sum(tf.exp(x)), [tf.tensor1d([0, 0.5])]));
 * ```
 */
export function expectGradientsClose(
  rows: readonly GradientComparison[],
  rtol = 1e-2,
  atol = 1e-3,
): void {
  const bad = rows.filter(
    (r) => !(Math.abs(r.analytic - r.numeric) <= atol + rtol * Math.abs(r.numeric)),
  );
  if (bad.length > 0) {
    const shown = bad
      .slice(0, 5)
      .map(
        (r) =>
          `input ${String(r.input)}[${String(r.index)}]: analytic ${String(r.analytic)}, numeric ${String(r.numeric)}`,
      )
      .join('; ');
    throw new Error(
      `gradient check failed at ${String(bad.length)} of ${String(rows.length)} entries: ${shown}`,
    );
  }
}
