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
import { CnnRepresentation } from './cnn-representation.js';

// Rows of a matrix product never mix, so untouched outputs agree to float32 rounding.
const SAME = 1e-6;

describe.each(['cpu', 'wasm'] as const)('CnnRepresentation on %s', (backend) => {
  let context: ReturnType<typeof makeContext>;

  beforeAll(async () => {
    await selectBackend({ backend });
    context = makeContext({ numItems: 7, dim: 3 });
  });

  afterAll(() => {
    context.dispose();
  });

  it('one layer without residual is tanh(W · [x_{t-2}, x_{t-1}] + b)', () => {
    const cnn = new CnnRepresentation(context, { kernelWidth: 2, residual: false });
    const { states, final } = cnn.encode(idTensor([[4, 2]]));
    expect(states.shape).toEqual([1, 2, 3]);
    expect(final.shape).toEqual([1, 3]);

    const [kernel, bias] = cnn.variables.map((v) => v.arraySync() as number[] | number[][]);
    const table = context.itemEmbedding.table();
    const vectors = table.arraySync();
    table.dispose();
    const expected = (previous: number[], last: number[]) =>
      (bias as number[]).map((b, out) => {
        const input = [...previous, ...last];
        const sum = input.reduce((s, v, i) => s + v * ((kernel as number[][])[i]?.[out] ?? 0), b);
        return Math.tanh(sum);
      });
    const zero = [0, 0, 0];
    const got = states.arraySync()[0] as number[][];
    expected(zero, zero).forEach((v, d) => expect(got[0]?.[d]).toBeCloseTo(v, 5));
    expected(zero, vectors[4] as number[]).forEach((v, d) => expect(got[1]?.[d]).toBeCloseTo(v, 5));
    const last = expected(vectors[4] as number[], vectors[2] as number[]);
    last.forEach((v, d) => expect(final.arraySync()[0]?.[d]).toBeCloseTo(v, 5));
    tf.dispose([states, final]);
  });

  it('is causal: item t changes states after t and final, not before', () => {
    const options = [{}, { numLayers: 2, dilation: [1, 2], nonlinearity: 'relu' as const }];
    for (const option of options) {
      const cnn = new CnnRepresentation(context, option);
      const a = cnn.encode(idTensor([[1, 2, 3, 4]]));
      const b = cnn.encode(idTensor([[1, 6, 3, 4]]));
      const at = (s: tf.Tensor3D, from: number, size: number) =>
        tf.slice(s, [0, from, 0], [1, size, 3]);
      expect(maxAbsDiff(at(a.states, 0, 2), at(b.states, 0, 2))).toBeLessThan(SAME);
      expect(maxAbsDiff(at(a.states, 2, 1), at(b.states, 2, 1))).toBeGreaterThan(1e-4);
      expect(maxAbsDiff(a.final, b.final)).toBeGreaterThan(1e-4);
      cnn.dispose();
      tf.dispose([a.states, a.final, b.states, b.final]);
    }
  });

  it('left padding keeps final with one layer, and with more once the row is long enough', () => {
    const finals = (cnn: CnnRepresentation, row: number[]) => {
      const short = cnn.encode(idTensor([row]));
      const long = cnn.encode(idTensor([[0, 0, 0, ...row]]));
      const diff = maxAbsDiff(short.final, long.final);
      tf.dispose([short.states, short.final, long.states, long.final]);
      return diff;
    };
    const one = new CnnRepresentation(context, { kernelWidth: 3, dilation: 2 });
    expect(finals(one, [5])).toBeLessThan(SAME);
    // Second layer reaches (3 - 1) · 1 = 2 steps back: 2 real items suffice, 1 does not.
    const two = new CnnRepresentation(context, { numLayers: 2 });
    expect(finals(two, [5, 2])).toBeLessThan(SAME);
    expect(finals(two, [5])).toBeGreaterThan(1e-4);
    tf.dispose([...one.variables, ...two.variables]);
  });

  it('matches finite differences with respect to every weight and the item embedding', () => {
    const cnn = new CnnRepresentation(context, { kernelWidth: 2, dilation: [1, 2] });
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
        const { states, final } = cnn.encode(ids);
        const scores = cnn.score(final, targets);
        return tf.addN([tf.sum(tf.mul(states, weights)), tf.sum(tf.sin(scores))]) as tf.Scalar;
      });
    const variables = [...cnn.variables, ...context.itemEmbedding.variables];
    const rows = checkVariableGradients(loss, variables);
    // The embedding's row 0 is padding: its analytic gradient is zero by design.
    const embedding = variables.length - 1;
    const padding = (r: { input: number; index: number }) => r.input === embedding && r.index < 3;
    // Not vacuous: most derivatives are far from zero.
    expect(rows.filter((r) => Math.abs(r.numeric) > 1e-2).length).toBeGreaterThan(rows.length / 2);
    expectGradientsClose(rows.filter((r) => !padding(r)));
    expect(rows.filter(padding).every((r) => r.analytic === 0)).toBe(true);
    expect(new Set(rows.map((r) => r.input)).size).toBe(variables.length);
    cnn.dispose();
    tf.dispose([ids, targets, weights]);
  });

  it('is deterministic per seed', () => {
    const values = (seed: number) => {
      const cnn = new CnnRepresentation({ ...context, seed }, { numLayers: 2 });
      const flat = cnn.variables.flatMap((v) => Array.from(v.dataSync()));
      cnn.dispose();
      return flat;
    };
    expect(values(3)).toEqual(values(3));
    expect(values(3)).not.toEqual(values(4));
  });

  it('leaks no tensors', async () => {
    const cnn = new CnnRepresentation(context, { numLayers: 2 });
    const ids = idTensor([[0, 1, 2]]);
    const targets = idTensor([[3, 4]]);
    await expectNoLeaks(() => {
      const { states, final } = cnn.encode(ids);
      tf.dispose([states, final, cnn.score(final, targets), cnn.scoreAll(final)]);
      tf.tidy(() => {
        tf.variableGrads(() => tf.sum(cnn.scoreAll(cnn.encode(ids).final)));
      });
    });
    cnn.dispose();
    tf.dispose([ids, targets]);
  });

  it('records its resolved options and validates them', () => {
    const cnn = new CnnRepresentation(context, { dilation: [1, 2, 4] });
    expect(cnn.config).toEqual({
      name: 'cnn',
      options: {
        kernelWidth: [3, 3, 3],
        dilation: [1, 2, 4],
        numLayers: 3,
        residual: true,
        nonlinearity: 'tanh',
      },
    });
    cnn.dispose();
    const bad: [unknown, string][] = [
      [{ kernelWidth: 0 }, 'CnnRepresentation: kernelWidth must be a positive integer; got 0.'],
      [
        { dilation: [1, 1.5] },
        'CnnRepresentation: dilation[1] must be a positive integer; got 1.5.',
      ],
      [
        { numLayers: 2, kernelWidth: [3] },
        'CnnRepresentation: kernelWidth must be a number or an array of one per layer (2); ' +
          'got array(1).',
      ],
      [
        { nonlinearity: 'sigmoid' },
        'CnnRepresentation: nonlinearity must be one of tanh, relu; got "sigmoid".',
      ],
      [{ residual: 'yes' }, 'CnnRepresentation: residual must be a boolean; got "yes".'],
      [
        { layers: 2 },
        'CnnRepresentation: options must only hold known keys ' +
          '(kernelWidth, dilation, numLayers, residual, nonlinearity); got "layers".',
      ],
    ];
    for (const [options, message] of bad) {
      expect(() => new CnnRepresentation(context, options as never)).toThrow(message);
    }
  });
});
