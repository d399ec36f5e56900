import { describeValue } from '@seqrec/interactions';

import { RandomSampler } from './random-sampler.js';
import type { Sampler } from './sampler.js';
import { TpeSampler, type TpeSamplerOptions } from './tpe-sampler.js';

/**
 * Names of the built-in search samplers.
 *
 * @example
 * ```ts
 * import { SEARCH_SAMPLER_NAMES } from '@seqrec/tuning';
 *
 * console.assert(SEARCH_SAMPLER_NAMES.includes('tpe'));
 * ```
 */
export const SEARCH_SAMPLER_NAMES = ['tpe', 'random'] as const;

/**
 * One of {@link SEARCH_SAMPLER_NAMES}.
 *
 * @example
 * ```ts
 * import { SEARCH_SAMPLER_NAMES, createSampler, type SearchSamplerName } from '@seqrec/tuning';
 *
 * const name: SearchSamplerName = 'random';
 * console.assert(SEARCH_SAMPLER_NAMES.includes(name) && createSampler(name).name === 'random');
 * ```
 */
export type SearchSamplerName = (typeof SEARCH_SAMPLER_NAMES)[number];

/**
 * Builds a built-in sampler by name, e.g. from a command-line flag.
 *
 * @param name - `'tpe'` or `'random'`.
 * @param options - the {@link TpeSamplerOptions} for `'tpe'`; ignored by `'random'`.
 * @throws RangeError if the name is unknown, or an option is out of range.
 * @example
 * ```ts
 * import { createSampler } from '@seqrec/tuning';
 *
 * console.assert(createSampler('tpe', { startupTrials: 10 }).name === 'tpe');
 * console.assert(createSampler('random').name === 'random');
 * ```
 */
export function createSampler(name: string, options: TpeSamplerOptions = {}): Sampler {
  switch (name) {
    case 'tpe':
      return new TpeSampler(options);
    case 'random':
      return new RandomSampler();
    default:
      throw new RangeError(
        `createSampler: name must be one of ${SEARCH_SAMPLER_NAMES.join(', ')}; ` +
          `got ${describeValue(name)}.`,
      );
  }
}
