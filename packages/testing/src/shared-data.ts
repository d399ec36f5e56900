import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Three levels above this file (src/ or dist/ of packages/testing) is the repository root.
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The shared real-data folder: `$SEQREC_DATA_DIR` when set, else `../shared/data` beside the
 * repository root. The data stays there; it is never copied into the repository.
 *
 * @example
 * ```ts
 * import { sharedDataDir } from '@seqrec/testing/shared-data';
 *
 * console.assert(sharedDataDir().length > 0);
 * ```
 */
export function sharedDataDir(): string {
  const fromEnv = process.env['SEQREC_DATA_DIR'];
  return fromEnv !== undefined && fromEnv !== ''
    ? fromEnv
    : resolve(repoRoot, '..', 'shared', 'data');
}

/**
 * The path of a file in the shared data folder, after checking that it exists: CI always
 * has the folder, so a missing file fails the suite rather than skipping it.
 *
 * @param relativePath - e.g. `ml-latest-small/ratings.csv`.
 * @throws Error naming the missing path and the variable that moves the folder.
 * @example
 * ```ts
 * import { sharedDataFile } from '@seqrec/testing/shared-data';
 *
 * console.assert(sharedDataFile('ml-latest-small/ratings.csv').endsWith('ratings.csv'));
 * ```
 */
export function sharedDataFile(relativePath: string): string {
  const path = resolve(sharedDataDir(), relativePath);
  if (!existsSync(path)) {
    throw new Error(
      `The shared data file ${path} is missing. Hint: set SEQREC_DATA_DIR to the folder that ` +
        `holds ml-latest-small/ and amazon-beauty-5core/.`,
    );
  }
  return path;
}
