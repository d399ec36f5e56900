import { describe, expect, it } from 'vitest';

import type { Params, SearchSpace } from '../space/distribution.js';
import {
  choice,
  loguniform,
  qloguniform,
  quniform,
  randint,
  uniform,
} from '../space/distribution.js';
import { createSampler } from './create-sampler.js';
import { createTrialRng } from './create-trial-rng.js';
import { RandomSampler } from './random-sampler.js';
import type { Sampler, TrialObservation } from './sampler.js';
import { TpeSampler } from './tpe-sampler.js';

const SPACE: SearchSpace = {
  batch: quniform(64, 256, 16),
  odd: quniform(1, 10, 3),
  lr: loguniform(-6, -3),
  hidden: qloguniform(Math.log(8), 6, 8),
  tiny: qloguniform(-6, -3, 0.001),
  x: uniform(-1, 1),
  seed: randint(-3, 4),
  loss: choice(['bpr', 'adaptive-hinge', 'hinge']),
};

/** Trials 0 … n − 1 of a sampler on a made-up objective. */
function search(sampler: Sampler, seed: number, n: number): TrialObservation[] {
  const history: TrialObservation[] = [];
  for (let i = 0; i < n; i++) {
    const params = sampler.suggest(SPACE, history, createTrialRng(seed, i));
    history.push({ params, loss: i % 7 === 3 ? undefined : objective(params) });
  }
  return history;
}

function objective(p: Params): number {
  return (
    (p['x'] as number) ** 2 +
    Math.abs(Math.log(p['lr'] as number) + 4) +
    (p['batch'] as number) / 256
  );
}

/** k·q within a few ulps: q = 0.001 cannot hold its multiples exactly. */
function onGrid(value: number, q: number): boolean {
  return Math.abs(value / q - Math.round(value / q)) < 1e-9;
}

function expectInSpace(params: Params): void {
  const batch = params['batch'] as number;
  expect(batch >= 64 && batch <= 256 && batch % 16 === 0).toBe(true);
  // 1 is not a multiple of 3: the grid inside [1, 10] is 3, 6, 9.
  expect([3, 6, 9]).toContain(params['odd']);
  const lr = params['lr'] as number;
  expect(lr >= Math.exp(-6) && lr < Math.exp(-3)).toBe(true);
  const hidden = params['hidden'] as number;
  expect(hidden >= 8 && hidden <= Math.exp(6) && hidden % 8 === 0).toBe(true);
  const tiny = params['tiny'] as number;
  expect(tiny >= Math.exp(-6) && tiny <= Math.exp(-3) && onGrid(tiny, 0.001)).toBe(true);
  const x = params['x'] as number;
  expect(x >= -1 && x < 1).toBe(true);
  expect(Number.isInteger(params['seed']) && (params['seed'] as number) >= -3).toBe(true);
  expect(params['seed'] as number).toBeLessThan(4);
  expect(['bpr', 'adaptive-hinge', 'hinge']).toContain(params['loss']);
}

