import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';

import { cumulativeTransitions } from './transition-matrix.js';

describe('cumulativeTransitions', () => {
  it('gives non-decreasing rows ending at 1, balanced to near doubly stochastic', () => {
    const n = 40;
    const matrix = cumulativeTransitions(xoroshiro128plus(7), n, 0.5);
    const columnSums = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      expect(matrix[i * n + n - 1]).toBe(1);
      for (let j = 0; j < n; j++) {
        const previous = j === 0 ? 0 : (matrix[i * n + j - 1] as number);
        const p = (matrix[i * n + j] as number) - previous;
        expect(p).toBeGreaterThanOrEqual(0);
        columnSums[j] = (columnSums[j] as number) + p;
      }
    }
    // Spotlight's tolerance for the balancing is 1e-3 per row and column sum.
    for (const sum of columnSums) expect(Math.abs(sum - 1)).toBeLessThan(2e-3);
  });

  it('never produces NaN at tiny concentrations', () => {
    const matrix = cumulativeTransitions(xoroshiro128plus(3), 60, 1e-4);
    expect(matrix.every((value) => Number.isFinite(value))).toBe(true);
  });
});
