import { describe, expect, it } from 'vitest';

import { categoricalPosterior } from './categorical.js';
import { adaptiveParzenNormal, linearForgettingWeights } from './parzen.js';

describe('linearForgettingWeights', () => {
  it('keeps up to 25 observations at full weight', () => {
    expect(linearForgettingWeights(0)).toEqual([]);
    expect(linearForgettingWeights(25)).toEqual(new Array(25).fill(1));
  });

  it('ramps the oldest from 1/n to 1 past 25 observations', () => {
    // numpy: np.linspace(1/30, 1, 5) = [0.0333, 0.275, 0.5167, 0.7583, 1].
    const weights = linearForgettingWeights(30);
    expect(weights).toHaveLength(30);
    [1 / 30, 0.275, 0.51666667, 0.75833333, 1].forEach((w, k) => {
      expect(weights[k]).toBeCloseTo(w, 7);
    });
    expect(weights.slice(5)).toEqual(new Array(25).fill(1));
    // A ramp of one point is its start, 1/n.
    expect(linearForgettingWeights(26)[0]).toBeCloseTo(1 / 26, 12);
  });
});

describe('adaptiveParzenNormal', () => {
  it('is the prior alone without observations', () => {
    expect(adaptiveParzenNormal([], 1, 0.5, 1)).toEqual({ weights: [1], mus: [0.5], sigmas: [1] });
  });

  it('gives one observation half the prior width, the prior on the correct side', () => {
    const before = adaptiveParzenNormal([0.9], 1, 0.5, 1);
    expect(before).toEqual({ weights: [0.5, 0.5], mus: [0.5, 0.9], sigmas: [1, 0.5] });
    const after = adaptiveParzenNormal([0.1], 3, 0.5, 2);
    expect(after).toEqual({ weights: [0.25, 0.75], mus: [0.1, 0.5], sigmas: [1, 2] });
    // A tie with the prior mean puts the observation first, as hyperopt does.
    expect(adaptiveParzenNormal([0.5], 1, 0.5, 1).sigmas).toEqual([0.5, 1]);
  });

  it('sets widths from the neighbours and clips them (worked by hand)', () => {
    // Sorted with the prior: [0.2, 0.5, 0.8]; gaps 0.3 everywhere; the floor is
    // 1 / min(100, 1 + 3) = 0.25; the prior keeps its own width 1.
    const even = adaptiveParzenNormal([0.8, 0.2], 1, 0.5, 1);
    expect(even.mus).toEqual([0.2, 0.5, 0.8]);
    expect(even.weights).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(even.sigmas[0]).toBeCloseTo(0.3, 12);
    expect(even.sigmas[1]).toBe(1);
    expect(even.sigmas[2]).toBeCloseTo(0.3, 12);

    // Sorted: [0.1, 0.15, 0.5 (prior), 0.9]. Raw widths: 0.05 (first: its one gap),
    // max(0.05, 0.35) = 0.35, prior, 0.4 (last). Floor 1 / 5 = 0.2 lifts the first.
    const uneven = adaptiveParzenNormal([0.15, 0.9, 0.1], 2, 0.5, 1);
    expect(uneven.mus).toEqual([0.1, 0.15, 0.5, 0.9]);
    expect(uneven.weights).toEqual([0.2, 0.2, 0.4, 0.2]);
    const sigmas = [0.2, 0.35, 1, 0.4];
    sigmas.forEach((s, k) => expect(uneven.sigmas[k]).toBeCloseTo(s, 12));
  });

  it('caps widths at the prior width and down-weights old observations', () => {
    const wide = adaptiveParzenNormal([-10, 10], 1, 0, 1);
    expect(wide.sigmas).toEqual([1, 1, 1]);

    const many = Array.from({ length: 30 }, (_, k) => k / 30);
    const fitted = adaptiveParzenNormal(many, 1, 0.5, 1);
    const total = 1 + linearForgettingWeights(30).reduce((a, b) => a + b, 0);
    // The oldest observation (0, the smallest) weighs 1/30 before normalising.
    expect(fitted.mus[0]).toBe(0);
    expect(fitted.weights[0]).toBeCloseTo(1 / 30 / total, 12);
    expect(fitted.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('categoricalPosterior', () => {
  it('adds prior pseudo-counts to the observed counts (worked by hand)', () => {
    // Counts [2, 0, 1] plus 1 each: [3, 1, 2] / 6.
    expect(categoricalPosterior([0, 2, 0], 3, 1)).toEqual([0.5, 1 / 6, 1 / 3]);
    // No observation: uniform, whatever the prior weight.
    expect(categoricalPosterior([], 4, 0.1)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
});
