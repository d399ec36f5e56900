import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Interactions } from '../interactions.js';
import { leaveLastOut } from './leave-last-out.js';
import { randomSplit } from './random-split.js';
import { temporalSplit } from './temporal-split.js';
import { userBasedSplit } from './user-based-split.js';

function manyUsers(numUsers: number, perUser: number): Interactions {
  const users: string[] = [];
  const items: number[] = [];
  for (let u = 0; u < numUsers; u++) {
    for (let k = 0; k < perUser; k++) {
      users.push(`user-${String(u)}`);
      items.push(1 + ((u * 7 + k) % 50));
    }
  }
  return Interactions.fromRaw({ users, items });
}

function usersOf(data: Interactions): Set<number> {
  return new Set(data.userIds);
}

describe('userBasedSplit', () => {
  const data = manyUsers(1000, 3);

  it('keeps each user on one side and meets the fractions to one user', () => {
    const split = userBasedSplit(data, { testFraction: 0.1, validationFraction: 0.1, seed: 1 });
    const [train, validation, test] = [split.train, split.validation, split.test].map(usersOf);
    expect(test?.size).toBe(100);
    expect(validation?.size).toBe(100);
    expect(train?.size).toBe(800);
    for (const u of test ?? []) expect(train?.has(u) || validation?.has(u)).toBe(false);
    for (const u of validation ?? []) expect(train?.has(u)).toBe(false);
    expect(split.train.length + split.validation.length + split.test.length).toBe(3000);
  });

  it('is deterministic per seed, differs across seeds, and ignores row order', () => {
    const a = usersOf(userBasedSplit(data, { seed: 5 }).test);
    const b = usersOf(userBasedSplit(data, { seed: 5 }).test);
    const c = usersOf(userBasedSplit(data, { seed: 6 }).test);
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);

    const reversed = data.subset(
      Array.from({ length: data.length }, (_, i) => data.length - 1 - i),
    );
    const rawTest = (part: Interactions) =>
      new Set([...usersOf(part)].map((u) => part.userMap?.toRaw(u)));
    expect(rawTest(userBasedSplit(reversed, { seed: 5 }).test)).toEqual(
      rawTest(userBasedSplit(data, { seed: 5 }).test),
    );
  });

  it('holds the fraction within one percent for any seed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: 0, max: 0.9, noNaN: true }), (seed, fraction) => {
        const test = usersOf(userBasedSplit(data, { seed, testFraction: fraction }).test);
        expect(Math.abs(test.size / 1000 - fraction)).toBeLessThanOrEqual(0.01);
      }),
      { numRuns: 30 },
    );
  });

  it('rejects misspelt options', () => {
    expect(() => userBasedSplit(data, { testFrac: 0.2 } as never)).toThrow(
      'userBasedSplit: options must only hold testFraction, validationFraction, seed; got "testFrac".',
    );
  });

  it('rejects bad fractions and seeds', () => {
    expect(() => userBasedSplit(data, { testFraction: 1 })).toThrow(
      'userBasedSplit: testFraction must be a number in [0, 1); got 1.',
    );
    expect(() => userBasedSplit(data, { testFraction: 0.6, validationFraction: 0.5 })).toThrow(
      'userBasedSplit: testFraction + validationFraction must be below 1; got 1.1.',
    );
    expect(() => userBasedSplit(data, { seed: 0.5 })).toThrow(
      'userBasedSplit: seed must be an integer; got 0.5.',
    );
  });
});

describe('randomSplit', () => {
  it('assigns exact counts, is seeded, and keeps input order within parts', () => {
    const data = manyUsers(10, 10);
    const split = randomSplit(data, { testFraction: 0.25, validationFraction: 0.1, seed: 3 });
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([65, 10, 25]);
    const again = randomSplit(data, { testFraction: 0.25, validationFraction: 0.1, seed: 3 });
    expect(Array.from(again.test.itemIds)).toEqual(Array.from(split.test.itemIds));
    const other = randomSplit(data, { testFraction: 0.25, validationFraction: 0.1, seed: 4 });
    expect(Array.from(other.test.itemIds)).not.toEqual(Array.from(split.test.itemIds));
  });
});

describe('leaveLastOut', () => {
  it('holds out the newest and second-newest item of each user with three or more', () => {
    const data = Interactions.fromRaw({
      users: ['a', 'a', 'a', 'a', 'b', 'b', 'c', 'c', 'c'],
      items: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      timestamps: [4, 1, 3, 2, 1, 2, 5, 5, 5],
    });
    const { train, validation, test } = leaveLastOut(data);
    const raw = (part: Interactions) => Array.from(part.itemIds, (i) => data.itemMap?.toRaw(i));
    // a by time: 2, 4, 3, 1 → test 1, validation 3. c ties at t=5: input order 7, 8, 9.
    expect(raw(test)).toEqual([1, 9]);
    expect(raw(validation)).toEqual([3, 8]);
    expect(raw(train)).toEqual([2, 4, 5, 6, 7]);
  });
});

describe('temporalSplit', () => {
  const data = Interactions.fromRaw({
    users: [1, 1, 2, 2, 3],
    items: [1, 2, 3, 4, 5],
    timestamps: [10, 50, 20, 40, 30],
  });

  it('cuts at a global time', () => {
    const { train, test } = temporalSplit(data, { cutoff: 30 });
    expect(Array.from(test.timestamps ?? [])).toEqual([50, 40, 30]);
    expect(Array.from(train.timestamps ?? [])).toEqual([10, 20]);
  });

  it('picks the cut-off from a fraction', () => {
    const { test } = temporalSplit(data, { testFraction: 0.4 });
    expect(Array.from(test.timestamps ?? [])).toEqual([50, 40]);
  });

  it('has no validation part to ask for', () => {
    expect(() =>
      temporalSplit(data, { testFraction: 0.5, validationFraction: 0.1 } as never),
    ).toThrow(
      'temporalSplit: options must only hold cutoff, testFraction; got "validationFraction".',
    );
  });

  it('needs timestamps and exactly one of its options', () => {
    const untimed = Interactions.fromRaw({ users: [1], items: [1] });
    expect(() => temporalSplit(untimed, { cutoff: 1 })).toThrow(
      'temporalSplit: interactions must have timestamps; got none.',
    );
    expect(() => temporalSplit(data, {})).toThrow(
      'temporalSplit: exactly one of cutoff and testFraction must be given; got {}.',
    );
  });
});
