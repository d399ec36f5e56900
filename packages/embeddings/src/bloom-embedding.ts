import * as tf from '@tensorflow/tfjs-core';
import { describeValue, murmur3Int } from '@seqrec/interactions';

import type { Embedding } from './embedding.js';
import { gatherRows } from './gather-rows.js';
import { hashSeed } from './internal/hash.js';
import { requireSize, tfSeed, uniqueName } from './internal/options.js';

/**
 * Options of {@link BloomEmbedding}.
 *
 * @example
 * ```ts
 * import { selectBackend } from '@seqrec/backend';
 * import { BloomEmbedding, type BloomEmbeddingOptions } from '@seqrec/embeddings';
 *
 * await selectBackend({ backend: 'cpu' });
 * // 100,000 ids share 1,000 rows; each id sums the rows picked by 2 hash functions.
 * const options: BloomEmbeddingOptions = {
 *   numEmbeddings: 100_000,
 *   dim: 16,
 *   numRows: 1000,
 *   numHashFunctions: 2,
 *   seed: 3,
 * };
 * const items = new BloomEmbedding(options);
 * console.assert(items.weights.shape.join() === '1000,16' && items.numHashFunctions === 2);
 * items.dispose();
 * ```
 */
export interface BloomEmbeddingOptions {
  /** Number of ids, padding (id 0) included; at least 1. */
  readonly numEmbeddings: number;
  /** Vector length; at least 1. */
  readonly dim: number;
  /**
   * Rows of the shared table as a fraction of `numEmbeddings`, in (0, 1] (default 0.2, as
   * Spotlight): `numRows = max(2, floor(compressionRatio × numEmbeddings))`, padding row
   * included. Leave it out when giving `numRows`.
   */
  readonly compressionRatio?: number;
  /** Rows of the shared table, padding row 0 included; at least 2. Overrides the ratio. */
  readonly numRows?: number;
  /** Hash functions, so table rows summed per id; at least 1 (default 4). */
  readonly numHashFunctions?: number;
  /** Seed of both the hash functions and the initial values (default 0). */
  readonly seed?: number;
  /** Variable name prefix, unique per model (default `'item_embedding'`). */
  readonly name?: string;
}

interface ResolvedBloomEmbeddingOptions {
  readonly numEmbeddings: number;
  readonly dim: number;
  readonly numRows: number;
  readonly numHashFunctions: number;
  readonly seed: number;
  readonly name: string;
}

/**
 * A hashed, compressed embedding (Bloom embedding): each id is hashed by `numHashFunctions`
 * seeded hash functions onto rows of a table much smaller than the id space, and its vector
 * is the sum of those rows, as in Spotlight's `BloomEmbedding`. Two ids share a vector only
 * if every hash collides, so a table a fifth of the size still tells items apart.
 *
 * Padding id 0 always maps to the table's row 0, which is zero and never trains; real ids
 * are hashed onto rows `1 … numRows - 1`. The hashes are computed once, at construction.
 * The table is initialised like {@link ScaledEmbedding} (normal, standard deviation
 * `1 / dim`), so a summed vector starts with standard deviation `√numHashFunctions / dim`.
 *
 * @remarks
 * Deviation: Spotlight hashes real ids onto every row, padding row included, where their
 * share is a constant zero; here row 0 is kept for padding alone, so every hash of a real
 * id lands on a trainable row. Its hash functions are MurmurHash3 with seeds derived from
 * `seed` rather than Spotlight's fixed list of 24, so there is no limit on their number and
 * the same ids do not hash to the same rows as in Spotlight. `numRows` is at least 2.
 *
 * @see Serrà and Karatzoglou, "Getting deep recommenders fit: Bloom embeddings for sparse
 *   binary input/output networks", RecSys 2017; Spotlight's `spotlight.layers.BloomEmbedding`.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { BloomEmbedding } from '@seqrec/embeddings';
 *
 * await selectBackend({ backend: 'cpu' });
 * const items = new BloomEmbedding({ numEmbeddings: 1000, dim: 8, seed: 7 });
 * console.assert(items.numRows === 200 && items.weights.shape.join() === '200,8');
 * const vectors = items.lookup(tf.tensor1d([0, 42], 'int32')); // float32 [2, 8]
 * const [padding] = vectors.arraySync() as number[][];
 * console.assert(padding!.every((v) => v === 0));
 * items.dispose();
 * ```
 */
export class BloomEmbedding implements Embedding {
  /** Number of ids, padding included. */
  readonly numEmbeddings: number;
  /** Vector length. */
  readonly dim: number;
  /** Rows of the shared table, padding row included. */
  readonly numRows: number;
  /** Hash functions, so rows summed per id. */
  readonly numHashFunctions: number;
  /** The shared table, float32 [numRows, dim]; row 0 is the padding row. */
  readonly weights: tf.Variable<tf.Rank.R2>;
  /** `[weights]`. */
  readonly variables: readonly tf.Variable[];
  // Row of each id under each hash, int32 [numEmbeddings, numHashFunctions], in JS and as a
  // tensor kept out of any caller's tidy.
  private readonly rows: Int32Array;
  private readonly rowsTensor: tf.Tensor2D;

