import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The repository root is three levels above this file: packages/datasets/test/.
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The shared real-data folder: `$SEQREC_DATA_DIR` when set, else `../shared/data` beside the
 * repository root. The data stays there; it is never copied into the repository.
 */
export function sharedDataDir(): string {
  const fromEnv = process.env['SEQREC_DATA_DIR'];
  return fromEnv !== undefined && fromEnv !== ''
    ? fromEnv
    : resolve(repoRoot, '..', 'shared', 'data');
}

/** The path of a file in the shared data folder, after checking that it exists. */
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
