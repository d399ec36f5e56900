import { describeValue } from '../describe-value.js';
import { checkKeys } from '../internal/check-keys.js';

/** @internal Checks a fraction option: a number in [0, 1). */
export function requireFraction(api: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
    throw new RangeError(
      `${api}: ${name} must be a number in [0, 1); got ${describeValue(value)}.`,
    );
  }
  return value;
}

/** @internal Checks a seed option: a safe integer. */
export function requireSeed(api: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new RangeError(`${api}: seed must be an integer; got ${describeValue(value)}.`);
  }
  return value;
}

/** @internal Positions where `mask` is `want`, ascending. */
export function positionsWhere(mask: Uint8Array, want: number): Int32Array {
  let count = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] === want) count++;
  const out = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] === want) out[k++] = i;
  return out;
}

/** @internal Checks `testFraction` and `validationFraction` (defaults 0.2 and 0) together. */
export function resolveFractions(
  api: string,
  options: { readonly testFraction?: number; readonly validationFraction?: number },
): { readonly testFraction: number; readonly validationFraction: number } {
  checkKeys(api, options, ['testFraction', 'validationFraction', 'seed']);
  const testFraction = requireFraction(api, 'testFraction', options.testFraction ?? 0.2);
  const validationFraction = requireFraction(
    api,
    'validationFraction',
    options.validationFraction ?? 0,
  );
  if (testFraction + validationFraction >= 1) {
    throw new RangeError(
      `${api}: testFraction + validationFraction must be below 1; ` +
        `got ${String(testFraction + validationFraction)}.`,
    );
  }
  return { testFraction, validationFraction };
}
