import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';

import { tempDir } from '../../test/temp-files.js';
import type { DatasetName } from './dataset-names.js';
import { fetchDataset, type FetchFunction } from './fetch-dataset.js';

const RATINGS = '1::10::5::978300760\n1::11::3::978302109\n2::10::4::978298413\n';
const ML10M_URL = 'https://files.grouplens.org/datasets/movielens/ml-10m.zip';

/** A zip archive holding `files`, built in memory. */
function zip(files: Record<string, string>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) entries[name] = new TextEncoder().encode(text);
  return zipSync(entries);
}

/** A fetch that serves `body` for every URL and records the calls. */
function serving(body: Uint8Array, status = 200) {
  return vi.fn<FetchFunction>(async () => new Response(Buffer.from(body), { status }));
}

const ml10m = zip({ 'ml-10M100K/ratings.dat': RATINGS, 'ml-10M100K/movies.dat': 'x' });

describe('fetchDataset: downloading', () => {
  it('downloads through a temporary name, unpacks the ratings file, then uses the cache', async () => {
    const cacheDir = tempDir();
    const fetch = serving(ml10m);
    const progress: number[] = [];
    const path = await fetchDataset('movielens-10m', {
      cacheDir,
      fetch,
      onProgress: (bytes) => progress.push(bytes),
    });

    expect(path).toBe(join(cacheDir, 'movielens-10m', 'ratings.dat'));
    expect(readFileSync(path, 'utf8')).toBe(RATINGS);
    expect(fetch).toHaveBeenCalledExactlyOnceWith(ML10M_URL);
    expect(progress.at(-1)).toBe(ml10m.length);
    expect(readdirSync(join(cacheDir, 'movielens-10m')).sort()).toEqual([
      'ml-10m.zip',
      'ratings.dat',
    ]);

    expect(await fetchDataset('movielens-10m', { cacheDir, fetch })).toBe(path);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('refuses a download that does not match the recorded checksum, keeping nothing', async () => {
    const cacheDir = tempDir();
    const fake = zip({ 'ml-100k/u.data': '1\t2\t3\t4\n' });
    await expect(
      fetchDataset('movielens-100k', { cacheDir, fetch: serving(fake) }),
    ).rejects.toThrow(
      'fetchDataset: cannot download movielens-100k from ' +
        'https://files.grouplens.org/datasets/movielens/ml-100k.zip: the file received is not ' +
        `the one recorded: its size must be 4924029 bytes; got ${String(fake.length)}; nothing ` +
        'was kept.',
    );
    expect(readdirSync(join(cacheDir, 'movielens-100k'))).toEqual([]);
  });

  it('offline, says which file to download from where, where to put it, and localPath', async () => {
    const cacheDir = tempDir();
    const offline = vi.fn<FetchFunction>(async () => {
      throw new TypeError('fetch failed', {
        cause: new Error('getaddrinfo ENOTFOUND files.grouplens.org'),
      });
    });
    const expected =
      `fetchDataset: cannot download movielens-10m from ${ML10M_URL} (fetch failed: getaddrinfo ` +
      `ENOTFOUND files.grouplens.org). Hint: without internet access, download ${ML10M_URL} by ` +
      `hand and put it at ${join(cacheDir, 'movielens-10m', 'ml-10m.zip')}, or pass localPath ` +
      'pointing at the downloaded file, at a folder holding it, or at its unpacked ratings file.';
    await expect(fetchDataset('movielens-10m', { cacheDir, fetch: offline })).rejects.toThrow(
      expected,
    );
  });

  it('reports an HTTP error status', async () => {
    const fetch = serving(new Uint8Array(), 404);
    await expect(fetchDataset('movielens-10m', { cacheDir: tempDir(), fetch })).rejects.toThrow(
      `fetchDataset: cannot download movielens-10m from ${ML10M_URL} (the server answered HTTP 404).`,
    );
  });

  it('takes a download put in the cache by hand, checking it first', async () => {
    const cacheDir = tempDir();
    mkdirSync(join(cacheDir, 'movielens-10m'));
    writeFileSync(join(cacheDir, 'movielens-10m', 'ml-10m.zip'), ml10m);
    const fetch = serving(new Uint8Array());
    expect(readFileSync(await fetchDataset('movielens-10m', { cacheDir, fetch }), 'utf8')).toBe(
      RATINGS,
    );
    expect(fetch).not.toHaveBeenCalled();

    mkdirSync(join(cacheDir, 'movielens-1m'));
    const wrong = join(cacheDir, 'movielens-1m', 'ml-1m.zip');
    writeFileSync(wrong, ml10m);
    await expect(fetchDataset('movielens-1m', { cacheDir, fetch })).rejects.toThrow(
      `fetchDataset: ${wrong} must be the official ml-1m.zip of movielens-1m: its size must be ` +
        `5917549 bytes; got ${String(ml10m.length)}. Hint: download it again from`,
    );
  });

  it('finds the ratings file by name when the archive has another top folder', async () => {
    const repacked = zip({ 'movielens/ratings.dat': RATINGS });
    const path = await fetchDataset('movielens-10m', {
      cacheDir: tempDir(),
      fetch: serving(repacked),
    });
    expect(readFileSync(path, 'utf8')).toBe(RATINGS);
  });

  it('names the archive and its entries when the ratings file is missing', async () => {
    const other = zip({ 'readme.txt': 'hello' });
    const cacheDir = tempDir();
    const archive = join(cacheDir, 'movielens-10m', 'ml-10m.zip');
    await expect(
      fetchDataset('movielens-10m', { cacheDir, fetch: serving(other) }),
    ).rejects.toThrow(
      `fetchDataset: cannot unpack ml-10M100K/ratings.dat from ${archive}: ${archive} must ` +
        'contain ml-10M100K/ratings.dat; got 1 entries (readme.txt).',
    );
  });
});

describe('fetchDataset: localPath', () => {
  const noNetwork = vi.fn<FetchFunction>(async () => {
    throw new Error('no network in tests');
  });

  it('uses an unpacked folder, the archive folder itself, or the ratings file', async () => {
    const folder = tempDir();
    mkdirSync(join(folder, 'ml-10M100K'));
    const ratings = join(folder, 'ml-10M100K', 'ratings.dat');
    writeFileSync(ratings, RATINGS);
    const options = { cacheDir: tempDir(), fetch: noNetwork };

    expect(await fetchDataset('movielens-10m', { ...options, localPath: folder })).toBe(ratings);
    expect(
      await fetchDataset('movielens-10m', { ...options, localPath: join(folder, 'ml-10M100K') }),
    ).toBe(ratings);
    expect(await fetchDataset('movielens-10m', { ...options, localPath: ratings })).toBe(ratings);
    expect(noNetwork).not.toHaveBeenCalled();
  });

  it('unpacks a downloaded archive into the cache', async () => {
    const folder = tempDir();
    const archive = join(folder, 'ml-10m.zip');
    writeFileSync(archive, ml10m);
    const cacheDir = tempDir();
    for (const localPath of [archive, folder]) {
      const path = await fetchDataset('movielens-10m', { cacheDir, localPath, fetch: noNetwork });
      expect(path).toBe(join(cacheDir, 'movielens-10m', 'ratings.dat'));
      expect(readFileSync(path, 'utf8')).toBe(RATINGS);
    }
  });

  it('refuses a path that does not exist or holds nothing usable', async () => {
    await expect(fetchDataset('movielens-1m', { localPath: '/no/such/folder' })).rejects.toThrow(
      'fetchDataset: localPath must be an existing file or folder; got "/no/such/folder".',
    );
    const empty = tempDir();
    await expect(fetchDataset('movielens-1m', { localPath: empty })).rejects.toThrow(
      `fetchDataset: localPath folder ${empty} must hold one of ml-1m/ratings.dat, ratings.dat, ` +
        'ml-1m.zip; got none.',
    );
  });
});

describe('fetchDataset: arguments', () => {
  it('lists the known names for an unknown one', async () => {
    await expect(fetchDataset('movielens-2m' as DatasetName)).rejects.toThrow(
      'fetchDataset: name must be one of movielens-100k, movielens-1m, movielens-10m, ' +
        'movielens-20m, movielens-25m, movielens-latest-small, amazon; got "movielens-2m".',
    );
  });

  it('checks option kinds', async () => {
    await expect(fetchDataset('amazon', { cacheDir: '' })).rejects.toThrow(
      'fetchDataset: cacheDir must be a non-empty path; got "".',
    );
    await expect(
      fetchDataset('amazon', { fetch: 'curl' as unknown as FetchFunction }),
    ).rejects.toThrow('fetchDataset: fetch must be a function; got "curl".');
  });

  it('never leaves partial files behind', async () => {
    const cacheDir = tempDir();
    const broken = vi.fn<FetchFunction>(
      async () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new Uint8Array([1, 2, 3]));
              controller.error(new Error('connection reset'));
            },
          }),
        ),
    );
    await expect(fetchDataset('movielens-10m', { cacheDir, fetch: broken })).rejects.toThrow(
      'the transfer broke off: connection reset',
    );
    expect(existsSync(join(cacheDir, 'movielens-10m'))).toBe(true);
    expect(readdirSync(join(cacheDir, 'movielens-10m'))).toEqual([]);
  });
});
