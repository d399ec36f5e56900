import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { beforeAll, describe, expect, it } from 'vitest';

import { gatherRows } from '../gather-rows.js';
import { gatherOnHost, gathersOnHost } from './gather-on-host.js';

describe.each(['cpu', 'wasm'] as const)('gatherOnHost on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  it('equals tf.gather on axis 0, repeats and padding included', () => {
    expect(gathersOnHost()).toBe(true);
    const table = tf.randomNormal([50, 7], 0, 1, 'float32', 3) as tf.Tensor2D;
    const ids = tf.tensor1d([0, 49, 3, 3, 17, 0, 1], 'int32');
    const before = tf.memory().numTensors;
    const rows = gatherOnHost(table, ids);
    expect(rows.shape).toEqual([7, 7]);
    expect(Array.from(rows.dataSync())).toEqual(Array.from(tf.gather(table, ids).dataSync()));
    rows.dispose();
    expect(tf.memory().numTensors).toBe(before + 1); // the tf.gather result above
    tf.dispose([table, ids]);
  });

  it('names an id outside the table and its position', () => {
    const table = tf.zeros([4, 2]) as tf.Tensor2D;
    expect(() => gatherOnHost(table, tf.tensor1d([1, 4], 'int32'))).toThrow(
      'gatherRows: ids must lie in [0, 4); got 4 at index 1.',
    );
    expect(() => gatherRows(table, tf.tensor1d([-1], 'int32'))).toThrow(
      'gatherRows: ids must lie in [0, 4); got -1 at index 0.',
    );
  });

  it('keeps the gradient of gatherRows: rows summed per id, padding row zero', () => {
    const table = tf.variable(tf.ones([5, 3])) as tf.Variable<tf.Rank.R2>;
    const ids = tf.tensor2d(
      [
        [0, 2],
        [2, 4],
      ],
      [2, 2],
      'int32',
    );
    const { grads } = tf.variableGrads(() => tf.sum(gatherRows(table, ids)) as tf.Scalar, [table]);
    const rowSums = tf.sum(grads[table.name] as tf.Tensor, 1).arraySync();
    expect(rowSums).toEqual([0, 0, 6, 0, 3]);
    table.dispose();
  });
});
