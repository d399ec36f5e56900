import { describe, expect, it } from 'vitest';

import { fastExp, fastSigmoid, fastTanh } from './fast-activations.js';

// Every argument from -30 to 30 in steps of 1/1024, plus the edges.
const GRID = [
  ...Array.from({ length: 61_441 }, (_, i) => -30 + i / 1024),
  -1e-9,
  1e-9,
  -0,
  87,
  -87,
  1e6,
  -1e6,
];

function worst(values: readonly number[], error: (x: number) => number): number {
  return values.reduce((m, x) => Math.max(m, error(x)), 0);
}

describe('fast activations', () => {
  it('fastExp is within 1e-11 of Math.exp, relative, wherever it does not clamp', () => {
    const inRange = GRID.filter((x) => Math.abs(x) <= 80);
    expect(worst(inRange, (x) => Math.abs(fastExp(x) / Math.exp(x) - 1))).toBeLessThan(1e-11);
    expect(fastExp(0)).toBe(1);
  });

  it('fastExp clamps beyond ±80 and keeps NaN', () => {
    expect([fastExp(1e6), fastExp(Infinity)]).toEqual([fastExp(80), fastExp(80)]);
    expect([fastExp(-1e6), fastExp(-Infinity)]).toEqual([fastExp(-80), fastExp(-80)]);
    expect(Math.abs(fastExp(80) / Math.exp(80) - 1)).toBeLessThan(1e-11);
    expect(fastExp(NaN)).toBeNaN();
  });

  it('fastSigmoid and fastTanh are within 1e-8 of the exact functions, absolute', () => {
    const exactSigmoid = (x: number) => 1 / (1 + Math.exp(-x));
    expect(worst(GRID, (x) => Math.abs(fastSigmoid(x) - exactSigmoid(x)))).toBeLessThan(1e-8);
    expect(worst(GRID, (x) => Math.abs(fastTanh(x) - Math.tanh(x)))).toBeLessThan(1e-8);
  });

  it('saturates to exact limits and keeps NaN', () => {
    expect([fastSigmoid(1e6), fastSigmoid(-1e6), fastTanh(1e6), fastTanh(-1e6)]).toEqual([
      1,
      expect.closeTo(0, 30),
      1,
      -1,
    ]);
    expect(fastSigmoid(NaN)).toBeNaN();
    expect(fastTanh(NaN)).toBeNaN();
  });
});
