import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { murmur3Int } from '@seqrec/interactions';
import { expectGradientsClose, expectNoLeaks } from '@seqrec/testing';
import { beforeAll, describe, expect, it } from 'vitest';

import { BloomEmbedding } from './bloom-embedding.js';

describe('murmur3Int', () => {
  it('matches MurmurHash3_x86_32 on four-byte keys', () => {
    // Reference values from Python's mmh3 5.3: mmh3.hash(k.to_bytes(4, 'little', signed=True),
    // seed, signed=False).
    expect(murmur3Int(0, 0)).toBe(593689054);
    expect(murmur3Int(1, 0)).toBe(4226891818);
    expect(murmur3Int(42, 179424941)).toBe(634158291);
    expect(murmur3Int(-7, 2 ** 31 + 5)).toBe(39026315);
    expect(murmur3Int(123456789, 0)).toBe(3206620847);
  });
});

describe.each(['cpu', 'wasm'] as const)('BloomEmbedding on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  it('sizes the table from the ratio or from numRows', () => {
    const byRatio = new BloomEmbedding({ numEmbeddings: 1001, dim: 3, compressionRatio: 0.1 });
    expect(byRatio.weights.shape).toEqual([100, 3]);
    const byRows = new BloomEmbedding({ numEmbeddings: 10, dim: 3, numRows: 5 });
    expect(byRows.weights.shape).toEqual([5, 3]);
    const tiny = new BloomEmbedding({ numEmbeddings: 3, dim: 3 });
    expect(tiny.numRows).toBe(2);
    [byRatio, byRows, tiny].forEach((e) => e.dispose());
  });

  it('maps padding to zeros and real ids to the shared rows only', () => {
    const items = new BloomEmbedding({ numEmbeddings: 500, dim: 4, numHashFunctions: 3, seed: 2 });
    const rows = items.hashedRows();
    expect(Array.from(rows.subarray(0, 3))).toEqual([0, 0, 0]);
    const real = Array.from(rows.subarray(3));
    expect(real.every((r) => r >= 1 && r < items.numRows)).toBe(true);

    const table = items.table().arraySync();
    expect(table).toHaveLength(500);
    expect(table[0]).toEqual([0, 0, 0, 0]);
    const padding = items.lookup(tf.tensor2d([[0, 0]], [1, 2], 'int32'));
    expect(padding.shape).toEqual([1, 2, 4]);
    expect(padding.dataSync().every((v) => v === 0)).toBe(true);
    items.dispose();
  });

  it('sums the hashed rows, the same through lookup and table', () => {
    const items = new BloomEmbedding({ numEmbeddings: 20, dim: 2, numRows: 7, seed: 5 });
    const weights = items.weights.arraySync();
    const rows = items.hashedRows();
    const expected = [3, 11].map((id) =>
      [0, 1].map((d) =>
        [0, 1, 2, 3].reduce((s, j) => s + (weights[rows[id * 4 + j] as number]?.[d] ?? NaN), 0),
      ),
    );
    const looked = items.lookup(tf.tensor1d([3, 11], 'int32')).arraySync() as number[][];
    const table = items.table().arraySync();
    // float32 sums of four terms in a different order: equal to within rounding.
    looked.flat().forEach((v, i) => expect(v).toBeCloseTo(expected.flat()[i] as number, 5));
    expect([table[3], table[11]].flat()).toEqual(looked.flat());
    items.dispose();
  });

  it('is deterministic per seed', () => {
    const make = (seed: number) => new BloomEmbedding({ numEmbeddings: 300, dim: 4, seed });
    const [a, b, c] = [make(9), make(9), make(10)];
    expect(a.hashedRows()).toEqual(b.hashedRows());
    expect(a.weights.arraySync()).toEqual(b.weights.arraySync());
    expect(a.hashedRows()).not.toEqual(c.hashedRows());
    [a, b, c].forEach((e) => e.dispose());
  });

  it('rarely gives two ids the same rows under every hash', () => {
    const items = new BloomEmbedding({ numEmbeddings: 2000, dim: 1, seed: 1 });
    const rows = items.hashedRows();
    const seen = new Set<string>();
    for (let id = 1; id < 2000; id++) {
      seen.add(Array.from(rows.subarray(id * 4, id * 4 + 4)).join());
    }
    // 399 shared rows, 4 hashes: about 2·10⁶ pairs × 399⁻⁴ ≈ 1e-4 expected full collisions.
    expect(seen.size).toBe(1999);
    // Each hash on its own spreads ids evenly: every shared row is used by some id.
    const used = new Set(Array.from(rows.subarray(4)));
    expect(used.size).toBe(items.numRows - 1);
    items.dispose();
  });

  it('trains shared rows, never the padding row', () => {
    const items = new BloomEmbedding({ numEmbeddings: 30, dim: 2, numRows: 6, seed: 3 });
    const ids = tf.tensor1d([0, 4, 4, 17], 'int32');
    const { grads } = tf.variableGrads(() => tf.sum(items.lookup(ids)));
    const grad = (grads[items.weights.name] as tf.Tensor2D).arraySync();
    const rows = items.hashedRows();
    // d(sum)/d(row r) counts how often r was gathered: twice per hash of id 4, once for 17.
    const counts = new Array<number>(6).fill(0);
    for (const [id, times] of [
      [4, 2],
      [17, 1],
    ] as const) {
      for (let j = 0; j < 4; j++) {
        const row = rows[id * 4 + j] as number;
        counts[row] = (counts[row] ?? 0) + times;
      }
    }
    expect(grad.map((r) => r[0])).toEqual(counts);
    expect(grad[0]).toEqual([0, 0]);
    Object.values(grads).forEach((g) => g.dispose());
    ids.dispose();
    items.dispose();
  });

  it('matches finite differences', () => {
    const items = new BloomEmbedding({ numEmbeddings: 12, dim: 3, numRows: 5, seed: 4 });
    const ids = tf.tensor2d(
      [
        [1, 0, 7],
        [11, 7, 3],
      ],
      [2, 3],
      'int32',
    );
    const start = [0, 0, 0, 0.5, -1, 0.2, 2, 0.3, -0.4, -0.7, 1.1, 0.9, 0.1, -0.3, 1.5];
    const f = () => tf.sum(tf.sin(items.lookup(ids))) as tf.Scalar;
    const at = (values: readonly number[]): number => {
      const table = tf.tensor2d([...values], [5, 3]);
      items.weights.assign(table);
      table.dispose();
      return tf.tidy(() => f().dataSync()[0] as number);
    };
    at(start);
    const analytic = tf.tidy(() => {
      const { grads } = tf.variableGrads(f);
      return Array.from(grads[items.weights.name]?.dataSync() ?? []);
    });
    // The table is a variable, so the central differences (step 1e-2, as checkGradients) move
    // it in place rather than going through checkGradients' function inputs.
    const epsilon = 1e-2;
    const rows = start.map((value, index) => {
      const moved = (delta: number) => at(start.map((v, k) => (k === index ? value + delta : v)));
      const numeric = (moved(epsilon) - moved(-epsilon)) / (2 * epsilon);
      return { input: 0, index, analytic: analytic[index] ?? NaN, numeric };
    });
    // Row 0 is padding: its analytic gradient is zero by design, unlike the numeric one.
    expectGradientsClose(rows.filter((r) => r.index >= 3));
    expect(rows.filter((r) => r.index < 3).every((r) => r.analytic === 0)).toBe(true);
    ids.dispose();
    items.dispose();
  });

  it('leaks no tensors', async () => {
    const items = new BloomEmbedding({ numEmbeddings: 40, dim: 3 });
    const ids = tf.tensor2d([[1, 39]], [1, 2], 'int32');
    await expectNoLeaks(() => {
      tf.tidy(() => {
        tf.variableGrads(() => tf.sum(items.lookup(ids)));
      });
      items.lookup(ids).dispose();
      items.table().dispose();
    });
    ids.dispose();
    // Built inside a caller's tidy, it keeps its hashed rows alive until dispose().
    const before = tf.memory().numTensors;
    let built: BloomEmbedding | undefined;
    tf.tidy(() => {
      built = new BloomEmbedding({ numEmbeddings: 40, dim: 3 });
    });
    built?.table().dispose();
    built?.dispose();
    expect(tf.memory().numTensors).toBe(before);
    items.dispose();
  });

  it('rejects bad options', () => {
    expect(() => new BloomEmbedding({ numEmbeddings: 10, dim: 2, compressionRatio: 1.5 })).toThrow(
      'BloomEmbedding: compressionRatio must be a number in (0, 1]; got 1.5.',
    );
    expect(() => new BloomEmbedding({ numEmbeddings: 10, dim: 2, numRows: 1 })).toThrow(
      'BloomEmbedding: numRows must be an integer of at least 2 (padding and one shared row); got 1.',
    );
    expect(
      () => new BloomEmbedding({ numEmbeddings: 10, dim: 2, numRows: 4, compressionRatio: 0.5 }),
    ).toThrow('BloomEmbedding: compressionRatio must be omitted when numRows is given; got 0.5.');
    expect(() => new BloomEmbedding({ numEmbeddings: 10, dim: 2, numHashFunctions: 0 })).toThrow(
      'BloomEmbedding: numHashFunctions must be a positive integer; got 0.',
    );
    expect(() => new BloomEmbedding({ numEmbeddings: 10, dim: 2, seed: 0.5 })).toThrow(
      'BloomEmbedding: seed must be an integer; got 0.5.',
    );
  });
});
