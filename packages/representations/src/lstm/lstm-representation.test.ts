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
  lstmStep,
  maxDifference,
  runRecurrence,
  valuesOf,
  vectorOf,
  type LstmState,
} from '../../test/recurrent-reference.js';
import { idTensor, makeContext } from '../../test/representation-fixtures.js';
import { createRepresentation } from '../registry.js';
import { LstmRepresentation } from './lstm-representation.js';

// Float32 against Float64 over four steps of width 3: rounding stays near 1e-7 per op.
const CLOSE = 1e-5;

describe.each(['cpu', 'wasm'] as const)('LstmRepresentation on %s', (backend) => {
  let context: ReturnType<typeof makeContext>;
  let lstm: LstmRepresentation;

  beforeAll(async () => {
    await selectBackend({ backend });
    context = makeContext({ numItems: 7, dim: 3 });
    lstm = new LstmRepresentation(context);
  });

  afterAll(() => {
    lstm.dispose();
    context.dispose();
  });

  it('has PyTorch-shaped weights and encodes [batch, L] into states and final', () => {
    expect(lstm.variables.map((v) => v.shape)).toEqual([[12, 3], [12, 3], [12], [12]]);
    expect(lstm.config).toEqual({ name: 'lstm', options: {} });
    // PyTorch's bound 1/√H.
    const bound = 1 / Math.sqrt(3);
    expect(lstm.variables.every((v) => v.dataSync().every((w) => Math.abs(w) <= bound))).toBe(true);
    const { states, final } = lstm.encode(
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
      weightIh: valuesOf(lstm.weightIh),
      weightHh: valuesOf(lstm.weightHh),
      biasIh: vectorOf(lstm.biasIh),
      biasHh: vectorOf(lstm.biasHh),
    };
    const zero: LstmState = { h: [0, 0, 0], c: [0, 0, 0] };
    const expected = rows.map((row) =>
      runRecurrence(
        row.map((id) => table[id] as number[]),
        zero,
        (x, s) => lstmStep(params, x, s.h, s.c),
        (s) => s.h,
        true,
      ),
    );
    const { states, final } = lstm.encode(idTensor(rows));
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
    expectCausal(lstm, [0, 2, 5, 1]);
  });

  it('lets left padding move the state, as Spotlight does', () => {
    expectPaddingMovesState(lstm);
  });

  it('matches finite differences for every weight and the item embedding', () => {
    expectGradientsMatchFiniteDifferences(lstm, context);
  });

  it('leaks no tensors through encode, score, scoreAll and gradients', async () => {
    await expectNoLeaksThrough(lstm);
  });

  it('draws the same weights from the same seed', () => {
    expectSeeded((seed) => new LstmRepresentation({ ...context, seed }));
  });

  it("is registered as 'lstm'", () => {
    const built = createRepresentation('lstm', context);
    expect(built).toBeInstanceOf(LstmRepresentation);
    expect(built.config).toEqual({ name: 'lstm', options: {} });
    built.dispose();
  });

  it('validates its options and input', () => {
    expect(() => new LstmRepresentation(context, { hidden: 4 } as never)).toThrow(
      'LstmRepresentation: options must be empty (it has none yet); got key "hidden".',
    );
    expect(() => new LstmRepresentation(context, 'fast' as never)).toThrow(
      'LstmRepresentation: options must be an object; got "fast".',
    );
    const floats = tf.zeros([1, 2]) as tf.Tensor2D;
    expect(() => lstm.encode(floats)).toThrow(
      'LstmRepresentation.encode: itemIds must be an int32 tensor; got "float32".',
    );
    const empty = tf.zeros([1, 0], 'int32') as tf.Tensor2D;
    expect(() => lstm.encode(empty)).toThrow(
      'LstmRepresentation.encode: itemIds must have shape [batch, L] with L ≥ 1; got [1,0].',
    );
    tf.dispose([floats, empty]);
  });
});
