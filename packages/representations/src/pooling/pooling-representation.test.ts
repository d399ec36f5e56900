import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { expectGradientsClose, expectNoLeaks } from '@seqrec/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  checkVariableGradients,
  idTensor,
  makeContext,
  maxAbsDiff,
} from '../../test/representation-fixtures.js';
import { PoolingRepresentation } from './pooling-representation.js';

// Float32 rounding of a few sums and one division: far below this.
const SAME = 1e-6;

describe.each(['cpu', 'wasm'] as const)('PoolingRepresentation on %s', (backend) => {
  let context: ReturnType<typeof makeContext>;
  let vectors: number[][] = [];

  beforeAll(async () => {
    await selectBackend({ backend });
    context = makeContext({ numItems: 7, dim: 3 });
    const table = context.itemEmbedding.table();
    vectors = table.arraySync();
    table.dispose();
  });

  afterAll(() => {
    context.dispose();
  });

  it('states are running sums over (n + 1), final the sum over all items', () => {
    const pooling = new PoolingRepresentation(context);
    const { states, final } = pooling.encode(idTensor([[0, 2, 5]]));
    expect(states.shape).toEqual([1, 3, 3]);
    expect(final.shape).toEqual([1, 3]);
    const v2 = vectors[2] as number[];
    const v5 = vectors[5] as number[];
    const got = states.arraySync()[0] as number[][];
    expect(got[0]).toEqual([0, 0, 0]);
    expect(got[1]).toEqual([0, 0, 0]);
    got[2]?.forEach((v, d) => expect(v).toBeCloseTo((v2[d] as number) / 2, 6));
    final.arraySync()[0]?.forEach((v, d) => {
      expect(v).toBeCloseTo(((v2[d] as number) + (v5[d] as number)) / 3, 6);
    });
    tf.dispose([states, final]);
  });

  it('exactMean divides by the number of items seen', () => {
    const pooling = new PoolingRepresentation(context, { exactMean: true });
    const { states, final } = pooling.encode(idTensor([[0, 2, 5]]));
    const v2 = vectors[2] as number[];
    const v5 = vectors[5] as number[];
    states.arraySync()[0]?.[2]?.forEach((v, d) => expect(v).toBeCloseTo(v2[d] as number, 6));
    final.arraySync()[0]?.forEach((v, d) => {
      expect(v).toBeCloseTo(((v2[d] as number) + (v5[d] as number)) / 2, 6);
    });
    expect(pooling.config).toEqual({ name: 'pooling', options: { exactMean: true } });
    tf.dispose([states, final]);
  });

  it('is causal: item t changes states after t and final, not before', () => {
    const pooling = new PoolingRepresentation(context);
    const a = pooling.encode(idTensor([[1, 2, 3, 4]]));
    const b = pooling.encode(idTensor([[1, 6, 3, 4]]));
    const before = (s: tf.Tensor3D) => tf.slice(s, [0, 0, 0], [1, 2, 3]);
    const after = (s: tf.Tensor3D) => tf.slice(s, [0, 2, 0], [1, 1, 3]);
    expect(maxAbsDiff(before(a.states), before(b.states))).toBeLessThan(SAME);
    expect(maxAbsDiff(after(a.states), after(b.states))).toBeGreaterThan(1e-3);
    expect(maxAbsDiff(a.final, b.final)).toBeGreaterThan(1e-3);
    tf.dispose([a.states, a.final, b.states, b.final]);
  });

  it('left padding changes neither the real states nor final, in either mode', () => {
    for (const exactMean of [false, true]) {
      const pooling = new PoolingRepresentation(context, { exactMean });
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }),
          fc.integer({ min: 1, max: 3 }),
          (row, pad) => {
            const short = pooling.encode(idTensor([row]));
            const long = pooling.encode(idTensor([[...new Array<number>(pad).fill(0), ...row]]));
            const tail = tf.slice(long.states, [0, pad, 0], [1, row.length, 3]);
            const ok =
              maxAbsDiff(short.final, long.final) < SAME &&
              maxAbsDiff(short.states, tail) < SAME &&
              maxAbsDiff(tf.slice(long.states, [0, 0, 0], [1, pad, 3]), tf.zeros([1, pad, 3])) ===
                0;
            tf.dispose([short.states, short.final, long.states, long.final, tail]);
            return ok;
          },
        ),
        { numRuns: 15, seed: 7 },
      );
    }
  });

  it('matches finite differences with respect to the item embedding', () => {
    const pooling = new PoolingRepresentation(context);
    const ids = idTensor([
      [0, 1, 3, 3],
      [2, 4, 5, 6],
    ]);
    const targets = idTensor([
      [1, 2],
      [6, 3],
    ]);
    const weights = tf.randomNormal([2, 4, 3], 0, 1, 'float32', 5);
    const loss = () =>
      tf.tidy(() => {
        const { states, final } = pooling.encode(ids);
        const scores = pooling.score(final, targets);
        return tf.addN([tf.sum(tf.mul(states, weights)), tf.sum(tf.sin(scores))]) as tf.Scalar;
      });
    const rows = checkVariableGradients(loss, context.itemEmbedding.variables, { maxEntries: 21 });
    // Row 0 is padding: its analytic gradient is zero by design.
    // Not vacuous: most derivatives are far from zero.
    expect(rows.filter((r) => Math.abs(r.numeric) > 1e-2).length).toBeGreaterThan(rows.length / 2);
    expectGradientsClose(rows.filter((r) => r.index >= 3));
    expect(rows.filter((r) => r.index < 3).every((r) => r.analytic === 0)).toBe(true);
    tf.dispose([ids, targets, weights]);
  });

  it('leaks no tensors', async () => {
    const pooling = new PoolingRepresentation(context);
    const ids = idTensor([[0, 1, 2]]);
    const targets = idTensor([[3, 4]]);
    await expectNoLeaks(() => {
      const { states, final } = pooling.encode(ids);
      tf.dispose([states, final, pooling.score(final, targets), pooling.scoreAll(final)]);
      tf.tidy(() => {
        tf.variableGrads(() => tf.sum(pooling.scoreAll(pooling.encode(ids).final)));
      });
    });
    tf.dispose([ids, targets]);
  });

  it('validates its options and input', () => {
    expect(() => new PoolingRepresentation(context, { exactMean: 1 } as never)).toThrow(
      'PoolingRepresentation: exactMean must be a boolean; got 1.',
    );
    expect(() => new PoolingRepresentation(context, { mean: true } as never)).toThrow(
      'PoolingRepresentation: options must only hold known keys (exactMean); got "mean".',
    );
    expect(() => new PoolingRepresentation(context, null as never)).toThrow(
      'PoolingRepresentation: options must be an object; got null.',
    );
    const pooling = new PoolingRepresentation(context);
    const floats = tf.zeros([1, 2]) as tf.Tensor2D;
    expect(() => pooling.encode(floats)).toThrow(
      'PoolingRepresentation.encode: itemIds must be an int32 tensor; got "float32".',
    );
    floats.dispose();
  });
});
