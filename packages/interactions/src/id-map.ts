import { describeValue } from './describe-value.js';

/**
 * A raw identifier as it appears in a data file or an application: a number or a string.
 *
 * @example
 * ```ts
 * import { IdMap, type RawId } from '@seqrec/interactions';
 *
 * // Numbers and strings are different ids: 7 is not '7'.
 * const raw: RawId[] = [7, '7', 'B0 7'];
 * const users = new IdMap();
 * for (const id of raw) users.add(id);
 * console.assert(users.numIds === 3 && users.toRaw(0) === 7);
 * ```
 */
export type RawId = number | string;

/**
 * The serialisable form of an {@link IdMap}, as written by {@link IdMap.toJSON}.
 *
 * @example
 * ```ts
 * import { IdMap, type IdMapConfig } from '@seqrec/interactions';
 *
 * const items = new IdMap({ firstId: 1 });
 * items.add('tt0111161');
 * items.add('tt0068646');
 * const config: IdMapConfig = items.toJSON();
 * console.assert(config.firstId === 1 && config.rawIds.join() === 'tt0111161,tt0068646');
 * console.assert(IdMap.fromJSON(JSON.parse(JSON.stringify(config))).toDense('tt0068646') === 2);
 * ```
 */
export interface IdMapConfig {
  /** Dense id given to the first raw id (0 for users, 1 for items: item 0 is padding). */
  readonly firstId: number;
  /** Raw ids in dense-id order: `rawIds[k]` has dense id `firstId + k`. */
  readonly rawIds: readonly RawId[];
}

/**
 * A two-way map between raw ids (numbers or strings) and dense integer ids.
 *
 * Dense ids are handed out in order of first appearance, starting at `firstId`. Item maps use
 * `firstId = 1` because dense item id 0 ({@link PADDING_ID}) is reserved for padding; user
 * maps use 0. The number `1` and the string `'1'` are different raw ids.
 *
 * @example
 * ```ts
 * import { IdMap } from '@seqrec/interactions';
 *
 * const items = new IdMap({ firstId: 1 });
 * items.add('tt0111161'); // 1
 * items.add('tt0068646'); // 2
 * items.add('tt0111161'); // 1 again
 * console.assert(items.toRaw(2) === 'tt0068646');
 * console.assert(items.numIds === 3); // padding + two items
 * ```
 */
export class IdMap {
  /** Dense id of the first raw id added. */
  readonly firstId: number;
  readonly #toDense = new Map<RawId, number>();
  readonly #toRaw: RawId[] = [];

  /**
   * @param options - `firstId`: dense id of the first raw id, a non-negative integer
   *   (default 0).
   * @throws RangeError if `firstId` is not a non-negative integer.
   */
  constructor(options: { readonly firstId?: number } = {}) {
    const firstId = options.firstId ?? 0;
    if (!Number.isSafeInteger(firstId) || firstId < 0) {
      throw new RangeError(
        `IdMap: firstId must be a non-negative integer; got ${describeValue(firstId)}.`,
      );
    }
    this.firstId = firstId;
  }

  /**
   * Rebuilds a map from its {@link IdMapConfig}.
   *
   * @throws RangeError if a raw id repeats or is not a number or string.
   * @example
   * ```ts
   * import { IdMap } from '@seqrec/interactions';
   *
   * const copy = IdMap.fromJSON({ firstId: 1, rawIds: ['a', 'b'] });
   * console.assert(copy.toDense('b') === 2);
   * ```
   */
  static fromJSON(config: IdMapConfig): IdMap {
    const map = new IdMap({ firstId: config.firstId });
    for (const raw of config.rawIds) {
      if (typeof raw !== 'number' && typeof raw !== 'string') {
        throw new TypeError(
          `IdMap.fromJSON: rawIds must hold numbers or strings; got ${describeValue(raw)}.`,
        );
      }
      if (map.has(raw)) {
        throw new RangeError(
          `IdMap.fromJSON: rawIds must be unique; got ${describeValue(raw)} twice.`,
        );
      }
      map.add(raw);
    }
    return map;
  }

  /** Number of raw ids in the map. */
  get size(): number {
    return this.#toRaw.length;
  }

  /** Size of the dense id space, `firstId + size`: every dense id is below it. */
  get numIds(): number {
    return this.firstId + this.#toRaw.length;
  }

  /**
   * Returns the dense id of `raw`, adding it if it is new.
   *
   * @throws TypeError if `raw` is neither a finite number nor a string.
   */
  add(raw: RawId): number {
    const known = this.#toDense.get(raw);
    if (known !== undefined) return known;
    if (typeof raw === 'number' ? !Number.isFinite(raw) : typeof raw !== 'string') {
      throw new TypeError(
        `IdMap.add: raw id must be a finite number or a string; got ${describeValue(raw)}.`,
      );
    }
    const dense = this.firstId + this.#toRaw.length;
    this.#toDense.set(raw, dense);
    this.#toRaw.push(raw);
    return dense;
  }

  /** Whether `raw` has a dense id. */
  has(raw: RawId): boolean {
    return this.#toDense.has(raw);
  }

  /** The dense id of `raw`, or `undefined` when the map has never seen it. */
  toDense(raw: RawId): number | undefined {
    return this.#toDense.get(raw);
  }

  /**
   * The raw id behind a dense id.
   *
   * @throws RangeError if `dense` is not a dense id of this map.
   */
  toRaw(dense: number): RawId {
    const raw = this.#toRaw[dense - this.firstId];
    if (raw === undefined || !Number.isInteger(dense)) {
      throw new RangeError(
        `IdMap.toRaw: dense must be an integer in [${String(this.firstId)}, ` +
          `${String(this.numIds)}); got ${describeValue(dense)}.`,
      );
    }
    return raw;
  }

  /** Raw ids in dense-id order (a copy). */
  rawIds(): RawId[] {
    return this.#toRaw.slice();
  }

  /** The serialisable form, for saving next to a model. */
  toJSON(): IdMapConfig {
    return { firstId: this.firstId, rawIds: this.#toRaw.slice() };
  }
}
