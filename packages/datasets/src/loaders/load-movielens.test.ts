import { describe, expect, it } from 'vitest';

import { fixture, tempFile } from '../../test/temp-files.js';
import type { SkippedLine } from './load-options.js';
import { loadMovieLens100k, loadMovieLensCsv, loadMovieLensDat } from './load-movielens.js';

describe('loadMovieLens100k', () => {
  it('reads u.data with numeric raw ids, ratings and timestamps', async () => {
    const data = await loadMovieLens100k(fixture('u.data'));

    expect(data.length).toBe(5);
    expect(data.userMap?.rawIds()).toEqual([196, 186, 22, 244]);
    expect(data.itemMap?.rawIds()).toEqual([242, 302, 377, 51]);
    expect(Array.from(data.userIds)).toEqual([0, 1, 2, 3, 0]);
    expect(Array.from(data.itemIds)).toEqual([1, 2, 3, 4, 2]);
    expect(Array.from(data.ratings ?? [])).toEqual([3, 3, 1, 2, 4.5]);
    expect(data.timestamps?.[4]).toBe(881251000);
  });

  it('names file, line and problem for a wrong field count', async () => {
    const path = tempFile('u.data', '1\t2\t3\t4\n1\t2\t3\n');
    await expect(loadMovieLens100k(path)).rejects.toThrow(
      `loadMovieLens100k: ${path} line 2: the line must have 4 tab-separated fields ` +
        '(user, item, rating, timestamp); got 3 in "1\\t2\\t3".',
    );
  });

  it('names the field that is not a number', async () => {
    const cases: [string, string][] = [
      ['x1\t2\t3\t4', 'user id must be a non-negative integer; got "x1"'],
      ['1\t-2\t3\t4', 'item id must be a non-negative integer; got "-2"'],
      ['1\t2.5\t3\t4', 'item id must be a non-negative integer; got "2.5"'],
      ['1\t2\tgood\t4', 'rating must be a number; got "good"'],
      ['1\t2\t3\t', 'timestamp must be a number; got ""'],
      ['1\t2\t3\t2020-01-01', 'timestamp must be a number; got "2020-01-01"'],
    ];
    for (const [line, problem] of cases) {
      const path = tempFile('u.data', `1\t1\t1\t1\n${line}\n`);
      await expect(loadMovieLens100k(path)).rejects.toThrow(
        `loadMovieLens100k: ${path} line 2: ${problem}.`,
      );
    }
  });

  it('refuses a header line, which u.data does not have', async () => {
    const path = tempFile('u.data', 'userId\titemId\trating\ttimestamp\n1\t2\t3\t4\n');
    await expect(loadMovieLens100k(path)).rejects.toThrow(
      `loadMovieLens100k: ${path} line 1: the line must be data, not a header (this format ` +
        'has none); got "userId\\titemId\\trating\\ttimestamp". Hint: remove the header line',
    );
  });

  it('refuses an empty file', async () => {
    const path = tempFile('u.data', '');
    await expect(loadMovieLens100k(path)).rejects.toThrow(
      `loadMovieLens100k: ${path} must hold at least one interaction; got an empty file.`,
    );
  });

  it('with skipInvalid, skips and reports bad lines and keeps the rest', async () => {
    const path = tempFile(
      'u.data',
      'userId\titemId\trating\ttimestamp\n1\t2\t3\t4\n1\t2\n\n5\t6\tx\t8\n9\t10\t1\t12\n',
    );
    const skipped: SkippedLine[] = [];
    const data = await loadMovieLens100k(path, {
      skipInvalid: true,
      onSkip: (info) => skipped.push(info),
    });

    expect(data.length).toBe(2);
    expect(skipped.map((s) => s.line)).toEqual([1, 3, 5]);
    expect(skipped[2]?.reason).toBe('rating must be a number; got "x"');
  });

  it('with skipInvalid, still fails when no line is valid', async () => {
    const path = tempFile('u.data', 'a\nb\n');
    await expect(loadMovieLens100k(path, { skipInvalid: true })).rejects.toThrow(
      `loadMovieLens100k: ${path} must hold at least one interaction; got none valid ` +
        '(2 lines skipped).',
    );
  });

  it('names a file that cannot be read', async () => {
    await expect(loadMovieLens100k('/no/such/u.data')).rejects.toThrow(
      'loadMovieLens100k: cannot read /no/such/u.data: ENOENT',
    );
  });

  it('checks its arguments', async () => {
    await expect(loadMovieLens100k('')).rejects.toThrow(
      'loadMovieLens100k: path must be a non-empty string; got "".',
    );
    await expect(
      loadMovieLens100k(fixture('u.data'), { skipInvalid: 'yes' as unknown as boolean }),
    ).rejects.toThrow(TypeError);
    await expect(
      loadMovieLens100k(fixture('u.data'), { onSkip: 3 as unknown as () => void }),
    ).rejects.toThrow('loadMovieLens100k: onSkip must be a function; got 3.');
  });

  it('reports progress at the end', async () => {
    const calls: number[] = [];
    await loadMovieLens100k(fixture('u.data'), { onProgress: (n) => calls.push(n) });
    expect(calls).toEqual([5]);
  });
});

describe('loadMovieLensDat', () => {
  it('reads ratings.dat', async () => {
    const data = await loadMovieLensDat(fixture('ratings.dat'));

    expect(data.length).toBe(3);
    expect(data.userMap?.rawIds()).toEqual([1, 2]);
    expect(data.itemMap?.rawIds()).toEqual([1193, 661]);
    expect(Array.from(data.ratings ?? [])).toEqual([5, 3, 4]);
  });

  it('names the separator in a field count error', async () => {
    const path = tempFile('ratings.dat', '1::2::3::4\n1:2:3:4\n');
    await expect(loadMovieLensDat(path)).rejects.toThrow(
      `loadMovieLensDat: ${path} line 2: the line must have 4 "::"-separated fields`,
    );
  });
});

describe('loadMovieLensCsv', () => {
  it('reads ratings.csv with its header and CRLF line ends', async () => {
    const data = await loadMovieLensCsv(fixture('ratings.csv'));

    expect(data.length).toBe(3);
    expect(Array.from(data.ratings ?? [])).toEqual([4, 4.5, 0.5]);
    expect(data.timestamps?.[0]).toBe(964982703);
  });

  it('requires the header, whatever skipInvalid says', async () => {
    const path = tempFile('ratings.csv', '1,1,4.0,964982703\n');
    for (const skipInvalid of [false, true]) {
      await expect(loadMovieLensCsv(path, { skipInvalid })).rejects.toThrow(
        `loadMovieLensCsv: ${path} line 1: the line must be the header ` +
          '"userId,movieId,rating,timestamp"; got "1,1,4.0,964982703". Hint:',
      );
    }
  });

  it('refuses a file with only the header', async () => {
    const path = tempFile('ratings.csv', 'userId,movieId,rating,timestamp\n');
    await expect(loadMovieLensCsv(path)).rejects.toThrow(
      `loadMovieLensCsv: ${path} must hold at least one interaction; got only a header line.`,
    );
  });

  it('names file and line for a bad data line', async () => {
    const path = tempFile('ratings.csv', 'userId,movieId,rating,timestamp\n1,1,4,5\n1,1,4,\n');
    await expect(loadMovieLensCsv(path)).rejects.toThrow(
      `loadMovieLensCsv: ${path} line 3: timestamp must be a number; got "".`,
    );
  });
});