describe('samplers', () => {
  it('keep every value inside its bounds and on its grid', () => {
    for (const sampler of [new RandomSampler(), new TpeSampler({ startupTrials: 5 })]) {
      for (const { params } of search(sampler, 11, 80)) expectInSpace(params);
    }
  });

  it('reach both ends of a quantised range, where hyperopt puts them', () => {
    const seen = new Set(search(new RandomSampler(), 2, 300).map((o) => o.params['batch']));
    expect(seen.has(64) && seen.has(256)).toBe(true);
    expect(seen.size).toBe(13);
  });

  it('are deterministic in (seed, trial index, observations)', () => {
    const tpe = new TpeSampler({ startupTrials: 4 });
    const history = search(tpe, 5, 30);
    const again = search(new TpeSampler({ startupTrials: 4 }), 5, 30);
    expect(again).toEqual(history);
    const other = search(new TpeSampler({ startupTrials: 4 }), 6, 30);
    expect(other.map((o) => o.params)).not.toEqual(history.map((o) => o.params));

    // Trial 25 alone, from the same observations, gives the same suggestion.
    const replay = tpe.suggest(SPACE, history.slice(0, 25), createTrialRng(5, 25));
    expect(replay).toEqual(history[25]?.params);
  });

  it('do not depend on the order in which the space lists its parameters', () => {
    const reversed = Object.fromEntries(Object.entries(SPACE).reverse());
    const history = search(new TpeSampler({ startupTrials: 3 }), 1, 10);
    const a = new TpeSampler({ startupTrials: 3 }).suggest(SPACE, history, createTrialRng(1, 10));
    const b = new TpeSampler({ startupTrials: 3 }).suggest(
      reversed,
      history,
      createTrialRng(1, 10),
    );
    expect(b).toEqual(a);
    expect(Object.keys(b)).toEqual(Object.keys(reversed));
  });

  it('draw at random until startupTrials successful trials, failed ones not counted', () => {
    const failed = Array.from({ length: 30 }, () => ({ params: { x: 0.5 }, loss: undefined }));
    const space = { x: uniform(-1, 1) };
    const tpe = new TpeSampler({ startupTrials: 1 });
    const random = new RandomSampler();
    expect(tpe.suggest(space, failed, createTrialRng(3, 30))).toEqual(
      random.suggest(space, [], createTrialRng(3, 30)),
    );
  });

  it('leave out observations that do not fit the space', () => {
    const space = { loss: choice(['a', 'b']), lr: loguniform(-6, -3), n: randint(0, 3) };
    const junk: TrialObservation[] = Array.from({ length: 30 }, (_, k) => ({
      params: { loss: 'zzz', lr: k % 2 === 0 ? -1 : 'x', n: 7 },
      loss: k,
    }));
    const params = new TpeSampler({ startupTrials: 0 }).suggest(space, junk, createTrialRng(0, 30));
    expect(['a', 'b']).toContain(params['loss']);
    expect(params['lr'] as number).toBeGreaterThanOrEqual(Math.exp(-6));
    expect([0, 1, 2]).toContain(params['n']);
  });

  it('prefer the value of the good trials for a categorical parameter', () => {
    const space = { loss: choice(['a', 'b', 'c']) };
    const history: TrialObservation[] = Array.from({ length: 40 }, (_, k) => ({
      params: { loss: ['a', 'b', 'c'][k % 3] as string },
      loss: k % 3 === 1 ? 0 : 1,
    }));
    const picks = Array.from({ length: 20 }, (_, i) =>
      new TpeSampler().suggest(space, history, createTrialRng(9, 40 + i)),
    );
    expect(picks.every((p) => p['loss'] === 'b')).toBe(true);
  });
});

describe('createSampler and options', () => {
  it('builds samplers by name', () => {
    const tpe = createSampler('tpe', { gamma: 0.5 });
    expect(tpe).toBeInstanceOf(TpeSampler);
    expect((tpe as TpeSampler).options).toEqual({
      startupTrials: 20,
      gamma: 0.5,
      candidates: 24,
      priorWeight: 1,
    });
    expect(createSampler('random')).toBeInstanceOf(RandomSampler);
    expect(() => createSampler('anneal')).toThrow(
      new RangeError('createSampler: name must be one of tpe, random; got "anneal".'),
    );
  });

  it('checks TPE options', () => {
    expect(() => new TpeSampler({ gamma: 0 })).toThrow(
      'TpeSampler: gamma must be a number in (0, 1]; got 0.',
    );
    expect(() => new TpeSampler({ startupTrials: -1 })).toThrow(
      'TpeSampler: startupTrials must be an integer ≥ 0; got -1.',
    );
    expect(() => new TpeSampler({ candidates: 1.5 })).toThrow(
      'TpeSampler: candidates must be an integer ≥ 1; got 1.5.',
    );
    expect(() => new TpeSampler({ priorWeight: 0 })).toThrow(
      'TpeSampler: priorWeight must be a positive finite number; got 0.',
    );
  });

  it('checks the trial generator arguments', () => {
    expect(() => createTrialRng(1.5, 0)).toThrow(
      'createTrialRng: seed must be an integer; got 1.5.',
    );
    expect(() => createTrialRng(1, -1)).toThrow(
      'createTrialRng: trialIndex must be a non-negative integer; got -1.',
    );
    // Seeds beyond 32 bits still count in full.
    expect(createTrialRng(2 ** 40, 0).next()).not.toBe(createTrialRng(0, 0).next());
  });
});
