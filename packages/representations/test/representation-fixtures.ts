// Helpers shared by the representation tests: a small item context, id tensors, and a
// finite-difference check for gradients with respect to tf.Variables (checkGradients in
// @seqrec/testing differentiates with respect to explicit inputs instead).
import * as tf from '@tensorflow/tfjs-core';
import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
import type { GradientComparison } from '@seqrec/testing';

import type { RepresentationContext } from '../src/sequence-representation.js';

/** A context with `numItems` ids (padding included) and random, non-zero item biases. */
export function makeContext(
  options: { numItems?: number; dim?: number; seed?: number } = {},
): RepresentationContext & { dispose(): void } {
  const { numItems = 7, dim = 3, seed = 0 } = options;
  const itemEmbedding = new ScaledEmbedding({ numEmbeddings: numItems, dim, seed: seed + 100 });
  const itemBias = new ZeroEmbedding({ numEmbeddings: numItems, dim: 1 });
  // Non-zero biases, so tests notice a score that forgets them.
  const biases = tf.tidy(() =>
    tf.concat([tf.zeros([1, 1]), tf.randomUniform([numItems - 1, 1], -1, 1, 'float32', seed)]),
  );
  itemBias.weights.assign(biases as tf.Tensor2D);
  biases.dispose();
  return {
    numItems,
    embeddingDim: dim,
    itemEmbedding,
    itemBias,
    seed,
    dispose() {
      itemEmbedding.dispose();
      itemBias.dispose();
    },
  };
}

/** int32 [rows, L] ids from nested arrays. */
export function idTensor(rows: readonly (readonly number[])[]): tf.Tensor2D {
  return tf.tensor2d(
    rows.map((row) => [...row]),
    [rows.length, rows[0]?.length ?? 0],
    'int32',
  );
}

/**
 * Compares `tf.variableGrads(loss)` with central finite differences, moving one variable
 * entry at a time with `assign` and restoring it afterwards. `input` in each row is the
 * variable's index in `variables`.
 */
export function checkVariableGradients(
  loss: () => tf.Scalar,
  variables: readonly tf.Variable[],
  options: { epsilon?: number; maxEntries?: number } = {},
): GradientComparison[] {
  const { epsilon = 1e-2, maxEntries = 12 } = options;
  const analytic = tf.tidy(() => {
    const { grads } = tf.variableGrads(loss, [...variables]);
    return variables.map((v) => Float32Array.from(grads[v.name]?.dataSync() ?? []));
  });

  const rows: GradientComparison[] = [];
  variables.forEach((variable, input) => {
    const original = Float32Array.from(variable.dataSync());
    // Evenly spread entries, so every part of a variable (e.g. each gate) is visited.
    const step = Math.max(1, Math.floor(original.length / maxEntries));
    for (let index = 0; index < original.length; index += step) {
      const at = (delta: number): number => {
        const moved = Float32Array.from(original);
        moved[index] = (moved[index] as number) + delta;
        tf.tidy(() => variable.assign(tf.tensor(moved, variable.shape, 'float32')));
        return tf.tidy(() => loss().dataSync()[0] as number);
      };
      const numeric = (at(epsilon) - at(-epsilon)) / (2 * epsilon);
      rows.push({ input, index, analytic: analytic[input]?.[index] as number, numeric });
    }
    tf.tidy(() => variable.assign(tf.tensor(original, variable.shape, 'float32')));
  });
  return rows;
}

/** Largest absolute difference between two tensors' values. */
export function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] as number);
}
