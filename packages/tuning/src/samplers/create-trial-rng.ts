import { describeValue, mix32 } from '@seqrec/interactions';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * The random generator of one trial: a xoroshiro128+ whose 128-bit state is hashed from the
 * search's seed and the trial's index. Trial i's draws therefore depend on nothing else:
 * not on how many trials ran before, nor in which order or process.
 *
 * @param seed - the search's seed, a safe integer.
 * @param trialIndex - the trial's index, a non-negative safe integer.
 * @throws RangeError if either is not such an integer.
 * @example
 * ```ts
 * import { createTrialRng } from '@seqrec/tuning';
 *
 * console.assert(createTrialRng(42, 3).next() === createTrialRng(42, 3).next());
 * console.assert(createTrialRng(42, 3).next() !== createTrialRng(42, 4).next());
 * ```
 */
export function createTrialRng(seed: number, trialIndex: number): RandomGenerator {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`createTrialRng: seed must be an integer; got ${describeValue(seed)}.`);
  }
  if (!Number.isSafeInteger(trialIndex) || trialIndex < 0) {
    throw new RangeError(
      'createTrialRng: trialIndex must be a non-negative integer; ' +
        `got ${describeValue(trialIndex)}.`,
    );
  }
  const seedLow = seed >>> 0;
  const seedHigh = Math.floor(seed / 2 ** 32) >>> 0;
  const indexLow = trialIndex >>> 0;
  const indexHigh = Math.floor(trialIndex / 2 ** 32) >>> 0;
  let h = mix32(seedLow ^ 0x9e3779b9);
  h = mix32(h ^ mix32(seedHigh + 0x7f4a7c15));
  h = mix32(h ^ mix32(indexLow + 0x6a09e667));
  h = mix32(h ^ mix32(indexHigh + 0xbb67ae85));
  const state: number[] = [1, 2, 3, 4].map((k) => mix32(h + Math.imul(k, 0x9e3779b9)) | 0);
  // An all-zero state would only ever produce zeros.
  if (!state.some((word) => word !== 0)) state[0] = 1;
  return xoroshiro128plusFromState(state);
}
