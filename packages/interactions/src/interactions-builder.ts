import { IdMap, type RawId } from './id-map.js';
import { Interactions } from './interactions.js';

/**
 * Which optional columns an {@link InteractionsBuilder} records.
 *
 * @example
 * ```ts
 * import { InteractionsBuilder, type InteractionsBuilderOptions } from '@seqrec/interactions';
 *
 * const options: InteractionsBuilderOptions = { ratings: true, capacity: 2 };
 * const builder = new InteractionsBuilder(options);
 * builder.add('ann', 'x', 4);
 * builder.add('bob', 'y', 2);
 * builder.add('bob', 'x', 5); // past the capacity: the buffers grow
 * const data = builder.build();
 * console.assert(data.length === 3 && data.ratings?.[2] === 5 && data.timestamps === undefined);
 * ```
 */
export interface InteractionsBuilderOptions {
  /** Record a rating per interaction (default false). */
  readonly ratings?: boolean;
  /** Record a timestamp per interaction (default false). */
  readonly timestamps?: boolean;
  /** Record a weight per interaction (default false). */
  readonly weights?: boolean;
  /** Expected number of interactions, to size the buffers once (default 1024). */
  readonly capacity?: number;
}

/**
 * Collects interactions one at a time (as a streaming loader reads them) into growable typed
 * buffers, mapping raw ids to dense ids on the way, then builds an {@link Interactions}.
 *
 * Memory stays at a few bytes per interaction: 4 + 4 for the ids, 4 for a rating, 8 for a
 * timestamp, 4 for a weight, plus the id maps.
 *
 * @example
 * ```ts
 * import { InteractionsBuilder } from '@seqrec/interactions';
 *
 * const builder = new InteractionsBuilder({ timestamps: true });
 * builder.add('ann', 'x', undefined, 100);
 * builder.add('ann', 'y', undefined, 200);
 * const data = builder.build();
 * console.assert(data.length === 2 && data.timestamps?.[1] === 200);
 * ```
 */
export class InteractionsBuilder {
  /** Raw ↔ dense user ids seen so far. */
  readonly userMap = new IdMap({ firstId: 0 });
  /** Raw ↔ dense item ids seen so far (first id 1). */
  readonly itemMap = new IdMap({ firstId: 1 });
  #length = 0;
  #users: Int32Array;
  #items: Int32Array;
  #ratings: Float32Array | undefined;
  #timestamps: Float64Array | undefined;
  #weights: Float32Array | undefined;

  /** @param options - Which optional columns to record and the initial capacity. */
  constructor(options: InteractionsBuilderOptions = {}) {
    const capacity = Math.max(16, Math.floor(options.capacity ?? 1024));
    this.#users = new Int32Array(capacity);
    this.#items = new Int32Array(capacity);
    if (options.ratings === true) this.#ratings = new Float32Array(capacity);
    if (options.timestamps === true) this.#timestamps = new Float64Array(capacity);
    if (options.weights === true) this.#weights = new Float32Array(capacity);
  }

  /** Number of interactions added so far. */
  get length(): number {
    return this.#length;
  }

  /**
   * Appends one interaction. Columns the builder does not record ignore their argument;
   * recorded columns store `NaN` for an omitted value.
   *
   * @throws TypeError if a raw id is neither a finite number nor a string.
   */
  add(user: RawId, item: RawId, rating?: number, timestamp?: number, weight?: number): void {
    if (this.#length === this.#users.length) this.#grow();
    const i = this.#length;
    this.#users[i] = this.userMap.add(user);
    this.#items[i] = this.itemMap.add(item);
    if (this.#ratings) this.#ratings[i] = rating ?? Number.NaN;
    if (this.#timestamps) this.#timestamps[i] = timestamp ?? Number.NaN;
    if (this.#weights) this.#weights[i] = weight ?? Number.NaN;
    this.#length = i + 1;
  }

  /** Builds the interactions collected so far; the builder may go on being used. */
  build(): Interactions {
    const n = this.#length;
    return new Interactions({
      userIds: this.#users.slice(0, n),
      itemIds: this.#items.slice(0, n),
      ratings: this.#ratings?.slice(0, n),
      timestamps: this.#timestamps?.slice(0, n),
      weights: this.#weights?.slice(0, n),
      userMap: this.userMap,
      itemMap: this.itemMap,
    });
  }

  #grow(): void {
    // Doubling keeps appends amortised O(1); the copy costs far less than parsing a line.
    const size = this.#users.length * 2;
    this.#users = resize(this.#users, new Int32Array(size));
    this.#items = resize(this.#items, new Int32Array(size));
    if (this.#ratings) this.#ratings = resize(this.#ratings, new Float32Array(size));
    if (this.#timestamps) this.#timestamps = resize(this.#timestamps, new Float64Array(size));
    if (this.#weights) this.#weights = resize(this.#weights, new Float32Array(size));
  }
}

function resize<T extends Int32Array | Float32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
