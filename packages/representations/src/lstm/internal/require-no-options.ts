import { describeValue } from '@seqrec/interactions';

/**
 * Checks the options of a representation that takes none yet: only an empty object passes.
 *
 * @throws TypeError if `options` is not an object.
 * @throws RangeError naming the first key it has.
 * @internal
 */
export function requireNoOptions(api: string, options: unknown): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${api}: options must be an object; got ${describeValue(options)}.`);
  }
  const [key] = Object.keys(options);
  if (key !== undefined) {
    throw new RangeError(
      `${api}: options must be empty (it has none yet); got key ${describeValue(key)}.`,
    );
  }
}
