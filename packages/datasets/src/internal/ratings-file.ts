import { stat } from 'node:fs/promises';

import { describeValue, InteractionsBuilder, type Interactions } from '@seqrec/interactions';

import type { LoadOptions } from '../loaders/load-options.js';
import { FieldSplitter, parseNonNegativeInteger, parseNumber, textOf } from './fields.js';
import { LineIssues, mustBe } from './line-issues.js';
import { forEachLine } from './line-reader.js';
import { resolveLoadOptions } from './resolve-load-options.js';

/**
 * A plain `user, item, rating, timestamp` ratings format: integer ids, numeric rating and
 * timestamp, one separator, no quoting.
 *
 * @internal
 */
export interface RatingsFormat {
  /** The public loader, for messages. */
  readonly api: string;
  /** The field separator. */
  readonly separator: string;
  /** How messages name the separator: `tab`, `comma`, `"::"`. */
  readonly separatorName: string;
  /** The exact first line when the format has a header, else undefined. */
  readonly header?: string;
}

const COLUMNS = 4;
// Bytes per line of a typical MovieLens file, to size the buffers once from the file size.
const BYTES_PER_LINE = 24;

/**
 * Streams a ratings file into interactions with ratings and timestamps. Works on bytes with a
 * hand-written splitter; see the package README for why this is not csv-parse.
 *
 * @internal
 */
export async function loadRatingsFile(
  path: string,
  format: RatingsFormat,
  options: LoadOptions | undefined,
): Promise<Interactions> {
  const resolved = resolveLoadOptions(format.api, path, options);
  const issues = new LineIssues(path, resolved);
  const separator = Buffer.from(format.separator, 'latin1');
  const fields = new FieldSplitter();
  const builder = new InteractionsBuilder({
    ratings: true,
    timestamps: true,
    capacity: await estimateLines(path),
  });
  let dataLines = 0;
  let headerLines = 0;

  const visit = (bytes: Buffer, start: number, end: number, line: number): void => {
    if (line === 1 && format.header !== undefined) {
      checkHeader(textOf(bytes, start, end), format, issues);
      headerLines = 1;
      return;
    }
    if (start === end) return;
    dataLines++;
    const count = fields.splitOn(bytes, start, end, separator);
    if (count === COLUMNS) {
      const { starts, ends } = fields;
      const user = parseNonNegativeInteger(bytes, starts[0] as number, ends[0] as number);
      const item = parseNonNegativeInteger(bytes, starts[1] as number, ends[1] as number);
      const rating = parseNumber(bytes, starts[2] as number, ends[2] as number);
      const timestamp = parseNumber(bytes, starts[3] as number, ends[3] as number);
      if (user >= 0 && item >= 0 && !Number.isNaN(rating) && !Number.isNaN(timestamp)) {
        builder.add(user, item, rating, timestamp);
        return;
      }
    }
    issues.report(line, ...describeProblem(bytes, start, end, line, count, fields, format));
  };

  await forEachLine(path, visit, { api: format.api, onProgress: resolved.onProgress });
  issues.requireData(builder.length, dataLines, headerLines);
  return builder.build();
}

const FIELD_NAMES = ['user id', 'item id', 'rating', 'timestamp'] as const;
const FIELD_RULES = [
  'a non-negative integer',
  'a non-negative integer',
  'a number',
  'a number',
] as const;

/** Why a line failed, as a problem and an optional hint. */
function describeProblem(
  bytes: Buffer,
  start: number,
  end: number,
  line: number,
  count: number,
  fields: FieldSplitter,
  format: RatingsFormat,
): [problem: string, hint?: string] {
  const text = textOf(bytes, start, end);
  if (line === 1 && format.header === undefined && HEADER_LIKE.test(text)) {
    return [
      mustBe('the line', 'data, not a header (this format has none)', text),
      'remove the header line, or read the file with loadDelimited and header: true',
    ];
  }
  if (count !== COLUMNS) {
    const rule = `${String(COLUMNS)} ${format.separatorName}-separated fields`;
    return [
      `the line must have ${rule} (user, item, rating, timestamp); ` +
        `got ${String(count)} in ${describeValue(text)}`,
    ];
  }
  for (let k = 0; k < COLUMNS; k++) {
    const from = fields.starts[k] as number;
    const to = fields.ends[k] as number;
    const ok =
      k < 2
        ? parseNonNegativeInteger(bytes, from, to) >= 0
        : !Number.isNaN(parseNumber(bytes, from, to));
    if (!ok)
      return [mustBe(FIELD_NAMES[k] as string, FIELD_RULES[k] as string, textOf(bytes, from, to))];
  }
  return [mustBe('the line', 'valid', text)];
}

// MovieLens ids are digits, so a first line that starts with a letter is a header.
const HEADER_LIKE = /^["']?[A-Za-z_]/;

function checkHeader(text: string, format: RatingsFormat, issues: LineIssues): void {
  if (text.trim() === format.header) return;
  throw issues.error(
    1,
    mustBe('the line', `the header ${JSON.stringify(format.header)}`, text),
    'this format starts with a header line; for a file without one use loadDelimited',
  );
}

async function estimateLines(path: string): Promise<number> {
  try {
    return Math.ceil((await stat(path)).size / BYTES_PER_LINE);
  } catch {
    // The reader reports the missing file with the loader's name; a default size will do here.
    return 1024;
  }
}
