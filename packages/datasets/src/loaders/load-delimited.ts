import { createReadStream } from 'node:fs';

import { describeValue, InteractionsBuilder, type Interactions } from '@seqrec/interactions';
import { CsvError, parse, type Parser } from 'csv-parse';

import {
  checkColumnCount,
  checkColumns,
  resolveColumnIndexes,
  type ColumnIndexes,
} from '../internal/delimited-columns.js';
import { parseNumberText, rawIdFromText } from '../internal/fields.js';
import { looksLikeHeader } from '../internal/header-words.js';
import { LineIssues, mustBe } from '../internal/line-issues.js';
import { PROGRESS_EVERY } from '../internal/line-reader.js';
import { resolveLoadOptions, type ResolvedLoadOptions } from '../internal/resolve-load-options.js';
import type { LoadOptions } from './load-options.js';

/**
 * A column, by 0-based position or (with a header) by name.
 *
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { loadDelimited, type ColumnRef } from '@seqrec/datasets';
 *
 * const path = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'clicks.csv');
 * writeFileSync(path, 'item,user\nB1,ann\nB2,ann\n');
 * // By name with a header, by 0-based position without one.
 * const user: ColumnRef = 'user';
 * const item: ColumnRef = 0;
 * const data = await loadDelimited(path, { header: true, columns: { user, item } });
 * console.assert(data.length === 2 && data.itemMap?.toRaw(2) === 'B2');
 * ```
 */
export type ColumnRef = number | string;

/**
 * Which column holds what, for {@link loadDelimited}.
 *
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { loadDelimited, type DelimitedColumns } from '@seqrec/datasets';
 *
 * const path = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'plays.csv');
 * writeFileSync(path, 'ann,song-1,3,1700000000\nann,song-2,1,1700000100\n');
 * const columns: DelimitedColumns = { user: 0, item: 1, weight: 2, timestamp: 3 };
 * const data = await loadDelimited(path, { columns });
 * console.assert(data.weights?.[0] === 3 && data.timestamps?.[1] === 1700000100);
 * ```
 */
export interface DelimitedColumns {
  /** The user id column. */
  readonly user: ColumnRef;
  /** The item id column. */
  readonly item: ColumnRef;
  /** The rating column, if any: numbers. */
  readonly rating?: ColumnRef | undefined;
  /** The timestamp column, if any: numbers in any monotone unit. */
  readonly timestamp?: ColumnRef | undefined;
  /** The weight column, if any: numbers. */
  readonly weight?: ColumnRef | undefined;
}

/**
 * Options of {@link loadDelimited}.
 *
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { loadDelimited, type LoadDelimitedOptions } from '@seqrec/datasets';
 *
 * const path = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'ratings.txt');
 * writeFileSync(path, 'u1;"item;1";5\nu1;item 2;4\n');
 * const options: LoadDelimitedOptions = {
 *   delimiter: ';',
 *   quote: '"',
 *   columns: { user: 0, item: 1, rating: 2 },
 * };
 * const data = await loadDelimited(path, options);
 * console.assert(data.itemMap?.toRaw(1) === 'item;1' && data.ratings?.[1] === 4);
 * ```
 */
export interface LoadDelimitedOptions extends LoadOptions {
  /** Which column holds what (required). Names need `header: true`. */
  readonly columns: DelimitedColumns;
  /** Field separator, one or more characters (default `,`). */
  readonly delimiter?: string | undefined;
  /** Whether the first line names the columns (default false). */
  readonly header?: boolean | undefined;
  /** Quote character, or false to read quotes as plain text (default `"`). */
  readonly quote?: string | false | undefined;
}

interface ResolvedDelimitedOptions extends ResolvedLoadOptions {
  readonly columns: DelimitedColumns;
  readonly delimiter: string;
  readonly header: boolean;
  readonly quote: string | false;
}

