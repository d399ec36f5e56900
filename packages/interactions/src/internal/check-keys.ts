import { describeValue } from '../describe-value.js';

/**
 * Throws unless `options` is an object whose keys are all in `known`: a misspelt option
 * would otherwise be ignored silently and its default used.
 */
export function checkKeys(api: string, options: unknown, known: readonly string[]): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${api}: options must be an object; got ${describeValue(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new RangeError(
        `${api}: options must only hold ${known.join(', ')}; got ${describeValue(key)}.`,
      );
    }
  }
}
