import { describe, expect, it } from 'vitest';

import {
  loadDelimited,
  loadInteractions,
  loadMovieLensCsv,
  loadSequenceLines,
} from '@seqrec/datasets';

import { sharedDataFile } from '@seqrec/testing/shared-data';

// The two real data sets of ../shared/data (see its README for their figures).
describe('real data', () => {
  it('loads MovieLens latest-small: 610 users, 9,724 items, 100,836 ratings', async () => {
    const data = await loadMovieLensCsv(sharedDataFile('ml-latest-small/ratings.csv'));

    expect(data.length).toBe(100_836);
    expect(data.countDistinct()).toEqual({ users: 610, items: 9_724 });
    expect(data.numUsers).toBe(610);
    expect(data.numItems).toBe(9_725);
    const ratings = data.ratings ?? new Float32Array();
    expect(ratings.reduce((a, b) => Math.min(a, b), Infinity)).toBe(0.5);
    expect(ratings.reduce((a, b) => Math.max(a, b), -Infinity)).toBe(5);
    expect(data.timestamps?.every((t) => Number.isInteger(t) && t > 8e8)).toBe(true);
  });

  it('gives the same data through the generic csv-parse loader', async () => {
    const path = sharedDataFile('ml-latest-small/ratings.csv');
    const fast = await loadMovieLensCsv(path);
    const generic = await loadDelimited(path, {
      header: true,
      columns: { user: 'userId', item: 'movieId', rating: 'rating', timestamp: 'timestamp' },
    });

    expect(generic.userMap?.rawIds()).toEqual(fast.userMap?.rawIds());
    expect(generic.itemMap?.rawIds()).toEqual(fast.itemMap?.rawIds());
    expect(generic.itemIds).toEqual(fast.itemIds);
    expect(generic.ratings).toEqual(fast.ratings);
    expect(generic.timestamps).toEqual(fast.timestamps);
  });

  it('loads Amazon Beauty 5-core: 22,363 users, 12,101 items, 198,502 interactions', async () => {
    const data = await loadSequenceLines(sharedDataFile('amazon-beauty-5core/sequences.txt'));

    expect(data.length).toBe(198_502);
    expect(data.countDistinct()).toEqual({ users: 22_363, items: 12_101 });
    expect(data.ratings).toBeUndefined();
    // Order is the only time: positions increase through the file.
    const timestamps = data.timestamps ?? new Float64Array();
    expect(timestamps.every((t, i) => t === i)).toBe(true);
    const lengths = new Map<number, number>();
    for (const user of data.userIds) lengths.set(user, (lengths.get(user) ?? 0) + 1);
    expect(Math.min(...lengths.values())).toBe(5);
    expect(Math.max(...lengths.values())).toBe(204);
  });

  it('reads the same sequences through the dispatcher', async () => {
    const path = sharedDataFile('amazon-beauty-5core/sequences.txt');
    const data = await loadInteractions(path, 'sequence-lines');

    expect(data.length).toBe(198_502);
  });
});
