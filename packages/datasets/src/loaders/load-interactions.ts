import { describeValue, type Interactions } from '@seqrec/interactions';

import { loadDelimited, type DelimitedColumns } from './load-delimited.js';
import { loadMovieLens100k, loadMovieLensCsv, loadMovieLensDat } from './load-movielens.js';
import type { LoadOptions } from './load-options.js';
import { loadPairLines } from './load-pair-lines.js';
import { loadSequenceLines } from './load-sequence-lines.js';
import { loadSpotlightHdf5 } from './load-spotlight-hdf5.js';

/**
 * The file formats {@link loadInteractions} reads, by name: MovieLens 100K `u.data`,
 * MovieLens 1M/10M `ratings.dat`, MovieLens 20M/25M/latest `ratings.csv`, one user's sequence
 * per line, one `user item` pair per line, any delimited file with named columns, and
 * Spotlight's HDF5 layout.
 *
 * @example
 * ```ts
 * import { INTERACTION_FORMATS } from '@seqrec/datasets';
 *
 * console.assert(INTERACTION_FORMATS.includes('sequence-lines'));
 * ```
 */
export const INTERACTION_FORMATS = [
  'movielens-100k',
  'movielens-dat',
  'movielens-csv',
  'sequence-lines',
  'pair-lines',
  'csv',
  'spotlight-hdf5',
] as const;

/**
 * A name from {@link INTERACTION_FORMATS}.
 *
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { loadInteractions, type InteractionFormat } from '@seqrec/datasets';
 *
 * const path = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'sequences.txt');
 * writeFileSync(path, 'ann 10 11 12\n');
 * const format: InteractionFormat = 'sequence-lines';
 * console.assert((await loadInteractions(path, format)).length === 3);
 * ```
 */
export type InteractionFormat = (typeof INTERACTION_FORMATS)[number];

/**
 * Options of {@link loadInteractions}: the common {@link LoadOptions}, plus the options of
 * the one format that reads them.
 *
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { loadInteractions, type LoadInteractionsOptions } from '@seqrec/datasets';
 *
 * const path = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'events.csv');
 * writeFileSync(path, 'user,item,time\nann,a,1\nann,b,2\n');
 * const options: LoadInteractionsOptions = {
 *   header: true,
 *   columns: { user: 'user', item: 'item', timestamp: 'time' },
 * };
 * const data = await loadInteractions(path, 'csv', options);
 * console.assert(data.length === 2 && data.timestamps?.[1] === 2);
 * ```
 */
export interface LoadInteractionsOptions extends LoadOptions {
  /** Format `csv` only (required there): which column holds what. */
  readonly columns?: DelimitedColumns | undefined;
  /** Format `csv` only: field separator (default `,`). */
  readonly delimiter?: string | undefined;
  /** Format `csv` only: whether the first line names the columns (default false). */
  readonly header?: boolean | undefined;
  /** Format `csv` only: quote character, or false (default `"`). */
  readonly quote?: string | false | undefined;
  /** Format `spotlight-hdf5` only: minimum interactions per user (default 1). */
  readonly minUserInteractions?: number | undefined;
  /** Format `spotlight-hdf5` only: minimum interactions per item (default 1). */
  readonly minItemInteractions?: number | undefined;
}

const FORMAT_OPTIONS: Readonly<Record<string, InteractionFormat>> = {
  columns: 'csv',
  delimiter: 'csv',
  header: 'csv',
  quote: 'csv',
  minUserInteractions: 'spotlight-hdf5',
  minItemInteractions: 'spotlight-hdf5',
};

/**
 * Loads a file in one of the {@link INTERACTION_FORMATS}, chosen by name (as a command line
 * or a config file names it), with the loader of that format.
 *
 * @param path - The file.
 * @param format - The format's name, one of {@link INTERACTION_FORMATS}. Any string is
 *   accepted so that a name read from a command line needs no cast; it is checked here.
 * @param options - Common options, plus those of the chosen format.
 * @throws TypeError or RangeError if `format` is not a known name (the message lists them),
 *   or an option belongs to another format; otherwise whatever the chosen loader throws.
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { loadInteractions } from '@seqrec/datasets';
 *
 * const path = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'pairs.txt');
 * writeFileSync(path, '1 10\n1 11\nbad line here\n2 10\n');
 * let skipped = 0;
 * const data = await loadInteractions(path, 'pair-lines', {
 *   skipInvalid: true,
 *   onSkip: () => skipped++,
 * });
 * console.assert(data.length === 3 && skipped === 1);
 * ```
 */
export async function loadInteractions(
  path: string,
  format: InteractionFormat | (string & Record<never, never>),
  options: LoadInteractionsOptions = {},
): Promise<Interactions> {
  const api = 'loadInteractions';
  checkFormat(api, format);
  checkFormatOptions(api, format, options);
  const { columns, delimiter, header, quote, minUserInteractions, minItemInteractions, ...rest } =
    options;

  switch (format) {
    case 'movielens-100k':
      return loadMovieLens100k(path, rest);
    case 'movielens-dat':
      return loadMovieLensDat(path, rest);
    case 'movielens-csv':
      return loadMovieLensCsv(path, rest);
    case 'sequence-lines':
      return loadSequenceLines(path, rest);
    case 'pair-lines':
      return loadPairLines(path, rest);
    case 'spotlight-hdf5':
      return loadSpotlightHdf5(path, { ...rest, minUserInteractions, minItemInteractions });
    case 'csv':
      if (columns === undefined) {
        throw new TypeError(
          `${api}: columns must be given for format "csv", like { user: 0, item: 1 }; ` +
            'got undefined.',
        );
      }
      return loadDelimited(path, { ...rest, columns, delimiter, header, quote });
  }
}

function checkFormat(api: string, format: unknown): asserts format is InteractionFormat {
  if (!(INTERACTION_FORMATS as readonly unknown[]).includes(format)) {
    const Kind = typeof format === 'string' ? RangeError : TypeError;
    throw new Kind(
      `${api}: format must be one of ${INTERACTION_FORMATS.join(', ')}; ` +
        `got ${describeValue(format)}.`,
    );
  }
}

const COMMON_OPTIONS = ['skipInvalid', 'onSkip', 'onProgress'];

function checkFormatOptions(api: string, format: InteractionFormat, options: object): void {
  for (const [key, value] of Object.entries(options)) {
    if (!COMMON_OPTIONS.includes(key) && !(key in FORMAT_OPTIONS)) {
      throw new RangeError(
        `${api}: options must only hold ${[...COMMON_OPTIONS, ...Object.keys(FORMAT_OPTIONS)].join(', ')}; ` +
          `got ${describeValue(key)}.`,
      );
    }
    const owner = FORMAT_OPTIONS[key];
    if (owner !== undefined && owner !== format && value !== undefined) {
      throw new RangeError(
        `${api}: ${key} must only be given with format "${owner}"; got it with format ` +
          `"${format}".`,
      );
    }
  }
}
