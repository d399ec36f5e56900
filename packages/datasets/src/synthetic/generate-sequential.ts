import { describeValue, IdMap, Interactions } from '@seqrec/interactions';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

import { cumulativeTransitions } from '../internal/transition-matrix.js';

/**
 * Options of {@link generateSequential}; every one has a default.
 *
 * @example
 * ```ts
 * import { generateSequential, type GenerateSequentialOptions } from '@seqrec/datasets';
 *
 * // Nearly deterministic sequences: each item is almost always followed by the same next one.
 * const options: GenerateSequentialOptions = {
 *   numUsers: 10,
 *   numItems: 20,
 *   numInteractions: 200,
 *   concentration: 0.001,
 *   order: 1,
 *   seed: 5,
 * };
 * const data = generateSequential(options);
 * console.assert(data.length === 200 && data.numUsers === 10 && data.numItems <= 21);
 * console.assert(generateSequential(options).itemIds.join() === data.itemIds.join());
 * ```
 */
export interface GenerateSequentialOptions {
  /** Number of users, an integer in [1, 10 million] (default 1,000). */
  readonly numUsers?: number | undefined;
  /** Number of items (Markov states), an integer in [1, 4096] (default 500). */
  readonly numItems?: number | undefined;
  /** Number of interactions, a positive integer up to 100 million (default 50,000). */
  readonly numInteractions?: number | undefined;
  /**
   * Dirichlet concentration of each transition row, a positive number (default 0.01). Near
   * 0 each item is followed by one or two items almost always; large values approach
   * uniformly random sequences.
   */
  readonly concentration?: number | undefined;
  /** How many previous items the next one depends on, an integer in [1, 64] (default 2). */
  readonly order?: number | undefined;
  /** Seed of every random draw, an integer (default 0). */
  readonly seed?: number | undefined;
}

/** {@link GenerateSequentialOptions} checked and completed. */
interface ResolvedOptions {
  readonly numUsers: number;
  readonly numItems: number;
  readonly numInteractions: number;
  readonly concentration: number;
  readonly order: number;
  readonly seed: number;
}

const MAX_USERS = 10_000_000;
// Limitation: the transition matrix is dense (numItems² doubles, 134 MB at the cap).
const MAX_ITEMS = 4096;
const MAX_INTERACTIONS = 100_000_000;
const MAX_ORDER = 64;

/**
 * Generates interactions whose order matters, from a seeded n-th order Markov chain over the
 * items, with Spotlight's recipe: a random transition matrix with Dirichlet rows balanced to
 * be nearly doubly stochastic; the next item follows the transitions of one of the last
 * `order` items, chosen uniformly (an equal mixture of their rows); one long chain is cut
 * into users, whose interaction counts are those of `numInteractions` uniform draws.
 *
 * Users have dense ids 0…numUsers−1 and items 1…numItems (0 is padding); the id maps are the
 * identity (raw id = dense id), so `numItems` of the result is `numItems + 1`. Timestamps are
 * positions in the chain (0, 1, 2, …), so each user's interactions are in time order. There
 * are no ratings. The same options always give the same data.
 *
 * @remarks Deviation: Spotlight draws the next item by one binary search in the mean of the
 * cumulative rows of the last `order` items; this picks one of those rows uniformly, then
 * searches it. Both draw from the same distribution, this one without averaging `order` rows
 * per step, but the numbers differ from Spotlight's for the same seed (which could not match
 * anyway: NumPy's generator is not used here).
 *
 * @param options - Sizes, structure and seed; see {@link GenerateSequentialOptions}.
 * @throws RangeError naming the option if an option is out of range or of the wrong kind.
 * @see Spotlight's `spotlight/datasets/synthetic.py`, `generate_sequential`.
 * @example
 * ```ts
 * import { generateSequential } from '@seqrec/datasets';
 *
 * const data = generateSequential({ numUsers: 10, numItems: 20, numInteractions: 300, seed: 1 });
 * console.assert(data.length === 300 && data.numUsers === 10 && data.numItems === 21);
 * const again = generateSequential({ numUsers: 10, numItems: 20, numInteractions: 300, seed: 1 });
 * console.assert(again.itemIds.every((item, i) => item === data.itemIds[i]));
 * ```
 */
