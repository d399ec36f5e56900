import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

import type { Distribution } from '../space/distribution.js';
import { categoricalPosterior } from './categorical.js';
import { pickIndex, sampleTruncatedMixture, truncatedLogMass, truncatedLogPdf } from './gmm.js';
import { adaptiveParzenNormal, type Mixture } from './parzen.js';
import { fromInternal } from './sample-prior.js';
import { gridRange } from './quantize.js';

/** hyperopt's floor under exp(low) before a quantised log observation's logarithm. */
const EPS = 1e-12;

type Value = number | string | boolean;
type Continuous = Extract<
  Distribution,
  { kind: 'uniform' | 'loguniform' | 'quniform' | 'qloguniform' }
>;

/** @internal What {@link suggestParameter} needs to know besides the distribution. */
export interface TpeStep {
  readonly rng: RandomGenerator;
  readonly candidates: number;
  readonly priorWeight: number;
}

/**
 * One parameter's TPE suggestion: fit l(x) to the values of the good trials and g(x) to the
 * rest, draw `candidates` values from l and return the one with the highest l(x) / g(x).
 * Values that do not belong to the distribution (another type, outside the options) are
 * left out of the estimators.
 *
 * @see Bergstra, J., Bardenet, R., Bengio, Y. and Kégl, B. "Algorithms for Hyper-Parameter
 *   Optimization", NeurIPS 2011, section 4.
 * @internal
 */
export function suggestParameter(
  d: Distribution,
  below: readonly unknown[],
  above: readonly unknown[],
  step: TpeStep,
): Value {
  if (d.kind === 'choice' || d.kind === 'randint') {
    const size = d.kind === 'choice' ? d.options.length : d.high - d.low;
    const toIndex = (v: unknown): number =>
      d.kind === 'choice'
        ? d.options.indexOf(v as Value)
        : typeof v === 'number' && Number.isInteger(v) && v >= d.low && v < d.high
          ? v - d.low
          : -1;
    const l = categoricalPosterior(indices(below, toIndex), size, step.priorWeight);
    const g = categoricalPosterior(indices(above, toIndex), size, step.priorWeight);
    const best = argmax(step.candidates, () => {
      const k = pickIndex(step.rng, l);
      return [k, Math.log(l[k] as number) - Math.log(g[k] as number)];
    });
    return d.kind === 'choice' ? (d.options[best] as Value) : d.low + best;
  }
  return suggestContinuous(d, below, above, step);
}

function suggestContinuous(
  d: Continuous,
  below: readonly unknown[],
  above: readonly unknown[],
  step: TpeStep,
): number {
  const fit = (values: readonly unknown[]): Mixture =>
    adaptiveParzenNormal(
      values.flatMap((v) => toInternal(d, v)),
      step.priorWeight,
      0.5 * (d.low + d.high),
      d.high - d.low,
    );
  const l = fit(below);
  const g = fit(above);
  return argmax(step.candidates, () => {
    const value = fromInternal(d, sampleTruncatedMixture(step.rng, l, d.low, d.high));
    return [value, logDensity(d, l, value) - logDensity(d, g, value)];
  });
}

/**
 * An observed value in the estimators' space, clipped to the bounds; none when it is not a
 * usable number.
 */
function toInternal(d: Continuous, v: unknown): number[] {
  if (typeof v !== 'number' || !Number.isFinite(v)) return [];
  let x = v;
  if (d.kind === 'loguniform') {
    if (!(v > 0)) return [];
    x = Math.log(v);
  } else if (d.kind === 'qloguniform') {
    // As hyperopt does: values quantised down to 0 count as exp(low).
    x = Math.log(Math.max(v, EPS, Math.exp(d.low)));
  }
  return [Math.min(Math.max(x, d.low), d.high)];
}

/**
 * log density (or, for quantised priors, log probability of the grid point) of `value`
 * under the mixture truncated to the bounds. The truncation normaliser is a constant per
 * mixture, so it never changes which candidate wins; it is kept so the numbers are true
 * log probabilities.
 */
function logDensity(d: Continuous, mixture: Mixture, value: number): number {
  switch (d.kind) {
    case 'uniform':
      return truncatedLogPdf(mixture, value, d.low, d.high);
    case 'loguniform':
      return truncatedLogPdf(mixture, Math.log(value), d.low, d.high) - Math.log(value);
    case 'quniform': {
      const [a, b] = gridCell(value, d.q, d.low, d.high);
      return truncatedLogMass(mixture, a, b, d.low, d.high);
    }
    case 'qloguniform': {
      const [a, b] = gridCell(value, d.q, Math.exp(d.low), Math.exp(d.high));
      return truncatedLogMass(mixture, Math.log(a), Math.log(b), d.low, d.high);
    }
  }
}

/**
 * The values that round to grid point `value`: [value - q/2, value + q/2], the first and
 * last grid points also taking what the clamping to [low, high] sends them.
 */
function gridCell(value: number, q: number, low: number, high: number): [number, number] {
  const { first, last } = gridRange(low, high, q);
  const k = Math.round(value / q);
  return [k <= first ? low : value - q / 2, k >= last ? high : value + q / 2];
}

function indices(values: readonly unknown[], toIndex: (v: unknown) => number): number[] {
  return values.map(toIndex).filter((k) => k >= 0);
}

/** The value of the best-scoring of `n` draws; the first one wins ties, NaN never wins. */
function argmax<T>(n: number, draw: () => [T, number]): T {
  let [best, bestScore] = draw();
  for (let k = 1; k < n; k++) {
    const [value, score] = draw();
    if (score > bestScore || Number.isNaN(bestScore)) [best, bestScore] = [value, score];
  }
  return best;
}
