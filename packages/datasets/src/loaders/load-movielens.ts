import type { Interactions } from '@seqrec/interactions';

import { loadRatingsFile } from '../internal/ratings-file.js';
import type { LoadOptions } from './load-options.js';

// The header line of MovieLens 20M, 25M and latest `ratings.csv`.
const MOVIELENS_CSV_HEADER = 'userId,movieId,rating,timestamp';

/**
 * Streams MovieLens 100K's `u.data`: `user⇥item⇥rating⇥timestamp` per line, no header.
 *
 * Raw user and item ids are kept as numbers; the result has ratings and timestamps (Unix
 * seconds). Empty lines are ignored.
 *
 * @param path - The `u.data` file.
 * @param options - Skipping of bad lines and progress; see {@link LoadOptions}.
 * @throws TypeError if `path` is not a non-empty string or an option has the wrong kind.
 * @throws Error naming the file and line on the first bad line (unless `skipInvalid`): wrong
 *   field count, an id that is not a non-negative integer, a rating or timestamp that is not a
 *   number, or a header line; and when the file cannot be read or holds no interaction.
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { loadMovieLens100k } from '@seqrec/datasets';
 *
 * const path = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'u.data');
 * writeFileSync(path, '196\t242\t3\t881250949\n186\t302\t3\t891717742\n196\t51\t2\t881250950\n');
 * const data = await loadMovieLens100k(path);
 * console.assert(data.length === 3 && data.numUsers === 2);
 * console.assert(data.userMap?.toRaw(0) === 196 && data.ratings?.[2] === 2);
 * ```
 */
export function loadMovieLens100k(path: string, options?: LoadOptions): Promise<Interactions> {
  return loadRatingsFile(
    path,
    { api: 'loadMovieLens100k', separator: '\t', separatorName: 'tab' },
    options,
  );
}

/**
 * Streams MovieLens 1M's or 10M's `ratings.dat`: `user::item::rating::timestamp` per line, no
 * header.
 *
 * Raw ids are kept as numbers; the result has ratings and timestamps (Unix seconds).
 *
 * @param path - The `ratings.dat` file.
 * @param options - Skipping of bad lines and progress; see {@link LoadOptions}.
 * @throws TypeError if `path` is not a non-empty string or an option has the wrong kind.
 * @throws Error naming the file and line on the first bad line (unless `skipInvalid`), as
 *   {@link loadMovieLens100k} does.
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { loadMovieLensDat } from '@seqrec/datasets';
 *
 * const path = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'ratings.dat');
 * writeFileSync(path, '1::1193::5::978300760\n1::661::3::978302109\n');
 * const data = await loadMovieLensDat(path);
 * console.assert(data.length === 2 && data.itemMap?.toRaw(2) === 661);
 * ```
 */
export function loadMovieLensDat(path: string, options?: LoadOptions): Promise<Interactions> {
  return loadRatingsFile(
    path,
    { api: 'loadMovieLensDat', separator: '::', separatorName: '"::"' },
    options,
  );
}

/**
 * Streams MovieLens 20M's, 25M's or latest `ratings.csv`: the header
 * `userId,movieId,rating,timestamp`, then `user,item,rating,timestamp` per line.
 *
 * Raw ids are kept as numbers; the result has ratings (half stars) and timestamps (Unix
 * seconds). The file is read as plain comma-separated numbers without quoting, which is what
 * MovieLens writes; use {@link loadDelimited} for other CSV files.
 *
 * @param path - The `ratings.csv` file.
 * @param options - Skipping of bad lines and progress; see {@link LoadOptions}.
 * @throws TypeError if `path` is not a non-empty string or an option has the wrong kind.
 * @throws Error naming the file and line when the first line is not the header (whatever
 *   `skipInvalid` says), and on bad data lines as {@link loadMovieLens100k} does.
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { loadMovieLensCsv } from '@seqrec/datasets';
 *
 * const path = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'ratings.csv');
 * writeFileSync(path, 'userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.5,964981247\n');
 * const data = await loadMovieLensCsv(path);
 * console.assert(data.length === 2 && data.ratings?.[1] === 4.5);
 * ```
 */
export function loadMovieLensCsv(path: string, options?: LoadOptions): Promise<Interactions> {
  return loadRatingsFile(
    path,
    {
      api: 'loadMovieLensCsv',
      separator: ',',
      separatorName: 'comma',
      header: MOVIELENS_CSV_HEADER,
    },
    options,
  );
}