/**
 * Streams any delimited text file (CSV, TSV, …) through csv-parse, which handles quoting,
 * quoted line breaks and a byte order mark.
 *
 * An id written as a canonical integer (`42`, not `042` or `4.0`) becomes a number, any other
 * id stays a string; rating, timestamp and weight must be numbers. Spaces around fields are
 * trimmed and empty lines ignored. Every row must have as many columns as the first (the
 * header, when there is one). Line numbers in messages are where the record ends.
 *
 * @param path - The file.
 * @param options - Columns, delimiter, header, quote, and the common {@link LoadOptions}.
 * @throws TypeError or RangeError for a bad option, naming it and showing its value.
 * @throws Error naming the file and line on the first bad record (unless `skipInvalid`):
 *   wrong column count, an empty id, a non-numeric rating, timestamp or weight, broken
 *   quoting; and when a column name is not in the header, the file cannot be read or it
 *   holds no interaction.
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { loadDelimited } from '@seqrec/datasets';
 *
 * const path = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'events.tsv');
 * writeFileSync(path, 'when\twho\twhat\n100\tann\t"B0 7"\n200\tann\t42\n');
 * const data = await loadDelimited(path, {
 *   delimiter: '\t',
 *   header: true,
 *   columns: { user: 'who', item: 'what', timestamp: 'when' },
 * });
 * console.assert(data.length === 2 && data.itemMap?.toRaw(1) === 'B0 7');
 * console.assert(data.itemMap?.toRaw(2) === 42 && data.timestamps?.[1] === 200);
 * ```
 */
export async function loadDelimited(
  path: string,
  options: LoadDelimitedOptions,
): Promise<Interactions> {
  const resolved = resolveDelimitedOptions('loadDelimited', path, options);
  const issues = new LineIssues(path, resolved);
  const { columns } = resolved;
  const builder = new InteractionsBuilder({
    ratings: columns.rating !== undefined,
    timestamps: columns.timestamp !== undefined,
    weights: columns.weight !== undefined,
  });
  const parser = parse({
    delimiter: resolved.delimiter,
    quote: resolved.quote === false ? null : resolved.quote,
    bom: true,
    trim: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // Limitation: after broken quoting csv-parse reads on in quoted mode, so a skip can take
    // the rest of the file with it; the second skip names where parsing ended.
    skip_records_with_error: resolved.skipInvalid,
    on_skip: (error) => {
      if (error) issues.report(csvLine(error), error.message);
      return undefined;
    },
  });

  let indexes: ColumnIndexes | undefined;
  let width = 0;
  let dataLines = 0;
  let lastLine = 0;
  const onRecord = (record: string[], line: number): void => {
    if (indexes === undefined) {
      width = record.length;
      indexes = firstRecord(record, line, resolved, issues);
      if (resolved.header) return;
      if (looksLikeHeader(record[indexes.user] ?? '')) {
        const text = record.join(resolved.delimiter);
        const rule = 'data, not a header (header is false)';
        issues.report(line, mustBe('the line', rule, text), 'set header: true');
        return;
      }
    }
    dataLines++;
    addRecord(builder, record, line, width, indexes, issues, resolved.delimiter);
    if (resolved.onProgress && line - lastLine >= PROGRESS_EVERY) {
      lastLine = line;
      resolved.onProgress(line);
    }
  };
  try {
    await parseFile(path, parser, onRecord);
  } catch (error) {
    throw wrapError(error, path, resolved.api);
  }

  resolved.onProgress?.(parser.info.lines);
  issues.requireData(builder.length, dataLines, indexes !== undefined && resolved.header ? 1 : 0);
  return builder.build();
}

/**
 * Feeds the file through the parser and calls `onRecord` with each record and the line it
 * ends on. Records are taken from the `data` event, which the parser emits synchronously
 * while it parses, so `parser.info.lines` is that record's line; csv-parse's `info: true`
 * gives the same number but copies an object per record, which made loading 2.5× slower.
 */
