import * as tf from '@tensorflow/tfjs-core';

import type { OptimizerName } from '../model-options.js';

/** An optimiser by name with tfjs defaults, matching PyTorch's where they differ little. */
export function buildOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  switch (name) {
    case 'adam':
      // PyTorch's Adam defaults (β1 0.9, β2 0.999, ε 1e-8), which Spotlight uses.
      return tf.train.adam(learningRate, 0.9, 0.999, 1e-8);
    case 'adagrad':
      return tf.train.adagrad(learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
    case 'sgd':
      return tf.train.sgd(learningRate);
  }
}
