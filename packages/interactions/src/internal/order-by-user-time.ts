import type { Interactions } from '../interactions.js';

/** Interactions grouped by user and ordered by time within each user. */
export interface UserTimeOrder {
  /** Positions into the interactions, sorted by user then timestamp (stable). */
  readonly order: Int32Array;
  /** `order[start[u], start[u + 1])` holds user u's interactions; length numUsers + 1. */
  readonly start: Int32Array;
}

/**
 * Sorts interactions by user, then by timestamp, keeping input order for ties (and using
 * input order alone when there are no timestamps), as a stable lexicographic sort would.
 *
 * A counting sort groups users in O(n); only users whose timestamps are out of order pay for
 * a comparison sort, which keeps the common case (files written in time order) linear.
 *
 * @internal
 */
export function orderByUserTime(data: Interactions): UserTimeOrder {
  const { userIds, timestamps, numUsers } = data;
  const n = data.length;

  const start = new Int32Array(numUsers + 1);
  for (let i = 0; i < n; i++) {
    const slot = (userIds[i] as number) + 1;
    start[slot] = (start[slot] as number) + 1;
  }
  for (let u = 0; u < numUsers; u++) start[u + 1] = (start[u + 1] as number) + (start[u] as number);

  const order = new Int32Array(n);
  const fill = start.slice(0, numUsers);
  for (let i = 0; i < n; i++) {
    const u = userIds[i] as number;
    order[fill[u] as number] = i;
    fill[u] = (fill[u] as number) + 1;
  }

  if (timestamps !== undefined) {
    for (let u = 0; u < numUsers; u++) {
      sortRangeByTime(order, start[u] as number, start[u + 1] as number, timestamps);
    }
  }
  return { order, start };
}

function sortRangeByTime(order: Int32Array, from: number, to: number, time: Float64Array): void {
  let sorted = true;
  for (let k = from + 1; k < to && sorted; k++) {
    sorted = (time[order[k - 1] as number] as number) <= (time[order[k] as number] as number);
  }
  if (sorted) return;

  // Positions within a user are increasing, so breaking ties by position keeps the sort stable.
  const range = Array.from(order.subarray(from, to));
  range.sort((a, b) => (time[a] as number) - (time[b] as number) || a - b);
  order.set(range, from);
}
