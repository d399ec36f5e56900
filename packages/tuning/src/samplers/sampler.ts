import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

import type { Params, SearchSpace } from '../space/distribution.js';

/**
 * One finished trial as a sampler sees it.
 *
 * @example
 * ```ts
 * import type { TrialObservation } from '@seqrec/tuning';
 *
 * const history: TrialObservation[] = [
 *   { params: { lr: 0.01 }, loss: -0.07 },
 *   { params: { lr: 0.3 }, loss: undefined }, // failed
 * ];
 * console.assert(history.length === 2);
 * ```
 */
export interface TrialObservation {
  /** The trial's hyperparameters. */
  readonly params: Params;
  /** The objective, lower is better; `undefined` for a failed trial, which TPE ignores. */
  readonly loss: number | undefined;
}

/**
 * Proposes the hyperparameters of the next trial. A sampler keeps no state between calls:
 * its suggestion is a function of its arguments alone, which is what makes a search
 * reproducible and resumable.
 *
 * @example
 * ```ts
 * import { createTrialRng, uniform, type Sampler } from '@seqrec/tuning';
 *
 * // Always proposes the middle of each uniform range: a valid, if useless, sampler.
 * const middle: Sampler = {
 *   name: 'middle',
 *   suggest: (space) =>
 *     Object.fromEntries(
 *       Object.entries(space).map(([name, d]) => [name, 'high' in d ? (d.low + d.high) / 2 : 0]),
 *     ),
 * };
 * console.assert(middle.suggest({ x: uniform(0, 2) }, [], createTrialRng(0, 0))['x'] === 1);
 * ```
 */
export interface Sampler {
  /** A short name for logs and run headers, e.g. `'tpe'`. */
  readonly name: string;
  /**
   * Draws one set of parameters.
   *
   * @param space - the priors.
   * @param history - the finished trials to learn from, oldest first.
   * @param rng - the random source, consumed; pass a fresh {@link createTrialRng} per trial.
   */
  suggest(space: SearchSpace, history: readonly TrialObservation[], rng: RandomGenerator): Params;
}
