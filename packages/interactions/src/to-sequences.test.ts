import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Interactions } from './interactions.js';
import { toSequences } from './to-sequences.js';

function rows(windows: ReturnType<typeof toSequences>): number[][] {
  return Array.from({ length: windows.numSequences }, (_, r) => Array.from(windows.row(r)));
}

const oneUser = Interactions.fromRaw({ users: [0, 0, 0, 0, 0], items: [1, 2, 3, 4, 5] });

describe('toSequences', () => {
  it('cuts step-1 windows newest first, right-aligned and left-padded', () => {
    expect(rows(toSequences(oneUser, { maxLength: 5, stepSize: 1 }))).toEqual([
      [1, 2, 3, 4, 5],
      [0, 1, 2, 3, 4],
      [0, 0, 1, 2, 3],
      [0, 0, 0, 1, 2],
      [0, 0, 0, 0, 1],
    ]);
  });

  it('cuts step-2 windows at n, n-2, n-4', () => {
    expect(rows(toSequences(oneUser, { maxLength: 5, stepSize: 2 }))).toEqual([
      [1, 2, 3, 4, 5],
      [0, 0, 1, 2, 3],
      [0, 0, 0, 0, 1],
    ]);
  });

  it('defaults the step to maxLength and keeps the oldest remainder', () => {
    expect(rows(toSequences(oneUser, { maxLength: 2 }))).toEqual([
      [4, 5],
      [2, 3],
      [0, 1],
    ]);
  });

  it('drops windows shorter than minLength', () => {
    expect(rows(toSequences(oneUser, { maxLength: 5, stepSize: 1, minLength: 3 }))).toEqual([
      [1, 2, 3, 4, 5],
      [0, 1, 2, 3, 4],
      [0, 0, 1, 2, 3],
    ]);
  });

  it('sorts by user then timestamp, keeping input order for equal timestamps', () => {
    const data = Interactions.fromRaw({
      users: ['b', 'a', 'b', 'a', 'a', 'a'],
      items: [10, 20, 30, 40, 50, 60],
      timestamps: [5, 9, 1, 3, 3, 1],
    });
    const windows = toSequences(data, { maxLength: 4 });
    const raw = (r: number) =>
      Array.from(windows.row(r)).map((id) => (id === 0 ? 0 : data.itemMap?.toRaw(id)));
    // Dense user 0 is 'b' (first seen): items by time 30 (t=1), 10 (t=5).
    expect(raw(0)).toEqual([0, 0, 30, 10]);
    // 'a': 60 (t=1), then 40 and 50 tie at t=3 and keep input order, then 20 (t=9).
    expect(raw(1)).toEqual([60, 40, 50, 20]);
    expect(Array.from(windows.userIds)).toEqual([0, 1]);
  });

  it('uses input order when there are no timestamps', () => {
    const data = Interactions.fromRaw({ users: [1, 2, 1], items: [3, 4, 5] });
    expect(rows(toSequences(data, { maxLength: 3 }))).toEqual([
      [0, 1, 3],
      [0, 0, 2],
    ]);
  });

  it('rejects misspelt options instead of ignoring them', () => {
    expect(() => toSequences(oneUser, { maxLen: 2 } as never)).toThrow(
      'toSequences: options must only hold maxLength, minLength, stepSize; got "maxLen".',
    );
  });

  it('rejects bad options with the option name and value', () => {
    expect(() => toSequences(oneUser, { maxLength: 0 })).toThrow(
      'toSequences: maxLength must be a positive integer; got 0.',
    );
    expect(() => toSequences(oneUser, { maxLength: 3, stepSize: 1.5 })).toThrow(
      'toSequences: stepSize must be a positive integer; got 1.5.',
    );
    expect(() => toSequences(oneUser, { maxLength: 3, minLength: 4 })).toThrow(
      'toSequences: minLength must be at most maxLength (3); got 4.',
    );
  });

  it('round-trips: with step = maxLength the windows hold every interaction once, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 20 })), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 7 }),
        (pairs, L) => {
          const data = new Interactions({
            userIds: Int32Array.from(pairs, ([u]) => u),
            itemIds: Int32Array.from(pairs, ([, i]) => i),
          });
          const windows = toSequences(data, { maxLength: L });
          for (let u = 0; u <= 5; u++) {
            const expected = pairs.filter(([v]) => v === u).map(([, i]) => i);
            const got: number[] = [];
            for (let r = windows.numSequences - 1; r >= 0; r--) {
              if (windows.userIds[r] === u) got.push(...Array.from(windows.row(r)).filter(Boolean));
            }
            expect(got).toEqual(expected);
          }
        },
      ),
    );
  });
});
