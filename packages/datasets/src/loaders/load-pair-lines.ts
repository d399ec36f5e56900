import type { Interactions } from '@seqrec/interactions';

import { loadOrderedFile } from '../internal/ordered-file.js';
import type { LoadOptions } from './load-options.js';

/**
 * Streams a file with one interaction per line, `user item`, separated by spaces or tabs,
 * each user's lines in time order (users may interleave).
 *
 * Order is the only time: each interaction's timestamp is its 0-based position in the file.
 * An id written as a canonical integer becomes a number, any other id stays a string. Blank
 * lines are ignored.
 *
 * @param path - The file.
 * @param options - Skipping of bad lines and progress; see {@link LoadOptions}.
 * @throws TypeError if `path` is not a non-empty string or an option has the wrong kind.
 * @throws Error naming the file and line for a line without exactly two fields (unless
 *   `skipInvalid`), and when the file cannot be read or holds no interaction.
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { loadPairLines } from '@seqrec/datasets';
 *
 * const path = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'pairs.txt');
 * writeFileSync(path, 'ann B001\nbob B002\nann B002\n');
 * const data = await loadPairLines(path);
 * console.assert(data.length === 3 && data.userMap?.toRaw(1) === 'bob');
 * console.assert(data.timestamps?.[2] === 2);
 * ```
 */
export function loadPairLines(path: string, options?: LoadOptions): Promise<Interactions> {
  return loadOrderedFile('loadPairLines', 'pairs', path, options);
}
