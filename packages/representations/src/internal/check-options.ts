import { describeValue } from '@seqrec/interactions';

/**
 * Checks that `options` is a plain object holding only `known` keys, and returns it for the
 * per-key checks that follow.
 *
 * @throws TypeError if `options` is not an object.
 * @throws RangeError naming the first unknown key and listing the known ones.
 * @internal
 */
export function readOptions<K extends string>(
  api: string,
  options: unknown,
  known: readonly K[],
): Readonly<Partial<Record<K, unknown>>> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${api}: options must be an object; got ${describeValue(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (!(known as readonly string[]).includes(key)) {
      throw new RangeError(
        `${api}: options must only hold known keys (${known.join(', ')}); ` +
          `got ${describeValue(key)}.`,
      );
    }
  }
  return options as Readonly<Partial<Record<K, unknown>>>;
}

/**
 * @throws RangeError if `value` is not a positive safe integer.
 * @internal
 */
export function requirePositiveInteger(api: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(
      `${api}: ${name} must be a positive integer; got ${describeValue(value)}.`,
    );
  }
  return value;
}

/**
 * @throws TypeError if `value` is not a boolean.
 * @internal
 */
export function requireBoolean(api: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new TypeError(`${api}: ${name} must be a boolean; got ${describeValue(value)}.`);
  }
  return value;
}

/**
 * @throws RangeError if `value` is not one of `choices`.
 * @internal
 */
export function requireChoice<T extends string>(
  api: string,
  name: string,
  value: unknown,
  choices: readonly T[],
): T {
  if (!(choices as readonly unknown[]).includes(value)) {
    throw new RangeError(
      `${api}: ${name} must be one of ${choices.join(', ')}; got ${describeValue(value)}.`,
    );
  }
  return value as T;
}
