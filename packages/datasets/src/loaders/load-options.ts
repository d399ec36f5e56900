/**
 * A line that a loader skipped because `skipInvalid` was set.
 *
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { loadMovieLensDat, type SkippedLine } from '@seqrec/datasets';
 *
 * const path = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'ratings.dat');
 * writeFileSync(path, '1::1193::5::978300760\n1::661::five::978302109\n');
 * const skipped: SkippedLine[] = [];
 * await loadMovieLensDat(path, { skipInvalid: true, onSkip: (s) => skipped.push(s) });
 * console.assert(skipped.length === 1 && skipped[0]?.line === 2);
 * console.assert(/rating/.test(skipped[0]?.reason ?? ''));
 * ```
 */
export interface SkippedLine {
  /** 1-based line number in the file. */
  readonly line: number;
  /** What was wrong, worded like the error the line would otherwise have raised. */
  readonly reason: string;
}

/**
 * Options every file loader accepts.
 *
 * A loader resolves to an `Interactions` and nothing else; what it skipped is reported as it
 * happens through `onSkip`, so counting skipped lines is `onSkip: () => skipped++`.
 *
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { loadPairLines, type LoadOptions } from '@seqrec/datasets';
 *
 * const path = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'pairs.txt');
 * writeFileSync(path, 'ann a\nonly-one-field\nbob b\n');
 * const reasons: string[] = [];
 * let linesRead = 0;
 * const options: LoadOptions = {
 *   skipInvalid: true,
 *   onSkip: ({ line, reason }) => reasons.push(`line ${String(line)}: ${reason}`),
 *   onProgress: (lines) => (linesRead = lines),
 * };
 * const data = await loadPairLines(path, options);
 * console.assert(data.length === 2 && reasons.length === 1 && reasons[0]!.startsWith('line 2'));
 * console.assert(linesRead === 3);
 * ```
 */
export interface LoadOptions {
  /**
   * Skip bad lines instead of failing on the first one (default false). Problems with the
   * whole file (unreadable, empty, a wrong or missing header where one is required, no valid
   * line at all) still throw.
   */
  readonly skipInvalid?: boolean | undefined;
  /** Called once per skipped line, in file order; only called when `skipInvalid` is true. */
  readonly onSkip?: ((skipped: SkippedLine) => void) | undefined;
  /**
   * Called with the number of lines read so far, every 65,536 lines and once at the end
   * (data sets without lines, such as HDF5 files, report the number of interactions).
   */
  readonly onProgress?: ((linesRead: number) => void) | undefined;
}
