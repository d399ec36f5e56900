/**
 * hyperopt's default number of most recent observations kept at full weight (`DEFAULT_LF`),
 * also its cap on the number of "good" observations.
 *
 * @internal
 */
export const LINEAR_FORGETTING = 25;

/** @internal A one-dimensional Gaussian mixture: parallel weights (summing to 1), means, sds. */
export interface Mixture {
  readonly weights: readonly number[];
  readonly mus: readonly number[];
  readonly sigmas: readonly number[];
}

/**
 * Weights of `n` observations, oldest first: the `forgetting` most recent get 1, the older
 * ones a ramp from 1/n up to 1, so old observations fade out of the estimators.
 *
 * @see hyperopt's `tpe.linear_forgetting_weights`.
 * @internal
 */
export function linearForgettingWeights(n: number, forgetting = LINEAR_FORGETTING): number[] {
  if (n <= forgetting) return new Array<number>(n).fill(1);
  const rampLength = n - forgetting;
  const ramp = Array.from({ length: rampLength }, (_, k) =>
    rampLength === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * k) / (rampLength - 1),
  );
  return [...ramp, ...new Array<number>(forgetting).fill(1)];
}

/**
 * The adaptive Parzen estimator of Bergstra et al. (2011): one Gaussian per observation plus
 * the prior N(priorMu, priorSigma²), each observation's width the larger gap to its
 * neighbours in sorted order (the prior counting as a neighbour), clipped to
 * [priorSigma / min(100, 1 + components), priorSigma].
 *
 * @param observations - values in the estimator's space (logarithms for log priors), oldest
 *   first; the order sets the linear-forgetting weights.
 * @returns the components sorted by mean, the prior among them with weight `priorWeight`
 *   before normalisation.
 * @see hyperopt's `tpe.adaptive_parzen_normal`, whose rules these are.
 * @internal
 */
export function adaptiveParzenNormal(
  observations: readonly number[],
  priorWeight: number,
  priorMu: number,
  priorSigma: number,
  forgetting = LINEAR_FORGETTING,
): Mixture {
  const n = observations.length;
  const obsWeights = linearForgettingWeights(n, forgetting);
  const order = Array.from({ length: n }, (_, k) => k).sort(
    (a, b) => (observations[a] as number) - (observations[b] as number),
  );
  // The prior goes before the first observation not below it (numpy's searchsorted).
  let priorPos = order.findIndex((k) => (observations[k] as number) >= priorMu);
  if (priorPos < 0) priorPos = n;
  // hyperopt places a lone observation equal to the prior mean before the prior.
  if (n === 1 && observations[0] === priorMu) priorPos = 1;

  const mus = order.map((k) => observations[k] as number);
  const weights = order.map((k) => obsWeights[k] as number);
  mus.splice(priorPos, 0, priorMu);
  weights.splice(priorPos, 0, priorWeight);

  const sigmas = neighbourWidths(mus, priorSigma);
  const minSigma = priorSigma / Math.min(100, 1 + mus.length);
  for (let k = 0; k < sigmas.length; k++) {
    sigmas[k] = Math.min(Math.max(sigmas[k] as number, minSigma), priorSigma);
  }
  sigmas[priorPos] = priorSigma;
  const total = weights.reduce((a, b) => a + b, 0);
  return { weights: weights.map((w) => w / total), mus, sigmas };
}

/** Each sorted mean's larger gap to a neighbour; the ends take their one gap. */
function neighbourWidths(mus: readonly number[], priorSigma: number): number[] {
  const m = mus.length;
  // hyperopt's special cases: the prior alone, and the prior beside one observation.
  if (m === 1) return [priorSigma];
  if (m === 2) return [priorSigma * 0.5, priorSigma * 0.5];
  const at = (k: number): number => mus[k] as number;
  return mus.map((mu, k) => {
    if (k === 0) return at(1) - mu;
    if (k === m - 1) return mu - at(m - 2);
    return Math.max(mu - at(k - 1), at(k + 1) - mu);
  });
}
