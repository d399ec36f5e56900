import type { Interactions } from '@seqrec/interactions';

import { checkDatasetName } from '../internal/check-dataset-name.js';
import { loadInteractions } from '../loaders/load-interactions.js';
import type { LoadOptions } from '../loaders/load-options.js';
import type { DatasetName } from './dataset-names.js';
import { datasetInfo } from './dataset-registry.js';
import { fetchDataset, type FetchDatasetOptions } from './fetch-dataset.js';

/**
 * Options of {@link loadDataset}: where the data comes from, and how lines are read.
 *
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { loadDataset, type LoadDatasetOptions } from '@seqrec/datasets';
 *
 * const ratings = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'ratings.csv');
 * writeFileSync(ratings, 'userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,x,4,1\n');
 * let skipped = 0;
 * const options: LoadDatasetOptions = {
 *   localPath: ratings,
 *   skipInvalid: true,
 *   onSkip: () => skipped++,
 * };
 * const data = await loadDataset('movielens-latest-small', options);
 * console.assert(data.length === 1 && skipped === 1);
 * ```
 */
export interface LoadDatasetOptions extends Omit<FetchDatasetOptions, 'onProgress'>, LoadOptions {
  /** Download progress, as `onProgress` of {@link FetchDatasetOptions}. */
  readonly onDownloadProgress?: FetchDatasetOptions['onProgress'];
}

/**
 * Fetches a named data set (see {@link fetchDataset}) and loads its ratings file with the
 * loader of its format, applying the data set's count filters (Spotlight's for `amazon`).
 *
 * @param name - One of {@link DATASET_NAMES}.
 * @param options - Cache and local copy, injectable fetch, download progress, and the
 *   common {@link LoadOptions} (whose `onProgress` counts lines read).
 * @throws Whatever {@link fetchDataset} and the format's loader throw.
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { loadDataset } from '@seqrec/datasets';
 *
 * const ratings = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'ratings.csv');
 * writeFileSync(ratings, 'userId,movieId,rating,timestamp\n1,1,4.0,964982703\n');
 * const data = await loadDataset('movielens-latest-small', { localPath: ratings });
 * console.assert(data.length === 1 && data.ratings?.[0] === 4);
 * ```
 */
export async function loadDataset(
  name: DatasetName,
  options: LoadDatasetOptions = {},
): Promise<Interactions> {
  checkDatasetName('loadDataset', name);
  const { cacheDir, localPath, fetch, onDownloadProgress, ...load } = options;
  const info = datasetInfo(name);
  const path = await fetchDataset(name, {
    cacheDir,
    localPath,
    fetch,
    onProgress: onDownloadProgress,
  });
  const filters =
    info.format === 'spotlight-hdf5'
      ? {
          minUserInteractions: info.minUserInteractions,
          minItemInteractions: info.minItemInteractions,
        }
      : {};
  return loadInteractions(path, info.format, { ...load, ...filters });
}
