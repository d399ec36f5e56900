import { describeValue, InteractionsBuilder, type Interactions } from '@seqrec/interactions';

import { readHdf5Columns, type NumericColumn } from '../internal/hdf5.js';
import { LineIssues, mustBe } from '../internal/line-issues.js';
import { PROGRESS_EVERY } from '../internal/line-reader.js';
import { resolveLoadOptions } from '../internal/resolve-load-options.js';
import type { LoadOptions } from './load-options.js';

/**
 * Options of {@link loadSpotlightHdf5}.
 *
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { Interactions } from '@seqrec/interactions';
 * import {
 *   loadSpotlightHdf5,
 *   saveSpotlightHdf5,
 *   type LoadSpotlightHdf5Options,
 * } from '@seqrec/datasets';
 *
 * const path = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'small.hdf5');
 * const all = Interactions.fromRaw({ users: [1, 1, 2, 2], items: [5, 6, 5, 7] });
 * await saveSpotlightHdf5(path, all);
 * // Items seen at least twice: only item 5 is left.
 * const options: LoadSpotlightHdf5Options = { minItemInteractions: 2 };
 * const data = await loadSpotlightHdf5(path, options);
 * console.assert(data.length === 2 && data.countDistinct().items === 1);
 * ```
 */
export interface LoadSpotlightHdf5Options extends LoadOptions {
  /**
   * Keep only interactions of users with at least this many interactions in the file, a
   * positive integer (default 1: keep all).
   */
  readonly minUserInteractions?: number | undefined;
  /** Keep only interactions of items with at least this many, likewise (default 1). */
  readonly minItemInteractions?: number | undefined;
}

/**
 * Reads interactions from an HDF5 file in the layout of Spotlight's data set releases:
 * one-dimensional datasets `user_id` and `item_id` in the root group, optionally `rating` and
 * `timestamp`, one entry per interaction. Other datasets (such as `features_item_id`) are
 * ignored.
 *
 * The two count filters work like Spotlight's `get_amazon_dataset`: counts are taken on the
 * whole file and applied independently, in one pass, so a kept user may end up with fewer
 * interactions than the threshold. Raw ids are the numbers in the file. Skipped and reported
 * positions are 1-based row numbers.
 *
 * @param path - The `.hdf5` file.
 * @param options - Count filters, and the common {@link LoadOptions}.
 * @throws TypeError or RangeError for a bad option.
 * @throws Error naming the file when it is missing or not HDF5, lacks `user_id` or
 *   `item_id`, has datasets of unequal length or shape, or no interaction remains; and naming
 *   the row for an id that is not an integer or a rating or timestamp that is not finite
 *   (unless `skipInvalid`).
 * @see Spotlight's `spotlight/datasets/amazon.py` for the layout and the filters.
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { Interactions } from '@seqrec/interactions';
 * import { loadSpotlightHdf5, saveSpotlightHdf5 } from '@seqrec/datasets';
 *
 * const path = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'small.hdf5');
 * await saveSpotlightHdf5(path, Interactions.fromRaw({ users: [1, 1, 2], items: [5, 6, 5] }));
 * const data = await loadSpotlightHdf5(path, { minUserInteractions: 2 });
 * console.assert(data.length === 2 && data.numUsers === 1);
 * ```
 */
export async function loadSpotlightHdf5(
  path: string,
  options?: LoadSpotlightHdf5Options,
): Promise<Interactions> {
  const api = 'loadSpotlightHdf5';
  const resolved = resolveLoadOptions(api, path, options);
  const minUser = requireMinCount(api, 'minUserInteractions', options?.minUserInteractions);
  const minItem = requireMinCount(api, 'minItemInteractions', options?.minItemInteractions);
  const columns = await readHdf5Columns(api, path, ['user_id', 'item_id'], ['rating', 'timestamp']);

  const users = columns.get('user_id') as NumericColumn;
  const items = columns.get('item_id') as NumericColumn;
  const ratings = columns.get('rating');
  const timestamps = columns.get('timestamp');
  const keepUser = countAtLeast(users, minUser);
  const keepItem = countAtLeast(items, minItem);
  const issues = new LineIssues(path, resolved, 'row');
  const builder = new InteractionsBuilder({
    ratings: ratings !== undefined,
    timestamps: timestamps !== undefined,
    capacity: users.length,
  });

  for (let i = 0; i < users.length; i++) {
    const user = users[i] as number;
    const item = items[i] as number;
    const rating = ratings?.[i];
    const timestamp = timestamps?.[i];
    const problem = rowProblem(user, item, rating, timestamp);
    if (problem !== undefined) {
      issues.report(i + 1, problem);
    } else if (keepUser(user) && keepItem(item)) {
      builder.add(user, item, rating, timestamp);
    }
    if (resolved.onProgress && (i + 1) % PROGRESS_EVERY === 0) resolved.onProgress(i + 1);
  }
  resolved.onProgress?.(users.length);

  if (builder.length === 0 && users.length > 0 && issues.skipped === 0) {
    throw new Error(
      `${api}: ${path} must keep at least one interaction after the count filters; got none ` +
        `of ${String(users.length)} (minUserInteractions ${String(minUser)}, ` +
        `minItemInteractions ${String(minItem)}).`,
    );
  }
  issues.requireData(builder.length, users.length, 0);
  return builder.build();
}

function rowProblem(
  user: number,
  item: number,
  rating: number | undefined,
  timestamp: number | undefined,
): string | undefined {
  if (!Number.isSafeInteger(user)) return mustBe('user_id', 'an integer', user);
  if (!Number.isSafeInteger(item)) return mustBe('item_id', 'an integer', item);
  if (rating !== undefined && !Number.isFinite(rating)) {
    return mustBe('rating', 'a finite number', rating);
  }
  if (timestamp !== undefined && !Number.isFinite(timestamp)) {
    return mustBe('timestamp', 'a finite number', timestamp);
  }
  return undefined;
}

/** A test for "occurs at least `min` times in `ids`", built with one counting pass. */
function countAtLeast(ids: NumericColumn, min: number): (id: number) => boolean {
  if (min <= 1) return () => true;
  const counts = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return (id) => (counts.get(id) ?? 0) >= min;
}

function requireMinCount(api: string, name: string, value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(
      `${api}: ${name} must be a positive integer; got ${describeValue(value)}.`,
    );
  }
  return value;
}
