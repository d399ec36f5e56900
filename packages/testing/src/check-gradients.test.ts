import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';

import { checkGradients, expectGradientsClose } from './check-gradients.js';

describe('checkGradients', () => {
  it('passes a correct gradient and catches a wrong one', () => {
    const x = tf.tensor1d([0.3, -1.2, 2]);
    expectGradientsClose(checkGradients((v) => tf.sum(tf.mul(v, tf.sin(v))), [x]));

    // x ↦ x² with a custom gradient that is off by a factor of two.
    const wrong = tf.customGrad((v, save) => {
      (save as tf.GradSaveFunc)([v as tf.Tensor]);
      return {
        value: tf.sum(tf.square(v as tf.Tensor)),
        gradFunc: (dy, [s]) => tf.mul(dy, s as tf.Tensor),
      };
    });
    expect(() => expectGradientsClose(checkGradients((v) => wrong(v) as tf.Scalar, [x]))).toThrow(
      'gradient check failed at',
    );
  });
});
