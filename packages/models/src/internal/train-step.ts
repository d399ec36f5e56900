import * as tf from '@tensorflow/tfjs-core';
import type { Loss } from '@seqrec/losses';
import {
  activeSequenceKernels,
  type SampledLossKind,
  type SequenceRepresentation,
} from '@seqrec/representations';

/** The tensors and settings of one training step. */
export interface TrainStep {
  readonly representation: SequenceRepresentation;
  readonly loss: Loss;
  readonly optimizer: tf.Optimizer;
  readonly variables: readonly tf.Variable[];
  readonly l2: number;
  /** The loss as a fused kernel computes it, when the kernels have one and it applies. */
  readonly fusedLoss: SampledLossKind | undefined;
}

/**
 * One minibatch step: scores the true next item at every position and `k` sampled items,
 * takes the loss with padding targets masked (in one fused op when the active sequence
 * kernels have one for this loss), adds the coupled L2 term to each gradient
 * and applies the optimiser. Returns the loss (a number: one read-back per batch).
 *
 * `itemIds` int32 [batch, L]; `negatives` int32 [batch · L, k].
 */
export function trainStep(step: TrainStep, itemIds: tf.Tensor2D, negatives: tf.Tensor2D): number {
  const { representation, loss, optimizer, variables, l2, fusedLoss } = step;
  const sampledLoss = fusedLoss === undefined ? undefined : activeSequenceKernels().sampledLoss;
  return tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => {
      const { states } = representation.encode(itemIds);
      const [batch, length, size] = states.shape;
      const flatStates = tf.reshape(states, [batch * length, size]) as tf.Tensor2D;
      if (sampledLoss !== undefined && fusedLoss !== undefined) {
        const { itemEmbedding, itemBias } = representation.context;
        return sampledLoss({
          kind: fusedLoss,
          states: flatStates,
          targets: tf.reshape(itemIds, [-1]) as tf.Tensor1D,
          negatives,
          table: itemEmbedding.table(),
          bias: tf.reshape(itemBias.table(), [-1]) as tf.Tensor1D,
        });
      }
      const targets = tf.reshape(itemIds, [batch * length, 1]) as tf.Tensor2D;
      const positive = tf.reshape(representation.score(flatStates, targets), [-1]) as tf.Tensor1D;
      const negative = representation.score(flatStates, negatives);
      const mask = tf.cast(tf.notEqual(tf.reshape(itemIds, [-1]), 0), 'float32') as tf.Tensor1D;
      return loss.compute(positive, negative, mask);
    }, variables as tf.Variable[]);

    // Every variable gets a gradient, zero where this batch did not reach it (say, recurrent
    // weights when every window has one item): tfjs optimisers keep their moments by the
    // position of a variable in this map, so a missing entry would hand one variable's
    // moments to the next.
    const penalised: tf.NamedTensorMap = {};
    for (const variable of variables) {
      const grad = grads[variable.name] ?? tf.zerosLike(variable);
      penalised[variable.name] = l2 > 0 ? tf.add(grad, tf.mul(variable, l2)) : grad;
    }
    optimizer.applyGradients(penalised);
    return value.dataSync()[0] as number;
  });
}
