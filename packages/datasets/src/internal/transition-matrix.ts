import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

import { sampleLogGamma } from './gamma.js';

// Spotlight's tolerance for "doubly stochastic", and its cap on balancing passes.
const TOLERANCE = 1e-3;
const MAX_PASSES = 100;

/**
 * A random n × n transition matrix, row-major: each row drawn from a symmetric
 * Dirichlet(concentration), then balanced towards doubly stochastic (alternately dividing
 * columns and rows by their sums, as Spotlight does) so the chain's stationary distribution
 * is close to uniform and every item keeps turning up.
 *
 * @returns Rows as cumulative sums, each ending at 1, ready for a binary search.
 * @internal
 */
export function cumulativeTransitions(
  rng: RandomGenerator,
  n: number,
  concentration: number,
): Float64Array {
  const matrix = new Float64Array(n * n);
  const logs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let j = 0; j < n; j++) {
      const value = sampleLogGamma(rng, concentration);
      logs[j] = value;
      if (value > max) max = value;
    }
    const row = matrix.subarray(i * n, (i + 1) * n);
    for (let j = 0; j < n; j++) row[j] = Math.exp((logs[j] as number) - max);
    scale(row, 1 / sum(row));
  }

  const columnSums = new Float64Array(n);
  for (let pass = 0; pass < MAX_PASSES && !isDoublyStochastic(matrix, n, columnSums); pass++) {
    for (let k = 0; k < n * n; k++) {
      const total = columnSums[k % n] as number;
      // A column the draws left at (numerically) zero stays so rather than becoming NaN.
      if (total > 0) matrix[k] = (matrix[k] as number) / total;
    }
    for (let i = 0; i < n; i++) {
      const row = matrix.subarray(i * n, (i + 1) * n);
      scale(row, 1 / sum(row));
    }
  }

  for (let i = 0; i < n; i++) {
    let running = 0;
    for (let j = 0; j < n; j++) {
      running += matrix[i * n + j] as number;
      matrix[i * n + j] = running;
    }
    matrix[i * n + n - 1] = 1;
  }
  return matrix;
}

/** Fills `columnSums` and tells whether rows and columns all sum to 1 within tolerance. */
function isDoublyStochastic(matrix: Float64Array, n: number, columnSums: Float64Array): boolean {
  columnSums.fill(0);
  let ok = true;
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (let j = 0; j < n; j++) {
      const value = matrix[i * n + j] as number;
      rowSum += value;
      columnSums[j] = (columnSums[j] as number) + value;
    }
    if (Math.abs(1 - rowSum) >= TOLERANCE) ok = false;
  }
  for (let j = 0; j < n && ok; j++) {
    if (Math.abs(1 - (columnSums[j] as number)) >= TOLERANCE) ok = false;
  }
  return ok;
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let k = 0; k < values.length; k++) total += values[k] as number;
  return total;
}

function scale(values: Float64Array, factor: number): void {
  for (let k = 0; k < values.length; k++) values[k] = (values[k] as number) * factor;
}
