import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { Interactions } from '@seqrec/interactions';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { tempDir } from '../../test/temp-files.js';
import { saveSpotlightHdf5 } from '../loaders/save-spotlight-hdf5.js';
import type { FetchFunction } from './fetch-dataset.js';
import { loadDataset } from './load-dataset.js';

describe('loadDataset', () => {
  it('downloads, unpacks and loads a MovieLens archive, reporting both kinds of progress', async () => {
    const ratings = '1::10::5::978300760\n1::11::3::978302109\nbroken\n2::10::4::978298413\n';
    const archive = zipSync({ 'ml-10M100K/ratings.dat': new TextEncoder().encode(ratings) });
    const fetch: FetchFunction = async () => new Response(Buffer.from(archive));
    const downloaded: number[] = [];
    const lines: number[] = [];
    let skipped = 0;
    const data = await loadDataset('movielens-10m', {
      cacheDir: tempDir(),
      fetch,
      onDownloadProgress: (bytes) => downloaded.push(bytes),
      onProgress: (n) => lines.push(n),
      skipInvalid: true,
      onSkip: () => skipped++,
    });

    expect(data.length).toBe(3);
    expect(downloaded.at(-1)).toBe(archive.length);
    expect(lines).toEqual([4]);
    expect(skipped).toBe(1);
  });

  it('loads the Amazon HDF5 file with Spotlight filters: at least 10 per user and per item', async () => {
    // Users 0–19 rate items 1–10; user 20 rates only item 1; item 11 gets only 3 ratings.
    const users: number[] = [];
    const items: number[] = [];
    for (let u = 0; u < 20; u++) {
      for (let i = 1; i <= 10; i++) {
        users.push(u);
        items.push(i);
      }
    }
    users.push(20, 0, 1, 2);
    items.push(1, 11, 11, 11);
    const file = join(tempDir(), 'amazon.hdf5');
    await saveSpotlightHdf5(file, Interactions.fromRaw({ users, items }));
    const bytes = await readFile(file);
    const fetch: FetchFunction = async () => new Response(bytes);

    const data = await loadDataset('amazon', { cacheDir: tempDir(), fetch });
    expect(data.length).toBe(200);
    expect(data.countDistinct()).toEqual({ users: 20, items: 10 });
  });
});
