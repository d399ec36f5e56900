import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';

import {
  mixtureMass,
  pickIndex,
  sampleTruncatedMixture,
  truncatedLogMass,
  truncatedLogPdf,
} from './gmm.js';
import { erfc, logSumExp, normalMass, standardNormalCdf } from './normal.js';

// Reference values below come from scipy 1.17 (`scipy.special.erfc`, `scipy.stats.norm`).
// The erfc fit has a relative error below 1.2e-7, so 6 significant digits are checked.
const RELATIVE = 1e-6;

function expectRelative(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(RELATIVE * Math.abs(expected));
}

describe('normal helpers', () => {
  it('computes erfc to its stated precision, tails included', () => {
    expectRelative(erfc(0), 1);
    expectRelative(erfc(0.5), 0.4795001221869535);
    expectRelative(erfc(-1), 1.8427007929497148);
    expectRelative(erfc(3), 2.2090496998585445e-5);
    expectRelative(erfc(6), 2.1519736712498913e-17);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
  });

  it('keeps the mass of far intervals on either side', () => {
    expectRelative(standardNormalCdf(1.96), 0.9750021048517795);
    // Φ(9) - Φ(8) would be 0 as 1 - ... in doubles; from the upper tail it is 6.2198e-16.
    expectRelative(normalMass(8, 9, 0, 1), 6.219831985865787e-16);
    expectRelative(normalMass(-9, -8, 0, 1), 6.219831985865787e-16);
    expectRelative(normalMass(-1, 1, 0, 1), 0.6826894921370859);
    expect(normalMass(1, 1, 0, 1)).toBe(0);
  });

  it('adds logarithms safely', () => {
    expect(logSumExp([-1000, -1000])).toBeCloseTo(-1000 + Math.log(2), 12);
    expect(logSumExp([-Infinity])).toBe(-Infinity);
  });
});

describe('truncated mixtures', () => {
  // weights 1/3 each, means [0.2, 0.5, 0.8], widths [0.3, 1, 0.3], truncated to [0, 1].
  const mixture = { weights: [1 / 3, 1 / 3, 1 / 3], mus: [0.2, 0.5, 0.8], sigmas: [0.3, 1, 0.3] };

  it('normalises the density by the mass inside the bounds', () => {
    expectRelative(mixtureMass(mixture, 0, 1), 0.6234263621063336);
    expectRelative(truncatedLogPdf(mixture, 0.3, 0, 1), 0.057300678327976085);
  });

  it('scores a grid cell by its mass, clipped to the bounds', () => {
    expectRelative(truncatedLogMass(mixture, 0.25, 0.35, 0, 1), -2.246596858988641);
    // The cell of the first grid point 0 is [0, 0.05]: what lies below 0 is cut.
    expectRelative(truncatedLogMass(mixture, -0.05, 0.05, 0, 1), -3.199930877068287);
  });

  it('draws inside [low, high) only, from every component', () => {
    const rng = xoroshiro128plus(5);
    const draws = Array.from({ length: 2000 }, () => sampleTruncatedMixture(rng, mixture, 0, 1));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    // The mixture is symmetric about 0.5; 2000 draws of sd < 0.3 leave the mean within 0.02.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
  });

  it('picks indices in proportion to their weights', () => {
    const rng = xoroshiro128plus(9);
    const counts = [0, 0, 0];
    for (let k = 0; k < 3000; k++) {
      const i = pickIndex(rng, [0.5, 0, 1.5]);
      counts[i] = (counts[i] as number) + 1;
    }
    expect(counts[1]).toBe(0);
    // Expected 750 and 2250; 4 standard deviations (±95) of slack.
    expect(Math.abs((counts[0] as number) - 750)).toBeLessThan(95);
  });
});
