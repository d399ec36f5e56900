import { describeValue } from './describe-value.js';
import { IdMap, type RawId } from './id-map.js';
import { PADDING_ID } from './padding.js';

/**
 * The columns and id spaces of an {@link Interactions} set, all of equal length.
 *
 * @example
 * ```ts
 * import { Interactions, type InteractionsInit } from '@seqrec/interactions';
 *
 * // Dense ids already: users from 0, items from 1 (0 is padding).
 * const init: InteractionsInit = {
 *   userIds: Int32Array.of(0, 0, 1),
 *   itemIds: Int32Array.of(1, 2, 1),
 *   timestamps: Float64Array.of(10, 20, 15),
 * };
 * const data = new Interactions(init);
 * console.assert(data.length === 3 && data.numUsers === 2 && data.numItems === 3);
 * ```
 */
export interface InteractionsInit {
  /** Dense user ids, int32 [n], each in `[0, numUsers)`. */
  readonly userIds: Int32Array;
  /** Dense item ids, int32 [n], each in `[1, numItems)`: 0 is padding and never an item. */
  readonly itemIds: Int32Array;
  /** Optional ratings, float32 [n]. */
  readonly ratings?: Float32Array | undefined;
  /** Optional timestamps (any monotone unit, e.g. Unix seconds), float64 [n]. */
  readonly timestamps?: Float64Array | undefined;
  /** Optional per-interaction weights, float32 [n]. */
  readonly weights?: Float32Array | undefined;
  /** Size of the user id space; default `max(userIds) + 1`, or `userMap.numIds`. */
  readonly numUsers?: number | undefined;
  /** Size of the item id space including padding; default `max(itemIds) + 1`, or `itemMap.numIds`. */
  readonly numItems?: number | undefined;
  /** Raw ↔ dense user ids, when the data came from raw ids. */
  readonly userMap?: IdMap | undefined;
  /** Raw ↔ dense item ids (first id 1), when the data came from raw ids. */
  readonly itemMap?: IdMap | undefined;
}

/**
 * Raw columns for {@link Interactions.fromRaw}.
 *
 * @example
 * ```ts
 * import { Interactions, type RawInteractions } from '@seqrec/interactions';
 *
 * const raw: RawInteractions = {
 *   users: ['ann', 'bob', 'ann'],
 *   items: ['B001', 'B002', 'B002'],
 *   ratings: [5, 3, 4],
 * };
 * const data = Interactions.fromRaw(raw);
 * console.assert(data.numUsers === 2 && data.itemMap?.toDense('B002') === 2);
 * console.assert(data.ratings?.[2] === 4);
 * ```
 */
export interface RawInteractions {
  /** Raw user ids, one per interaction. */
  readonly users: ArrayLike<RawId>;
  /** Raw item ids, one per interaction. */
  readonly items: ArrayLike<RawId>;
  /** Optional ratings, one per interaction. */
  readonly ratings?: ArrayLike<number> | undefined;
  /** Optional timestamps, one per interaction. */
  readonly timestamps?: ArrayLike<number> | undefined;
  /** Optional weights, one per interaction. */
  readonly weights?: ArrayLike<number> | undefined;
}

/**
 * A set of user–item interactions stored column-wise in typed arrays.
 *
 * Ids are dense: users in `[0, numUsers)`, items in `[1, numItems)` with item 0 reserved for
 * padding ({@link PADDING_ID}). The optional {@link IdMap}s translate back to raw ids.
 * Instances are immutable by convention: methods return new sets and share no arrays that
 * they change.
 *
 * @example
 * ```ts
 * import { Interactions } from '@seqrec/interactions';
 *
 * const data = Interactions.fromRaw({
 *   users: ['ann', 'ann', 'bob'],
 *   items: [10, 20, 10],
 *   timestamps: [1, 2, 1],
 * });
 * console.assert(data.length === 3 && data.numUsers === 2 && data.numItems === 3);
 * console.assert(data.itemMap?.toRaw(data.itemIds[1] ?? 0) === 20);
 * ```
 */
