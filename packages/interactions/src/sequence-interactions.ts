import { describeValue } from './describe-value.js';
import type { IdMap } from './id-map.js';

/**
 * The parts of a {@link SequenceInteractions}.
 *
 * @example
 * ```ts
 * import { SequenceInteractions, type SequenceInteractionsInit } from '@seqrec/interactions';
 *
 * // Two windows of length 3; the second has one item and two padding columns.
 * const init: SequenceInteractionsInit = {
 *   sequences: Int32Array.of(1, 2, 3, 0, 0, 2),
 *   userIds: Int32Array.of(0, 1),
 *   maxLength: 3,
 *   numItems: 4,
 * };
 * const windows = new SequenceInteractions(init);
 * console.assert(windows.numSequences === 2 && Array.from(windows.row(1)).join() === '0,0,2');
 * ```
 */
export interface SequenceInteractionsInit {
  /** Item ids, int32 [numSequences, maxLength] row-major, right-aligned, left-padded with 0. */
  readonly sequences: Int32Array;
  /** The user of each row, int32 [numSequences]. */
  readonly userIds: Int32Array;
  /** Row length L, a positive integer. */
  readonly maxLength: number;
  /** Size of the item id space including padding; every id is below it. */
  readonly numItems: number;
  /** Raw ↔ dense item ids, when known. */
  readonly itemMap?: IdMap | undefined;
}

/**
 * Fixed-length windows of user histories, one per row, as produced by `toSequences`.
 *
 * Row `r` occupies `sequences[r * maxLength, (r + 1) * maxLength)`. Items are in time order,
 * oldest first, right-aligned: the newest item of a window is in its last column and shorter
 * windows are left-padded with 0.
 *
 * @example
 * ```ts
 * import { SequenceInteractions } from '@seqrec/interactions';
 *
 * const windows = new SequenceInteractions({
 *   sequences: Int32Array.from([0, 1, 2, 3, 4, 5]),
 *   userIds: Int32Array.from([0, 1]),
 *   maxLength: 3,
 *   numItems: 6,
 * });
 * console.assert(Array.from(windows.row(1)).join() === '3,4,5');
 * ```
 */
export class SequenceInteractions {
  /** Item ids, int32 [numSequences, maxLength] row-major. */
  readonly sequences: Int32Array;
  /** The user of each row, int32 [numSequences]. */
  readonly userIds: Int32Array;
  /** Row length L. */
  readonly maxLength: number;
  /** Size of the item id space including padding. */
  readonly numItems: number;
  /** Raw ↔ dense item ids, when known. */
  readonly itemMap: IdMap | undefined;

  /**
   * @throws RangeError if the shapes disagree or an item id is outside `[0, numItems)`.
   */
  constructor(init: SequenceInteractionsInit) {
    const { sequences, userIds, maxLength, numItems } = init;
    if (!Number.isSafeInteger(maxLength) || maxLength < 1) {
      throw new RangeError(
        `SequenceInteractions: maxLength must be a positive integer; got ${describeValue(maxLength)}.`,
      );
    }
    if (sequences.length !== userIds.length * maxLength) {
      throw new RangeError(
        `SequenceInteractions: sequences must hold userIds.length × maxLength = ` +
          `${String(userIds.length)} × ${String(maxLength)} ids; got ${String(sequences.length)}.`,
      );
    }
    for (let i = 0; i < sequences.length; i++) {
      const id = sequences[i] as number;
      if (id < 0 || id >= numItems) {
        throw new RangeError(
          `SequenceInteractions: every item id must be in [0, numItems = ${String(numItems)}); ` +
            `got ${String(id)} at row ${String(Math.floor(i / maxLength))}, ` +
            `column ${String(i % maxLength)}.`,
        );
      }
    }
    this.sequences = sequences;
    this.userIds = userIds;
    this.maxLength = maxLength;
    this.numItems = numItems;
    this.itemMap = init.itemMap;
  }

  /** Number of rows. */
  get numSequences(): number {
    return this.userIds.length;
  }

  /**
   * Row `r` as a view (no copy) of length `maxLength`.
   *
   * @throws RangeError if `r` is not a row index.
   */
  row(r: number): Int32Array {
    if (!Number.isInteger(r) || r < 0 || r >= this.numSequences) {
      throw new RangeError(
        `SequenceInteractions.row: r must be an integer in [0, ${String(this.numSequences)}); ` +
          `got ${describeValue(r)}.`,
      );
    }
    return this.sequences.subarray(r * this.maxLength, (r + 1) * this.maxLength);
  }

  /**
   * A new set of the rows at `rows`, in that order (copied).
   *
   * @throws RangeError if a row index is out of range.
   * @example
   * ```ts
   * import { SequenceInteractions } from '@seqrec/interactions';
   *
   * const windows = new SequenceInteractions({
   *   sequences: Int32Array.from([1, 2, 3, 4]),
   *   userIds: Int32Array.from([0, 1]),
   *   maxLength: 2,
   *   numItems: 5,
   * });
   * console.assert(Array.from(windows.selectRows([1]).sequences).join() === '3,4');
   * ```
   */
  selectRows(rows: ArrayLike<number>): SequenceInteractions {
    const L = this.maxLength;
    const sequences = new Int32Array(rows.length * L);
    const userIds = new Int32Array(rows.length);
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k] as number;
      sequences.set(this.row(r), k * L);
      userIds[k] = this.userIds[r] as number;
    }
    return new SequenceInteractions({
      sequences,
      userIds,
      maxLength: L,
      numItems: this.numItems,
      itemMap: this.itemMap,
    });
  }

  /** Number of real (non-padding) items in row `r`. */
  rowLength(r: number): number {
    const row = this.row(r);
    let k = 0;
    while (k < row.length && row[k] === 0) k++;
    return row.length - k;
  }
}
