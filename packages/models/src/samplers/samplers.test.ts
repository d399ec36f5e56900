import { SequenceInteractions } from '@seqrec/interactions';
import { describe, expect, it } from 'vitest';

import { createSampler } from './create-sampler.js';
import { PopularitySampler } from './popularity-sampler.js';
import { UniformSampler } from './uniform-sampler.js';

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const windows = new SequenceInteractions({
  // Item 1 occurs once, item 2 three times, item 3 never.
  sequences: Int32Array.of(0, 1, 2, 2, 2, 0),
  userIds: Int32Array.of(0, 1, 2),
  maxLength: 2,
  numItems: 4,
});

describe('UniformSampler', () => {
  it('draws every id including padding, as Spotlight', () => {
    const sampler = new UniformSampler();
    sampler.fit(windows);
    const out = new Int32Array(4000);
    sampler.sample(out, lcg(1));
    const counts = [0, 0, 0, 0];
    out.forEach((id) => (counts[id] = (counts[id] ?? 0) + 1));
    counts.forEach((c) => expect(c).toBeGreaterThan(850)); // expected 1000 each
  });

  it('can exclude padding, and fails clearly when nothing is left to draw', () => {
    const sampler = new UniformSampler({ excludePadding: true });
    sampler.fit(windows);
    const out = new Int32Array(1000);
    sampler.sample(out, lcg(2));
    expect(out.every((id) => id >= 1 && id <= 3)).toBe(true);
    const onlyPadding = new SequenceInteractions({
      sequences: Int32Array.of(0),
      userIds: Int32Array.of(0),
      maxLength: 1,
      numItems: 1,
    });
    expect(() => sampler.fit(onlyPadding)).toThrow(
      'uniform-excluding-padding sampler: numItems must be above 1; got 1.',
    );
  });
});

describe('PopularitySampler', () => {
  it('draws in proportion to count^exponent and never draws unseen items', () => {
    const sampler = new PopularitySampler({ exponent: 1 });
    sampler.fit(windows);
    const out = new Int32Array(8000);
    sampler.sample(out, lcg(3));
    const counts = [0, 0, 0, 0];
    out.forEach((id) => (counts[id] = (counts[id] ?? 0) + 1));
    expect(counts[0]).toBe(0);
    expect(counts[3]).toBe(0);
    // Expected 2000 and 6000 (1 : 3).
    expect(Math.abs((counts[1] ?? 0) - 2000)).toBeLessThan(200);
  });

  it('falls back to uniform over real items when nothing occurs', () => {
    const empty = new SequenceInteractions({
      sequences: Int32Array.of(0, 0),
      userIds: Int32Array.of(0),
      maxLength: 2,
      numItems: 3,
    });
    const sampler = new PopularitySampler();
    sampler.fit(empty);
    const out = new Int32Array(100);
    sampler.sample(out, lcg(4));
    expect(new Set(out)).toEqual(new Set([1, 2]));
  });

  it('validates its exponent and sampler names', () => {
    expect(() => new PopularitySampler({ exponent: -1 })).toThrow(
      'PopularitySampler: exponent must be a finite number ≥ 0; got -1.',
    );
    expect(() => createSampler('zipf')).toThrow(
      'createSampler: name must be one of uniform, uniform-excluding-padding, popularity; got "zipf".',
    );
  });
});
