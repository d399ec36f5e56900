import { describeValue, Interactions } from '@seqrec/interactions';

import { writeHdf5Columns } from '../internal/hdf5.js';
import { requirePath } from '../internal/resolve-load-options.js';

/**
 * Writes interactions as an HDF5 file in the layout of Spotlight's data set releases, which
 * {@link loadSpotlightHdf5} and Spotlight's own readers (`h5py`) can read: int32 `user_id`
 * and `item_id` holding the dense ids (users from 0, items from 1), and float32 `rating` and
 * float64 `timestamp` when the interactions have them. Raw ids are not stored.
 *
 * @param path - The file to create; an existing file is replaced.
 * @param data - The interactions.
 * @throws TypeError if `path` is not a non-empty string or `data` is not an Interactions.
 * @throws Error if the file cannot be written.
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { Interactions } from '@seqrec/interactions';
 * import { loadSpotlightHdf5, saveSpotlightHdf5 } from '@seqrec/datasets';
 *
 * const path = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'small.hdf5');
 * const data = Interactions.fromRaw({ users: [7, 7, 8], items: [1, 2, 1], timestamps: [1, 2, 3] });
 * await saveSpotlightHdf5(path, data);
 * const back = await loadSpotlightHdf5(path);
 * console.assert(back.length === 3 && back.timestamps?.[2] === 3);
 * ```
 */
export async function saveSpotlightHdf5(path: string, data: Interactions): Promise<void> {
  const api = 'saveSpotlightHdf5';
  requirePath(api, path);
  if (!(data instanceof Interactions)) {
    throw new TypeError(`${api}: data must be an Interactions; got ${describeValue(data)}.`);
  }
  const columns = new Map<string, Int32Array | Float32Array | Float64Array>([
    ['user_id', data.userIds],
    ['item_id', data.itemIds],
  ]);
  if (data.ratings) columns.set('rating', data.ratings);
  if (data.timestamps) columns.set('timestamp', data.timestamps);
  try {
    await writeHdf5Columns(path, columns);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new Error(`${api}: cannot write ${path}: ${reason}`, { cause: error });
  }
}
