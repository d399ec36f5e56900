import { IdMap } from '@seqrec/interactions';
import { describe, expect, it } from 'vitest';

import { parseHistory } from './parse-history.js';

function mapOf(rawIds: (number | string)[]): IdMap {
  return IdMap.fromJSON({ firstId: 1, rawIds });
}

describe('parseHistory', () => {
  it('keeps the strings a model with string ids knows, and drops blank tokens', () => {
    const map = mapOf(['item-1', 'item-2', '30']);
    expect(parseHistory(' item-2 ,, item-1 ,30, ', map)).toEqual(['item-2', 'item-1', '30']);
  });

  it('turns digits into numbers when the model knows the number, not the string', () => {
    const map = mapOf([10, 20, 'x']);
    expect(parseHistory('20, x, 10', map)).toEqual([20, 'x', 10]);
  });

  it('keeps a token the model does not know as typed, so it is reported as unknown', () => {
    expect(parseHistory('99, nope', mapOf([10]))).toEqual(['99', 'nope']);
  });

  it('reads numbers for a model trained on dense ids', () => {
    expect(parseHistory('3, 1, a', undefined)).toEqual([3, 1, 'a']);
    expect(parseHistory('  ', undefined)).toEqual([]);
  });
});
