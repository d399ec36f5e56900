import { describe, expect, it } from 'vitest';

import { SequenceInteractions } from './sequence-interactions.js';

describe('SequenceInteractions', () => {
  const windows = new SequenceInteractions({
    sequences: Int32Array.from([0, 0, 1, 2, 3, 4]),
    userIds: Int32Array.from([5, 6]),
    maxLength: 3,
    numItems: 5,
  });

  it('exposes rows as views, lengths and selections', () => {
    expect(Array.from(windows.row(0))).toEqual([0, 0, 1]);
    expect(windows.rowLength(0)).toBe(1);
    expect(windows.rowLength(1)).toBe(3);
    const picked = windows.selectRows([1, 1]);
    expect(Array.from(picked.sequences)).toEqual([2, 3, 4, 2, 3, 4]);
    expect(Array.from(picked.userIds)).toEqual([6, 6]);
  });

  it('rejects inconsistent shapes and out-of-range ids', () => {
    expect(
      () =>
        new SequenceInteractions({
          sequences: new Int32Array(5),
          userIds: new Int32Array(2),
          maxLength: 3,
          numItems: 2,
        }),
    ).toThrow('must hold userIds.length × maxLength = 2 × 3 ids; got 5.');
    expect(
      () =>
        new SequenceInteractions({
          sequences: Int32Array.of(0, 9),
          userIds: new Int32Array(1),
          maxLength: 2,
          numItems: 5,
        }),
    ).toThrow('every item id must be in [0, numItems = 5); got 9 at row 0, column 1.');
    expect(() => windows.row(2)).toThrow(
      'SequenceInteractions.row: r must be an integer in [0, 2); got 2.',
    );
  });
});
