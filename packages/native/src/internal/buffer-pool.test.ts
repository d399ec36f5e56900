import { describe, expect, it } from 'vitest';

import { BufferPool } from './buffer-pool.js';

describe('BufferPool', () => {
  it('answers with arrays of exactly the length asked', () => {
    const pool = new BufferPool(1 << 20);
    for (const length of [1, 5, 1000, 1001, 4097]) expect(pool.take(length)).toHaveLength(length);
  });

  it('reuses a given-back buffer for any length it holds, smallest first', () => {
    const pool = new BufferPool(1 << 20);
    const big = pool.take(1000);
    const small = pool.take(100);
    big.fill(7);
    pool.give(big, small);
    expect(pool.bytes).toBeGreaterThan(0);
    const again = pool.take(90); // fits the small one
    const reused = pool.take(900); // only the big one holds it
    expect(reused[0]).toBe(7);
    expect(reused.buffer).toBe(big.buffer);
    expect(again.buffer).toBe(small.buffer);
    expect(pool.bytes).toBe(0);
  });

  it('keeps at most maxBytes, dropping the smallest buffers first', () => {
    const pool = new BufferPool(5000);
    const [a, b, c] = [pool.take(100), pool.take(800), pool.take(300)];
    pool.give(a, b, c);
    expect(pool.bytes).toBeLessThanOrEqual(5000);
    expect(pool.take(800).buffer).toBe(b.buffer); // the largest stayed
  });

  it('does not keep a buffer larger than maxBytes', () => {
    const pool = new BufferPool(100);
    pool.give(pool.take(1000));
    expect(pool.bytes).toBe(0);
  });
});
