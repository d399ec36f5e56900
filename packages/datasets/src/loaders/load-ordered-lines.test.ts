import { describe, expect, it } from 'vitest';

import { fixture, tempFile } from '../../test/temp-files.js';
import { loadPairLines } from './load-pair-lines.js';
import { loadSequenceLines } from './load-sequence-lines.js';

describe('loadSequenceLines', () => {
  it('reads one user per line, items in order, positions as timestamps', async () => {
    const data = await loadSequenceLines(fixture('sequences.txt'));

    expect(data.length).toBe(6);
    expect(data.userMap?.rawIds()).toEqual([1, 2, 3]);
    expect(data.itemMap?.rawIds()).toEqual([10, 11, 12, 13]);
    expect(Array.from(data.userIds)).toEqual([0, 0, 0, 1, 1, 2]);
    expect(Array.from(data.itemIds)).toEqual([1, 2, 3, 2, 4, 1]);
    expect(Array.from(data.timestamps ?? [])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(data.ratings).toBeUndefined();
  });

  it('keeps non-integer ids as strings', async () => {
    const path = tempFile('seq.txt', 'A B007 007\n');
    const data = await loadSequenceLines(path);
    expect(data.userMap?.rawIds()).toEqual(['A']);
    expect(data.itemMap?.rawIds()).toEqual(['B007', '007']);
  });

  it('names file and line for a user without items', async () => {
    const path = tempFile('seq.txt', '1 2 3\n4\n');
    await expect(loadSequenceLines(path)).rejects.toThrow(
      `loadSequenceLines: ${path} line 2: the line must be a user and at least one item; got "4".`,
    );
  });

  it('names a header line, and skips it with skipInvalid', async () => {
    const path = tempFile('seq.txt', 'user_id items\n1 2 3\nuser 4\n');
    await expect(loadSequenceLines(path)).rejects.toThrow(
      `loadSequenceLines: ${path} line 1: the line must be data, not a header (this format ` +
        `has none); got "user_id items". Hint: remove the header line.`,
    );
    const data = await loadSequenceLines(path, { skipInvalid: true });
    // Only the first line can be a header: a later "user" is an id like any other.
    expect(data.length).toBe(3);
    const pairs = tempFile('pairs.txt', 'userId itemId\nu1 i1\n');
    await expect(loadPairLines(pairs)).rejects.toThrow('line 1: the line must be data, not a');
  });

  it('with skipInvalid, skips and counts such lines', async () => {
    const path = tempFile('seq.txt', '1 2 3\n4\n5 6\n7\n');
    let skipped = 0;
    const data = await loadSequenceLines(path, { skipInvalid: true, onSkip: () => skipped++ });
    expect(data.length).toBe(3);
    expect(skipped).toBe(2);
  });

  it('refuses a file of blank lines', async () => {
    const path = tempFile('seq.txt', '\n  \n');
    await expect(loadSequenceLines(path)).rejects.toThrow(
      `loadSequenceLines: ${path} must hold at least one interaction; got an empty file.`,
    );
  });
});

describe('loadPairLines', () => {
  it('reads one pair per line, line order as time', async () => {
    const data = await loadPairLines(fixture('pairs.txt'));

    expect(data.userMap?.rawIds()).toEqual(['u1', 'u2']);
    expect(data.itemMap?.rawIds()).toEqual(['B001', 'B002']);
    expect(Array.from(data.userIds)).toEqual([0, 1, 0]);
    expect(Array.from(data.timestamps ?? [])).toEqual([0, 1, 2]);
  });

  it('names file and line for a line without exactly two fields', async () => {
    const path = tempFile('pairs.txt', '1 2\n1 2 3\n');
    await expect(loadPairLines(path)).rejects.toThrow(
      `loadPairLines: ${path} line 2: the line must be a user and an item; got "1 2 3".`,
    );
  });
});
