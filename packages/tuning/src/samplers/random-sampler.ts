import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

import { samplePriors } from '../internal/sample-prior.js';
import type { Params, SearchSpace } from '../space/distribution.js';
import type { Sampler, TrialObservation } from './sampler.js';

/**
 * Random search: every parameter drawn from its prior, the history ignored (hyperopt's
 * `rand.suggest`).
 *
 * @see Bergstra, J. and Bengio, Y. "Random Search for Hyper-Parameter Optimization", JMLR 13,
 *   2012.
 * @example
 * ```ts
 * import { RandomSampler, createTrialRng, quniform } from '@seqrec/tuning';
 *
 * const space = { batch_size: quniform(64, 256, 16) };
 * const params = new RandomSampler().suggest(space, [], createTrialRng(1, 0));
 * const size = params['batch_size'] as number;
 * console.assert(size >= 64 && size <= 256 && size % 16 === 0);
 * ```
 */
export class RandomSampler implements Sampler {
  /** `'random'`. */
  readonly name = 'random';

  /** Draws each parameter from its prior, in the order of their sorted names. */
  suggest(space: SearchSpace, _history: readonly TrialObservation[], rng: RandomGenerator): Params {
    return samplePriors(space, rng);
  }
}
