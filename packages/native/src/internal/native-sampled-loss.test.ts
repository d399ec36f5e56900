import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { createLoss } from '@seqrec/losses';
import type { SampledLossKind } from '@seqrec/representations';
import { checkGradients, expectGradientsClose } from '@seqrec/testing';
import { beforeAll, describe, expect, it } from 'vitest';

import { loadKernelsForTest } from '../../test/load-kernels.js';
import type { NativeKernels } from '../native-kernels.js';

const kernels = loadKernelsForTest(2);

const KINDS: readonly SampledLossKind[] = [
  'adaptive-hinge',
  'hinge',
  'bpr',
  'bpr-log',
  'pointwise',
  'logistic',
];
const [ROWS, K, DIM, ITEMS] = [37, 4, 5, 11];

// Targets with padding (0) among them, and negatives with repeats, so that ties in the
// adaptive hinge's maximum occur. Made once a backend is chosen.
let targets: tf.Tensor1D;
let negatives: tf.Tensor2D;

/** The same loss through tfjs ops: dot-product scores, then the loss of @seqrec/losses. */
function reference(kind: SampledLossKind) {
  const loss = createLoss(kind, { numItems: ITEMS, numNegatives: K });
  return (states: tf.Tensor, table: tf.Tensor, bias: tf.Tensor) =>
    tf.tidy(() => {
      const score = (ids: tf.Tensor2D) => {
        const [n, k] = ids.shape;
        const vectors = tf.reshape(tf.gather(table, tf.reshape(ids, [-1])), [n, k, DIM]);
        const dots = tf.sum(tf.mul(vectors, tf.expandDims(states, 1)), 2);
        return tf.add(dots, tf.reshape(tf.gather(bias, tf.reshape(ids, [-1])), [n, k]));
      };
      const positive = tf.reshape(score(tf.reshape(targets, [ROWS, 1]) as tf.Tensor2D), [-1]);
      const mask = tf.cast(tf.notEqual(targets, 0), 'float32') as tf.Tensor1D;
      return loss.compute(positive as tf.Tensor1D, score(negatives) as tf.Tensor2D, mask);
    });
}

function mine(kind: SampledLossKind) {
  return (states: tf.Tensor, table: tf.Tensor, bias: tf.Tensor) =>
    (kernels as NativeKernels).sampledLoss({
      kind,
      states: states as tf.Tensor2D,
      targets,
      negatives,
      table: table as tf.Tensor2D,
      bias: bias as tf.Tensor1D,
    });
}

describe.runIf(kernels !== undefined)('native sampledLoss', () => {
  beforeAll(async () => {
    await selectBackend({ backend: 'cpu' });
    const ids = Array.from({ length: ROWS }, (_, i) => (i * 7) % ITEMS);
    targets = tf.keep(tf.tensor1d(ids, 'int32'));
    const sampled = Array.from({ length: ROWS * K }, (_, i) =>
      (i * 5) % 3 === 0 ? 3 : 1 + ((i * 3) % (ITEMS - 1)),
    );
    negatives = tf.keep(tf.tensor2d(sampled, [ROWS, K], 'int32'));
  });

  const inputs = () => [
    tf.randomUniform([ROWS, DIM], -1, 1, 'float32', 1),
    tf.randomUniform([ITEMS, DIM], -1, 1, 'float32', 2),
    tf.randomUniform([ITEMS], -0.5, 0.5, 'float32', 3),
  ];

  it.each(KINDS)('%s: value and gradients equal scoring and the loss in tfjs ops', (kind) => {
    const x = inputs();
    tf.tidy(() => {
      const [a, b] = [mine(kind), reference(kind)];
      expect(a(...(x as [tf.Tensor, tf.Tensor, tf.Tensor])).dataSync()[0]).toBeCloseTo(
        b(...(x as [tf.Tensor, tf.Tensor, tf.Tensor])).dataSync()[0] as number,
        5,
      );
      const ga = tf.grads((s, t, u) => a(s as tf.Tensor, t as tf.Tensor, u as tf.Tensor))(x);
      const gb = tf.grads((s, t, u) => b(s as tf.Tensor, t as tf.Tensor, u as tf.Tensor))(x);
      ga.forEach((g, i) => {
        const worst = tf.max(tf.abs(tf.sub(g, gb[i] as tf.Tensor))).dataSync()[0] as number;
        expect(worst).toBeLessThan(1e-5);
      });
      // The upstream gradient scales all three.
      const scaled = tf.grads(
        (s, t, u) => tf.mul(a(s as tf.Tensor, t as tf.Tensor, u as tf.Tensor), 3) as tf.Scalar,
      )(x);
      expect(
        tf.max(tf.abs(tf.sub(scaled[1] as tf.Tensor, tf.mul(ga[1] as tf.Tensor, 3)))).dataSync()[0],
      ).toBeLessThan(1e-5);
    });
    tf.dispose(x);
  });

  it.each(KINDS.filter((kind) => kind !== 'adaptive-hinge' && kind !== 'hinge'))(
    '%s: gradients match finite differences',
    (kind) => {
      const x = inputs();
      const f = (...t: tf.Tensor[]) =>
        mine(kind)(t[0] as tf.Tensor, t[1] as tf.Tensor, t[2] as tf.Tensor);
      expectGradientsClose(checkGradients(f, x, { epsilon: 1e-2, maxEntries: 15, seed: 5 }));
      tf.dispose(x);
    },
  );

  it('is 0 with zero gradients when every target is padding', () => {
    const zeros = tf.zeros([3], 'int32') as tf.Tensor1D;
    const negs = tf.ones([3, 2], 'int32') as tf.Tensor2D;
    const states = tf.ones([3, DIM]);
    const table = tf.ones([ITEMS, DIM]);
    const bias = tf.zeros([ITEMS]);
    const f = (s: tf.Tensor, t: tf.Tensor, b: tf.Tensor) =>
      (kernels as NativeKernels).sampledLoss({
        kind: 'bpr',
        states: s as tf.Tensor2D,
        targets: zeros,
        negatives: negs,
        table: t as tf.Tensor2D,
        bias: b as tf.Tensor1D,
      });
    expect(f(states, table, bias).dataSync()[0]).toBe(0);
    const grads = tf.grads((s, t, b) => f(s as tf.Tensor, t as tf.Tensor, b as tf.Tensor))([
      states,
      table,
      bias,
    ]);
    for (const g of grads) expect(tf.max(tf.abs(g)).dataSync()[0]).toBe(0);
  });

  it('rejects an item id outside the table, naming it', () => {
    const x = inputs();
    const bad = tf.tensor1d(
      Array.from({ length: ROWS }, () => ITEMS),
      'int32',
    );
    expect(() =>
      (kernels as NativeKernels).sampledLoss({
        kind: 'bpr',
        states: x[0] as tf.Tensor2D,
        targets: bad,
        negatives,
        table: x[1] as tf.Tensor2D,
        bias: x[2] as tf.Tensor1D,
      }),
    ).toThrow(/targets must hold item ids from 0 to 10; got 11 at 0/);
    tf.dispose([...x, bad]);
  });
});
