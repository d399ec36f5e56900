import { describeValue } from '@seqrec/interactions';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

import { inSpaceOrder, parameterOrder } from '../internal/parameter-order.js';
import { LINEAR_FORGETTING } from '../internal/parzen.js';
import { samplePriors } from '../internal/sample-prior.js';
import { suggestParameter } from '../internal/tpe-parameter.js';
import type { Params, SearchSpace } from '../space/distribution.js';
import type { Sampler, TrialObservation } from './sampler.js';

/**
 * Options of {@link TpeSampler}; the defaults are hyperopt's.
 *
 * @example
 * ```ts
 * import { TpeSampler, createTrialRng, uniform, type TpeSamplerOptions } from '@seqrec/tuning';
 *
 * // A short random start, then more candidates per suggestion than hyperopt's 24.
 * const options: TpeSamplerOptions = { startupTrials: 5, candidates: 64, gamma: 0.25 };
 * const sampler = new TpeSampler(options);
 * const params = sampler.suggest({ x: uniform(0, 1) }, [], createTrialRng(1, 0));
 * console.assert(sampler.options.candidates === 64 && typeof params['x'] === 'number');
 * ```
 */
export interface TpeSamplerOptions {
  /** Successful trials drawn at random before TPE takes over, an integer ≥ 0 (default 20). */
  readonly startupTrials?: number;
  /**
   * Sets the number of "good" trials that l(x) is fitted to: `ceil(gamma × sqrt(n))` of
   * the n successful ones, at most 25; in (0, 1] (default 0.25).
   */
  readonly gamma?: number;
  /** Draws from l(x) per parameter, the best l(x)/g(x) winning; an integer ≥ 1 (default 24). */
  readonly candidates?: number;
  /** Weight of the prior among the estimators' components, positive (default 1). */
  readonly priorWeight?: number;
}

/**
 * {@link TpeSamplerOptions} with every default filled in.
 *
 * @example
 * ```ts
 * import { TpeSampler, type ResolvedTpeSamplerOptions } from '@seqrec/tuning';
 *
 * const resolved: ResolvedTpeSamplerOptions = new TpeSampler({ startupTrials: 10 }).options;
 * // What was not given is hyperopt's default.
 * console.assert(resolved.startupTrials === 10 && resolved.candidates === 24);
 * ```
 */
export type ResolvedTpeSamplerOptions = Required<TpeSamplerOptions>;

/**
 * The Tree-structured Parzen Estimator of Bergstra et al. (2011), with hyperopt's estimators
 * and defaults. Past `startupTrials` successful trials, it ranks them by loss, fits one
 * adaptive Parzen estimator l(x) to the best `ceil(gamma × sqrt(n))` (at most 25) and one g(x)
 * to the rest, for each parameter on its own; it draws `candidates` values from l(x) and
 * keeps the one with the largest l(x)/g(x), which maximises expected improvement. Before
 * that, it draws from the priors.
 *
 * Continuous priors use a Gaussian mixture truncated to the bounds (of the logarithm for log
 * priors), with one component per observation, widths from the gaps between neighbours and
 * the prior as an extra component; quantised priors score a candidate by the mass that
 * rounds to it. Observations older than the 25 most recent are down-weighted linearly.
 * Categorical priors (`choice`, `randint`) use forgotten counts plus `priorWeight`
 * pseudo-counts per value.
 *
 * @remarks Deviation: hyperopt counts a failed trial as one with infinite loss (it lands
 * among the bad trials and in the startup count); here failed trials (loss `undefined` or
 * not finite) are left out entirely, as the runner's contract says.
 *
 * @throws RangeError from the constructor when an option is out of range.
 * @see Bergstra, J., Bardenet, R., Bengio, Y. and Kégl, B. "Algorithms for Hyper-Parameter
 *   Optimization", NeurIPS 2011.
 * @see hyperopt's `tpe.suggest` and `tpe.adaptive_parzen_normal` (the bandwidth rules).
 * @example
 * ```ts
 * import { TpeSampler, createTrialRng, uniform, type TrialObservation } from '@seqrec/tuning';
 *
 * const space = { x: uniform(0, 10) };
 * const sampler = new TpeSampler({ startupTrials: 5 });
 * const history: TrialObservation[] = [];
 * for (let i = 0; i < 30; i++) {
 *   const params = sampler.suggest(space, history, createTrialRng(7, i));
 *   const x = params['x'] as number;
 *   history.push({ params, loss: (x - 3) ** 2 });
 * }
 * const best = Math.min(...history.map((h) => h.loss ?? Infinity));
 * console.assert(best < 0.05, `best ${best}`);
 * ```
 */