function parseFile(
  path: string,
  parser: Parser,
  onRecord: (record: string[], line: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const source = createReadStream(path);
    let failed = false;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      source.destroy();
      parser.destroy();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    source.on('error', fail);
    parser.on('error', fail);
    parser.on('data', (record: string[]) => {
      if (failed) return;
      try {
        onRecord(record, parser.info.lines);
      } catch (error) {
        fail(error);
      }
    });
    parser.on('end', resolve);
    source.pipe(parser);
  });
}

function firstRecord(
  record: readonly string[],
  line: number,
  options: ResolvedDelimitedOptions,
  issues: LineIssues,
): ColumnIndexes {
  // A line that did not split at all usually means the delimiter is not the file's.
  const hint =
    record.length === 1
      ? `the line did not split on the delimiter ${JSON.stringify(options.delimiter)}; ` +
        'check that it is the one the file uses'
      : undefined;
  const indexes = resolveColumnIndexes(options.columns, options.header ? record : undefined);
  if (typeof indexes === 'string') throw issues.error(line, indexes, hint);
  const problem = checkColumnCount(indexes, record.length);
  if (problem !== undefined) throw issues.error(line, problem, hint);
  return indexes;
}

function addRecord(
  builder: InteractionsBuilder,
  record: readonly string[],
  line: number,
  width: number,
  indexes: ColumnIndexes,
  issues: LineIssues,
  delimiter: string,
): void {
  if (record.length !== width) {
    issues.report(
      line,
      `the line must have ${String(width)} columns, like the first; ` +
        `got ${String(record.length)} in ${describeValue(record.join(delimiter))}`,
    );
    return;
  }
  const user = record[indexes.user] ?? '';
  const item = record[indexes.item] ?? '';
  if (user === '' || item === '') {
    issues.report(line, mustBe(user === '' ? 'user id' : 'item id', 'non-empty', ''));
    return;
  }
  const values: [number | undefined, number | undefined, number | undefined] = [
    undefined,
    undefined,
    undefined,
  ];
  const numeric = [indexes.rating, indexes.timestamp, indexes.weight];
  for (let k = 0; k < 3; k++) {
    const index = numeric[k] as number;
    if (index < 0) continue;
    const text = record[index] ?? '';
    const value = parseNumberText(text);
    if (Number.isNaN(value)) {
      issues.report(line, mustBe(NUMERIC_NAMES[k] as string, 'a number', text));
      return;
    }
    values[k] = value;
  }
  builder.add(rawIdFromText(user), rawIdFromText(item), ...values);
}

const NUMERIC_NAMES = ['rating', 'timestamp', 'weight'] as const;

function csvLine(error: CsvError): number {
  return typeof error['lines'] === 'number' ? error['lines'] : 0;
}

function wrapError(error: unknown, path: string, api: string): unknown {
  if (error instanceof CsvError) {
    return new Error(`${api}: ${path} line ${String(csvLine(error))}: ${error.message}.`, {
      cause: error,
    });
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof Error && typeof code === 'string') {
    return new Error(`${api}: cannot read ${path}: ${error.message}.`, { cause: error });
  }
  return error;
}

function resolveDelimitedOptions(
  api: string,
  path: unknown,
  options: LoadDelimitedOptions | undefined,
): ResolvedDelimitedOptions {
  const common = resolveLoadOptions(api, path, options);
  const { delimiter = ',', header = false, quote = '"' } = options ?? {};
  if (typeof delimiter !== 'string' || delimiter.length === 0 || /[\r\n]/.test(delimiter)) {
    throw new TypeError(
      `${api}: delimiter must be a non-empty string without line breaks; ` +
        `got ${describeValue(delimiter)}.`,
    );
  }
  if (typeof header !== 'boolean') {
    throw new TypeError(`${api}: header must be a boolean; got ${describeValue(header)}.`);
  }
  if (quote !== false && (typeof quote !== 'string' || quote.length !== 1)) {
    throw new TypeError(
      `${api}: quote must be one character or false; got ${describeValue(quote)}.`,
    );
  }
  const columns = checkColumns(api, options?.columns, header);
  return { ...common, columns, delimiter, header, quote };
}
