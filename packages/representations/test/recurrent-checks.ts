// Checks every recurrent representation's tests run: causality, gradients against finite
// differences, tensor leaks and seeding.
import * as tf from '@tensorflow/tfjs-core';
import { expectGradientsClose, expectNoLeaks } from '@seqrec/testing';
import { expect } from 'vitest';

import type {
  RepresentationContext,
  SequenceRepresentation,
} from '../src/sequence-representation.js';
import { checkVariableGradients, idTensor, maxAbsDiff } from './representation-fixtures.js';

// Equal inputs go through identical float32 arithmetic, so unchanged states are bit-equal;
// the tolerance only keeps the message readable.
const SAME = 1e-7;
// A changed item moves a later state by far more than rounding does.
const CHANGED = 1e-4;

/**
 * Changing the item at each position t leaves states 0 … t alone and changes state t + 1
 * and `final`.
 */
export function expectCausal(representation: SequenceRepresentation, row: readonly number[]) {
  const length = row.length;
  const dim = representation.stateSize;
  const base = representation.encode(idTensor([row]));
  for (let t = 0; t < length; t += 1) {
    const changed = row.map((id, k) => (k === t ? (id % 5) + 1 + (id === 0 ? 1 : 0) : id));
    const other = representation.encode(idTensor([changed]));
    const upTo = (s: tf.Tensor3D) => tf.slice(s, [0, 0, 0], [1, t + 1, dim]);
    expect(maxAbsDiff(upTo(base.states), upTo(other.states))).toBeLessThan(SAME);
    if (t + 1 < length) {
      const next = (s: tf.Tensor3D) => tf.slice(s, [0, t + 1, 0], [1, 1, dim]);
      expect(maxAbsDiff(next(base.states), next(other.states))).toBeGreaterThan(CHANGED);
    }
    expect(maxAbsDiff(base.final, other.final)).toBeGreaterThan(CHANGED);
    tf.dispose([other.states, other.final]);
  }
  tf.dispose([base.states, base.final]);
}

/**
 * Gradients of a loss over every state, `final` and item scores, with respect to every
 * variable of the representation and the item embedding, against finite differences.
 */
export function expectGradientsMatchFiniteDifferences(
  representation: SequenceRepresentation,
  context: RepresentationContext,
) {
  const ids = idTensor([
    [0, 1, 3],
    [2, 4, 2],
  ]);
  const targets = idTensor([
    [1, 2],
    [6, 3],
  ]);
  const dim = representation.stateSize;
  const weights = tf.randomNormal([2, 3, dim], 0, 1, 'float32', 5);
  const loss = () =>
    tf.tidy(() => {
      const { states, final } = representation.encode(ids);
      const scores = representation.score(final, targets);
      return tf.addN([tf.sum(tf.mul(states, weights)), tf.sum(tf.sin(scores))]) as tf.Scalar;
    });
  const embedding = context.itemEmbedding.variables;
  const variables = [...representation.variables, ...embedding];
  const rows = checkVariableGradients(loss, variables, { maxEntries: 12 });
  const embeddingInput = variables.length - 1;
  // Row 0 of the item embedding is padding: its analytic gradient is zero by design.
  const isPadding = (r: { input: number; index: number }) =>
    r.input === embeddingInput && r.index < dim;
  expectGradientsClose(rows.filter((r) => !isPadding(r)));
  expect(rows.filter(isPadding).every((r) => r.analytic === 0)).toBe(true);
  tf.dispose([ids, targets, weights]);
}

/** encode, score, scoreAll and a gradient through them leave no tensor behind. */
export async function expectNoLeaksThrough(representation: SequenceRepresentation) {
  const ids = idTensor([
    [0, 1, 2],
    [3, 4, 5],
  ]);
  const targets = idTensor([
    [3, 4],
    [1, 2],
  ]);
  await expectNoLeaks(() => {
    const { states, final } = representation.encode(ids);
    tf.dispose([representation.score(final, targets), representation.scoreAll(final)]);
    tf.dispose([states, final]);
    tf.tidy(() => {
      tf.variableGrads(() => {
        const { states: s, final: f } = representation.encode(ids);
        return tf.add(tf.sum(s), tf.sum(representation.scoreAll(f))) as tf.Scalar;
      });
    });
  });
  tf.dispose([ids, targets]);
}

/** Same seed, same weights and states; another seed, other weights. */
export function expectSeeded(create: (seed: number) => SequenceRepresentation) {
  const [a, b, c] = [create(3), create(3), create(4)];
  const ids = idTensor([[0, 1, 2]]);
  a.variables.forEach((v, i) => {
    expect(v.dataSync()).toEqual((b.variables[i] as tf.Variable).dataSync());
    expect(maxAbsDiff(v, c.variables[i] as tf.Variable)).toBeGreaterThan(CHANGED);
  });
  const [ea, eb] = [a.encode(ids), b.encode(ids)];
  expect(ea.final.dataSync()).toEqual(eb.final.dataSync());
  tf.dispose([ids, ea.states, ea.final, eb.states, eb.final]);
  [a, b, c].forEach((r) => r.dispose());
}

/** The state after a row depends on how much left padding it has (documented behaviour). */
export function expectPaddingMovesState(representation: SequenceRepresentation) {
  const short = representation.encode(idTensor([[3, 4]]));
  const padded = representation.encode(idTensor([[0, 0, 3, 4]]));
  expect(maxAbsDiff(short.final, padded.final)).toBeGreaterThan(CHANGED);
  tf.dispose([short.states, short.final, padded.states, padded.final]);
}