export class Interactions {
  /** Dense user ids, int32 [length]. */
  readonly userIds: Int32Array;
  /** Dense item ids, int32 [length], each at least 1. */
  readonly itemIds: Int32Array;
  /** Ratings, float32 [length], when present. */
  readonly ratings: Float32Array | undefined;
  /** Timestamps, float64 [length], when present. */
  readonly timestamps: Float64Array | undefined;
  /** Weights, float32 [length], when present. */
  readonly weights: Float32Array | undefined;
  /** Size of the user id space. */
  readonly numUsers: number;
  /** Size of the item id space, padding id 0 included: score vectors have this length. */
  readonly numItems: number;
  /** Raw ↔ dense user ids, when known. */
  readonly userMap: IdMap | undefined;
  /** Raw ↔ dense item ids, when known. */
  readonly itemMap: IdMap | undefined;

  /**
   * @throws RangeError if the columns differ in length, an id is out of its range, or an
   *   item id is the padding id.
   */
  constructor(init: InteractionsInit) {
    const n = init.userIds.length;
    for (const [name, column] of [
      ['itemIds', init.itemIds],
      ['ratings', init.ratings],
      ['timestamps', init.timestamps],
      ['weights', init.weights],
    ] as const) {
      if (column !== undefined && column.length !== n) {
        throw new RangeError(
          `Interactions: ${name} must have the length of userIds (${String(n)}); ` +
            `got ${String(column.length)}.`,
        );
      }
    }
    this.userIds = init.userIds;
    this.itemIds = init.itemIds;
    this.ratings = init.ratings;
    this.timestamps = init.timestamps;
    this.weights = init.weights;
    this.userMap = init.userMap;
    this.itemMap = init.itemMap;
    this.numUsers = resolveSpace('numUsers', init.numUsers, init.userMap, init.userIds, 0);
    this.numItems = resolveSpace('numItems', init.numItems, init.itemMap, init.itemIds, 1);
  }

  /**
   * Builds interactions from raw ids of any kind, assigning dense ids in order of first
   * appearance (users from 0, items from 1).
   *
   * @throws RangeError if the columns differ in length.
   * @example
   * ```ts
   * import { Interactions } from '@seqrec/interactions';
   *
   * const data = Interactions.fromRaw({ users: [7, 7, 9], items: ['a', 'b', 'a'] });
   * console.assert(Array.from(data.itemIds).join() === '1,2,1');
   * ```
   */
  static fromRaw(raw: RawInteractions): Interactions {
    checkRawColumns(raw);
    const n = raw.users.length;
    const userMap = new IdMap({ firstId: 0 });
    const itemMap = new IdMap({ firstId: 1 });
    const userIds = new Int32Array(n);
    const itemIds = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      userIds[i] = userMap.add(raw.users[i] as RawId);
      itemIds[i] = itemMap.add(raw.items[i] as RawId);
    }
    return new Interactions({
      userIds,
      itemIds,
      ratings: raw.ratings && Float32Array.from(raw.ratings),
      timestamps: raw.timestamps && Float64Array.from(raw.timestamps),
      weights: raw.weights && Float32Array.from(raw.weights),
      userMap,
      itemMap,
    });
  }

  /** Number of interactions. */
  get length(): number {
    return this.userIds.length;
  }

  /**
   * A new set holding the interactions at `indices`, in that order, with the same id spaces
   * and maps (so ids stay comparable across the parts of a split).
   *
   * @param indices - Positions in `[0, length)`.
   * @throws RangeError if an index is out of range.
   * @example
   * ```ts
   * import { Interactions } from '@seqrec/interactions';
   *
   * const data = Interactions.fromRaw({ users: [1, 2, 3], items: [1, 2, 3] });
   * const part = data.subset([2, 0]);
   * console.assert(part.length === 2 && part.numItems === data.numItems);
   * ```
   */
  subset(indices: ArrayLike<number>): Interactions {
    const n = indices.length;
    const pick = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const index = indices[k] as number;
      if (!Number.isInteger(index) || index < 0 || index >= this.length) {
        throw new RangeError(
          `Interactions.subset: indices[${String(k)}] must be an integer in ` +
            `[0, ${String(this.length)}); got ${describeValue(index)}.`,
        );
      }
      pick[k] = index;
    }
    return new Interactions({
      userIds: gather(this.userIds, pick, Int32Array),
      itemIds: gather(this.itemIds, pick, Int32Array),
      ratings: this.ratings && gather(this.ratings, pick, Float32Array),
      timestamps: this.timestamps && gather(this.timestamps, pick, Float64Array),
      weights: this.weights && gather(this.weights, pick, Float32Array),
      numUsers: this.numUsers,
      numItems: this.numItems,
      userMap: this.userMap,
      itemMap: this.itemMap,
    });
  }

  /**
   * Number of distinct users and items that actually occur (the id spaces may be larger,
   * for example in one part of a split).
   *
   * @example
   * ```ts
   * import { Interactions } from '@seqrec/interactions';
   *
   * const data = Interactions.fromRaw({ users: [1, 1, 2], items: [5, 6, 5] });
   * console.assert(data.countDistinct().items === 2);
   * ```
   */
  countDistinct(): { readonly users: number; readonly items: number } {
    return {
      users: countDistinct(this.userIds, this.numUsers),
      items: countDistinct(this.itemIds, this.numItems),
    };
  }
}