export function generateSequential(options: GenerateSequentialOptions = {}): Interactions {
  const { numUsers, numItems, numInteractions, concentration, order, seed } =
    resolveGenerateSequentialOptions(options);
  const rng = xoroshiro128plus(seed);
  const transitions = cumulativeTransitions(rng, numItems, concentration);
  const userIds = drawSortedUsers(rng, numUsers, numInteractions);

  const itemIds = new Int32Array(numInteractions);
  const recent = new Int32Array(order);
  for (let k = 0; k < order; k++) recent[k] = uniformInt(rng, 0, numItems - 1);
  for (let i = 0; i < numInteractions; i++) {
    const from = recent[order === 1 ? 0 : uniformInt(rng, 0, order - 1)] as number;
    const next = searchRow(transitions, from * numItems, numItems, uniformFloat64(rng));
    recent.copyWithin(0, 1);
    recent[order - 1] = next;
    itemIds[i] = next + 1;
  }

  const timestamps = new Float64Array(numInteractions);
  for (let i = 0; i < numInteractions; i++) timestamps[i] = i;
  return new Interactions({
    userIds,
    itemIds,
    timestamps,
    userMap: identityMap(0, numUsers),
    itemMap: identityMap(1, numItems),
  });
}

/** User ids of `n` uniform draws, sorted: each user's interactions are contiguous. */
function drawSortedUsers(rng: RandomGenerator, numUsers: number, n: number): Int32Array {
  const counts = new Int32Array(numUsers);
  for (let i = 0; i < n; i++) {
    const user = uniformInt(rng, 0, numUsers - 1);
    counts[user] = (counts[user] as number) + 1;
  }
  const userIds = new Int32Array(n);
  let at = 0;
  for (let user = 0; user < numUsers; user++) {
    const end = at + (counts[user] as number);
    userIds.fill(user, at, end);
    at = end;
  }
  return userIds;
}

/** The first column of a cumulative row (at `offset`, length n) whose value exceeds `u`. */
function searchRow(cumulative: Float64Array, offset: number, n: number, u: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[offset + mid] as number) > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function identityMap(firstId: number, count: number): IdMap {
  const rawIds = new Array<number>(count);
  for (let k = 0; k < count; k++) rawIds[k] = firstId + k;
  return IdMap.fromJSON({ firstId, rawIds });
}

function resolveGenerateSequentialOptions(options: GenerateSequentialOptions): ResolvedOptions {
  const api = 'generateSequential';
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${api}: options must be an object; got ${describeValue(options)}.`);
  }
  const known = ['numUsers', 'numItems', 'numInteractions', 'concentration', 'order', 'seed'];
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new RangeError(
        `${api}: options must only hold ${known.join(', ')}; got ${describeValue(key)}.`,
      );
    }
  }
  const integer = (name: string, value: unknown, min: number, max: number): number => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new RangeError(
        `${api}: ${name} must be an integer in [${String(min)}, ${String(max)}]; ` +
          `got ${describeValue(value)}.`,
      );
    }
    return value;
  };
  const concentration = options.concentration ?? 0.01;
  if (typeof concentration !== 'number' || !(concentration > 0 && concentration < Infinity)) {
    throw new RangeError(
      `${api}: concentration must be a positive finite number; got ${describeValue(concentration)}.`,
    );
  }
  return {
    numUsers: integer('numUsers', options.numUsers ?? 1000, 1, MAX_USERS),
    numItems: integer('numItems', options.numItems ?? 500, 1, MAX_ITEMS),
    numInteractions: integer(
      'numInteractions',
      options.numInteractions ?? 50_000,
      1,
      MAX_INTERACTIONS,
    ),
    concentration,
    order: integer('order', options.order ?? 2, 1, MAX_ORDER),
    seed: integer('seed', options.seed ?? 0, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  };
}
