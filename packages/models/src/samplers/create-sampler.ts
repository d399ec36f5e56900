import { describeValue } from '@seqrec/interactions';

import type { NegativeSampler } from './negative-sampler.js';
import { PopularitySampler } from './popularity-sampler.js';
import { UniformSampler } from './uniform-sampler.js';

/**
 * Names of the built-in negative samplers.
 *
 * @example
 * ```ts
 * import { SAMPLER_NAMES } from '@seqrec/models';
 *
 * console.assert(SAMPLER_NAMES.includes('popularity'));
 * ```
 */
export const SAMPLER_NAMES = ['uniform', 'uniform-excluding-padding', 'popularity'] as const;

/**
 * One of {@link SAMPLER_NAMES}.
 *
 * @example
 * ```ts
 * import { SAMPLER_NAMES, createSampler, type SamplerName } from '@seqrec/models';
 *
 * const name: SamplerName = 'uniform-excluding-padding';
 * console.assert(SAMPLER_NAMES.includes(name) && createSampler(name).name === name);
 * ```
 */
export type SamplerName = (typeof SAMPLER_NAMES)[number];

/**
 * Builds a built-in sampler by name.
 *
 * @param options - `exponent` for `popularity`.
 * @throws RangeError if the name is unknown.
 * @example
 * ```ts
 * import { createSampler } from '@seqrec/models';
 *
 * console.assert(createSampler('uniform').name === 'uniform');
 * ```
 */
export function createSampler(
  name: string,
  options: { readonly exponent?: number } = {},
): NegativeSampler {
  switch (name) {
    case 'uniform':
      return new UniformSampler();
    case 'uniform-excluding-padding':
      return new UniformSampler({ excludePadding: true });
    case 'popularity':
      return new PopularitySampler(options);
    default:
      throw new RangeError(
        `createSampler: name must be one of ${SAMPLER_NAMES.join(', ')}; got ${describeValue(name)}.`,
      );
  }
}