type TypedArray = Int32Array | Float32Array | Float64Array;

function gather<T extends TypedArray>(
  source: T,
  pick: Int32Array,
  Kind: new (length: number) => T,
): T {
  const out = new Kind(pick.length);
  for (let k = 0; k < pick.length; k++) out[k] = source[pick[k] as number] as number;
  return out;
}

function countDistinct(ids: Int32Array, space: number): number {
  const seen = new Uint8Array(space);
  let count = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (seen[id] === 0) {
      seen[id] = 1;
      count++;
    }
  }
  return count;
}

function resolveSpace(
  name: 'numUsers' | 'numItems',
  given: number | undefined,
  map: IdMap | undefined,
  ids: Int32Array,
  lowest: number,
): number {
  let max = lowest - 1;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (id < lowest) {
      const rule = lowest === 1 ? `at least 1 (${String(PADDING_ID)} is padding)` : 'non-negative';
      const column = name === 'numUsers' ? 'userIds' : 'itemIds';
      throw new RangeError(
        `Interactions: ${column}[${String(i)}] must be ${rule}; got ${String(id)}.`,
      );
    }
    if (id > max) max = id;
  }
  const space = given ?? map?.numIds ?? Math.max(max + 1, lowest);
  if (!Number.isSafeInteger(space) || space <= max) {
    throw new RangeError(
      `Interactions: ${name} must be an integer above the largest id (${String(max)}); ` +
        `got ${describeValue(space)}.`,
    );
  }
  return space;
}

function checkRawColumns(raw: RawInteractions): void {
  const api = 'Interactions.fromRaw';
  if (typeof raw !== 'object' || raw === null) {
    throw new TypeError(
      `${api}: raw must be an object with users and items; got ${describeValue(raw)}.`,
    );
  }
  for (const name of ['users', 'items', 'ratings', 'timestamps', 'weights'] as const) {
    const column = raw[name];
    const required = name === 'users' || name === 'items';
    if (column === undefined && !required) continue;
    if (typeof column !== 'object' || column === null || typeof column.length !== 'number') {
      throw new TypeError(`${api}: ${name} must be an array; got ${describeValue(column)}.`);
    }
    if (column.length !== raw.users.length) {
      throw new RangeError(
        `${api}: ${name} must have the length of users (${String(raw.users.length)}); ` +
          `got ${String(column.length)}.`,
      );
    }
    if (!required) {
      for (let i = 0; i < column.length; i++) {
        if (!Number.isFinite(column[i])) {
          throw new RangeError(
            `${api}: ${name}[${String(i)}] must be a finite number; got ${describeValue(column[i])}.`,
          );
        }
      }
    }
  }
}
