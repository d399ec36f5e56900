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
  maxDifference,
  mlstmStep,
  runRecurrence,
  valuesOf,
  vectorOf,
  type LstmState,
  type Vector,
} from '../../test/recurrent-reference.js';
import { idTensor, makeContext } from '../../test/representation-fixtures.js';
import { createRepresentation } from '../registry.js';
import { MlstmRepresentation, type MlstmVariant } from './mlstm-representation.js';

// Float32 against Float64 over four steps of width 3: rounding stays near 1e-7 per op.
const CLOSE = 1e-5;

/** What encode should give for `rows`, from the Float64 equations of the variant. */
function expectedEncoding(mlstm: MlstmRepresentation, table: number[][], rows: number[][]) {
  const orNull = (v: tf.Variable | null) => (v === null ? null : vectorOf(v));
  const params = {
    weightIh: valuesOf(mlstm.weightIh),
    weightHh: valuesOf(mlstm.weightHh),
    biasIh: vectorOf(mlstm.biasIh),
    biasHh: vectorOf(mlstm.biasHh),
    weightMx: valuesOf(mlstm.weightMx),
    weightMh: valuesOf(mlstm.weightMh),
    biasMx: orNull(mlstm.biasMx),
    biasMh: orNull(mlstm.biasMh),
  };
  const reference = mlstm.variant === 'reference';
  const start: Vector = reference ? (orNull(mlstm.initialState) as number[]) : [0, 0, 0];
  const initial: LstmState = { h: start, c: start };
  return rows.map((row) =>
    runRecurrence(
      row.map((id) => table[id] as number[]),
      initial,
      (x, s) => mlstmStep(params, x, s),
      (s) => (reference ? s.c : s.h),
      !reference,
    ),
  );
}

describe.each(['cpu', 'wasm'] as const)('MlstmRepresentation on %s', (backend) => {
  let context: ReturnType<typeof makeContext>;
  let table: number[][];
  const models = new Map<MlstmVariant, MlstmRepresentation>();

  beforeAll(async () => {
    await selectBackend({ backend });
    context = makeContext({ numItems: 7, dim: 3 });
    table = valuesOf(context.itemEmbedding.variables[0] as tf.Variable);
    for (const variant of ['paper', 'reference'] as const) {
      models.set(variant, new MlstmRepresentation(context, { variant }));
    }
  });

  afterAll(() => {
    models.forEach((m) => m.dispose());
    context.dispose();
  });

  it('defaults to the reference variant, with m-biases and a learned initial state', () => {
    const byDefault = new MlstmRepresentation(context);
    expect(byDefault.config).toEqual({ name: 'mlstm', options: { variant: 'reference' } });
    expect(byDefault.variables.map((v) => v.shape)).toEqual([
      [12, 3],
      [12, 3],
      [12],
      [12],
      [3, 3],
      [3, 3],
      [3],
      [3],
      [3],
    ]);
    const paper = models.get('paper') as MlstmRepresentation;
    expect(paper.variables).toHaveLength(6);
    expect([paper.biasMx, paper.biasMh, paper.initialState]).toEqual([null, null, null]);
    byDefault.dispose();
  });

  describe.each(['paper', 'reference'] as const)('variant %s', (variant) => {
    const model = () => models.get(variant) as MlstmRepresentation;

    it('matches a Float64 reference of its equations, step by step', () => {
      const rows = [
        [0, 1, 2],
        [3, 4, 5],
        [6, 6, 1],
      ];
      const expected = expectedEncoding(model(), table, rows);
      const { states, final } = model().encode(idTensor(rows));
      expect(states.shape).toEqual([3, 3, 3]);
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
      expectCausal(model(), [0, 2, 5, 1]);
    });

    it('lets left padding move the state', () => {
      expectPaddingMovesState(model());
    });

    it('matches finite differences for every weight and the item embedding', () => {
      expectGradientsMatchFiniteDifferences(model(), context);
    });

    it('leaks no tensors through encode, score, scoreAll and gradients', async () => {
      await expectNoLeaksThrough(model());
    });

    it('draws the same weights from the same seed', () => {
      expectSeeded((seed) => new MlstmRepresentation({ ...context, seed }, { variant }));
    });
  });

  it('starts the reference variant from its learned initial state', () => {
    const reference = models.get('reference') as MlstmRepresentation;
    const { states, final } = reference.encode(idTensor([[1], [2]]));
    const start = vectorOf(reference.initialState as tf.Variable);
    expect(maxDifference(states.arraySync(), [[start], [start]])).toBe(0);
    expect(final.shape).toEqual([2, 3]);
    tf.dispose([states, final]);
  });

  it("is registered as 'mlstm'", () => {
    const built = createRepresentation('mlstm', context, { variant: 'paper' });
    expect(built).toBeInstanceOf(MlstmRepresentation);
    expect(built.config).toEqual({ name: 'mlstm', options: { variant: 'paper' } });
    built.dispose();
  });

  it('validates its options and input', () => {
    expect(() => new MlstmRepresentation(context, { variant: 'krause' } as never)).toThrow(
      'MlstmRepresentation: variant must be one of paper, reference; got "krause".',
    );
    expect(() => new MlstmRepresentation(context, { bias: true } as never)).toThrow(
      'MlstmRepresentation: options must only hold known keys (variant); got "bias".',
    );
    expect(() => new MlstmRepresentation(context, [] as never)).toThrow(
      'MlstmRepresentation: options must be an object; got array(0).',
    );
    const ids = tf.zeros([3], 'int32') as unknown as tf.Tensor2D;
    expect(() => models.get('paper')?.encode(ids)).toThrow(
      'MlstmRepresentation.encode: itemIds must have shape [batch, L] with L ≥ 1; got [3].',
    );
    ids.dispose();
  });
});
