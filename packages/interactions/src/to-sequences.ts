import { describeValue } from './describe-value.js';
import type { Interactions } from './interactions.js';
import { checkKeys } from './internal/check-keys.js';
import { orderByUserTime } from './internal/order-by-user-time.js';
import { SequenceInteractions } from './sequence-interactions.js';

/**
 * Options of {@link toSequences}.
 *
 * @example
 * ```ts
 * import { Interactions, toSequences, type ToSequencesOptions } from '@seqrec/interactions';
 *
 * const data = Interactions.fromRaw({ users: [0, 0, 0, 0], items: [1, 2, 3, 4] });
 * // Windows of 3 ending every item; drop those with fewer than 2 real items.
 * const options: ToSequencesOptions = { maxLength: 3, stepSize: 1, minLength: 2 };
 * const windows = toSequences(data, options);
 * console.assert(windows.numSequences === 3);
 * console.assert(Array.from(windows.row(windows.numSequences - 1)).join() === '0,1,2');
 * ```
 */
export interface ToSequencesOptions {
  /** Window length L, a positive integer (default 10, as Spotlight). */
  readonly maxLength?: number;
  /** Keep windows with at least this many real items, in `[1, maxLength]` (default: keep all). */
  readonly minLength?: number | undefined;
  /** Distance between the ends of consecutive windows, a positive integer (default maxLength). */
  readonly stepSize?: number | undefined;
}

/**
 * Cuts each user's history into fixed-length windows with Spotlight's semantics.
 *
 * Interactions are sorted by user, then timestamp; ties keep their input order. For a user
 * with items `s` (length n) the windows are `s[max(i - L, 0) : i]` for `i = n, n - step, …`
 * while `i > 0`, newest first; each is right-aligned in a row of length L and left-padded
 * with 0. Users come in ascending dense id order. With `minLength m`, windows with fewer than
 * m real items are dropped.
 *
 * @throws RangeError if an option is not a positive integer or `minLength > maxLength`.
 * @see Kula, M. "Spotlight", 2017: `Interactions.to_sequence`.
 * @example
 * ```ts
 * import { Interactions, toSequences } from '@seqrec/interactions';
 *
 * const data = Interactions.fromRaw({ users: [0, 0, 0, 0, 0], items: [1, 2, 3, 4, 5] });
 * const windows = toSequences(data, { maxLength: 5, stepSize: 2 });
 * // rows: [1,2,3,4,5], [0,0,1,2,3], [0,0,0,0,1]
 * console.assert(windows.numSequences === 3);
 * console.assert(Array.from(windows.row(1)).join() === '0,0,1,2,3');
 * ```
 */
export function toSequences(
  interactions: Interactions,
  options: ToSequencesOptions = {},
): SequenceInteractions {
  const { maxLength: L, minLength, stepSize: step } = resolveToSequencesOptions(options);
  const { order, start } = orderByUserTime(interactions);
  const { itemIds, numUsers } = interactions;

  // Count first so the output is allocated once, at its final size.
  let numRows = 0;
  for (let u = 0; u < numUsers; u++) {
    numRows += countWindows((start[u + 1] as number) - (start[u] as number), L, step, minLength);
  }

  const sequences = new Int32Array(numRows * L);
  const userIds = new Int32Array(numRows);
  let row = 0;
  for (let u = 0; u < numUsers; u++) {
    const first = start[u] as number;
    const n = (start[u + 1] as number) - first;
    for (let i = n; i > 0; i -= step) {
      const from = Math.max(i - L, 0);
      if (i - from < minLength) continue;
      const offset = row * L + L - (i - from);
      for (let k = from; k < i; k++) {
        sequences[offset + k - from] = itemIds[order[first + k] as number] as number;
      }
      userIds[row++] = u;
    }
  }

  return new SequenceInteractions({
    sequences,
    userIds,
    maxLength: L,
    numItems: interactions.numItems,
    itemMap: interactions.itemMap,
  });
}

function countWindows(n: number, L: number, step: number, minLength: number): number {
  let count = 0;
  for (let i = n; i > 0; i -= step) if (Math.min(i, L) >= minLength) count++;
  return count;
}

function resolveToSequencesOptions(options: ToSequencesOptions): {
  readonly maxLength: number;
  readonly minLength: number;
  readonly stepSize: number;
} {
  checkKeys('toSequences', options, ['maxLength', 'minLength', 'stepSize']);
  const maxLength = options.maxLength ?? 10;
  requirePositiveInteger('maxLength', maxLength);
  const stepSize = options.stepSize ?? maxLength;
  requirePositiveInteger('stepSize', stepSize);
  const minLength = options.minLength ?? 1;
  requirePositiveInteger('minLength', minLength);
  if (minLength > maxLength) {
    throw new RangeError(
      `toSequences: minLength must be at most maxLength (${String(maxLength)}); ` +
        `got ${String(minLength)}.`,
    );
  }
  return { maxLength, minLength, stepSize };
}

function requirePositiveInteger(name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(
      `toSequences: ${name} must be a positive integer; got ${describeValue(value)}.`,
    );
  }
}
