import { InteractionsBuilder, type Interactions, type RawId } from '@seqrec/interactions';

import type { LoadOptions } from '../loaders/load-options.js';
import { FieldSplitter, parseRawId, textOf } from './fields.js';
import { looksLikeHeader } from './header-words.js';
import { LineIssues, mustBe } from './line-issues.js';
import { forEachLine } from './line-reader.js';
import { resolveLoadOptions } from './resolve-load-options.js';

/**
 * Streams a whitespace-separated file whose order is its only time: every line is a user id
 * followed by one item (`pairs`) or by one or more items (`sequences`). Each interaction's
 * timestamp is its 0-based position in the file.
 *
 * @internal
 */
export async function loadOrderedFile(
  api: string,
  layout: 'pairs' | 'sequences',
  path: string,
  options: LoadOptions | undefined,
): Promise<Interactions> {
  const resolved = resolveLoadOptions(api, path, options);
  const issues = new LineIssues(path, resolved);
  const fields = new FieldSplitter();
  const builder = new InteractionsBuilder({ timestamps: true });
  let dataLines = 0;

  // Ids may be text here, so a header is recognised by its column names (see looksLikeHeader);
  // Limitation: a header with other names is read as an interaction.
  const visit = (bytes: Buffer, start: number, end: number, line: number): void => {
    const count = fields.splitWhitespace(bytes, start, end);
    if (count === 0) return;
    dataLines++;
    if (layout === 'pairs' ? count !== 2 : count < 2) {
      const rule = layout === 'pairs' ? 'a user and an item' : 'a user and at least one item';
      issues.report(line, mustBe('the line', rule, textOf(bytes, start, end)));
      return;
    }
    const { starts, ends } = fields;
    if (line === 1 && looksLikeHeader(textOf(bytes, starts[0] as number, ends[0] as number))) {
      const text = textOf(bytes, start, end);
      const rule = 'data, not a header (this format has none)';
      issues.report(line, mustBe('the line', rule, text), 'remove the header line');
      return;
    }
    const user: RawId = parseRawId(bytes, starts[0] as number, ends[0] as number);
    for (let k = 1; k < count; k++) {
      const item = parseRawId(bytes, starts[k] as number, ends[k] as number);
      builder.add(user, item, undefined, builder.length);
    }
  };

  await forEachLine(path, visit, { api, onProgress: resolved.onProgress });
  issues.requireData(builder.length, dataLines, 0);
  return builder.build();
}
