import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

import type { Distribution, Params, SearchSpace } from '../space/distribution.js';
import { inSpaceOrder, parameterOrder } from './parameter-order.js';
import { quantize } from './quantize.js';

/** @internal One draw from a distribution's prior, as hyperopt's random search draws it. */
export function samplePrior(rng: RandomGenerator, d: Distribution): number | string | boolean {
  switch (d.kind) {
    case 'choice':
      return d.options[uniformInt(rng, 0, d.options.length - 1)] as number | string | boolean;
    case 'randint':
      return uniformInt(rng, d.low, d.high - 1);
    default:
      return fromInternal(d, d.low + (d.high - d.low) * uniformFloat64(rng));
  }
}

/**
 * The value for x in the space the estimators work in: x itself, `exp(x)` for log priors,
 * then rounded to the grid for quantised ones.
 *
 * @internal
 */
export function fromInternal(
  d: Extract<Distribution, { kind: 'uniform' | 'loguniform' | 'quniform' | 'qloguniform' }>,
  x: number,
): number {
  switch (d.kind) {
    case 'uniform':
      return x;
    case 'loguniform':
      return Math.exp(x);
    case 'quniform':
      return quantize(x, d.q, d.low, d.high);
    case 'qloguniform':
      return quantize(Math.exp(x), d.q, Math.exp(d.low), Math.exp(d.high));
  }
}

/** @internal Every parameter of a space from its prior, drawn in sorted-name order. */
export function samplePriors(space: SearchSpace, rng: RandomGenerator): Params {
  const values = new Map<string, number | string | boolean>();
  for (const name of parameterOrder(space)) {
    values.set(name, samplePrior(rng, space[name] as Distribution));
  }
  return inSpaceOrder(space, values);
}
