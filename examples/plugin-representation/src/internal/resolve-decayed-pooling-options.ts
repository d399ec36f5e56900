import { describeValue } from '@seqrec/interactions';

/** `DecayedPoolingOptions` with every default filled in. @internal */
export interface ResolvedDecayedPoolingOptions {
  readonly halfLife: number;
  readonly perDimension: boolean;
}

const API = 'DecayedPoolingRepresentation';
const KNOWN = ['halfLife', 'perDimension'];

/**
 * Checks the options of `DecayedPoolingRepresentation` once, at construction, and fills in
 * the defaults (half-life 3 items, one decay per coordinate).
 *
 * @throws TypeError if `options` is not an object or `perDimension` is not a boolean.
 * @throws RangeError for an unknown key or a half-life that is not a finite number ≥ 0.01.
 * @internal
 */
export function resolveDecayedPoolingOptions(options: unknown): ResolvedDecayedPoolingOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${API}: options must be an object; got ${describeValue(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN.includes(key)) {
      throw new RangeError(
        `${API}: options must only hold known keys (${KNOWN.join(', ')}); ` +
          `got ${describeValue(key)}.`,
      );
    }
  }
  const given = options as { readonly halfLife?: unknown; readonly perDimension?: unknown };

  // Below 0.01 items the initial decay rounds to 0 in float32 and its logit to -Infinity.
  const halfLife = given.halfLife ?? 3;
  if (typeof halfLife !== 'number' || !Number.isFinite(halfLife) || halfLife < 0.01) {
    throw new RangeError(
      `${API}: halfLife must be a finite number of items ≥ 0.01; got ${describeValue(halfLife)}.`,
    );
  }
  const perDimension = given.perDimension ?? true;
  if (typeof perDimension !== 'boolean') {
    throw new TypeError(
      `${API}: perDimension must be a boolean; got ${describeValue(perDimension)}.`,
    );
  }
  return { halfLife, perDimension };
}
