import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  expectCausal,
  expectGradientsMatchFiniteDifferences,
  expectNoLeaksThrough,
  expectPaddingMovesState,
  expectSeeded,
} from '../../test/recurrent-checks.js';
import {
  gruStep,
  maxDifference,
  runRecurrence,
  valuesOf,
  vectorOf,
} from '../../test/recurrent-reference.js';
import { idTensor, makeContext } from '../../test/representation-fixtures.js';
import { createRepresentation } from '../registry.js';
import { GruRepresentation } from './gru-representation.js';

// Float32 against Float64 over four steps of width 3: rounding stays near 1e-7 per op.
const CLOSE = 1e-5;

describe.each(['cpu', 'wasm'] as const)('GruRepresentation on %s', (backend) => {
  let context: ReturnType<typeof makeContext>;
  let gru: GruRepresentation;

  beforeAll(async () => {
    await selectBackend({ backend });
    context = makeContext({ numItems: 7, dim: 3 });
    gru = new GruRepresentation(context);
  });

  afterAll(() => {
    gru.dispose();
    context.dispose();
  });

  it('has PyTorch-shaped weights and encodes [batch, L] into states and final', () => {
    expect(gru.variables.map((v) => v.shape)).toEqual([[9, 3], [9, 3], [9], [9]]);
    expect(gru.config).toEqual({ name: 'gru', options: {} });
    // PyTorch's bound 1/√H.
    const bound = 1 / Math.sqrt(3);
    expect(gru.variables.every((v) => v.dataSync().every((w) => Math.abs(w) <= bound))).toBe(true);
    const { states, final } = gru.encode(
      idTensor([
        [0, 1, 2],
        [3, 4, 5],
      ]),
    );
    expect(states.shape).toEqual([2, 3, 3]);
    expect(final.shape).toEqual([2, 3]);
    tf.dispose([states, final]);
  });

  it("matches a Float64 reference of PyTorch's equations, step by step", () => {
    const rows = [
      [0, 1, 2],
      [3, 4, 5],
      [6, 6, 1],
    ];
    const table = valuesOf(context.itemEmbedding.variables[0] as tf.Variable);
    const params = {
      weightIh: valuesOf(gru.weightIh),
      weightHh: valuesOf(gru.weightHh),
      biasIh: vectorOf(gru.biasIh),
      biasHh: vectorOf(gru.biasHh),
    };
    const expected = rows.map((row) =>
      runRecurrence(
        row.map((id) => table[id] as number[]),
        [0, 0, 0] as readonly number[],
        (x, h) => gruStep(params, x, h),
        (h) => h,
        true,
      ),
    );
    const { states, final } = gru.encode(idTensor(rows));
    expect(
      maxDifference(
        states.arraySync(),
        expected.map((e) => e.states),
      ),
    ).toBeLessThan(CLOSE);
    expect(
      maxDifference(
        final.arraySync(),
        expected.map((e) => e.final),
      ),
    ).toBeLessThan(CLOSE);
    tf.dispose([states, final]);
  });

  it('is causal: item t changes state t + 1 and final, not states 0 … t', () => {
    expectCausal(gru, [0, 2, 5, 1]);
  });

  it('lets left padding move the state, as Spotlight does', () => {
    expectPaddingMovesState(gru);
  });

  it('matches finite differences for every weight and the item embedding', () => {
    expectGradientsMatchFiniteDifferences(gru, context);
  });

  it('leaks no tensors through encode, score, scoreAll and gradients', async () => {
    await expectNoLeaksThrough(gru);
  });

  it('draws the same weights from the same seed', () => {
    expectSeeded((seed) => new GruRepresentation({ ...context, seed }));
  });

  it("is registered as 'gru'", () => {
    const built = createRepresentation('gru', context);
    expect(built).toBeInstanceOf(GruRepresentation);
    expect(built.config).toEqual({ name: 'gru', options: {} });
    built.dispose();
  });

  it('validates its options and input', () => {
    expect(() => new GruRepresentation(context, { hidden: 4 } as never)).toThrow(
      'GruRepresentation: options must be empty (it has none yet); got key "hidden".',
    );
    expect(() => new GruRepresentation(context, 'fast' as never)).toThrow(
      'GruRepresentation: options must be an object; got "fast".',
    );
    const floats = tf.zeros([1, 2]) as tf.Tensor2D;
    expect(() => gru.encode(floats)).toThrow(
      'GruRepresentation.encode: itemIds must be an int32 tensor; got "float32".',
    );
    const empty = tf.zeros([1, 0], 'int32') as tf.Tensor2D;
    expect(() => gru.encode(empty)).toThrow(
      'GruRepresentation.encode: itemIds must have shape [batch, L] with L ≥ 1; got [1,0].',
    );
    tf.dispose([floats, empty]);
  });
});
