import { describe, expect, it } from 'vitest';

import { IdMap } from './id-map.js';

describe('IdMap', () => {
  it('hands out dense ids from firstId in order of first appearance', () => {
    const map = new IdMap({ firstId: 1 });
    expect([map.add('x'), map.add(7), map.add('x'), map.add('7')]).toEqual([1, 2, 1, 3]);
    expect(map.size).toBe(3);
    expect(map.numIds).toBe(4);
    expect(map.toRaw(3)).toBe('7');
    expect(map.toDense(7)).toBe(2);
    expect(map.toDense('missing')).toBeUndefined();
  });

  it('round-trips through JSON', () => {
    const map = new IdMap({ firstId: 1 });
    ['a', 2, 'c'].forEach((raw) => map.add(raw));
    const copy = IdMap.fromJSON(JSON.parse(JSON.stringify(map)) as ReturnType<IdMap['toJSON']>);
    expect(copy.rawIds()).toEqual(['a', 2, 'c']);
    expect(copy.toDense('c')).toBe(3);
  });

  it('names the parameter, rule and value in its errors', () => {
    expect(() => new IdMap({ firstId: -1 })).toThrow(
      'IdMap: firstId must be a non-negative integer; got -1.',
    );
    expect(() => new IdMap().add(Number.NaN)).toThrow(
      'IdMap.add: raw id must be a finite number or a string; got NaN.',
    );
    expect(() => new IdMap({ firstId: 1 }).toRaw(0)).toThrow(
      'IdMap.toRaw: dense must be an integer in [1, 1); got 0.',
    );
    expect(() => IdMap.fromJSON({ firstId: 0, rawIds: ['a', 'a'] })).toThrow(
      'IdMap.fromJSON: rawIds must be unique; got "a" twice.',
    );
  });
});
