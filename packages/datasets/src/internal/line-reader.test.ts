import { describe, expect, it } from 'vitest';

import { tempFile } from '../../test/temp-files.js';
import { forEachLine, PROGRESS_EVERY } from './line-reader.js';

async function readAll(path: string, chunkSize?: number): Promise<[number, string][]> {
  const lines: [number, string][] = [];
  await forEachLine(
    path,
    (bytes, start, end, line) => lines.push([line, bytes.toString('utf8', start, end)]),
    { api: 'test', ...(chunkSize === undefined ? {} : { chunkSize }) },
  );
  return lines;
}

describe('forEachLine', () => {
  it('gives the same lines whatever the chunk size', async () => {
    const text = '\uFEFFfirst line\r\nsecond\n\nfourth, ünïcode\r\nlast without break';
    const path = tempFile('lines.txt', text);
    const expected: [number, string][] = [
      [1, 'first line'],
      [2, 'second'],
      [3, ''],
      [4, 'fourth, ünïcode'],
      [5, 'last without break'],
    ];
    for (const chunkSize of [1, 2, 3, 5, 7, 64, 1 << 20]) {
      expect(await readAll(path, chunkSize)).toEqual(expected);
    }
  });

  it('reads an empty file as no lines', async () => {
    expect(await readAll(tempFile('empty.txt', ''))).toEqual([]);
  });

  it('reports progress every PROGRESS_EVERY lines and once at the end', async () => {
    const path = tempFile('many.txt', 'x\n'.repeat(PROGRESS_EVERY + 5));
    const calls: number[] = [];
    const count = await forEachLine(path, () => undefined, {
      api: 'test',
      onProgress: (lines) => calls.push(lines),
    });
    expect(count).toBe(PROGRESS_EVERY + 5);
    expect(calls).toEqual([PROGRESS_EVERY, PROGRESS_EVERY + 5]);
  });

  it('names the API and the file when the file cannot be read', async () => {
    await expect(
      forEachLine('/no/such/file.txt', () => undefined, { api: 'loadX' }),
    ).rejects.toThrow(/^loadX: cannot read \/no\/such\/file\.txt: ENOENT/);
  });

  it('lets errors of the visitor through unchanged', async () => {
    const path = tempFile('lines.txt', 'a\nb\n');
    const failure = new Error('bad line');
    await expect(
      forEachLine(
        path,
        () => {
          throw failure;
        },
        { api: 'test' },
      ),
    ).rejects.toBe(failure);
  });
});
