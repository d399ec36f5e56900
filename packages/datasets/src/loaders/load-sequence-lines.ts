import type { Interactions } from '@seqrec/interactions';

import { loadOrderedFile } from '../internal/ordered-file.js';
import type { LoadOptions } from './load-options.js';

/**
 * Streams a file with one user per line, `user item1 item2 …`, separated by spaces or tabs,
 * items oldest first (the layout of the Amazon 5-core files of sequential-recommendation
 * papers).
 *
 * Order is the only time: each interaction's timestamp is its 0-based position in the file,
 * so a user's items keep their order however the data is later sorted. An id written as a
 * canonical integer (`42`, not `042`) becomes a number, any other id stays a string. Blank
 * lines are ignored.
 *
 * @param path - The file.
 * @param options - Skipping of bad lines and progress; see {@link LoadOptions}.
 * @throws TypeError if `path` is not a non-empty string or an option has the wrong kind.
 * @throws Error naming the file and line for a line with a user but no item (unless
 *   `skipInvalid`), and when the file cannot be read or holds no interaction.
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { loadSequenceLines } from '@seqrec/datasets';
 *
 * const path = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'sequences.txt');
 * writeFileSync(path, '1 10 11 12\n2 11 13\n');
 * const data = await loadSequenceLines(path);
 * console.assert(data.length === 5 && data.numUsers === 2 && data.numItems === 5);
 * console.assert(Array.from(data.timestamps ?? []).join() === '0,1,2,3,4');
 * ```
 */
export function loadSequenceLines(path: string, options?: LoadOptions): Promise<Interactions> {
  return loadOrderedFile('loadSequenceLines', 'sequences', path, options);
}
