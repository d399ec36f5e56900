import { describeValue } from '@seqrec/interactions';

import { DATASET_NAMES, type DatasetName } from '../datasets/dataset-names.js';

/**
 * @throws RangeError (TypeError for a non-string) if `name` is not a known data set; the
 *   message lists the known names.
 * @internal
 */
export function checkDatasetName(api: string, name: unknown): asserts name is DatasetName {
  if (!(DATASET_NAMES as readonly unknown[]).includes(name)) {
    const Kind = typeof name === 'string' ? RangeError : TypeError;
    throw new Kind(
      `${api}: name must be one of ${DATASET_NAMES.join(', ')}; got ${describeValue(name)}.`,
    );
  }
}