  /**
   * @throws RangeError if a size or `numHashFunctions` is not a positive integer, the seed
   *   is not an integer, `compressionRatio` is not in (0, 1], `numRows` is not an integer of
   *   at least 2, or both `compressionRatio` and `numRows` are given.
   */
  constructor(options: BloomEmbeddingOptions) {
    const resolved = resolveBloomEmbeddingOptions(options);
    this.numEmbeddings = resolved.numEmbeddings;
    this.dim = resolved.dim;
    this.numRows = resolved.numRows;
    this.numHashFunctions = resolved.numHashFunctions;
    this.rows = hashIds(resolved);
    this.rowsTensor = tf.keep(
      tf.tensor2d(this.rows, [this.numEmbeddings, this.numHashFunctions], 'int32'),
    );

    // The padding row is built as zeros rather than masked, which would leave -0 entries.
    const initial = tf.tidy(() =>
      tf.concat([
        tf.zeros([1, this.dim]),
        tf.randomNormal(
          [this.numRows - 1, this.dim],
          0,
          1 / this.dim,
          'float32',
          tfSeed(resolved.seed),
        ),
      ]),
    ) as tf.Tensor2D;
    this.weights = tf.variable(initial, true, uniqueName(resolved.name));
    initial.dispose();
    this.variables = [this.weights];
  }

  /** Vectors for int32 `ids` of shape S → float32 [...S, dim]; id 0 gives zeros. */
  lookup(ids: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const hashed = tf.gather(this.rowsTensor, tf.reshape(ids, [-1]));
      const rows = tf.reshape(hashed, [...ids.shape, this.numHashFunctions]);
      return tf.sum(gatherRows(this.weights, rows), ids.rank);
    });
  }

  /** Every id's vector, float32 [numEmbeddings, dim], row 0 zero; the caller disposes it. */
  table(): tf.Tensor2D {
    return tf.tidy(() => tf.sum(gatherRows(this.weights, this.rowsTensor), 1) as tf.Tensor2D);
  }

  /**
   * The table row of each id under each hash function, a copy: int32, row-major
   * [numEmbeddings, numHashFunctions]; id 0's rows are all 0, every other row is in
   * `1 … numRows - 1`.
   */
  hashedRows(): Int32Array {
    return this.rows.slice();
  }

  /** Frees the table and the hashed rows. */
  dispose(): void {
    this.weights.dispose();
    this.rowsTensor.dispose();
  }
}

function resolveBloomEmbeddingOptions(
  options: BloomEmbeddingOptions,
): ResolvedBloomEmbeddingOptions {
  const api = 'BloomEmbedding';
  const numEmbeddings = requireSize(api, 'numEmbeddings', options.numEmbeddings);
  const dim = requireSize(api, 'dim', options.dim);
  const numHashFunctions = requireSize(api, 'numHashFunctions', options.numHashFunctions ?? 4);
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`${api}: seed must be an integer; got ${describeValue(seed)}.`);
  }

  let numRows: number;
  if (options.numRows !== undefined) {
    if (options.compressionRatio !== undefined) {
      throw new RangeError(
        `${api}: compressionRatio must be omitted when numRows is given; ` +
          `got ${describeValue(options.compressionRatio)}. Hint: pass only one of them.`,
      );
    }
    if (!Number.isSafeInteger(options.numRows) || options.numRows < 2) {
      throw new RangeError(
        `${api}: numRows must be an integer of at least 2 (padding and one shared row); ` +
          `got ${describeValue(options.numRows)}.`,
      );
    }
    numRows = options.numRows;
  } else {
    const ratio = options.compressionRatio ?? 0.2;
    if (typeof ratio !== 'number' || !(ratio > 0 && ratio <= 1)) {
      throw new RangeError(
        `${api}: compressionRatio must be a number in (0, 1]; got ${describeValue(ratio)}.`,
      );
    }
    numRows = Math.max(2, Math.floor(ratio * numEmbeddings));
  }

  const name = options.name ?? 'item_embedding';
  return { numEmbeddings, dim, numRows, numHashFunctions, seed, name };
}

/** Row of every id under every hash, int32 [numEmbeddings × numHashFunctions], row-major. */
function hashIds(options: ResolvedBloomEmbeddingOptions): Int32Array {
  const { numEmbeddings, numHashFunctions, numRows, seed } = options;
  const seeds = Array.from({ length: numHashFunctions }, (_, j) => hashSeed(seed, j));
  const rows = new Int32Array(numEmbeddings * numHashFunctions);
  // Id 0 keeps rows 0 (the padding row); real ids land on the shared rows 1 … numRows - 1.
  for (let id = 1; id < numEmbeddings; id++) {
    for (let j = 0; j < numHashFunctions; j++) {
      rows[id * numHashFunctions + j] = 1 + (murmur3Int(id, seeds[j] as number) % (numRows - 1));
    }
  }
  return rows;
}
