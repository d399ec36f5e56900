// What every built-in loss promises, checked for each on each backend: masking, gradients
// against finite differences, finite non-negative values, the all-masked case, no leaks.
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { checkGradients, expectGradientsClose, expectNoLeaks } from '@seqrec/testing';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

import { createLoss } from '../src/registry.js';

const LOSSES = [
  'pointwise',
  'bpr',
  'hinge',
  'adaptive-hinge',
  'logistic',
  'bpr-log',
  'sampled-softmax',
  'gbce',
] as const;

const context = { numItems: 50, numNegatives: 3 };

// Scores chosen away from the kinks of the hinges (|1 + neg - pos| ≥ 0.2) and with one clear
// maximum per row, so central differences with step 1e-2 see smooth functions.
const POSITIVE = [0.3, -0.8, 1.7, 0.05];
const NEGATIVE = [
  [0.9, -1.2, 0.4],
  [-0.1, 0.6, -2.0],
  [1.1, 0.2, -0.45],
  [-0.6, 0.75, 1.4],
];
const COUNTED = [0, 2, 3];

/** Value and gradients (w.r.t. positive, negative) of a loss, as arrays. */
function evaluate(
  name: string,
  positive: number[],
  negative: number[][],
  mask: number[],
): { value: number; dPositive: number[]; dNegative: number[][] } {
  const loss = createLoss(name, context);
  return tf.tidy(() => {
    const m = tf.tensor1d(mask);
    const f = (p: tf.Tensor, n: tf.Tensor) => loss.compute(p as tf.Tensor1D, n as tf.Tensor2D, m);
    const scores = [tf.tensor1d(positive), tf.tensor2d(negative.flat(), [negative.length, 3])];
    const { value, grads } = tf.valueAndGrads(f)(scores);
    const [dPositive, dNegative] = grads as [tf.Tensor1D, tf.Tensor2D];
    return {
      value: value.dataSync()[0] as number,
      dPositive: dPositive.arraySync(),
      dNegative: dNegative.arraySync(),
    };
  });
}

describe.each(['cpu', 'wasm'] as const)('every loss on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  describe.each(LOSSES)('%s', (name) => {
    it('ignores masked positions in value and gradient', () => {
      const mask = [1, 0, 1, 1];
      const full = evaluate(name, POSITIVE, NEGATIVE, mask);
      // Other scores at the masked position, extreme ones included, change nothing.
      const garbage = NEGATIVE.map((row, i) => (i === 1 ? [1e4, -1e4, 30] : row));
      const moved = evaluate(
        name,
        POSITIVE.map((p, i) => (i === 1 ? -1e4 : p)),
        garbage,
        mask,
      );
      const subset = evaluate(
        name,
        COUNTED.map((i) => POSITIVE[i] as number),
        COUNTED.map((i) => NEGATIVE[i] as number[]),
        [1, 1, 1],
      );

      // Six decimals: the same float32 terms, summed over differently shaped tensors.
      expect(full.value).toBeCloseTo(subset.value, 6);
      expect(moved.value).toBeCloseTo(subset.value, 6);
      for (const result of [full, moved]) {
        // === rather than toBe: a gradient of exactly 0 may come out as -0.
        expect(result.dPositive[1] === 0).toBe(true);
        expect(result.dNegative[1]?.every((g) => g === 0)).toBe(true);
        COUNTED.forEach((row, i) => {
          expect(result.dPositive[row]).toBeCloseTo(subset.dPositive[i] as number, 6);
          result.dNegative[row]?.forEach((g, j) =>
            expect(g).toBeCloseTo(subset.dNegative[i]?.[j] as number, 6),
          );
        });
      }
    });

    it('has the gradient of finite differences', () => {
      const loss = createLoss(name, context);
      const mask = tf.tensor1d([1, 0, 1, 1]);
      const inputs = [tf.tensor1d(POSITIVE), tf.tensor2d(NEGATIVE)];
      const f = (p: tf.Tensor, n: tf.Tensor) =>
        loss.compute(p as tf.Tensor1D, n as tf.Tensor2D, mask);
      expectGradientsClose(checkGradients(f, inputs));
      tf.dispose([mask, ...inputs]);
    });

    it('returns 0 with zero gradients when every position is masked', () => {
      const result = evaluate(name, POSITIVE, NEGATIVE, [0, 0, 0, 0]);
      expect(result.value).toBe(0);
      expect(result.dPositive.every((g) => g === 0)).toBe(true);
      expect(result.dNegative.flat().every((g) => g === 0)).toBe(true);
    });

    it('returns 0 for an empty batch', () => {
      const loss = createLoss(name, context);
      const value = tf.tidy(() =>
        loss.compute(tf.tensor1d([]), tf.zeros([0, 3]), tf.tensor1d([])).dataSync(),
      );
      expect(Array.from(value)).toEqual([0]);
    });

    it('is finite and non-negative for any scores', () => {
      const batch = fc
        .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }))
        .chain(([n, k]) =>
          fc.record({
            k: fc.constant(k),
            scores: fc.array(fc.float({ min: -1e4, max: 1e4, noNaN: true }), {
              minLength: n * (k + 1),
              maxLength: n * (k + 1),
            }),
            mask: fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }),
          }),
        );
      fc.assert(
        fc.property(batch, ({ k, scores, mask }) => {
          const n = mask.length;
          const loss = createLoss(name, { numItems: 50, numNegatives: k });
          const value = tf.tidy(
            () =>
              loss
                .compute(
                  tf.tensor1d(scores.slice(0, n)),
                  tf.tensor2d(scores.slice(n), [n, k]),
                  tf.tensor1d(mask),
                )
                .dataSync()[0] as number,
          );
          return Number.isFinite(value) && value >= 0;
        }),
        { seed: 42, numRuns: 60 },
      );
    });

    it('leaks no tensors', async () => {
      const loss = createLoss(name, context);
      const positive = tf.tensor1d(POSITIVE);
      const negative = tf.tensor2d(NEGATIVE);
      const mask = tf.tensor1d([1, 0, 1, 1]);
      const wrongShape = tf.zeros([2, 3]) as tf.Tensor2D;
      await expectNoLeaks(() => {
        loss.compute(positive, negative, mask).dispose();
        tf.tidy(() => {
          tf.grads((p: tf.Tensor, n: tf.Tensor) =>
            loss.compute(p as tf.Tensor1D, n as tf.Tensor2D, mask),
          )([positive, negative]);
        });
        expect(() => loss.compute(positive, wrongShape, mask)).toThrow(RangeError);
      });
      tf.dispose([positive, negative, mask, wrongShape]);
    });
  });
});
