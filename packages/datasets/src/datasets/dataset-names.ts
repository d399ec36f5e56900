/**
 * The public data sets {@link fetchDataset} and {@link loadDataset} know by name.
 *
 * @example
 * ```ts
 * import { DATASET_NAMES } from '@seqrec/datasets';
 *
 * console.assert(DATASET_NAMES.includes('movielens-1m') && DATASET_NAMES.includes('amazon'));
 * ```
 */
export const DATASET_NAMES = [
  'movielens-100k',
  'movielens-1m',
  'movielens-10m',
  'movielens-20m',
  'movielens-25m',
  'movielens-latest-small',
  'amazon',
] as const;

/**
 * A name from {@link DATASET_NAMES}.
 *
 * @example
 * ```ts
 * import { DATASET_NAMES, datasetInfo, type DatasetName } from '@seqrec/datasets';
 *
 * const name: DatasetName = 'movielens-100k';
 * console.assert(DATASET_NAMES.includes(name) && datasetInfo(name).format === 'movielens-100k');
 * ```
 */
export type DatasetName = (typeof DATASET_NAMES)[number];
