import { join } from 'node:path';

import { Interactions } from '@seqrec/interactions';
import h5wasm from 'h5wasm/node';
import { describe, expect, it } from 'vitest';

import { tempDir, tempFile } from '../../test/temp-files.js';
import type { SkippedLine } from './load-options.js';
import { loadSpotlightHdf5 } from './load-spotlight-hdf5.js';
import { saveSpotlightHdf5 } from './save-spotlight-hdf5.js';

type Column = Int32Array | Float32Array | Float64Array | BigInt64Array | Float64Array[];

/** Writes datasets the way Spotlight's release files hold them: chunked, gzip-compressed. */
async function writeHdf5(columns: Record<string, Column>): Promise<string> {
  const path = join(tempDir(), 'data.hdf5');
  await h5wasm.ready;
  const file = new h5wasm.File(path, 'w');
  for (const [name, data] of Object.entries(columns)) {
    if (Array.isArray(data)) {
      const flat = new Float64Array(data.flatMap((row) => Array.from(row)));
      file.create_dataset({ name, data: flat, shape: [data.length, data[0]?.length ?? 0] });
    } else {
      file.create_dataset({ name, data, chunks: [Math.min(2, data.length)], compression: 'gzip' });
    }
  }
  file.close();
  return path;
}

// Users 1 (3×), 2 (2×), 3 (1×); items 10 (3×), 11 (2×), 12 (1×).
const spotlightLike = {
  user_id: new Int32Array([1, 1, 1, 2, 2, 3]),
  item_id: new Int32Array([10, 11, 12, 10, 11, 10]),
  rating: new Float32Array([5, 4, 3, 2, 1, 5]),
  timestamp: new Float32Array([100, 200, 300, 400, 500, 600]),
  features_item_id: new Int32Array([10, 11]),
  features_feature_id: new Int32Array([0, 1]),
};

describe('loadSpotlightHdf5', () => {
  it('reads compressed int32 ids, float32 ratings and timestamps', async () => {
    const data = await loadSpotlightHdf5(await writeHdf5(spotlightLike));

    expect(data.length).toBe(6);
    expect(data.userMap?.rawIds()).toEqual([1, 2, 3]);
    expect(data.itemMap?.rawIds()).toEqual([10, 11, 12]);
    expect(Array.from(data.ratings ?? [])).toEqual([5, 4, 3, 2, 1, 5]);
    expect(data.timestamps?.[5]).toBe(600);
  });

  it('applies count filters the way Spotlight does: counted once, independently', async () => {
    const path = await writeHdf5(spotlightLike);
    const data = await loadSpotlightHdf5(path, { minUserInteractions: 2, minItemInteractions: 2 });

    // Users 1 and 2 and items 10 and 11 pass; user 1 keeps only 2 of its 3 interactions.
    expect(data.length).toBe(4);
    expect(data.userMap?.rawIds()).toEqual([1, 2]);
    expect(data.itemMap?.rawIds()).toEqual([10, 11]);
  });

  it('reads 64-bit integer ids and works without rating and timestamp', async () => {
    const path = await writeHdf5({
      user_id: new BigInt64Array([5n, 6n]),
      item_id: new BigInt64Array([1n, 2n]),
    });
    const data = await loadSpotlightHdf5(path);

    expect(data.userMap?.rawIds()).toEqual([5, 6]);
    expect(data.ratings).toBeUndefined();
    expect(data.timestamps).toBeUndefined();
  });

  it('names the row of a bad value, and skips it with skipInvalid', async () => {
    const path = await writeHdf5({
      user_id: new Int32Array([1, 2, 3]),
      item_id: new Int32Array([1, 2, 3]),
      timestamp: new Float64Array([1, Number.NaN, 3]),
    });
    await expect(loadSpotlightHdf5(path)).rejects.toThrow(
      `loadSpotlightHdf5: ${path} row 2: timestamp must be a finite number; got NaN.`,
    );
    const skipped: SkippedLine[] = [];
    const data = await loadSpotlightHdf5(path, {
      skipInvalid: true,
      onSkip: (s) => skipped.push(s),
    });
    expect(data.length).toBe(2);
    expect(skipped).toEqual([{ line: 2, reason: 'timestamp must be a finite number; got NaN' }]);
  });

  it('names missing datasets and lists those present', async () => {
    const path = await writeHdf5({ users: new Int32Array([1]), item_id: new Int32Array([1]) });
    await expect(loadSpotlightHdf5(path)).rejects.toThrow(
      `loadSpotlightHdf5: ${path} must hold the datasets user_id, item_id; got item_id, users.`,
    );
  });

  it('refuses datasets of unequal length or more than one dimension', async () => {
    const unequal = await writeHdf5({
      user_id: new Int32Array([1, 2]),
      item_id: new Int32Array([1, 2, 3]),
    });
    await expect(loadSpotlightHdf5(unequal)).rejects.toThrow(
      `loadSpotlightHdf5: ${unequal} dataset item_id must have the length of user_id (2); got 3.`,
    );
    const matrix = await writeHdf5({
      user_id: [new Float64Array([1, 2]), new Float64Array([3, 4])],
      item_id: new Int32Array([1, 2]),
    });
    await expect(loadSpotlightHdf5(matrix)).rejects.toThrow(
      `loadSpotlightHdf5: ${matrix} dataset user_id must be a one-dimensional numeric array; ` +
        'got shape array(2).',
    );
  });

  it('refuses a file that is not HDF5, or missing, without printing', async () => {
    const text = tempFile('ratings.hdf5', 'user_id,item_id\n1,2\n');
    await expect(loadSpotlightHdf5(text)).rejects.toThrow(
      `loadSpotlightHdf5: ${text} must be an HDF5 file; got 20 bytes without the HDF5 signature.`,
    );
    await expect(loadSpotlightHdf5('/no/such.hdf5')).rejects.toThrow(
      'loadSpotlightHdf5: cannot read /no/such.hdf5: ENOENT',
    );
  });

  it('refuses filters that leave nothing, and bad filter values', async () => {
    const path = await writeHdf5(spotlightLike);
    await expect(loadSpotlightHdf5(path, { minUserInteractions: 4 })).rejects.toThrow(
      `loadSpotlightHdf5: ${path} must keep at least one interaction after the count filters; ` +
        'got none of 6 (minUserInteractions 4, minItemInteractions 1).',
    );
    await expect(loadSpotlightHdf5(path, { minItemInteractions: 0 })).rejects.toThrow(
      'loadSpotlightHdf5: minItemInteractions must be a positive integer; got 0.',
    );
  });
});

describe('saveSpotlightHdf5', () => {
  it('round-trips dense ids, ratings and timestamps', async () => {
    const data = Interactions.fromRaw({
      users: ['a', 'b', 'a'],
      items: ['x', 'y', 'z'],
      ratings: [1, 2.5, 3],
      timestamps: [1e9, 1e9 + 1, 1e9 + 2],
    });
    const path = join(tempDir(), 'out.hdf5');
    await saveSpotlightHdf5(path, data);
    const back = await loadSpotlightHdf5(path);

    expect(back.userMap?.rawIds()).toEqual([0, 1]);
    expect(back.itemMap?.rawIds()).toEqual([1, 2, 3]);
    expect(back.ratings).toEqual(data.ratings);
    expect(back.timestamps).toEqual(data.timestamps);
  });

  it('checks its arguments', async () => {
    await expect(saveSpotlightHdf5('x.hdf5', {} as Interactions)).rejects.toThrow(
      'saveSpotlightHdf5: data must be an Interactions; got {}.',
    );
  });
});
