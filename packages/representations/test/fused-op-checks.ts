// Checks every fused recurrent op's tests run: its output and its gradients against the
// plain-op implementation it replaced (autodiff), its gradients against finite differences,
// and tensor leaks.
import * as tf from '@tensorflow/tfjs-core';
import { checkGradients, expectGradientsClose, expectNoLeaks } from '@seqrec/testing';
import { expect } from 'vitest';

/** Steps T, batch and hidden size H of one test case. */
export type OpShape = readonly [steps: number, batch: number, hidden: number];

/** Every combination of T ∈ {1, 3, 7}, batch ∈ {1, 3} and H ∈ {2, 5}. */
export const SHAPES: readonly OpShape[] = [1, 3, 7].flatMap((steps) =>
  [1, 3].flatMap((batch) => [2, 5].map((hidden): OpShape => [steps, batch, hidden])),
);

/** Fewer shapes for finite differences (two forward passes per checked entry), each value once. */
export const FINITE_DIFFERENCE_SHAPES: readonly OpShape[] = [
  [1, 3, 2],
  [3, 1, 5],
  [7, 3, 5],
];

/** A fused op and its plain-op reference, over the same inputs and with the same output. */
export interface FusedOpCase {
  /** Fresh float32 inputs for a shape, in the op's argument order; the caller disposes them. */
  readonly inputs: (shape: OpShape) => tf.Tensor[];
  readonly fused: (...inputs: tf.Tensor[]) => tf.Tensor;
  readonly reference: (...inputs: tf.Tensor[]) => tf.Tensor;
}

let seeds = 0;

/** Uniform(−scale, scale) float32 values, from a fresh seed. */
export function uniform(shape: readonly number[], scale: number): tf.Tensor {
  seeds += 1;
  return tf.randomUniform([...shape], -scale, scale, 'float32', seeds);
}

/**
 * Throws unless every entry of `actual` is within `tolerance · max(1, max |expected|)` of
 * `expected`, naming the worst.
 */
export function expectClose(actual: tf.Tensor, expected: tf.Tensor, tolerance: number) {
  expect(actual.shape).toEqual(expected.shape);
  const [a, e] = [actual.dataSync(), expected.dataSync()];
  let [scale, worst] = [1, 0];
  a.forEach((v, i) => {
    scale = Math.max(scale, Math.abs(e[i] as number));
    worst = Math.max(worst, Math.abs(v - (e[i] as number)));
  });
  expect(worst / scale).toBeLessThan(tolerance);
}

/** A scalar that weighs every output entry differently, so each one's gradient shows. */
function weightedSum(op: (...inputs: tf.Tensor[]) => tf.Tensor, weights: tf.Tensor) {
  return (...inputs: tf.Tensor[]) => tf.sum(tf.mul(op(...inputs), weights)) as tf.Scalar;
}

function withCase<T>(c: FusedOpCase, shape: OpShape, body: (inputs: tf.Tensor[]) => T): T {
  const inputs = c.inputs(shape);
  try {
    return body(inputs);
  } finally {
    tf.dispose(inputs);
  }
}

/** The fused op's output equals the reference's. */
export function expectSameOutput(c: FusedOpCase, shape: OpShape, tolerance: number) {
  withCase(c, shape, (inputs) =>
    tf.tidy(() => expectClose(c.fused(...inputs), c.reference(...inputs), tolerance)),
  );
}

/** The hand-written gradients equal autodiff's through the reference, for every input. */
export function expectSameGradients(c: FusedOpCase, shape: OpShape, tolerance: number) {
  withCase(c, shape, (inputs) =>
    tf.tidy(() => {
      const weights = uniform(c.reference(...inputs).shape, 1);
      const fused = tf.grads(weightedSum(c.fused, weights))(inputs);
      const reference = tf.grads(weightedSum(c.reference, weights))(inputs);
      fused.forEach((g, i) => expectClose(g, reference[i] as tf.Tensor, tolerance));
    }),
  );
}

/** The hand-written gradients match central finite differences, for every input. */
export function expectFiniteDifferences(c: FusedOpCase, shape: OpShape) {
  withCase(c, shape, (inputs) => {
    const weights = tf.tidy(() => uniform(c.fused(...inputs).shape, 1));
    const rows = checkGradients(weightedSum(c.fused, weights), inputs, { maxEntries: 24 });
    weights.dispose();
    expect(new Set(rows.map((r) => r.input)).size).toBe(inputs.length);
    expectGradientsClose(rows);
  });
}

/** The op, and a gradient through it, leave no tensor behind. */
export async function expectNoLeaksThrough(c: FusedOpCase, shape: OpShape) {
  const inputs = c.inputs(shape);
  await expectNoLeaks(() => {
    c.fused(...inputs).dispose();
    tf.tidy(() => void tf.grads((...x: tf.Tensor[]) => tf.sum(c.fused(...x)) as tf.Scalar)(inputs));
  });
  tf.dispose(inputs);
}
