import { describe, expect, it } from 'vitest';

import {
  choice,
  createTrialRng,
  loguniform,
  quniform,
  RandomSampler,
  TpeSampler,
  uniform,
  type Params,
  type Sampler,
  type TrialObservation,
} from '@seqrec/tuning';

// A noise-free 4-D objective over the kinds of prior a recommender search uses: a real
// number, a learning rate on a log scale, a quantised batch size and a categorical loss.
// Its minimum, 0, is at x = 2, lr = e^-6, batch = 96, kind = 'b'.
const SPACE = {
  x: uniform(-5, 10),
  lr: loguniform(-9, 0),
  batch: quniform(16, 256, 16),
  kind: choice(['a', 'b', 'c']),
};
const OFFSET: Readonly<Record<string, number>> = { a: 1, b: 0, c: 2 };

function objective(p: Params): number {
  const x = p['x'] as number;
  const lr = p['lr'] as number;
  const batch = p['batch'] as number;
  return (
    (x - 2) ** 2 / 4 +
    (Math.log(lr) + 6) ** 2 / 2 +
    ((batch - 96) / 64) ** 2 +
    (OFFSET[p['kind'] as string] as number)
  );
}

function bestAfter(sampler: Sampler, seed: number, numTrials: number): number {
  const history: TrialObservation[] = [];
  let best = Infinity;
  for (let i = 0; i < numTrials; i++) {
    const params = sampler.suggest(SPACE, history, createTrialRng(seed, i));
    const loss = objective(params);
    best = Math.min(best, loss);
    history.push({ params, loss });
  }
  return best;
}

const mean = (values: readonly number[]): number =>
  values.reduce((a, b) => a + b, 0) / values.length;

describe('TPE against random search', () => {
  it('finds a clearly better best value in 80 trials, over 10 seeds', () => {
    const seeds = Array.from({ length: 10 }, (_, k) => k);
    // Hyperopt's defaults: the first 20 trials are random, and the same draws as random
    // search's (same trial generators), so the comparison is paired.
    const tpe = seeds.map((seed) => bestAfter(new TpeSampler(), seed, 80));
    const random = seeds.map((seed) => bestAfter(new RandomSampler(), seed, 80));

    // Measured: mean best 0.452 for TPE and 1.120 for random, TPE ahead on 9 seeds of 10
    // (seeds 10-19: 0.422 against 1.026; 100-109: 0.550 against 1.174). A sampler no
    // better than random would tie on every seed, and fail both checks.
    expect(mean(tpe)).toBeLessThan(0.6 * mean(random));
    expect(tpe.filter((t, k) => t < (random[k] as number)).length).toBeGreaterThanOrEqual(7);
  });
});