export class TpeSampler implements Sampler {
  /** `'tpe'`. */
  readonly name = 'tpe';
  /** The options in force. */
  readonly options: ResolvedTpeSamplerOptions;

  /** @param options - see {@link TpeSamplerOptions}. */
  constructor(options: TpeSamplerOptions = {}) {
    this.options = resolveTpeSamplerOptions(options);
  }

  /** Draws at random during startup, then by TPE. */
  suggest(space: SearchSpace, history: readonly TrialObservation[], rng: RandomGenerator): Params {
    const { startupTrials, gamma, candidates, priorWeight } = this.options;
    // Deviation: hyperopt counts failed trials as infinitely bad; they are left out here.
    const ok = history.filter((o) => o.loss !== undefined && Number.isFinite(o.loss));
    if (ok.length < startupTrials || ok.length === 0) return samplePriors(space, rng);

    // Rank by loss (earlier trial first on ties), keep history order inside each group:
    // linear forgetting weighs by age.
    const rank = ok.map((_, k) => k);
    rank.sort((a, b) => (ok[a]?.loss as number) - (ok[b]?.loss as number) || a - b);
    const numBelow = Math.min(Math.ceil(gamma * Math.sqrt(ok.length)), LINEAR_FORGETTING);
    const isBelow = new Set(rank.slice(0, numBelow));
    const below = ok.filter((_, k) => isBelow.has(k));
    const above = ok.filter((_, k) => !isBelow.has(k));

    const step = { rng, candidates, priorWeight };
    const values = new Map<string, number | string | boolean>();
    for (const name of parameterOrder(space)) {
      const d = space[name] as SearchSpace[string];
      const pick = (group: readonly TrialObservation[]): unknown[] =>
        group.map((o) => o.params[name]);
      values.set(name, suggestParameter(d, pick(below), pick(above), step));
    }
    return inSpaceOrder(space, values);
  }
}

function resolveTpeSamplerOptions(options: TpeSamplerOptions): ResolvedTpeSamplerOptions {
  const api = 'TpeSampler';
  const startupTrials = options.startupTrials ?? 20;
  const gamma = options.gamma ?? 0.25;
  const candidates = options.candidates ?? 24;
  const priorWeight = options.priorWeight ?? 1;
  if (!Number.isSafeInteger(startupTrials) || startupTrials < 0) {
    throw new RangeError(
      `${api}: startupTrials must be an integer ≥ 0; got ${describeValue(startupTrials)}.`,
    );
  }
  if (typeof gamma !== 'number' || !(gamma > 0 && gamma <= 1)) {
    throw new RangeError(`${api}: gamma must be a number in (0, 1]; got ${describeValue(gamma)}.`);
  }
  if (!Number.isSafeInteger(candidates) || candidates < 1) {
    throw new RangeError(
      `${api}: candidates must be an integer ≥ 1; got ${describeValue(candidates)}.`,
    );
  }
  if (typeof priorWeight !== 'number' || !(priorWeight > 0 && Number.isFinite(priorWeight))) {
    throw new RangeError(
      `${api}: priorWeight must be a positive finite number; got ${describeValue(priorWeight)}.`,
    );
  }
  return Object.freeze({ startupTrials, gamma, candidates, priorWeight });
}
