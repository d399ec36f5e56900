import { accessSync, constants, statSync } from 'node:fs';

import { generateSequential, loadInteractions, type DelimitedColumns } from '@seqrec/datasets';
import {
  toSequences,
  userBasedSplit,
  type Interactions,
  type SequenceInteractions,
} from '@seqrec/interactions';

import { UsageError } from './cli-io.js';
import type { DataOptions } from './data-options.js';

/** Loaded, windowed and split data, ready for a command. */
export interface PreparedData {
  /** What was loaded, for the first line of output. */
  readonly source: string;
  /** All interactions. */
  readonly interactions: Interactions;
  /** Lines skipped by `--skip-invalid`. */
  readonly skipped: number;
  /** Windows of the 80 % of users that train. */
  readonly train: SequenceInteractions;
  /** Windows of 10 % of users, for choosing hyperparameters. */
  readonly validation: SequenceInteractions;
  /** Windows of the other 10 % of users, for reporting. */
  readonly test: SequenceInteractions;
  /** The window settings used, `step` resolved. */
  readonly windows: {
    readonly maxLength: number;
    readonly minLength: number;
    readonly step: number;
  };
}

/**
 * Checks the data flags that need no file: window sizes, and csv-only flags with another
 * format. Commands call it before any work.
 *
 * @throws UsageError naming the flag and the value.
 */
export function checkDataOptions(options: DataOptions): void {
  if (options.maxLength < 2) {
    throw new UsageError(
      `--max-length must be at least 2 (the inputs, then the target); got ${String(options.maxLength)}.`,
    );
  }
  if (options.minLength > options.maxLength) {
    throw new UsageError(
      `--min-length must be at most --max-length (${String(options.maxLength)}); ` +
        `got ${String(options.minLength)}.` +
        (options.minLength === 20 ? ' (20 is the default of --min-length.)' : ''),
    );
  }
  if (options.format !== 'csv') {
    const csvOnly = [
      ['--header', options.header],
      ['--user-column', options.userColumn],
      ['--item-column', options.itemColumn],
      ['--timestamp-column', options.timestampColumn],
      ['--rating-column', options.ratingColumn],
      ['--delimiter', options.delimiter === ',' ? undefined : options.delimiter],
    ] as const;
    const given = csvOnly.find(([, value]) => value !== undefined);
    if (given !== undefined) {
      throw new UsageError(
        `${given[0]} must only be given with --format csv; got it with ` +
          `${options.format === undefined ? 'the built-in data' : `--format ${options.format}`}.`,
      );
    }
  }
}

/**
 * Loads `--data` in `--format` (or makes the built-in synthetic set), splits users 80/10/10
 * by a seeded hash of their id, and windows each part with the same settings.
 */
export async function prepareData(
  options: DataOptions,
  hooks: {
    /** Applied to the loaded interactions before the split (e.g. into a model's item ids). */
    readonly mapInteractions?: (interactions: Interactions) => Interactions;
  } = {},
): Promise<PreparedData> {
  checkDataOptions(options);
  let skipped = 0;
  let interactions: Interactions;
  let source: string;
  if (options.data === undefined) {
    if (options.format !== undefined) {
      throw new UsageError(`--format needs --data; got --format ${options.format} alone.`);
    }
    interactions = generateSequential({ seed: options.seed });
    source = 'built-in synthetic data (Markov chain)';
  } else {
    if (options.format === undefined) {
      throw new UsageError(`--data needs --format; got --data ${options.data} alone.`);
    }
    // A usage error (exit 2) before any loading, as `experiment` and `compare` report it.
    if (!isReadableFile(options.data)) {
      throw new UsageError(`--data must be a readable file; got "${options.data}".`);
    }
    interactions = await loadInteractions(options.data, options.format, {
      skipInvalid: options.skipInvalid === true,
      onSkip: () => {
        skipped += 1;
      },
      ...csvOptions(options),
    });
    source = `${options.data} (${options.format})`;
  }

  if (hooks.mapInteractions !== undefined) interactions = hooks.mapInteractions(interactions);
  const split = userBasedSplit(interactions, {
    testFraction: 0.1,
    validationFraction: 0.1,
    seed: options.seed,
  });
  const step = options.step ?? options.maxLength;
  const windows = { maxLength: options.maxLength, minLength: options.minLength, stepSize: step };
  const parts = {
    train: toSequences(split.train, windows),
    validation: toSequences(split.validation, windows),
    test: toSequences(split.test, windows),
  };
  for (const [name, part] of Object.entries(parts)) {
    if (part.numSequences === 0) throw noWindows(name, interactions, options.minLength);
  }
  return {
    source,
    interactions,
    skipped,
    ...parts,
    windows: { maxLength: options.maxLength, minLength: options.minLength, step },
  };
}

function noWindows(part: string, interactions: Interactions, minLength: number): Error {
  const lengths = new Int32Array(interactions.numUsers);
  let longest = 0;
  for (const u of interactions.userIds) {
    lengths[u] = (lengths[u] as number) + 1;
    longest = Math.max(longest, lengths[u] as number);
  }
  return new UsageError(
    `the ${part} split must hold at least one window; got none with --min-length ` +
      `${String(minLength)} (the longest history has ${String(longest)} items, and ` +
      `${String(interactions.countDistinct().users)} users are split 80/10/10). ` +
      'Hint: lower --min-length, or use data with more users.',
  );
}

function csvOptions(options: DataOptions): {
  columns?: DelimitedColumns;
  delimiter?: string;
  header?: boolean;
} {
  if (options.format !== 'csv') return {};
  if (options.userColumn === undefined || options.itemColumn === undefined) {
    throw new UsageError(
      '--format csv needs --user-column and --item-column; got ' +
        `${options.userColumn === undefined ? 'no --user-column' : 'no --item-column'}.`,
    );
  }
  const column = (value: string): number | string => (/^\d+$/.test(value) ? Number(value) : value);
  const columns: DelimitedColumns = {
    user: column(options.userColumn),
    item: column(options.itemColumn),
    ...(options.timestampColumn === undefined
      ? {}
      : { timestamp: column(options.timestampColumn) }),
    ...(options.ratingColumn === undefined ? {} : { rating: column(options.ratingColumn) }),
  };
  return {
    columns,
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    header: options.header === true,
  };
}

function isReadableFile(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
