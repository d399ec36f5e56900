import { describeValue } from '@seqrec/interactions';

import type { LossContext } from '../loss.js';

/**
 * Checks a loss's context: `numItems` an integer of at least 2 (padding and one item) and
 * `numNegatives` a positive integer.
 *
 * @internal
 */
export function resolveLossContext(api: string, context: LossContext): LossContext {
  if (typeof context !== 'object' || context === null) {
    throw new TypeError(`${api}: context must be an object; got ${describeValue(context)}.`);
  }
  const { numItems, numNegatives } = context;
  if (typeof numItems !== 'number' || !Number.isSafeInteger(numItems) || numItems < 2) {
    throw new RangeError(
      `${api}: context.numItems must be an integer of at least 2 (padding included); ` +
        `got ${describeValue(numItems)}.`,
    );
  }
  if (typeof numNegatives !== 'number' || !Number.isSafeInteger(numNegatives) || numNegatives < 1) {
    throw new RangeError(
      `${api}: context.numNegatives must be a positive integer; got ${describeValue(numNegatives)}.`,
    );
  }
  return Object.freeze({ numItems, numNegatives });
}

/**
 * Checks that `options` is a plain object with no keys but `allowed`, so a misspelt option
 * fails instead of being ignored.
 *
 * @internal
 */
export function checkOptionKeys(api: string, options: unknown, allowed: readonly string[]): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${api}: options must be an object; got ${describeValue(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      const known = allowed.length === 0 ? 'none' : allowed.join(', ');
      throw new RangeError(
        `${api}: options must have only known keys (${known}); got ${describeValue(key)}.`,
      );
    }
  }
}
