import { checkDatasetName } from '../internal/check-dataset-name.js';
import type { InteractionFormat } from '../loaders/load-interactions.js';
import type { DatasetName } from './dataset-names.js';

/**
 * Where a named data set comes from and how to read it.
 *
 * @example
 * ```ts
 * import { DATASET_NAMES, datasetInfo, type DatasetInfo } from '@seqrec/datasets';
 *
 * const unverified: DatasetInfo[] = DATASET_NAMES.map(datasetInfo).filter((d) => !d.sha256);
 * // Each says why it has no checksum rather than leaving the field blank.
 * console.assert(unverified.every((info) => info.checksumSource.length > 0));
 * ```
 */
export interface DatasetInfo {
  /** The data set's name. */
  readonly name: DatasetName;
  /** One line on what it is. */
  readonly description: string;
  /** The official download address. */
  readonly url: string;
  /** Name of the downloaded file in the cache folder. */
  readonly fileName: string;
  /** Size of the download in bytes, when recorded. */
  readonly size: number | undefined;
  /** SHA-256 of the download (lowercase hex), when recorded; unverified downloads have none. */
  readonly sha256: string | undefined;
  /** Where the size and checksum were recorded, or why there are none. */
  readonly checksumSource: string;
  /** The ratings file inside the zip archive, or undefined when the download is the file. */
  readonly archiveEntry: string | undefined;
  /** The format of the ratings file, for {@link loadInteractions}. */
  readonly format: InteractionFormat;
  /** Count filters applied when loading (Spotlight's defaults for `amazon`). */
  readonly minUserInteractions: number;
  /** Count filters applied when loading (Spotlight's defaults for `amazon`). */
  readonly minItemInteractions: number;
  /** The terms of use, in short; read the data set's own README before use. */
  readonly terms: string;
}

const GROUPLENS = 'https://files.grouplens.org/datasets/movielens/';
// TensorFlow Datasets verifies these on every download it makes (url_checksums/movielens.txt).
const TFDS = 'size and SHA-256 as recorded by TensorFlow Datasets';
const MOVIELENS_TERMS =
  'GroupLens: research use, acknowledge the source, no commercial use, no redistribution ' +
  'without permission';

type Entry = Omit<DatasetInfo, 'name' | 'minUserInteractions' | 'minItemInteractions'> &
  Partial<Pick<DatasetInfo, 'minUserInteractions' | 'minItemInteractions'>>;

function movielens(
  file: string,
  entry: string,
  format: InteractionFormat,
  description: string,
  checksum?: { size: number; sha256: string },
): Entry {
  return {
    description,
    url: `${GROUPLENS}${file}`,
    fileName: file,
    size: checksum?.size,
    sha256: checksum?.sha256,
    checksumSource: checksum ? TFDS : 'none recorded: the download is not verified',
    archiveEntry: entry,
    format,
    terms: MOVIELENS_TERMS,
  };
}

const REGISTRY: Readonly<Record<DatasetName, Entry>> = {
  'movielens-100k': movielens(
    'ml-100k.zip',
    'ml-100k/u.data',
    'movielens-100k',
    'MovieLens 100K: 100,000 ratings, 943 users, 1,682 movies',
    {
      size: 4924029,
      sha256: '50d2a982c66986937beb9ffb3aa76efe955bf3d5c6b761f4e3a7cd717c6a3229',
    },
  ),
  'movielens-1m': movielens(
    'ml-1m.zip',
    'ml-1m/ratings.dat',
    'movielens-dat',
    'MovieLens 1M: 1,000,209 ratings, 6,040 users, 3,706 movies',
    {
      size: 5917549,
      sha256: 'a6898adb50b9ca05aa231689da44c217cb524e7ebd39d264c56e2832f2c54e20',
    },
  ),
  // Limitation: no size or checksum of ml-10m.zip was found from a source we trust, so its
  // download is not verified (README, Limitations).
  'movielens-10m': movielens(
    'ml-10m.zip',
    'ml-10M100K/ratings.dat',
    'movielens-dat',
    'MovieLens 10M: 10,000,054 ratings, 69,878 users, 10,677 movies',
  ),
  'movielens-20m': movielens(
    'ml-20m.zip',
    'ml-20m/ratings.csv',
    'movielens-csv',
    'MovieLens 20M: 20,000,263 ratings, 138,493 users, 26,744 movies',
    {
      size: 198702078,
      sha256: '96f243c338a8665f6bcc89c53edf6ee39162a846940de6b7c8c48aeada765ff3',
    },
  ),
  'movielens-25m': movielens(
    'ml-25m.zip',
    'ml-25m/ratings.csv',
    'movielens-csv',
    'MovieLens 25M: 25,000,095 ratings, 162,541 users, 59,047 movies',
    {
      size: 261978986,
      sha256: '8b21cfb7eb1706b4ec0aac894368d90acf26ebdfb6aced3ebd4ad5bd1eb9c6aa',
    },
  ),
  'movielens-latest-small': movielens(
    'ml-latest-small.zip',
    'ml-latest-small/ratings.csv',
    'movielens-csv',
    'MovieLens latest-small (2018-09-26): 100,836 ratings, 610 users, 9,724 movies',
    { size: 978202, sha256: '696d65a3dfceac7c45750ad32df2c259311949efec81f0f144fdfb91ebc9e436' },
  ),
  // Limitation: neither size nor checksum of this file is recorded anywhere we found, and its
  // layout comes from Spotlight's reader, untested against the real file (we are offline).
  amazon: {
    description:
      'Amazon co-purchasing ratings (SNAP amazon-meta) as released for Spotlight; users and ' +
      'items with fewer than 10 ratings are dropped, as Spotlight does',
    url:
      'https://github.com/maciejkula/recommender_datasets/releases/download/0.1.0/' +
      'amazon_co_purchasing.hdf5',
    fileName: 'amazon_co_purchasing.hdf5',
    size: undefined,
    sha256: undefined,
    checksumSource: 'none recorded: the download is not verified',
    archiveEntry: undefined,
    format: 'spotlight-hdf5',
    minUserInteractions: 10,
    minItemInteractions: 10,
    terms: 'SNAP amazon-meta (Leskovec, Adamic and Adamic, 2007): research use, cite the source',
  },
};

/**
 * Describes a named data set: download address, recorded size and checksum, ratings file
 * and format.
 *
 * @param name - One of {@link DATASET_NAMES}.
 * @throws RangeError (TypeError for a non-string) if the name is unknown; the message lists
 *   the known names.
 * @example
 * ```ts
 * import { datasetInfo } from '@seqrec/datasets';
 *
 * const info = datasetInfo('movielens-1m');
 * console.assert(info.url === 'https://files.grouplens.org/datasets/movielens/ml-1m.zip');
 * console.assert(info.format === 'movielens-dat' && info.sha256?.length === 64);
 * ```
 */
export function datasetInfo(name: DatasetName): DatasetInfo {
  checkDatasetName('datasetInfo', name);
  const entry = REGISTRY[name];
  return { minUserInteractions: 1, minItemInteractions: 1, ...entry, name };
}
