import { checkDistribution } from '../internal/check-distribution.js';

/**
 * A value a {@link choice} can offer: plain JSON scalars, so trials serialise as is.
 *
 * @example
 * ```ts
 * import { choice, type ChoiceOption } from '@seqrec/tuning';
 *
 * const options: ChoiceOption[] = ['bpr', 64, true];
 * const mixed = choice(options);
 * console.assert(mixed.kind === 'choice' && mixed.options.length === 3);
 * ```
 */
export type ChoiceOption = string | number | boolean;

/**
 * The prior of one hyperparameter, as in hyperopt's `hp.*` functions.
 *
 * - `choice`: one of `options`, each equally likely.
 * - `uniform`: a real number in [low, high).
 * - `loguniform`: `exp(x)` for x uniform in [low, high); the bounds are exponents, so
 *   `loguniform(-6, -3)` spans e^-6 … e^-3.
 * - `quniform`: `round(x / q) × q` for x uniform in [low, high).
 * - `qloguniform`: `round(exp(x) / q) × q` for x uniform in [low, high).
 * - `randint`: an integer in [low, high).
 *
 * Quantised values are kept on the grid points inside the bounds (see {@link quniform}).
 *
 * @example
 * ```ts
 * import { quniform, type Distribution } from '@seqrec/tuning';
 *
 * const batchSize: Distribution = { kind: 'quniform', low: 64, high: 256, q: 16 };
 * console.assert(JSON.stringify(batchSize) === JSON.stringify(quniform(64, 256, 16)));
 * ```
 */
export type Distribution =
  | { readonly kind: 'choice'; readonly options: readonly ChoiceOption[] }
  | { readonly kind: 'uniform'; readonly low: number; readonly high: number }
  | { readonly kind: 'loguniform'; readonly low: number; readonly high: number }
  | { readonly kind: 'quniform'; readonly low: number; readonly high: number; readonly q: number }
  | {
      readonly kind: 'qloguniform';
      readonly low: number;
      readonly high: number;
      readonly q: number;
    }
  | { readonly kind: 'randint'; readonly low: number; readonly high: number };

/**
 * The `kind` of a {@link Distribution}.
 *
 * @example
 * ```ts
 * import { DISTRIBUTION_KINDS, loguniform, type DistributionKind } from '@seqrec/tuning';
 *
 * const kind: DistributionKind = loguniform(-6, -3).kind;
 * console.assert(DISTRIBUTION_KINDS.includes(kind));
 * ```
 */
export type DistributionKind = Distribution['kind'];

/**
 * The distribution kinds, in the order error messages list them.
 *
 * @example
 * ```ts
 * import { DISTRIBUTION_KINDS } from '@seqrec/tuning';
 *
 * console.assert(DISTRIBUTION_KINDS.includes('qloguniform'));
 * ```
 */
export const DISTRIBUTION_KINDS = [
  'choice',
  'uniform',
  'loguniform',
  'quniform',
  'qloguniform',
  'randint',
] as const satisfies readonly DistributionKind[];

/**
 * A search space: one prior per hyperparameter name.
 *
 * Samplers draw the parameters in the order of their names sorted by code unit, so the
 * order in which a space file lists them does not change any trial.
 *
 * @example
 * ```ts
 * import { choice, loguniform, type SearchSpace } from '@seqrec/tuning';
 *
 * const space: SearchSpace = { learning_rate: loguniform(-6, -3), loss: choice(['bpr', 'hinge']) };
 * console.assert(Object.keys(space).length === 2);
 * ```
 */
// Limitation: flat spaces only; hyperopt's conditional (nested) spaces are not supported.
export type SearchSpace = Readonly<Record<string, Distribution>>;

/**
 * The values of one trial's hyperparameters, by name.
 *
 * @example
 * ```ts
 * import type { Params } from '@seqrec/tuning';
 *
 * const params: Params = { batch_size: 128, learning_rate: 0.004, loss: 'bpr' };
 * console.assert(params['loss'] === 'bpr');
 * ```
 */
export type Params = Readonly<Record<string, number | string | boolean>>;

/**
 * A categorical prior over `options`, each equally likely (hyperopt's `hp.choice`).
 *
 * @param options - the values, at least one, no two equal.
 * @throws TypeError if `options` is not an array of strings, numbers and booleans.
 * @throws RangeError if it is empty, holds a non-finite number or holds a value twice.
 * @example
 * ```ts
 * import { choice } from '@seqrec/tuning';
 *
 * const loss = choice(['bpr', 'adaptive-hinge']);
 * console.assert(loss.kind === 'choice' && loss.options.length === 2);
 * ```
 */
