import { describe, expect, it } from 'vitest';

import { Interactions } from './interactions.js';
import { InteractionsBuilder } from './interactions-builder.js';

describe('Interactions', () => {
  it('maps raw ids to dense ids, items from 1', () => {
    const data = Interactions.fromRaw({
      users: ['u1', 'u2', 'u1'],
      items: ['i9', 'i9', 'i3'],
      ratings: [4, 5, 3],
    });
    expect(Array.from(data.userIds)).toEqual([0, 1, 0]);
    expect(Array.from(data.itemIds)).toEqual([1, 1, 2]);
    expect(data.numUsers).toBe(2);
    expect(data.numItems).toBe(3);
    expect(Array.from(data.ratings ?? [])).toEqual([4, 5, 3]);
    expect(data.timestamps).toBeUndefined();
  });

  it('checks raw columns: kind, length and finite numbers', () => {
    expect(() => Interactions.fromRaw({ users: [1, 1] } as never)).toThrow(
      'Interactions.fromRaw: items must be an array; got undefined.',
    );
    expect(() => Interactions.fromRaw({ users: [1, 2], items: [1] })).toThrow(
      'Interactions.fromRaw: items must have the length of users (2); got 1.',
    );
    expect(() =>
      Interactions.fromRaw({ users: [1, 2], items: [1, 2], timestamps: [3, Number.NaN] }),
    ).toThrow('Interactions.fromRaw: timestamps[1] must be a finite number; got NaN.');
  });

  it('rejects padding item ids and mismatched columns', () => {
    expect(
      () => new Interactions({ userIds: Int32Array.of(0), itemIds: Int32Array.of(0) }),
    ).toThrow('Interactions: itemIds[0] must be at least 1 (0 is padding); got 0.');
    expect(
      () => new Interactions({ userIds: Int32Array.of(0, 1), itemIds: Int32Array.of(1) }),
    ).toThrow('Interactions: itemIds must have the length of userIds (2); got 1.');
    expect(
      () => new Interactions({ userIds: Int32Array.of(0), itemIds: Int32Array.of(4), numItems: 4 }),
    ).toThrow('Interactions: numItems must be an integer above the largest id (4); got 4.');
  });

  it('subsets keep the id spaces and maps', () => {
    const data = Interactions.fromRaw({
      users: [1, 2, 3],
      items: [4, 5, 6],
      timestamps: [7, 8, 9],
    });
    const part = data.subset([2, 0]);
    expect(Array.from(part.itemIds)).toEqual([3, 1]);
    expect(Array.from(part.timestamps ?? [])).toEqual([9, 7]);
    expect(part.numItems).toBe(4);
    expect(part.itemMap).toBe(data.itemMap);
    expect(part.countDistinct()).toEqual({ users: 2, items: 2 });
    expect(() => data.subset([3])).toThrow(
      'Interactions.subset: indices[0] must be an integer in [0, 3); got 3.',
    );
  });
});

describe('InteractionsBuilder', () => {
  it('grows past its capacity and records NaN for omitted values', () => {
    const builder = new InteractionsBuilder({ ratings: true, capacity: 16 });
    for (let i = 0; i < 100; i++)
      builder.add(i % 7, `item${String(i % 13)}`, i % 2 ? 1 : undefined);
    const data = builder.build();
    expect(data.length).toBe(100);
    expect(data.numUsers).toBe(7);
    expect(data.numItems).toBe(14);
    expect(data.ratings?.[0]).toBeNaN();
    expect(data.ratings?.[1]).toBe(1);
    expect(data.itemMap?.toRaw(data.itemIds[99] ?? 0)).toBe('item8');
  });
});
