import type { BackendChoice } from '@seqrec/backend';
import { ImplicitSequenceModel, type KernelsChoice } from '@seqrec/models';

import { UsageError } from './cli-io.js';

/**
 * Loads `--model DIR`. A folder without a manifest is a usage error (exit 2) that names the
 * flag; a damaged model fails with the loader's own message (exit 1).
 */
export async function loadSavedModel(
  dir: string,
  backend: BackendChoice,
  kernels: KernelsChoice,
): Promise<ImplicitSequenceModel> {
  const { existsSync } = await import('node:fs');
  const { join } = await import('node:path');
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new UsageError(
      `--model must be a folder holding a saved model (manifest.json); got "${dir}". ` +
        'Hint: save one with seqrec train --save DIR.',
    );
  }
  return ImplicitSequenceModel.load(dir, { backend, kernels });
}
