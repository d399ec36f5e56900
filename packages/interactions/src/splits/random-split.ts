import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

import type { Interactions } from '../interactions.js';
import type { Split } from './split-result.js';
import { positionsWhere, requireSeed, resolveFractions } from './validate.js';

/**
 * Options of {@link randomSplit}.
 *
 * @example
 * ```ts
 * import { Interactions, randomSplit, type RandomSplitOptions } from '@seqrec/interactions';
 *
 * const users = Array.from({ length: 10 }, (_, i) => i);
 * const data = Interactions.fromRaw({ users, items: users });
 * const options: RandomSplitOptions = { testFraction: 0.2, validationFraction: 0.1, seed: 3 };
 * const { train, validation, test } = randomSplit(data, options);
 * console.assert(train.length === 7 && validation.length === 1 && test.length === 2);
 * ```
 */
export interface RandomSplitOptions {
  /** Fraction of interactions that go to `test`, in [0, 1) (default 0.2). */
  readonly testFraction?: number;
  /** Fraction of interactions that go to `validation`, in [0, 1) (default 0). */
  readonly validationFraction?: number;
  /** Seed of the shuffle (default 0). */
  readonly seed?: number;
}

/**
 * Splits interactions at random, each interaction independently of its user: a seeded
 * shuffle assigns exactly `floor(testFraction × n)` interactions to test and
 * `floor(validationFraction × n)` to validation. Each part keeps the input order, so ties in
 * time stay in file order when the parts are windowed.
 *
 * @throws RangeError if a fraction is outside [0, 1), their sum is not below 1, or the seed
 *   is not an integer.
 * @see Spotlight's `random_train_test_split`, whose cut-off this follows.
 * @example
 * ```ts
 * import { Interactions, randomSplit } from '@seqrec/interactions';
 *
 * const data = Interactions.fromRaw({ users: [1, 1, 1, 1, 1], items: [1, 2, 3, 4, 5] });
 * const { train, test } = randomSplit(data, { testFraction: 0.4, seed: 7 });
 * console.assert(train.length === 3 && test.length === 2);
 * ```
 */
export function randomSplit(data: Interactions, options: RandomSplitOptions = {}): Split {
  const api = 'randomSplit';
  const { testFraction, validationFraction } = resolveFractions(api, options);
  const rng = xoroshiro128plus(requireSeed(api, options.seed ?? 0));

  const n = data.length;
  const numTest = Math.floor(testFraction * n);
  const numValidation = Math.floor(validationFraction * n);
  // A partial Fisher–Yates shuffle: only the first numTest + numValidation slots are drawn.
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = 0; i < numTest + numValidation; i++) {
    const j = uniformInt(rng, i, n - 1);
    const t = perm[i] as number;
    perm[i] = perm[j] as number;
    perm[j] = t;
  }

  const part = new Uint8Array(n);
  for (let i = 0; i < numTest; i++) part[perm[i] as number] = 2;
  for (let i = numTest; i < numTest + numValidation; i++) part[perm[i] as number] = 1;
  return {
    train: data.subset(positionsWhere(part, 0)),
    validation: data.subset(positionsWhere(part, 1)),
    test: data.subset(positionsWhere(part, 2)),
  };
}
