import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { expectGradientsClose, expectNoLeaks } from '@seqrec/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  checkVariableGradients,
  idTensor,
  makeContext,
  maxAbsDiff,
} from '../../test/representation-fixtures.js';
import { MixtureRepresentation } from './mixture-representation.js';

// Untouched positions go through the same float32 operations: equal up to rounding.
const SAME = 1e-6;

/** Σ_m softmax_m(a_m · e) (t_m · e) + b, entry by entry. */
function naiveScore(state: number[], e: number[], b: number, m: number): number {
  const dim = e.length;
  const dot = (c: number) => e.reduce((s, v, d) => s + v * (state[c * dim + d] as number), 0);
  const logits = Array.from({ length: m }, (_, c) => dot(m + c));
  const top = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - top));
  const total = exps.reduce((s, v) => s + v, 0);
  return exps.reduce((s, w, c) => s + (w / total) * dot(c), b);
}

describe.each(['cpu', 'wasm'] as const)('MixtureRepresentation on %s', (backend) => {
  let context: ReturnType<typeof makeContext>;

  beforeAll(async () => {
    await selectBackend({ backend });
    context = makeContext({ numItems: 7, dim: 3 });
  });

  afterAll(() => {
    context.dispose();
  });

  it('has states of 2·M·dim and scores them as a mixture of tastes', () => {
    const mixture = new MixtureRepresentation(context, { numComponents: 2 });
    expect(mixture.stateSize).toBe(12);
    expect(mixture.variables).toHaveLength(6);
    const { states, final } = mixture.encode(
      idTensor([
        [0, 2, 5],
        [1, 4, 6],
      ]),
    );
    expect(states.shape).toEqual([2, 3, 12]);
    expect(final.shape).toEqual([2, 12]);

    const ids = [
      [3, 0, 6],
      [1, 1, 2],
    ];
    const scores = mixture.score(final, idTensor(ids)).arraySync();
    const all = mixture.scoreAll(final).arraySync();
    const table = context.itemEmbedding.table();
    const biases = context.itemBias.table();
    const [vectors, bias] = [table.arraySync(), biases.arraySync()];
    final.arraySync().forEach((state, row) => {
      for (let item = 0; item < 7; item += 1) {
        const expected = naiveScore(state, vectors[item] as number[], bias[item]?.[0] ?? 0, 2);
        expect(all[row]?.[item]).toBeCloseTo(expected, 5);
      }
      ids[row]?.forEach((item, j) =>
        expect(scores[row]?.[j]).toBeCloseTo(all[row]?.[item] ?? 0, 5),
      );
    });
    tf.dispose([states, final, table, biases]);
    mixture.dispose();
  });

  it('is causal: item t changes states after t and final, not before', () => {
    const mixture = new MixtureRepresentation(context);
    const a = mixture.encode(idTensor([[1, 2, 3, 4]]));
    const b = mixture.encode(idTensor([[1, 6, 3, 4]]));
    const at = (s: tf.Tensor3D, from: number, size: number) =>
      tf.slice(s, [0, from, 0], [1, size, mixture.stateSize]);
    expect(maxAbsDiff(at(a.states, 0, 2), at(b.states, 0, 2))).toBeLessThan(SAME);
    expect(maxAbsDiff(at(a.states, 2, 1), at(b.states, 2, 1))).toBeGreaterThan(1e-4);
    expect(maxAbsDiff(a.final, b.final)).toBeGreaterThan(1e-4);
    tf.dispose([a.states, a.final, b.states, b.final]);
    mixture.dispose();
  });

  it('left padding moves the state: the LSTM steps over zero inputs', () => {
    const mixture = new MixtureRepresentation(context);
    const short = mixture.encode(idTensor([[5, 2]]));
    const long = mixture.encode(idTensor([[0, 0, 5, 2]]));
    expect(maxAbsDiff(short.final, long.final)).toBeGreaterThan(1e-4);
    tf.dispose([short.states, short.final, long.states, long.final]);
    mixture.dispose();
  });

  it('matches finite differences with respect to every weight and the item embedding', () => {
    const mixture = new MixtureRepresentation(context, { numComponents: 2 });
    const ids = idTensor([
      [0, 1, 3, 3],
      [2, 4, 5, 6],
    ]);
    const targets = idTensor([
      [1, 2],
      [6, 3],
    ]);
    const weights = tf.randomNormal([2, 4, 12], 0, 1, 'float32', 5);
    const allWeights = tf.randomNormal([2, 7], 0, 1, 'float32', 6);
    const loss = () =>
      tf.tidy(() => {
        const { states, final } = mixture.encode(ids);
        return tf.addN([
          tf.sum(tf.mul(states, weights)),
          tf.sum(tf.sin(mixture.score(final, targets))),
          tf.sum(tf.mul(mixture.scoreAll(final), allWeights)),
        ]) as tf.Scalar;
      });
    const variables = [...mixture.variables, ...context.itemEmbedding.variables];
    const rows = checkVariableGradients(loss, variables, { maxEntries: 10 });
    // The embedding's row 0 is padding: lookups drop its gradient by design (scoreAll, which
    // reads the whole table, does not), so finite differences disagree there.
    const embedding = variables.length - 1;
    const padding = (r: { input: number; index: number }) => r.input === embedding && r.index < 3;
    // Not vacuous: most derivatives are far from zero.
    expect(rows.filter((r) => Math.abs(r.numeric) > 1e-2).length).toBeGreaterThan(rows.length / 2);
    expectGradientsClose(rows.filter((r) => !padding(r)));
    expect(new Set(rows.map((r) => r.input)).size).toBe(variables.length);
    mixture.dispose();
    tf.dispose([ids, targets, weights, allWeights]);
  });

  it('is deterministic per seed', () => {
    const values = (seed: number) => {
      const mixture = new MixtureRepresentation({ ...context, seed });
      const flat = mixture.variables.flatMap((v) => Array.from(v.dataSync()));
      mixture.dispose();
      return flat;
    };
    expect(values(3)).toEqual(values(3));
    expect(values(3)).not.toEqual(values(4));
  });

  it('leaks no tensors', async () => {
    const mixture = new MixtureRepresentation(context);
    const ids = idTensor([[0, 1, 2]]);
    const targets = idTensor([[3, 4]]);
    await expectNoLeaks(() => {
      const { states, final } = mixture.encode(ids);
      tf.dispose([states, final, mixture.score(final, targets), mixture.scoreAll(final)]);
      tf.tidy(() => {
        tf.variableGrads(() => {
          const encoded = mixture.encode(ids);
          return tf.add(tf.sum(mixture.scoreAll(encoded.final)), tf.sum(encoded.states));
        });
      });
    });
    mixture.dispose();
    tf.dispose([ids, targets]);
  });

  it('validates its options and input', () => {
    expect(new MixtureRepresentation(context).config).toEqual({
      name: 'mixture',
      options: { numComponents: 4 },
    });
    expect(() => new MixtureRepresentation(context, { numComponents: 0 })).toThrow(
      'MixtureRepresentation: numComponents must be a positive integer; got 0.',
    );
    expect(() => new MixtureRepresentation(context, { components: 2 } as never)).toThrow(
      'MixtureRepresentation: options must only hold known keys (numComponents); got "components".',
    );
    const mixture = new MixtureRepresentation(context);
    const flat = tf.tensor1d([1, 2], 'int32');
    expect(() => mixture.encode(flat as never)).toThrow(
      'MixtureRepresentation.encode: itemIds must have shape [batch, L] with L ≥ 1; got [2].',
    );
    flat.dispose();
    mixture.dispose();
  });
});
