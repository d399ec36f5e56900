import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';

import { sampleLogGamma } from './gamma.js';

describe('sampleLogGamma', () => {
  it('draws Gamma(shape, 1) samples with the right mean and variance', () => {
    const rng = xoroshiro128plus(42);
    const n = 40_000;
    for (const shape of [0.3, 1, 2.5, 10]) {
      let sum = 0;
      let sumSquares = 0;
      for (let i = 0; i < n; i++) {
        const x = Math.exp(sampleLogGamma(rng, shape));
        sum += x;
        sumSquares += x * x;
      }
      const mean = sum / n;
      const variance = sumSquares / n - mean * mean;
      // Mean and variance of Gamma(k, 1) are both k; 40,000 draws put the sample mean within
      // a few standard errors (sqrt(k / n) ≤ 1.6 %) of it, the variance within ~10 %.
      expect(mean).toBeCloseTo(shape, 1);
      expect(Math.abs(variance / shape - 1)).toBeLessThan(0.1);
    }
  });

  it('stays finite for tiny shapes, where plain samples underflow to 0', () => {
    const rng = xoroshiro128plus(1);
    for (let i = 0; i < 1000; i++) {
      const value = sampleLogGamma(rng, 1e-3);
      expect(Number.isFinite(value)).toBe(true);
    }
  });
});