export function choice(options: readonly ChoiceOption[]): Distribution {
  return checkDistribution('choice', '', { kind: 'choice', options });
}

/**
 * A uniform prior on [low, high) (hyperopt's `hp.uniform`).
 *
 * @param low - the lower bound, finite.
 * @param high - the upper bound, finite and above `low`.
 * @throws RangeError if a bound is not finite or `high <= low`.
 * @example
 * ```ts
 * import { uniform } from '@seqrec/tuning';
 *
 * console.assert(uniform(0, 0.5).kind === 'uniform');
 * ```
 */
export function uniform(low: number, high: number): Distribution {
  return checkDistribution('uniform', '', { kind: 'uniform', low, high });
}

/**
 * A log-uniform prior: `exp(x)` for x uniform on [low, high) (hyperopt's `hp.loguniform`).
 * The bounds are natural-log exponents, not values.
 *
 * @param low - the lowest exponent, finite.
 * @param high - the highest exponent, finite and above `low`.
 * @throws RangeError if a bound is not finite or `high <= low`.
 * @example
 * ```ts
 * import { loguniform } from '@seqrec/tuning';
 *
 * // Learning rates between e^-6 ≈ 0.0025 and e^-3 ≈ 0.05.
 * const learningRate = loguniform(-6, -3);
 * console.assert(learningRate.kind === 'loguniform');
 * ```
 */
export function loguniform(low: number, high: number): Distribution {
  return checkDistribution('loguniform', '', { kind: 'loguniform', low, high });
}

/**
 * A quantised uniform prior: `round(x / q) × q` for x uniform on [low, high) (hyperopt's
 * `hp.quniform`; ties round to even like numpy). `quniform(64, 256, 16)` gives 64, 80, …,
 * 256, the two ends half as likely as the inner points.
 *
 * @remarks Deviation: hyperopt can return a rounded value outside [low, high] when a bound
 * is not a multiple of `q` (`quniform(1, 10, 3)` can give 0). Here such a value moves to the
 * nearest grid point inside the bounds, so every value lies in [low, high].
 *
 * @param low - the lower bound, finite.
 * @param high - the upper bound, finite and above `low`.
 * @param q - the step, finite and positive; some multiple of it must lie in [low, high].
 * @throws RangeError if a bound or `q` is out of range, or no multiple of `q` lies in
 *   [low, high].
 * @example
 * ```ts
 * import { quniform } from '@seqrec/tuning';
 *
 * const batchSize = quniform(64, 256, 16);
 * console.assert(batchSize.kind === 'quniform' && batchSize.q === 16);
 * ```
 */
export function quniform(low: number, high: number, q: number): Distribution {
  return checkDistribution('quniform', '', { kind: 'quniform', low, high, q });
}

/**
 * A quantised log-uniform prior: `round(exp(x) / q) × q` for x uniform on [low, high)
 * (hyperopt's `hp.qloguniform`). The bounds are exponents; `q` is a step of the value.
 *
 * @remarks Deviation: as for {@link quniform}, values stay on the grid inside
 * [e^low, e^high] where hyperopt can round them to 0 or past e^high.
 *
 * @param low - the lowest exponent, finite.
 * @param high - the highest exponent, finite and above `low`.
 * @param q - the step of the value, finite and positive; some multiple of it must lie in
 *   [e^low, e^high].
 * @throws RangeError if a bound or `q` is out of range, or no multiple of `q` lies in
 *   [e^low, e^high].
 * @example
 * ```ts
 * import { qloguniform } from '@seqrec/tuning';
 *
 * // Hidden sizes from 8 to about 400, in steps of 8.
 * console.assert(qloguniform(Math.log(8), 6, 8).kind === 'qloguniform');
 * ```
 */
export function qloguniform(low: number, high: number, q: number): Distribution {
  return checkDistribution('qloguniform', '', { kind: 'qloguniform', low, high, q });
}

/**
 * A uniform prior over the integers in [low, high) (hyperopt's `hp.randint` with two
 * bounds).
 *
 * @param low - the smallest value, a safe integer.
 * @param high - one past the largest value, a safe integer above `low`.
 * @throws RangeError if a bound is not a safe integer or `high <= low`.
 * @example
 * ```ts
 * import { randint } from '@seqrec/tuning';
 *
 * const seed = randint(0, 1000);
 * console.assert(seed.kind === 'randint');
 * ```
 */
export function randint(low: number, high: number): Distribution {
  return checkDistribution('randint', '', { kind: 'randint', low, high });
}
