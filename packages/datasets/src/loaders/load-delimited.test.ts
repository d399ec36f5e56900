import { describe, expect, it } from 'vitest';

import { tempFile } from '../../test/temp-files.js';
import { loadDelimited, type LoadDelimitedOptions } from './load-delimited.js';
import type { SkippedLine } from './load-options.js';

const byIndex = { columns: { user: 0, item: 1, timestamp: 2 } } as const;

describe('loadDelimited', () => {
  it('reads columns by header name, with quoting and mixed id kinds', async () => {
    const path = tempFile(
      'events.csv',
      'ts,user,item,score\n10,ann,"B0,1",1.5\n20,ann,42,2\n30,7,"multi\nline",3\n',
    );
    const data = await loadDelimited(path, {
      header: true,
      columns: { user: 'user', item: 'item', timestamp: 'ts', weight: 'score' },
    });

    expect(data.userMap?.rawIds()).toEqual(['ann', 7]);
    expect(data.itemMap?.rawIds()).toEqual(['B0,1', 42, 'multi\nline']);
    expect(Array.from(data.timestamps ?? [])).toEqual([10, 20, 30]);
    expect(Array.from(data.weights ?? [])).toEqual([1.5, 2, 3]);
    expect(data.ratings).toBeUndefined();
  });

  it('reads columns by index with another delimiter and no header', async () => {
    const path = tempFile('events.tsv', 'a\tx\t1\nb\ty\t2\n');
    const data = await loadDelimited(path, { ...byIndex, delimiter: '\t' });
    expect(data.length).toBe(2);
    expect(data.userMap?.rawIds()).toEqual(['a', 'b']);
  });

  it('names a header line when header is false', async () => {
    const path = tempFile('e.csv', 'user,item,time\na,x,1\n');
    await expect(loadDelimited(path, byIndex)).rejects.toThrow(
      `loadDelimited: ${path} line 1: the line must be data, not a header (header is false); ` +
        `got "user,item,time". Hint: set header: true.`,
    );
  });

  it('names file and line for a wrong column count', async () => {
    const path = tempFile('e.csv', 'a,x,1\nb,y\n');
    await expect(loadDelimited(path, byIndex)).rejects.toThrow(
      `loadDelimited: ${path} line 2: the line must have 3 columns, like the first; got 2 in "b,y".`,
    );
  });

  it('names file and line for a non-numeric timestamp and an empty id', async () => {
    const path = tempFile('e.csv', 'a,x,1\nb,y,soon\n');
    await expect(loadDelimited(path, byIndex)).rejects.toThrow(
      `loadDelimited: ${path} line 2: timestamp must be a number; got "soon".`,
    );
    const empty = tempFile('e.csv', 'a,x,1\n,y,2\n');
    await expect(loadDelimited(empty, byIndex)).rejects.toThrow(
      `loadDelimited: ${empty} line 2: user id must be non-empty; got "".`,
    );
  });

  it('names file and line for broken quoting, and can skip it', async () => {
    const path = tempFile('e.csv', 'a,x,1\nb,"y"z,2\nc,w,3\n');
    await expect(loadDelimited(path, byIndex)).rejects.toThrow(
      new RegExp(`^loadDelimited: ${path} line 2: Invalid Closing Quote`),
    );
    const skipped: SkippedLine[] = [];
    const data = await loadDelimited(path, {
      ...byIndex,
      skipInvalid: true,
      onSkip: (s) => skipped.push(s),
    });
    // Limitation (see README): after a broken quote csv-parse reads on in quoted mode, so the
    // rest of the file is lost; the skips report both places, not every line lost.
    expect(data.length).toBe(1);
    expect(skipped.map((s) => s.line)).toEqual([2, 3]);
    expect(skipped[1]?.reason).toMatch(/^Quote Not Closed/);
  });

  it('with skipInvalid, skips bad records and counts them', async () => {
    const path = tempFile('e.csv', 'a,x,1\nb,y\nc,z,no\nd,w,4\n');
    let skipped = 0;
    const data = await loadDelimited(path, {
      ...byIndex,
      skipInvalid: true,
      onSkip: () => skipped++,
    });
    expect(data.length).toBe(2);
    expect(skipped).toBe(2);
  });

  it('refuses a column name missing from the header', async () => {
    const path = tempFile('e.csv', 'user,item\n1,2\n');
    await expect(
      loadDelimited(path, { header: true, columns: { user: 'user', item: 'movie' } }),
    ).rejects.toThrow(
      `loadDelimited: ${path} line 1: columns.item must name a header column (user, item); ` +
        'got "movie".',
    );
  });

  it('refuses a column index past the end of the rows', async () => {
    const path = tempFile('e.csv', '1,2\n');
    await expect(loadDelimited(path, { columns: { user: 0, item: 1, rating: 5 } })).rejects.toThrow(
      `loadDelimited: ${path} line 1: columns.rating must be below the number of columns (2); got 5.`,
    );
  });

  it('says when the first line did not split on the delimiter', async () => {
    const path = tempFile('f.csv', 'user,item\n1,2\n');
    await expect(
      loadDelimited(path, {
        delimiter: ';',
        header: true,
        columns: { user: 'user', item: 'item' },
      }),
    ).rejects.toThrow(
      `loadDelimited: ${path} line 1: columns.user must name a header column (user,item); ` +
        'got "user". Hint: the line did not split on the delimiter ";"; check that it is the ' +
        'one the file uses.',
    );
    await expect(
      loadDelimited(path, { delimiter: '\t', columns: { user: 0, item: 1 } }),
    ).rejects.toThrow('Hint: the line did not split on the delimiter "\\t"');
  });

  it('checks its options before reading', async () => {
    const path = tempFile('e.csv', '1,2\n');
    const bad: [unknown, string][] = [
      [
        { columns: { user: 'u', item: 1 } },
        'columns.user must be a column index when header is false',
      ],
      [
        { columns: { user: 0, item: 0 } },
        'columns.item must differ from columns.user; got 0 twice.',
      ],
      [{ columns: { user: 0, item: -1 } }, 'columns.item must be a column index (integer ≥ 0) or'],
      [{ columns: { user: 0, item: 1, when: 2 } }, 'columns keys must be among user, item'],
      [{ columns: { user: 0, item: 1 }, delimiter: '' }, 'delimiter must be a non-empty string'],
      [{ columns: { user: 0, item: 1 }, quote: '""' }, 'quote must be one character or false'],
      [{}, 'columns must be an object like { user: 0, item: 1 }; got undefined.'],
    ];
    for (const [options, message] of bad) {
      await expect(loadDelimited(path, options as LoadDelimitedOptions)).rejects.toThrow(
        `loadDelimited: ${message}`,
      );
    }
  });

  it('reads quotes as text with quote: false', async () => {
    const path = tempFile('e.tsv', 'a\t"x\t1\n');
    const data = await loadDelimited(path, { ...byIndex, delimiter: '\t', quote: false });
    expect(data.itemMap?.rawIds()).toEqual(['"x']);
  });

  it('refuses a header with no data after it', async () => {
    const path = tempFile('e.csv', 'user,item\n');
    await expect(
      loadDelimited(path, { header: true, columns: { user: 0, item: 1 } }),
    ).rejects.toThrow(
      `loadDelimited: ${path} must hold at least one interaction; got only a header line.`,
    );
  });

  it('names a file that cannot be read', async () => {
    await expect(loadDelimited('/no/such.csv', byIndex)).rejects.toThrow(
      'loadDelimited: cannot read /no/such.csv: ENOENT',
    );
  });
});
